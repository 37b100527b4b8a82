"""Check-in: the team's name (optional) so that later check-ins show the trend."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from ..widgets.footer import KioskFooter
from .base import KioskScreen, when_active


class TeamScreen(KioskScreen):
    HELP_KEYS = [("Enter", "help.team_enter")]
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

    def on_mount(self) -> None:
        self.query_one("#team", Input).focus()

    @when_active
    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.begin()

    @when_active
    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.begin()

    def begin(self) -> None:
        if self.refuse_invalid_fields():
            return
        team = self.query_one("#team", Input).value.strip()
        self.kiosk.new_session("checkin", team=team, with_level=False, secret=True)
        self.kiosk.begin_vote()
