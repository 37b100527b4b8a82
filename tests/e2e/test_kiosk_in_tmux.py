"""The real program under tmux: the kiosk survives quit and suspend keys, and a SIGKILL
mid-session loses no confirmed ballot."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

import pytest

from kiosk.core.store import DB_NAME
from tests.e2e.tmux import TmuxSession

pytestmark = pytest.mark.e2e


def kiosk_pid(data_dir) -> int:
    # The newest match is the Python process (the shell that started it matches too).
    out = subprocess.run(
        ["pgrep", "-n", "-f", "--", f"run.py .*--data-dir {data_dir}"], capture_output=True, text=True
    ).stdout.split()
    assert out, "the kiosk process was not found"
    return int(out[0])


def test_kiosk_ignores_quit_and_suspend_keys(tmp_path):
    with TmuxSession(["--mode", "walkup", "--kiosk", "--data-dir", str(tmp_path)], width=80, height=24) as term:
        term.wait_for("Tryck Enter")
        pid = kiosk_pid(tmp_path)
        for key in ("C-q", "C-c", "C-z", "C-\\", "C-p", "Escape", "F4", "C-d"):
            term.send(key)
            time.sleep(0.3)
        screen = term.screen()
        assert "EXITED" not in screen and "Traceback" not in screen
        assert kiosk_pid(tmp_path) == pid
        term.send("Enter")  # still answering
        term.wait_for("Var står du i dag?")


def next_voter(term: TmuxSession, n: int) -> None:
    """Enter on the lobby opens ballot number ``n``. An Enter that reaches the previous ballot
    while it is still closing is ignored by design (the router acts only for the screen on
    top), so on a busy machine the next person presses it again, as a person would."""
    term.send("Enter")
    try:
        term.wait_for(f"Röst nummer {n}", timeout=5)
    except AssertionError:
        term.send("Enter")
        term.wait_for(f"Röst nummer {n}")


def test_sigkill_loses_no_confirmed_ballot(tmp_path):
    args = ["--mode", "workshop", "--data-dir", str(tmp_path), "--seed", "3"]
    with TmuxSession(args, width=100, height=30) as term:
        term.wait_for("Förbered workshopen")
        term.send("C-s")
        term.wait_for("Sluten omröstning")
        for n, keys in enumerate(("3123451234", "1555512345", "2333333333"), 1):
            next_voter(term, n)
            term.send(*keys)
            term.send("Enter")
            term.wait_for(f"{n} har röstat")
        # The fourth person is halfway through a ballot when the power goes.
        next_voter(term, 4)
        term.send(*"3123")
        time.sleep(0.2)
        os.kill(kiosk_pid(tmp_path), signal.SIGKILL)
        term.wait_for("EXITED:137")
    db = sqlite3.connect(tmp_path / DB_NAME)
    answers = [row[0] for row in db.execute("SELECT answers FROM ballots WHERE undone_at IS NULL ORDER BY id")]
    (integrity,) = db.execute("PRAGMA integrity_check").fetchone()
    db.close()
    assert integrity == "ok"
    assert len(answers) == 3
    assert '"level": "both"' in answers[0] and '"level": "limited"' in answers[1]
    with TmuxSession(args, width=100, height=30) as term:
        term.wait_for("Fortsätta där ni var?")
        assert "3 röster sparade" in term.screen()
        term.send("Enter")
        term.wait_for("3 har röstat")
