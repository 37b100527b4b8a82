"""The start screen: the three modes, big, with one line each on who they are for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from ...core.config import MODES
from ..widgets.footer import KioskFooter
from .base import KioskScreen, when_active


class StartScreen(KioskScreen):
    FIRST = True
    BINDINGS = [
        Binding("1", "mode('walkup')", show=False),
        Binding("2", "mode('workshop')", show=False),
        Binding("3", "mode('checkin')", show=False),
        Binding("4", "mode('followup')", show=False),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]
    HELP_KEYS = [("1 2 3 4", "help.start_digits"), ("Enter", "help.enter")]
    DEFAULT_CSS = """
    StartScreen { align: center middle; }
    StartScreen #start-box { width: 76; max-width: 100%; height: auto; max-height: 100%; }
    StartScreen Button { width: 100%; height: 3; margin-top: 1; }
    StartScreen .mode-help { color: $text-muted; width: 100%; content-align: center middle; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="start-box"):
            yield Static(self.t("start.title"), classes="title")
            yield Static(self.t("start.subtitle"), classes="subtitle")
            for number, mode in enumerate((*MODES, "followup"), 1):
                yield Button(f"{number}  {self.t('mode.' + mode)}", id=f"mode-{mode}", variant="primary")
                yield Static(self.t(f"mode.{mode}_help"), classes="mode-help")
        yield KioskFooter()

    def on_mount(self) -> None:
        self.query_one("#mode-walkup", Button).focus()

    @when_active
    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_mode(event.button.id.removeprefix("mode-"))

    def action_mode(self, mode: str) -> None:
        self.kiosk.start_mode(mode)
