"""The Textual application: holds the config, the store, the shelf of decks and the
current session, and moves between the screens of each flow."""

from __future__ import annotations

import os
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable

from textual.app import App
from textual.binding import Binding

from ..core.config import Config
from ..core.deck import Deck
from ..core.logfile import log_exception
from ..core.session import Session, SessionSettings
from ..core.shelf import Shelf
from ..core.store import Store
from .console import use_console_glyphs
from .themes import CONSOLE_THEME, pick_theme, register_themes


class KioskApp(App):
    TITLE = "Innovationslek"
    CSS_PATH = "kiosk.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(
        self,
        config: Config,
        store: Store,
        *,
        shelf: Shelf | None = None,
        data_dir: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        seconds_per_minute: float = 60.0,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    ):
        super().__init__()
        self.config = config
        self.store = store
        self.shelf = shelf or Shelf()
        self.data_dir = data_dir  # for the log and exported plan files
        self.clock = clock
        self.seconds_per_minute = seconds_per_minute
        self.today = today
        self.now = now
        self.language = config.language
        self.deck_id = config.decks[0] if config.decks else "innovationslek"
        self.session: Session | None = None

    # -- errors: logged to a file, never a traceback on the user's screen --------------------
    def _handle_exception(self, error: Exception) -> None:
        # Textual's hook for an unhandled exception (private, stable across textual 8.x).
        self._logged_at = log_exception(error, self.data_dir)
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        if self._exit_renderables:
            where = getattr(self, "_logged_at", None)
            self._exit_renderables.clear()
            print(f"innovationslek: unexpected error; details in {where}", file=sys.stderr)

    # -- start -----------------------------------------------------------------------------
    def on_mount(self) -> None:
        register_themes(self)
        self.theme = pick_theme(self, self.config.theme, os.environ.get("TERM", ""))
        if self.theme == CONSOLE_THEME or os.environ.get("TERM") == "linux":
            use_console_glyphs(self)
        if self.config.mode:
            self.start_mode(self.config.mode)
        else:
            self.show_start()

    def show_start(self) -> None:
        from .screens.start import StartScreen

        self._reset_to(StartScreen())

    def _reset_to(self, screen) -> None:
        """Replace the whole stack: nothing of the previous session is reachable."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen)

    def deck(self) -> Deck:
        return self.shelf.get(self.deck_id, self.language)

    def new_session(self, mode: str, **settings: object) -> Session:
        self.session = Session(
            store=self.store, deck=self.deck(), settings=SessionSettings(mode=mode, language=self.language, **settings),
            seed=self.config.seed, now=self.now,
        )
        return self.session

    def start_mode(self, mode: str) -> None:
        from .screens.attract import AttractScreen
        from .screens.setup import SetupScreen
        from .screens.team import TeamScreen

        first = {"workshop": SetupScreen, "checkin": TeamScreen, "walkup": AttractScreen}[mode]
        if self.config.mode:
            self._reset_to(first())
        else:
            self.push_screen(first())

    def go_back(self) -> None:
        if len(self.screen_stack) > 2:
            self.pop_screen()

    def end_session(self) -> None:
        """After the share screen: back to where the next group starts."""
        if self.session is not None and self.session.plan is None:
            self.session.abandon()
        self.session = None
        if self.config.mode:
            self.start_mode(self.config.mode)
        else:
            self.show_start()

    # -- the flow --------------------------------------------------------------------------
    def begin_vote(self) -> None:
        from .screens.ballot import BallotScreen
        from .screens.hands import HandsScreen
        from .screens.lobby import LobbyScreen

        assert self.session is not None
        if self.session.settings.mode == "walkup":
            self.push_screen(BallotScreen(single=True))
        elif self.session.settings.secret:
            self.push_screen(LobbyScreen())
        else:
            self.push_screen(HandsScreen())

    def show_results(self) -> None:
        from .screens.results import ResultsScreen

        assert self.session is not None
        self.session.round.reveal()
        self.session.save_state(screen="results")
        self.push_screen(ResultsScreen())

    def show_deal(self) -> None:
        from .screens.deal import DealScreen

        assert self.session is not None
        self.session.save_state(screen="deal")
        self.push_screen(DealScreen())

    def show_card(self, card_id: str) -> None:
        from .screens.card import CardScreen

        self.push_screen(CardScreen(card_id))

    def run_exercise(self, card_id: str) -> None:
        from .screens.exercise import ExerciseScreen

        self.push_screen(ExerciseScreen(card_id))

    def show_plan(self) -> None:
        from .screens.miniplan import MiniPlanScreen
        from .screens.plan import PlanScreen

        assert self.session is not None
        self.session.save_state(screen="plan")
        self.push_screen(MiniPlanScreen() if self.session.settings.mode == "walkup" else PlanScreen())

    def show_share(self) -> None:
        from .screens.done import share_screen_for

        assert self.session is not None and self.session.plan is not None
        self.push_screen(share_screen_for(self))
