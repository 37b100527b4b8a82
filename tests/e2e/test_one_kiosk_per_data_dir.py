"""A second kiosk on a data directory that a running kiosk uses says so, with the other
process's id, and exits with one line; nothing of the first one's session is touched."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.e2e.tmux import ROOT, TmuxSession

pytestmark = pytest.mark.e2e


def test_second_kiosk_on_the_same_data_dir_exits_with_the_first_ones_pid(tmp_path):
    data = tmp_path / "data"
    with TmuxSession(["--mode", "workshop", "--data-dir", str(data)], width=100, height=30) as first:
        first.wait_for("Förbered workshopen")
        holder = int((data / "innovationslek.lock").read_text().strip())
        os.kill(holder, 0)  # the running kiosk
        second = subprocess.run(
            [sys.executable, str(ROOT / "run.py"), "--mode", "workshop", "--data-dir", str(data)],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert second.returncode == 1
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and "in use by another kiosk" in lines[0] and f"process {holder}" in lines[0]
        assert "Traceback" not in second.stderr
        assert "Förbered workshopen" in first.screen()  # the first one runs on
    # Once the first kiosk is gone (here: its terminal closed), the lock is free again.
    from kiosk.core.instance_lock import InstanceLock

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and alive(holder):
        time.sleep(0.1)
    InstanceLock(data).acquire().release()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
