"""The start screen: the modes, big, with one line each on who they are for."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from ...core.modes import MODES
from ..intents import Done
from ..widgets.bigtitle import BigTitle
from ..widgets.footer import KioskFooter
from .base import KioskScreen


class StartScreen(KioskScreen):
    FIRST = True
    BINDINGS = [
        *(Binding(str(number), f"mode('{mode.name}')", show=False) for number, mode in enumerate(MODES, 1)),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
        # The app's own binding does the work; this one shows the way out in the footer.
        # (Never in --kiosk: there a mode is always set, so this screen is never shown.)
        Binding("ctrl+q", "app.request_quit", "t:room_keys.key_quit", show=True),
    ]
    HELP_KEYS = [
        (" ".join(str(n) for n in range(1, len(MODES) + 1)), "help.start_digits"),
        ("Enter", "help.enter"),
        ("Ctrl+Q / Ctrl+C", "room_keys.help_quit"),
    ]
    AUTO_FOCUS = f"#mode-{MODES[0].name}"
    DEFAULT_CSS = """
    StartScreen { align: center middle; }
    StartScreen #start-box { width: 76; max-width: 100%; height: auto; max-height: 100%; }
    StartScreen Button { width: 100%; height: 3; margin-top: 1; }
    StartScreen .mode-help { color: $text-muted; width: 100%; content-align: center middle; }
    StartScreen.-huge #start-box { width: 100; }
    StartScreen.-huge Button { height: 5; margin-top: 2; }
    /* A tall screen has the room for the name in big letters (the box is as wide as they are). */
    StartScreen #big-title { display: none; margin-bottom: 1; }
    StartScreen.-tall #big-title, StartScreen.-huge #big-title { display: block; }
    StartScreen.-tall #title, StartScreen.-huge #title { display: none; }
    StartScreen.-tall #start-box { width: 84; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="start-box"):
            yield BigTitle(self.t("start.title"), id="big-title")
            yield Static(self.t("start.title"), classes="title", id="title")
            yield Static(self.t("start.subtitle"), classes="subtitle")
            for number, mode in enumerate((m.name for m in MODES), 1):
                yield Button(f"{number}  {self.t('mode.' + mode)}", id=f"mode-{mode}", variant="primary")
                yield Static(self.t(f"mode.{mode}_help"), classes="mode-help")
        yield KioskFooter()

    @on(Button.Pressed)
    def chose_mode(self, event: Button.Pressed) -> None:
        self.action_mode((event.button.id or "").removeprefix("mode-"))

    def action_mode(self, mode: str) -> None:
        self.post_message(Done(self, mode))
