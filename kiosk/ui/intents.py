"""What a flow screen asks for. Screens post these and never move on by themselves; the
flow router (``flow.py``) decides what follows, and ignores a screen that is no longer
the one on top (a key typed faster than the screen above it opened)."""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.screen import Screen


class Intent(Message):
    def __init__(self, screen: Screen, value: Any = None) -> None:
        super().__init__()
        self.screen = screen
        self.value = value


class Done(Intent):
    """The step is finished; ``value`` is what it produced (answers, settings, a plan)."""


class Back(Intent):
    """Esc: back one step."""


class Chosen(Intent):
    """Something picked on the step that opens a side step (a card, a ballot, the timer)
    or that the step cannot handle alone (counted hands, a new language)."""
