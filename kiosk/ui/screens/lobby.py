"""Secret ballots: phones vote through the join QR code, and the keyboard goes round for
whoever has no phone. The screen shows only how many have voted until the facilitator
reveals the results."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.widgets import Button, Static

from ..widgets.bigdigits import BigDigits
from ..widgets.footer import KioskFooter
from ..widgets.phonejoin import PhoneJoin
from .base import KioskScreen, when_active


class LobbyScreen(KioskScreen):
    BINDINGS = [
        Binding("enter,v", "vote", "t:key.vote", show=True, key_display="Enter"),
        Binding("u", "undo", "t:key.undo", show=True),
        Binding("r", "reveal", "t:key.reveal", show=True),
    ]
    HELP_KEYS = [("Enter / v", "help.lobby_vote"), ("u", "help.undo"), ("r", "help.reveal")]
    DEFAULT_CSS = """
    LobbyScreen #lobby-row { height: 1fr; }
    LobbyScreen #lobby-side { width: 1fr; height: 100%; align: center middle; }
    LobbyScreen #lobby { width: 70; max-width: 100%; height: auto; }
    LobbyScreen #count { height: 12; max-height: 30%; min-height: 4; color: $accent; }
    LobbyScreen Center { height: auto; }
    LobbyScreen #buttons { height: auto; align-horizontal: center; }
    LobbyScreen #buttons Button { margin: 0 1; }
    """

    PHONE_TICK = 0.25  # seconds: the count follows the phones at most four times a second

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple = ()

    def compose(self) -> ComposeResult:
        box, join_base, note = self.kiosk.open_phone_vote()
        self.box = box
        self.join_base = join_base
        config = self.kiosk.config
        wifi = (config.wifi_ssid, config.wifi_password) if config.wifi_ssid else None
        with Horizontal(id="lobby-row"):
            with Vertical(id="lobby-side"):
                with Vertical(id="lobby"):
                    yield Static(self.t("lobby.title"), classes="title")
                    yield Static(self.t("lobby.hint"), classes="subtitle")
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
        if self.taken_down:
            return
        self.refresh_count()
        self.query_one("#vote", Button).focus()
        self.set_interval(self.PHONE_TICK, self.follow_phones)

    def follow_phones(self) -> None:
        """Redraw the count, the tokens and (strict variant) the join code when they changed:
        whatever arrived in one tick is drawn once."""
        if self.taken_down or self.kiosk.session is None or self.box.session is not self.kiosk.session:
            return
        shown = (self.kiosk.session.votes_cast, self.box.issued, self.box.phone_ballots, self.box.admission)
        if shown != self._shown:
            self.refresh_count()

    def on_screen_resume(self) -> None:
        if self.taken_down or not self.is_current or self.kiosk.session is None:
            return  # popped on the way to a fresh start
        self.refresh_count()

    def refresh_count(self) -> None:
        session, box = self.kiosk.session, self.box
        n = session.votes_cast
        self._shown = (n, box.issued, box.phone_ballots, box.admission)
        self.query_one("#count", BigDigits).update(str(n))
        group = session.settings.group_size
        label = self.t("phone.count", n=n, total=group) if group else self.t("phone.count_open", n=n)
        self.query_one("#count-label", Static).update(label)
        phones = self.query_one(PhoneJoin)
        if self.join_base is not None:
            phones.show_join(self.join_url())
            phones.show_tokens(self.t("phone.tokens", issued=box.issued, cap=box.cap, group=box.group_size,
                                      margin=box.margin, ballots=box.phone_ballots)
                               + ("\n" + self.t("phone.strict") if box.strict else ""))

    @when_active
    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"vote": self.action_vote, "reveal": self.action_reveal}[event.button.id]()

    def action_vote(self) -> None:
        from .ballot import BallotScreen

        self.app.push_screen(BallotScreen())

    def action_undo(self) -> None:
        if self.kiosk.session.undo() is None:
            self.app.notify(self.t("lobby.nothing_to_undo"), timeout=3)
        else:
            self.app.notify(self.t("lobby.undone"), timeout=3)
        self.refresh_count()

    def action_reveal(self) -> None:
        if self.kiosk.session.votes_cast == 0:
            self.app.notify(self.t("lobby.no_votes"), severity="warning", timeout=3)
            return
        self.kiosk.show_results()
