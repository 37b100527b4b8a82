"""The real program, started in a real terminal, shows its first screen and no traceback."""

from __future__ import annotations

import pytest

from tests.e2e.tmux import TmuxSession

pytestmark = pytest.mark.e2e


def test_start_screen_then_quit(tmp_path):
    with TmuxSession(["--data-dir", str(tmp_path)]) as term:
        screen = term.wait_for("Snabbkoll")  # the name itself may be in big letters (a tall screen)
        assert "Workshop" in screen and "Teamavstämning" in screen
        assert "Traceback" not in screen
        term.send("C-q")
        screen = term.wait_for("EXITED:0")
        assert "Traceback" not in screen
