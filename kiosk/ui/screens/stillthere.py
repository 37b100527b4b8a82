"""Walk-up: after a while without input, "are you still there?" with a visible countdown,
then back to the attract screen with the session closed."""

from __future__ import annotations

import math
from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from .modal import KioskModal


class StillThereScreen(KioskModal[bool]):
    """Dismisses with True when someone touches a key, False when the time runs out."""

    DEFAULT_CSS = """
    StillThereScreen { align: center middle; }
    StillThereScreen #still { width: 60; max-width: 100%; height: auto; background: $surface;
                              border: thick $warning; padding: 1 2; }
    StillThereScreen #still Static { width: 100%; content-align: center middle; }
    StillThereScreen #still-count { text-style: bold; color: $warning; }
    """

    def __init__(self, language: str, seconds: float, clock: Callable[[], float]) -> None:
        super().__init__(language)
        self.seconds = seconds
        self.clock = clock
        self.deadline = 0.0

    def compose(self) -> ComposeResult:
        with Vertical(id="still"):
            yield Static(self.t("still.title"), classes="title")
            yield Static("", id="still-count")
            yield Static(self.t("still.hint"), classes="hint")

    def on_mount(self) -> None:
        self.deadline = self.clock() + self.seconds
        self.tick()
        self.set_interval(0.5, self.tick)

    def tick(self) -> None:
        left = self.deadline - self.clock()
        if left <= 0:
            self.dismiss(False)
            return
        self.query_one("#still-count", Static).update(self.t("still.count", n=math.ceil(left)))

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.dismiss(True)

    def on_click(self, event: events.Click) -> None:
        self.dismiss(True)
