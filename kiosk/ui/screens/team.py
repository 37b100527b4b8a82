"""Check-in: the team's name (optional) so that later check-ins show the trend."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from ..intents import Done
from ..widgets.footer import KioskFooter
from .base import KioskScreen


class TeamScreen(KioskScreen):
    HELP_KEYS = [("Enter", "help.team_enter")]
    AUTO_FOCUS = "#team"
    DEFAULT_CSS = """
    TeamScreen { align: center middle; }
    TeamScreen #team-box { width: 64; max-width: 100%; height: auto; }
    TeamScreen Input, TeamScreen Button { width: 100%; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="team-box"):
            yield Static(self.t("team.title"), classes="title")
            yield Static(self.t("team.hint"), classes="subtitle")
            yield Input(placeholder=self.t("setup.team_hint"), id="team", max_length=60)
            yield Button(self.t("team.start"), id="start", variant="primary")
        yield KioskFooter()

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def begin(self) -> None:
        if self.refuse_invalid_fields():
            return
        self.post_message(Done(self, {"team": self.query_one("#team", Input).value.strip()}))
