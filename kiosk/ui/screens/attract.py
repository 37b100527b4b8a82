"""The walk-up attract screen: inviting, moving gently, one key to start."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Click
from textual.timer import Timer
from textual.widgets import Static

from ..intents import Done
from ..plain import plain
from ..widgets.bigtitle import BigTitle
from .base import KioskScreen

CYCLE_SECONDS = 4.0


class AttractScreen(KioskScreen):
    FIRST = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "begin", "t:key.begin", show=True, key_display="Enter"),
        *(Binding(str(n), "begin", show=False) for n in range(10)),
    ]
    HELP_KEYS = [("Enter", "help.attract_enter")]
    DEFAULT_CSS = """
    AttractScreen { align: center middle; }
    AttractScreen #attract { width: 80%; max-width: 110; height: auto; }
    AttractScreen #invite { text-style: bold; color: $accent; content-align: center middle; width: 100%;
                            margin-top: 2; }
    AttractScreen #statement { height: 3; content-align: center middle; width: 100%; color: $text;
                               background: $surface; margin-top: 1; }
    /* On a tall screen (a kiosk's own) the name in big letters draws people in from afar. */
    AttractScreen #big-title { display: none; margin-bottom: 1; }
    AttractScreen.-tall #big-title, AttractScreen.-huge #big-title { display: block; }
    AttractScreen.-tall #title, AttractScreen.-huge #title { display: none; }
    """

    def __init__(self, language: str, statements: list[str], *, questions: int, model_line: str = "") -> None:
        super().__init__(language)
        self.step = 0
        self._lines = statements  # the level statements (or principle names) that cycle
        self.questions = questions  # the chosen deck's: the promise counts what the ballot asks
        self.model_line = model_line  # "Model: question" from the deck; empty for our own model
        self._cycle: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="attract"):
            yield BigTitle(self.t("start.title"), id="big-title")
            yield Static(self.t("start.title"), classes="title", id="title")
            if self.model_line:
                yield Static(plain(self.model_line), classes="subtitle")
            else:
                yield Static(self.t("attract.subtitle"), classes="subtitle")
            yield Static("", id="statement")
            yield Static(self.t("attract.invite"), id="invite")
            yield Static(self.t("room_keys.attract_promise", n=self.questions), classes="subtitle")

    def on_mount(self) -> None:
        self.advance()
        self._cycle = self.set_interval(CYCLE_SECONDS, self.advance)

    # Covered (by the help, or left behind in Textual's default mode when it was the first
    # screen of the kiosk's first run), it stops cycling until it shows again.
    def on_screen_suspend(self) -> None:
        if self._cycle is not None:
            self._cycle.pause()

    def on_screen_resume(self) -> None:
        if self._cycle is not None:
            self._cycle.resume()

    def advance(self) -> None:
        if self._lines:
            self.query_one("#statement", Static).update(plain(self._lines[self.step % len(self._lines)]))
            self.step += 1

    def on_click(self, event: Click) -> None:
        self.action_begin()

    def action_begin(self) -> None:
        self.post_message(Done(self, {}))
