"""One kiosk per data directory.

Two kiosks on one data directory would resume the same live session and count different
results. The first kiosk holds an exclusive lock on ``innovationslek.lock`` for as long as
it runs (the operating system drops it when the process ends, even after ``kill -9``); a
second one is told the directory is in use, and by which process.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks here; the kiosk is deployed on Linux
    fcntl = None  # type: ignore[assignment]  # the module or nothing: checked before each use

LOCK_NAME = "innovationslek.lock"


class DataDirInUse(RuntimeError):
    def __init__(self, folder: Path, pid: int | None):
        self.folder, self.pid = folder, pid
        who = f"process {pid}" if pid else "another process"
        super().__init__(
            f"the data directory {folder} is in use by another kiosk ({who}); "
            "stop that one first, or give this one another --data-dir"
        )


class InstanceLock:
    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> InstanceLock:
        """Hold the lock, or raise :class:`DataDirInUse`. An OSError means the folder
        cannot hold a lock file (missing, read-only); opening the store then says why."""
        if fcntl is None:
            return self
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            raise DataDirInUse(self.folder, holder) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock; the file stays, harmless
            self._fd = None


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        return int(text) if text.isdigit() else None
    except OSError:
        return None
