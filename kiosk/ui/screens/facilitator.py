"""The facilitator menu (after the PIN in kiosk mode): switch mode, today's numbers,
export, quit; and how the sync with the organisation's database stands."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Static

from ...core.modes import ModeSpec
from .modal import KioskModal


class FacilitatorScreen(KioskModal[tuple[str, str]]):
    """Dismisses with ("mode", <mode name>), ("day", ""), ("export", ""), ("quit", "") or
    ("", "") (cancel)."""

    AUTO_FOCUS = "#cancel"
    BINDINGS = [Binding("escape", "cancel", show=False)]
    DEFAULT_CSS = """
    FacilitatorScreen { align: center middle; }
    FacilitatorScreen #menu { width: 60; max-width: 100%; height: auto; max-height: 100%; background: $surface;
                              border: thick $primary; padding: 1 2; }
    FacilitatorScreen Button { width: 100%; margin-top: 1; }
    FacilitatorScreen Button.-mode { margin-top: 0; }
    FacilitatorScreen #sync-status { margin-bottom: 1; text-align: center; color: $text-muted; }
    """

    def __init__(self, language: str, modes: tuple[ModeSpec, ...], sync_status: str = "") -> None:
        super().__init__(language)
        self.modes = modes
        self.sync_status = sync_status

    def compose(self) -> ComposeResult:
        with Vertical(id="menu"):
            yield Static(self.t("facilitator.title"), classes="title")
            # Plain text: the line may carry a database server's own words.
            yield Static(Text(self.sync_status), id="sync-status")
            for mode in self.modes:
                # Compact buttons: one line each, so the labels show and the menu fits 80x24.
                yield Button(
                    self.t("facilitator.switch", mode=self.t(f"mode.{mode.name}")),
                    id=f"mode-{mode.name}",
                    classes="-mode",
                    compact=True,
                )
            yield Button(self.t("facilitator.day"), id="day", compact=True)
            yield Button(self.t("facilitator.export"), id="export", compact=True)
            yield Button(self.t("facilitator.quit"), id="quit", variant="error", compact=True)
            yield Button(self.t("facilitator.cancel"), id="cancel", variant="primary", compact=True)

    @on(Button.Pressed, "#day, #export, #quit")
    def chose_action(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "", ""))

    @on(Button.Pressed, ".-mode")
    def chose_mode(self, event: Button.Pressed) -> None:
        self.dismiss(("mode", (event.button.id or "").removeprefix("mode-")))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(("", ""))
