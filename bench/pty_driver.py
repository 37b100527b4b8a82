"""Run a program in a real pseudo-terminal and watch what it draws."""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time

import pyte


class PtyProgram:
    def __init__(self, argv: list[str], *, width: int = 120, height: int = 40, env: dict | None = None, cwd=None):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        full_env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(width), LINES=str(height), **(env or {}))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=full_env, cwd=cwd, start_new_session=True
        )
        os.close(slave)
        # A real terminal emulator keeps the screen, since Textual only redraws what changed.
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)

    def _feed(self, chunk: bytes) -> None:
        self.stream.feed(chunk)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def read_for(self, seconds: float) -> bytes:
        """Everything the program writes during ``seconds``."""
        got = b""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                got += chunk
                self._feed(chunk)
        return got

    def wait_for_text(self, text: str, timeout: float = 30.0, settle: float = 0.0) -> float:
        """Seconds from now until ``text`` appears on screen (escape codes stripped)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                self._feed(chunk)
                if text in self.text():
                    elapsed = time.perf_counter() - start
                    if settle:
                        self.drain(settle)  # let the frame finish before the next key
                    return elapsed
        raise TimeoutError(f"{text!r} did not appear within {timeout}s; screen:\n{self.text()}")

    def settled(self, marker: str, quiet: float = 0.3, timeout: float = 30.0) -> tuple[float, int]:
        """Start-up as a user sees it: seconds from exec to the last output of the first
        complete screen (``marker`` on screen, then no output for ``quiet`` seconds), and how
        many separate bursts of output (paints) it took."""
        deadline = self.started + timeout
        last, bursts, seen = self.started, 0, False
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.master], [], [], quiet if seen else 0.05)
            if not ready:
                if seen:
                    return last - self.started, bursts
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            now = time.perf_counter()
            if now - last > 0.03:  # a pause between writes starts a new paint
                bursts += 1
            last = now
            self._feed(chunk)
            seen = seen or marker in self.text()
        raise TimeoutError(f"{marker!r} did not settle within {timeout}s; screen:\n{self.text()}")

    def send(self, data: str | bytes) -> None:
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    def first_output_after(self, data: str | bytes, timeout: float = 5.0, settle: float = 0.004) -> float:
        """Seconds from writing ``data`` until the program has written its response: the
        first output, plus whatever follows within ``settle`` seconds (one frame)."""
        self.drain()
        start = time.perf_counter()
        self.send(data)
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            raise TimeoutError("no output after the key")
        last = time.perf_counter()
        self._feed(os.read(self.master, 65536))
        while True:
            ready, _, _ = select.select([self.master], [], [], settle)
            if not ready:
                return last - start
            self._feed(os.read(self.master, 65536))
            last = time.perf_counter()

    def drain(self, quiet: float = 0.05) -> None:
        while True:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                return
            try:
                self._feed(os.read(self.master, 65536))
            except OSError:
                return

    def cpu_seconds(self) -> float:
        with open(f"/proc/{self.proc.pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def peak_rss_kib(self) -> int:
        with open(f"/proc/{self.proc.pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        os.close(self.master)
