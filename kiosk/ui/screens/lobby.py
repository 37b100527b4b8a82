"""Secret ballots: phones vote through the join QR code, and the keyboard goes round for
whoever has no phone. The screen shows only how many have voted until the facilitator
reveals the results. Undo and reveal act on everyone's ballots, so they are Ctrl keys (not
a letter a voter hits on the way to their own ballot) and ask first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.widgets import Button, Static

from ...core.session import Session
from ..intents import Chosen, Done
from ..phones import PhoneVote
from ..plain import plain
from ..widgets.bigdigits import BigDigits
from ..widgets.footer import KioskFooter
from ..widgets.phonejoin import PhoneJoin
from .base import SessionScreen
from .confirm import ask_first


class LobbyScreen(SessionScreen):
    BINDINGS = [
        Binding("enter,v", "vote", "t:key.vote", show=True, key_display="Enter"),
        Binding("ctrl+u", "undo", "t:key.undo", show=True, priority=True),
        Binding("ctrl+r", "reveal", "t:key.reveal", show=True, priority=True),
    ]
    HELP_KEYS = [("Enter / v", "help.lobby_vote"), ("Ctrl+U", "help.undo"), ("Ctrl+R", "help.reveal")]
    AUTO_FOCUS = "#vote"
    DEFAULT_CSS = """
    LobbyScreen #lobby-row { height: 1fr; }
    LobbyScreen #lobby-side { width: 1fr; height: 100%; align: center middle; }
    LobbyScreen #lobby { width: 70; max-width: 100%; height: auto; }
    LobbyScreen #count { height: 12; max-height: 30%; min-height: 4; color: $accent; }
    LobbyScreen #lobby .subtitle { text-align: center; padding: 0 1; }  /* a hint over two lines stays centred */
    LobbyScreen Center { height: auto; }
    LobbyScreen #buttons { height: auto; align-horizontal: center; }
    LobbyScreen #buttons Button { margin: 0 1; }
    /* A projector: the count and the way in for phones fill the screen, the words around
       them stay small. */
    LobbyScreen.-tall #count { height: 16; max-height: 16; margin: 1 0; }
    LobbyScreen.-huge #lobby-row { padding: 1 2; }
    LobbyScreen.-huge #lobby { width: 100%; height: 100%; }
    LobbyScreen.-huge #count { height: 1fr; max-height: 44; margin: 1 0; }
    LobbyScreen.-huge #count-label { text-style: bold; color: $text; margin-bottom: 1; }
    LobbyScreen.-huge #phones.-joinable { width: 45%; }
    """

    PHONE_TICK = 0.25  # seconds: the count follows the phones at most four times a second

    def __init__(self, language: str, session: Session, phones: PhoneVote, *, following: str = "") -> None:
        super().__init__(language, session)
        self.following = following  # in a follow-up: the plan followed up, its date and team
        self.box = phones.box
        self.join_base = phones.join_base  # None: phones cannot reach this machine (note says why)
        self.phones = phones
        self._shown: tuple = ()

    def compose(self) -> ComposeResult:
        note, wifi = self.phones.note, self.phones.wifi
        with Horizontal(id="lobby-row"):
            with Vertical(id="lobby-side"), Vertical(id="lobby"):
                yield Static(self.t("lobby.title"), classes="title")
                yield Static(self.t("lobby.hint"), classes="subtitle")
                if self.following:
                    yield Static(plain(self.following), classes="subtitle", id="following")
                yield BigDigits("0", id="count")
                yield Static("", id="count-label", classes="subtitle")
                with Center(id="buttons"):
                    yield Button(self.t("lobby.vote"), id="vote", variant="primary")
                with Center():
                    yield Button(self.t("lobby.reveal"), id="reveal")
            yield PhoneJoin(self.language, self.join_url(), note, wifi=wifi, id="phones")
        yield KioskFooter()

    def join_url(self) -> str | None:
        if self.join_base is None:
            return None
        return f"{self.join_base}{self.box.join_path()}".upper()

    def on_mount(self) -> None:
        self.refresh_count()
        self.set_interval(self.PHONE_TICK, self.follow_phones)

    def follow_phones(self) -> None:
        """Redraw the count, the tokens and (strict variant) the join code when they changed:
        whatever arrived in one tick is drawn once."""
        if not self.is_current or self.box.session is not self.session:
            return
        shown = (self.session.votes_cast, self.box.issued, self.box.phone_ballots, self.box.admission)
        if shown != self._shown:
            self.refresh_count()

    def on_screen_resume(self) -> None:
        self.refresh_count()  # back from a ballot

    def refresh_count(self) -> None:
        session, box = self.session, self.box
        n = session.votes_cast
        self._shown = (n, box.issued, box.phone_ballots, box.admission)
        self.query_one("#count", BigDigits).update(str(n))
        self.query_one("#count-label", Static).update(self.count_text())
        phones = self.query_one(PhoneJoin)
        url = self.join_url()
        if url is not None:
            phones.show_join(url)
            # Without a group size the places are a default, not "the group 30": say the count only.
            phones.show_tokens(
                self.t(
                    "phone.tokens" if session.settings.group_size else "trial4.tokens_no_group",
                    issued=box.issued,
                    cap=box.cap,
                    group=box.group_size,
                    margin=box.margin,
                    ballots=box.phone_ballots,
                )
                + ("\n" + self.t("phone.strict") if box.strict else "")
            )

    @on(Button.Pressed, "#vote")
    def action_vote(self) -> None:
        self.say("")  # the last voter's thank-you goes as the next ballot opens, not after it
        self.post_message(Chosen(self, "ballot"))

    def action_back(self) -> None:
        """Going back ends the round (see the flow's ``_leave_round``): with ballots in
        it, say so and ask first."""
        n = self.session.votes_cast
        if n == 0:
            super().action_back()
            return
        detail = self.t("room_votes.leave_ballots", n=n)
        if self.box.issued:
            detail += " " + self.t("room_votes.leave_phones")
        ask_first(
            self, self.t("room_votes.leave_question"), detail, self.t("room_votes.leave_yes"), super().action_back
        )

    def count_text(self) -> str:
        """How many have voted ("3 of 5" against the group size from the setup), phones included."""
        n, group = self.session.votes_cast, self.session.settings.group_size
        return self.t("room_votes.count_of", n=n, total=group) if group else self.t("phone.count_open", n=n)

    def action_undo(self) -> None:
        if not self.session.has_keyboard_ballot:
            self.say(self.t("lobby.nothing_to_undo"))
            return
        ask_first(
            self,
            self.t("room_votes.undo_question"),
            self.t("room_votes.undo_detail"),
            self.t("room_votes.undo_yes"),
            self.undo,
        )

    def undo(self) -> None:
        if self.session.undo() is None:
            self.say(self.t("lobby.nothing_to_undo"))
        else:
            self.say(self.t("lobby.undone"), tone="info")
        self.refresh_count()

    @on(Button.Pressed, "#reveal")
    def action_reveal(self) -> None:
        if self.session.votes_cast == 0:
            self.say(self.t("lobby.no_votes"))
            return
        ask_first(
            self,
            self.t("room_votes.reveal_question"),
            self.t("room_votes.reveal_detail", count=self.count_text()),
            self.t("room_votes.reveal_yes"),
            lambda: self.post_message(Done(self)),
        )
