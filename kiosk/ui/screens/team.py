"""Check-in: the team's name (optional) so that later check-ins show the trend. Teams seen
before are offered and filtered as one types; a known team typed in another case or with
extra spaces is the same team."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.teams import matching, team_key
from ..intents import Done
from ..widgets.footer import KioskFooter
from ..widgets.textfield import TextField
from .base import KioskScreen

SHOWN_TEAMS = 6  # enough to find one's team, few enough to fit at 80x24


class TeamScreen(KioskScreen):
    HELP_KEYS = [("Enter", "help.team_enter"), ("Up/Down", "room.help_team_pick")]
    BINDINGS = [Binding("down", "to_list", show=False)]
    AUTO_FOCUS = "#team"
    DEFAULT_CSS = """
    TeamScreen { align: center middle; }
    TeamScreen #team-box { width: 64; max-width: 100%; height: auto; }
    TeamScreen Input, TeamScreen Button { width: 100%; margin-top: 1; }
    TeamScreen #known-title { margin-top: 1; color: $text-muted; }
    TeamScreen #known { height: auto; max-height: 8; }
    """

    def __init__(self, lang: str, known: list[str] | None = None) -> None:
        super().__init__(lang)
        self.known = list(known or [])  # the teams' latest spellings, the most recent first
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="team-box"):
            yield Static(self.t("team.title"), classes="title")
            yield Static(self.t("team.hint"), classes="subtitle")
            yield TextField(placeholder=self.t("setup.team_hint"), id="team", max_length=60)
            yield Static(self.t("room.known_teams"), id="known-title")
            yield OptionList(id="known")
            yield Button(self.t("team.start"), id="start", variant="primary")
        yield KioskFooter()

    def on_mount(self) -> None:
        self.show_known("")

    def show_known(self, typed: str) -> None:
        names = self.shown = matching(self.known, typed)[:SHOWN_TEAMS]
        options = self.query_one("#known", OptionList)
        options.clear_options()
        options.add_options([Option(Content(name), id=str(n)) for n, name in enumerate(names)])  # not markup
        options.display = bool(names)
        self.query_one("#known-title", Static).display = bool(names)

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)  # the free-text check of every screen
        self.show_known(event.value)

    def action_to_list(self) -> None:
        options = self.query_one("#known", OptionList)
        if options.display and self.focused is self.query_one("#team", Input):
            options.focus()
            options.highlighted = 0

    @on(OptionList.OptionSelected, "#known")
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#team", Input).value = self.shown[event.option_index]
        self.begin()

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def begin(self) -> None:
        if self.refuse_invalid_fields():
            return
        typed = self.query_one("#team", Input).value.strip()
        # A known team typed in another case or spacing keeps the spelling it has.
        team = next((name for name in self.known if team_key(name) == team_key(typed)), " ".join(typed.split()))
        self.post_message(Done(self, {"team": team}))
