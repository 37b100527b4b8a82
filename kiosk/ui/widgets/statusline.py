"""The one place a screen confirms or warns: a line reserved just above the key bar.

It belongs to its screen, so a confirmation never outlives the screen it confirms (a toast
belongs to the app and stays over the next screen), and it has its own row, so it never
covers content. The text is shown as plain text: it may carry a user's or a deck's words.
"""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

TONES = ("info", "success", "warning", "error")


class StatusLine(Static):
    SCOPED_CSS = False  # one rule looks at the screen's size class
    DEFAULT_CSS = """
    StatusLine {
        dock: bottom;
        height: auto;
        min-height: 1;
        max-height: 3;  /* a long message wraps rather than being cut */
        margin-bottom: 1;  /* the key bar's row */
        width: 100%;
        padding: 0 2;
        text-style: bold;
        color: $text-muted;
    }
    /* At 80x24 every row counts: an empty line gives its row back to the content (a message
       then moves the content up by a row rather than covering any of it). */
    Screen.-short StatusLine.-empty { display: none; }
    StatusLine.-success { color: $success; }
    StatusLine.-warning { color: $warning; }
    StatusLine.-error { color: $error; }
    """

    def __init__(self, *, id: str | None = "status") -> None:
        super().__init__("", id=id, markup=False, classes="-empty")
        self.text = ""
        self.tone = "info"
        self._clear_timer: Timer | None = None

    def show(self, text: str, tone: str = "info", seconds: float | None = None) -> None:
        """Show ``text`` (empty clears); with ``seconds`` it clears itself after that long."""
        if tone not in TONES:
            raise ValueError(f"unknown tone {tone!r}")
        if self._clear_timer is not None:
            self._clear_timer.stop()
            self._clear_timer = None
        self.text, self.tone = text, tone
        for name in TONES:
            self.set_class(name == tone and bool(text), f"-{name}")
        self.set_class(not text, "-empty")
        self.update(Text(text))
        if text and seconds is not None:
            self._clear_timer = self.set_timer(seconds, lambda: self.show(""))
