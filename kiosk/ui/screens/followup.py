"""Follow-up, step one: which plan are we following up? Its code (shown on the share
screen), a saved plan file, or the plan's link."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from ..intents import Done
from ..widgets.footer import KioskFooter
from .base import KioskScreen


class FollowUpScreen(KioskScreen):
    HELP_KEYS = [("Enter", "help.followup_enter")]
    AUTO_FOCUS = "#reference"
    DEFAULT_CSS = """
    FollowUpScreen { align: center middle; }
    FollowUpScreen #followup { width: 80; max-width: 100%; height: auto; }
    FollowUpScreen Input, FollowUpScreen Button { width: 100%; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="followup"):
            yield Static(self.t("followup.title"), classes="title")
            yield Static(self.t("followup.hint"), classes="subtitle")
            yield Input(placeholder=self.t("followup.placeholder"), id="reference")
            yield Button(self.t("followup.start"), id="start", variant="primary")
        yield KioskFooter()

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def begin(self) -> None:
        """The router looks the plan up and answers with ``say`` when it cannot."""
        self.post_message(Done(self, self.query_one("#reference", Input).value))
