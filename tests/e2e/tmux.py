"""Drive the real program in a real terminal: tmux with send-keys and capture-pane."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def own_environment() -> dict[str, str]:
    """The environment as this process declares it (``os.environ``), for a child.

    Without it a child inherits the C library's environment, which can differ: GNU
    readline, once anything in the test process imports it (pytest does), exports
    COLUMNS=80 and LINES=24 there without touching ``os.environ``. The tmux server took
    those into its global environment, and the app in a 200x60 pane, which sizes itself by
    them before it asks the terminal, drew itself at 80x24."""
    return {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}


def require_tmux() -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (.ci/run installs it)")


class TmuxSession:
    def __init__(
        self,
        args: list[str],
        *,
        width: int = 120,
        height: int = 40,
        env: dict[str, str] | None = None,
        program: list[str] | None = None,
    ):
        """``program`` is the command that starts the app (default: this checkout's run.py)."""
        require_tmux()
        self.name = f"kiosk-{uuid.uuid4().hex[:8]}"
        self.socket = f"kiosk-test-{uuid.uuid4().hex[:8]}"
        program = program or [sys.executable, str(ROOT / "run.py")]
        # Port 0: test runs side by side never find the server's port busy (a test's own
        # --listen, coming later, wins).
        command = " ".join(shlex.quote(a) for a in [*program, "--listen", "0.0.0.0:0", *args])
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        term = (env or {}).get("TERM", "xterm-256color")
        shell = f"cd {shlex.quote(str(ROOT))} && env TERM={term} {exports} {command}; echo EXITED:$?; sleep 30"
        self.width, self.height = width, height
        subprocess.run(
            [
                "tmux",
                "-L",
                self.socket,
                "-f",
                "/dev/null",  # no one's own tmux.conf (its default-size, its status line)
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(width),
                "-y",
                str(height),
                "bash",
                "-c",
                shell,
            ],
            check=True,
            env=own_environment(),  # the tmux server's, so the pane's: no size but the pane's
        )

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def pane_size(self) -> tuple[int, int]:
        """The pane's size as tmux says it: what the program in it is told."""
        width, height = self.tmux("display", "-p", "-t", self.name, "#{pane_width} #{pane_height}").split()
        return int(width), int(height)

    def drawn_rows(self) -> int:
        """How many rows the app draws: its footer is on the last of them. An app that
        draws at 80x24 in a 200x60 pane leaves the rows below 24 blank."""
        rows = self.screen().split("\n")
        drawn = [n for n, row in enumerate(rows) if row.strip()]
        return drawn[-1] + 1 if drawn else 0

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear within {timeout}s; screen was:\n{screen}")

    def close(self) -> None:
        self.tmux("kill-server")

    def __enter__(self) -> TmuxSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
