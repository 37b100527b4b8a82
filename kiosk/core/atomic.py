"""Write files so that a crash mid-write never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

PRIVATE_FILE = 0o600  # readable by the kiosk's user only (private_exports)


def write_atomic(path: Path | str, data: str | bytes, *, encoding: str = "utf-8", mode: int | None = None) -> Path:
    """Write to a temporary file in the same folder, flush it to disk, then rename it
    over ``path`` (an atomic replace on POSIX and Windows).

    A file that is replaced keeps its mode, owner and group: ``kiosk.toml`` set up as
    ``root:kiosk 0640`` must stay readable by the service after ``set-pin`` run as root.
    A new file gets the mode any program would give it (0666 less the umask), so a viewer
    page or an export can be served by a web server; ``mode`` sets the bits instead."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode(encoding) if isinstance(data, str) else data
    try:
        before = os.stat(target)
    except FileNotFoundError:
        before = None
    tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            if before is not None:
                _keep_owner_and_mode(fh.fileno(), before)
            if mode is not None:
                os.fchmod(fh.fileno(), mode)
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


def _keep_owner_and_mode(fd: int, before: os.stat_result) -> None:
    if hasattr(os, "fchown"):
        try:
            os.fchown(fd, before.st_uid, before.st_gid)
        except PermissionError:  # not root: the group may still be ours to give
            with contextlib.suppress(PermissionError):
                os.fchown(fd, -1, before.st_gid)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(before.st_mode))
