"""On the bare Linux console (TERM=linux) every glyph on every screen must exist in the
console font, which carries the CP437 set. Walks a workshop through its screens in tmux."""

from __future__ import annotations

import os
import time

import pytest

from tests.e2e.tmux import TmuxSession

pytestmark = pytest.mark.e2e

CP437 = (
    set(bytes(range(128, 256)).decode("cp437"))
    | {chr(c) for c in range(32, 127)}
    | set("☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼")
)


def test_every_screen_uses_console_glyphs(tmp_path):
    foreign: dict[str, set[str]] = {}
    steps = [
        ("setup", []),
        ("lobby", ["C-s"]),
        ("ballot", ["Enter"]),
        ("results", [*"3123451234", "Enter", "C-r", "Right", "Enter"]),
        ("deal", ["Enter"]),
        ("card", ["Enter"]),
        ("exercise", ["t"]),
        ("plan", ["Escape", "Escape", "c"]),
        ("help", ["F1"]),
    ]
    with TmuxSession(
        ["--mode", "workshop", "--data-dir", str(tmp_path), "--seed", "5"], width=80, height=24, env={"TERM": "linux"}
    ) as term:
        term.wait_for("Förbered workshopen")
        for name, keys in steps:
            if keys:
                term.send(*keys)
            time.sleep(0.6)
            screen = term.screen()
            assert "unexpected error" not in screen and "Traceback" not in screen, screen
            for ch in screen:
                if ch not in CP437 and ch != "\n":
                    foreign.setdefault(ch, set()).add(name)
    assert foreign == {}, {f"U+{ord(c):04X} {c}": sorted(w) for c, w in foreign.items()}


@pytest.mark.parametrize(("width", "height"), [(200, 60), (80, 24)])
def test_the_app_draws_at_the_size_of_its_pane(tmp_path, width, height):
    """Under pytest the C environment held COLUMNS=80 LINES=24 (GNU readline exports them
    once imported, behind os.environ's back); tmux passed them on and the app in a 200x60
    pane drew itself at 80x24, so a test "at 200x60" looked at 80x24. Set here on purpose,
    as readline does: the pane must still decide the size."""
    os.putenv("COLUMNS", "80")
    os.putenv("LINES", "24")
    try:
        with TmuxSession(
            ["--mode", "workshop", "--data-dir", str(tmp_path)], width=width, height=height, env={"TERM": "linux"}
        ) as term:
            screen = term.wait_for("Förbered workshopen")
            assert term.pane_size() == (width, height)
            assert_fills_pane(term)
            title = next(row for row in screen.splitlines() if "Förbered workshopen" in row)
            middle = title.index("Förbered workshopen") + len("Förbered workshopen") / 2
            assert abs(middle - width / 2) <= 2, title  # centred in the pane's width, not in 80
    finally:
        os.unsetenv("COLUMNS")
        os.unsetenv("LINES")


def assert_fills_pane(term: TmuxSession) -> None:
    """The app's footer is on the pane's last row: it draws at the pane's size."""
    assert term.drawn_rows() == term.height, f"drawn at {term.drawn_rows()} rows in a {term.height}-row pane"


def test_projector_screens_at_200x60_use_console_glyphs(tmp_path):
    """The lobby, a card and the share screen as a projector shows them, at the size they
    claim (each one checked to fill the pane)."""
    foreign: dict[str, set[str]] = {}

    def look(name: str, term: TmuxSession) -> None:
        time.sleep(0.6)
        assert_fills_pane(term)
        screen = term.screen()
        assert "unexpected error" not in screen and "Traceback" not in screen, screen
        for ch in screen:
            if ch not in CP437 and ch != "\n":
                foreign.setdefault(ch, set()).add(name)

    args = ["--data-dir", str(tmp_path / "workshop"), "--seed", "2", "--mode", "workshop"]
    with TmuxSession(args, width=200, height=60, env={"TERM": "linux"}) as term:
        term.wait_for("Förbered workshopen")
        term.send("C-s")
        term.wait_for("omröstning")
        term.send("Enter")
        term.wait_for("Röst nummer 1")
        term.send(*"2342312312", "Enter")
        term.wait_for("1 har röstat")
        look("lobby", term)
        term.send("C-r")
        term.wait_for("Visa resultatet för alla?")
        term.send("Right", "Enter")
        term.wait_for("Resultat")
        look("results", term)
        term.send("Enter")
        term.wait_for("min")
        term.send("Enter")
        term.wait_for("Så gör ni")
        look("card", term)
    args = ["--data-dir", str(tmp_path / "walkup"), "--seed", "2", "--mode", "walkup"]
    with TmuxSession(args, width=200, height=60, env={"TERM": "linux"}) as term:
        term.wait_for("Enter")
        for wait, keys in [
            ("Enter", ["Enter"]),
            ("1", [*"324132432", "Enter"]),
            ("Resultat", ["Enter"]),
            ("min", ["Enter"]),
            ("Så gör ni", ["Enter"]),
            ("1", ["1"]),
            ("2", ["2"]),
        ]:
            term.wait_for(wait)
            time.sleep(0.3)
            term.send(*keys)
        term.wait_for("Spara och visa")
        term.send("Enter")
        term.wait_for("kod")
        look("share", term)
    assert foreign == {}, {f"U+{ord(c):04X} {c}": sorted(w) for c, w in foreign.items()}
