"""The real program in a real terminal: each mode shows its first screen, no traceback;
a vote cast in the real program is in the database."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.core.store import DB_NAME
from tests.e2e.tmux import TmuxSession

pytestmark = pytest.mark.e2e

FIRST_SCREEN = {
    "walkup": "Tryck Enter för att börja",
    "workshop": "Förbered workshopen",
    "checkin": "Teamavstämning",
    "followup": "Följ upp en plan",
}


@pytest.mark.parametrize("mode", list(FIRST_SCREEN))
def test_mode_starts(mode, tmp_path):
    with TmuxSession(["--mode", mode, "--data-dir", str(tmp_path)], width=80, height=24) as term:
        screen = term.wait_for(FIRST_SCREEN[mode])
        assert "Traceback" not in screen
        term.send("C-q")
        assert "Traceback" not in term.wait_for("EXITED:0")


def test_english_and_linux_console(tmp_path):
    with TmuxSession(
        ["--mode", "workshop", "--lang", "en", "--data-dir", str(tmp_path)], env={"TERM": "linux"}
    ) as term:
        screen = term.wait_for("Prepare the workshop")
        assert "Traceback" not in screen


def test_walkup_vote_is_stored(tmp_path):
    with TmuxSession(["--mode", "walkup", "--data-dir", str(tmp_path), "--seed", "1"], width=100, height=30) as term:
        term.wait_for("Tryck Enter")
        term.send("Enter")
        term.wait_for("Var står du i dag?")
        term.send(*"123451234")
        term.send("Enter")
        screen = term.wait_for("Resultat")
        assert "svagast" in screen
        db = sqlite3.connect(tmp_path / DB_NAME)
        (count,) = db.execute("SELECT COUNT(*) FROM ballots WHERE undone_at IS NULL").fetchone()
        db.close()
        assert count == 1
