"""On the bare Linux console (TERM=linux) every glyph on every screen must exist in the
console font, which carries the CP437 set. Walks a workshop through its screens in tmux."""

from __future__ import annotations

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
