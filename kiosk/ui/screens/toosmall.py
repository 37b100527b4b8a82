"""Shown over everything while the terminal is below the minimum size."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Static

from .modal import KioskModal


class TooSmallScreen(KioskModal[None]):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; background: $background; }
    TooSmallScreen Static { width: 100%; content-align: center middle; text-align: center; padding: 0 1;
                            text-style: bold; color: $warning; }
    """

    def compose(self) -> ComposeResult:
        yield Static(self.t("small.message"), id="too-small")

    def on_key(self, event: events.Key) -> None:
        event.stop()  # nothing happens behind this screen until the window is larger
