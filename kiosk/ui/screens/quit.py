"""Outside --kiosk, Ctrl+Q or Ctrl+C with a session that holds something: quit, or stay?
It says what becomes of the session. "Stay" has the focus, so a stray Enter is harmless."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ..plain import plain
from .modal import KioskModal


class QuitScreen(KioskModal[bool]):
    """Dismisses with True to quit, False to stay (also Esc)."""

    BINDINGS = [
        Binding("escape", "stay", show=False),
        Binding("left,up", "app.focus_previous", show=False),
        Binding("right,down", "app.focus_next", show=False),
    ]
    AUTO_FOCUS = "#quit-stay"
    DEFAULT_CSS = """
    QuitScreen { align: center middle; }
    QuitScreen #quit-box { width: 64; max-width: 100%; height: auto; max-height: 100%;
                           background: $surface; border: thick $warning; padding: 1 2; }
    QuitScreen #quit-detail { width: 100%; margin-top: 1; }
    QuitScreen #quit-buttons { width: 100%; height: auto; margin-top: 1; align: center top; }
    QuitScreen #quit-buttons Button { width: 1fr; margin: 0 1; }
    """

    def __init__(self, language: str, resumable: bool) -> None:
        super().__init__(language)
        self.resumable = resumable  # the next start offers to go on with this session

    def compose(self) -> ComposeResult:
        detail = "room_keys.quit_resumable" if self.resumable else "room_keys.quit_kept"
        with Vertical(id="quit-box"):
            yield Static(self.t("room_keys.quit_question"), classes="title")
            yield Static(plain(self.t(detail)), id="quit-detail")
            with Horizontal(id="quit-buttons"):
                yield Button(self.t("room_keys.quit_no"), id="quit-stay", variant="primary")
                yield Button(self.t("room_keys.quit_yes"), id="quit-yes", variant="warning")

    @on(Button.Pressed)
    def answered(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "quit-yes")

    def action_stay(self) -> None:
        self.dismiss(False)
