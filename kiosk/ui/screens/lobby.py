"""Secret ballots: the keyboard goes round. The screen shows only how many have voted
until the facilitator reveals the results."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import Button, Static

from ..intents import Chosen, Done
from ..widgets.bigdigits import BigDigits
from ..widgets.footer import KioskFooter
from .base import KioskScreen


class LobbyScreen(KioskScreen):
    BINDINGS = [
        Binding("enter,v", "vote", "t:key.vote", show=True, key_display="Enter"),
        Binding("u", "undo", "t:key.undo", show=True),
        Binding("r", "reveal", "t:key.reveal", show=True),
    ]
    HELP_KEYS = [("Enter / v", "help.lobby_vote"), ("u", "help.undo"), ("r", "help.reveal")]
    AUTO_FOCUS = "#vote"
    DEFAULT_CSS = """
    LobbyScreen { align: center middle; }
    LobbyScreen #lobby { width: 70; max-width: 100%; height: auto; }
    LobbyScreen #count { height: 12; max-height: 30%; min-height: 4; color: $accent; }
    LobbyScreen Center { height: auto; }
    LobbyScreen #buttons { height: auto; align-horizontal: center; }
    LobbyScreen #buttons Button { margin: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="lobby"):
            yield Static(self.t("lobby.title"), classes="title")
            yield Static(self.t("lobby.hint"), classes="subtitle")
            yield BigDigits("0", id="count")
            yield Static("", id="count-label", classes="subtitle")
            with Center(id="buttons"):
                yield Button(self.t("lobby.vote"), id="vote", variant="primary")
            with Center():
                yield Button(self.t("lobby.reveal"), id="reveal")
        yield KioskFooter()

    def on_mount(self) -> None:
        self.refresh_count()

    def on_screen_resume(self) -> None:
        self.refresh_count()  # back from a ballot

    def refresh_count(self) -> None:
        n = self.session.votes_cast
        self.query_one("#count", BigDigits).update(str(n))
        self.query_one("#count-label", Static).update(self.t("lobby.count", n=n))

    @on(Button.Pressed, "#vote")
    def action_vote(self) -> None:
        self.post_message(Chosen(self, "ballot"))

    def action_undo(self) -> None:
        if self.session.undo() is None:
            self.say(self.t("lobby.nothing_to_undo"))
        else:
            self.say(self.t("lobby.undone"))
        self.refresh_count()

    @on(Button.Pressed, "#reveal")
    def action_reveal(self) -> None:
        if self.session.votes_cast == 0:
            self.say(self.t("lobby.no_votes"))
            return
        self.post_message(Done(self))
