"""The facilitator menu (after the PIN in kiosk mode): switch mode, today's numbers,
export, quit."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...core.config import MODES
from ...core.i18n import t


class FacilitatorScreen(ModalScreen[str]):
    """Dismisses with "mode:<mode>", "day", "export", "quit" or "" (cancel)."""

    BINDINGS = [Binding("escape", "cancel", show=False)]
    DEFAULT_CSS = """
    FacilitatorScreen { align: center middle; }
    FacilitatorScreen #menu { width: 60; max-width: 100%; height: auto; max-height: 100%; background: $surface;
                              border: thick $primary; padding: 1 2; }
    FacilitatorScreen Button { width: 100%; margin-top: 1; height: 1; border: none; }
    """

    def compose(self) -> ComposeResult:
        lang = self.app.language  # type: ignore[attr-defined]
        with Vertical(id="menu"):
            yield Static(t(lang, "facilitator.title"), classes="title")
            # Plain text: the line may carry a database server's own words.
            yield Static(Text(self.app.sync_status_text()), id="sync-status")  # type: ignore[attr-defined]
            for mode in MODES:
                yield Button(t(lang, "facilitator.switch", mode=t(lang, f"mode.{mode}")), id=f"mode-{mode}")
            yield Button(t(lang, "facilitator.day"), id="day")
            yield Button(t(lang, "facilitator.export"), id="export")
            yield Button(t(lang, "facilitator.quit"), id="quit", variant="error")
            yield Button(t(lang, "facilitator.cancel"), id="cancel", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button.startswith("mode-"):
            self.dismiss("mode:" + button.removeprefix("mode-"))
        else:
            self.dismiss("" if button == "cancel" else button)

    def action_cancel(self) -> None:
        self.dismiss("")
