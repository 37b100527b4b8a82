"""The Textual application: holds the config, the store, the shelf of decks and the
services (viewer server, export); keeps the kiosk locked down, resets an idle visitor and
opens the facilitator menu. Which screen follows which is the flow router's business
(``flow.py``)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.binding import Binding
from textual.screen import Screen

from ..core.config import Config
from ..core.deck import Deck
from ..core.i18n import t
from ..core.logfile import log_exception
from ..core.modes import MODES
from ..core.paths import user_themes_dir
from ..core.pin import BackoffFile, PinGate
from ..core.shelf import Shelf
from ..core.store import Store
from .console import ConsoleApp, use_console_glyphs
from .flow import FlowRouter
from .intents import Intent
from .themes import CONSOLE_THEME, pick_theme, register_themes, start_with_theme

if TYPE_CHECKING:  # imported when first used (start-up time)
    from ..central.background import BackgroundSync
    from ..core.ballotbox import BallotBox
    from ..core.session import Session
    from ..web.server import KioskServer
    from .phones import PhoneVote


EXIT_FACILITATOR_QUIT = 10  # the facilitator quit on purpose: systemd does not restart
MIN_WIDTH, MIN_HEIGHT = 60, 18
PIN_BACKOFF_NAME = "pin-backoff.json"


class KioskApp(ConsoleApp, inherit_bindings=False):
    """Bindings are ours alone (no inherited ctrl+c / ctrl+p): in ``--kiosk`` nothing quits,
    suspends or opens a palette; F12 plus the PIN opens the facilitator menu. Outside it,
    Ctrl+Q and Ctrl+C quit, asking first when the session holds something."""

    TITLE = "Innovationslek"
    CSS_PATH = "kiosk.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        # Ctrl+C needs priority over a text field's copy; Ctrl+Q does not, so the start
        # screen can show it in its footer.
        Binding("ctrl+c", "request_quit", show=False, priority=True),
        Binding("ctrl+q", "request_quit", show=False),
        Binding("f12", "facilitator", show=False, priority=True),
    ]

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
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
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
        self.flow = FlowRouter(self)
        self.viewer_server: KioskServer | None = None  # the web server: started when first needed (share, phone vote)
        self.phone_box: BallotBox | None = None  # the open round's ballot box for phones (core.ballotbox)
        self.central_sync: BackgroundSync | None = None  # the background sync, when kiosk.toml has [central] url
        self.pin_gate = PinGate(config.pin_hash)
        if data_dir is not None:
            self._keep_pin_backoff(data_dir)
        self.last_input = clock()
        own_themes = user_themes_dir(data_dir) if data_dir is not None else None
        register_themes(self, own_themes)
        start_with_theme(self, pick_theme(self, config.theme, os.environ.get("TERM", ""), own_themes))
        if self.theme == CONSOLE_THEME or os.environ.get("TERM") == "linux":
            use_console_glyphs(self)
        if config.kiosk:
            # No text selection tricks on an unattended screen. Set on this app only (Textual
            # reads it from the instance); changing the class would reach every other app.
            self.ALLOW_SELECT = False  # type: ignore[misc]
            os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)  # keep ctrl+c / ctrl+z as plain keys

    def _keep_pin_backoff(self, data_dir: Path) -> None:
        """Wrong PINs keep counting across restarts (a crash must not reset the waits)."""
        backoff = BackoffFile(data_dir / PIN_BACKOFF_NAME)
        failures, wait = backoff.load(self.now())
        self.pin_gate.failures = failures
        self.pin_gate.next_allowed = self.clock() + wait if wait else 0.0

        def record(failures: int, wait: float) -> None:
            try:
                backoff.save(failures, wait, self.now())
            except OSError as exc:  # a full disk: the wait still holds until the next restart
                log_exception(exc, self.data_dir)

        self.pin_gate.record = record

    def get_key_display(self, binding: Binding) -> str:
        """Footer key names in words, in the language of the screen in front ("Ctrl+S",
        "Esc", "Mellanslag"), never Textual's shorthand ("^s", "escape", "space")."""
        from .keynames import key_label

        return binding.key_display or key_label(getattr(self.screen, "language", self.language), binding.key)

    # -- lock-down and idle ----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("quit", "request_quit") and self.config.kiosk:
            return False
        return True

    def action_request_quit(self) -> None:
        """Quit at once, or ask first when the session holds votes, chosen cards or plan text (and say
        what becomes of them)."""
        from .screens.plan import PlanScreen
        from .screens.quit import QuitScreen

        if isinstance(self.screen, QuitScreen):
            return
        if isinstance(self.screen, PlanScreen):
            self.screen.keep_draft()  # what was typed in the last half second is kept too
        resumable = self.flow.left_behind_on_quit()
        if resumable is None:
            self.exit()
            return
        self.push_screen(QuitScreen(self.language, resumable), lambda quit_now: self.exit() if quit_now else None)

    async def on_event(self, event: events.Event) -> None:
        # Idle time is measured from the last real input, whatever widget consumes it.
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)):
            self.last_input = self.clock()
            if not self.screen_stack:
                return  # typed while the app quits: its screens are gone, nothing to act on
        await super().on_event(event)

    @property
    def session(self) -> Session | None:
        """The session being played (the flow router's)."""
        return self.flow.session

    def idle_limit(self) -> float | None:
        """Seconds of no input before a walk-up visitor is asked if they are still there;
        None where somebody is in charge (workshops and check-ins) or nobody has started."""
        if self.session is None or not self.session.spec.idle_reset:
            return None
        on_share = self.session.plan is not None
        return float(self.config.share_idle_seconds if on_share else self.config.idle_seconds)

    def check_visitor_idle(self) -> None:
        from .screens.facilitator import FacilitatorScreen
        from .screens.pin import PinScreen
        from .screens.stillthere import StillThereScreen
        from .screens.toosmall import TooSmallScreen

        limit = self.idle_limit()
        if limit is None or isinstance(self.screen, (StillThereScreen, TooSmallScreen, PinScreen, FacilitatorScreen)):
            return
        if self.clock() - self.last_input >= limit:
            if self.session is not None and self.session.plan is not None:
                self.flow.end_flow()  # the plan is saved: the QR's time is simply up
                return

            def answered(still_there: bool | None) -> None:
                if not still_there:
                    self.flow.end_flow()

            self.push_screen(StillThereScreen(self.language, min(15.0, max(3.0, limit / 3)), self.clock), answered)

    def on_resize(self, event: events.Resize) -> None:
        from .screens.toosmall import TooSmallScreen

        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen(self.language))
        elif not small and showing:
            self.pop_screen()

    # -- the facilitator ---------------------------------------------------------------------
    def action_facilitator(self) -> None:
        from .screens.facilitator import FacilitatorScreen
        from .screens.pin import PinScreen

        if isinstance(self.screen, (PinScreen, FacilitatorScreen)):
            return

        def chosen(choice: tuple[str, str] | None) -> None:
            what, mode = choice or ("", "")
            if what == "quit":
                self.exit(return_code=EXIT_FACILITATOR_QUIT)
            elif what == "export":
                self.export_plans()
            elif what == "day":
                self.push_screen(self.flow.day_view())
            elif what == "mode":
                self.flow.switch_mode(mode)

        def pin_checked(ok: bool | None) -> None:
            if ok:
                self.push_screen(FacilitatorScreen(self.language, MODES, self.sync_status_text()), chosen)

        if self.config.kiosk:
            self.push_screen(PinScreen(self.language, self.pin_gate, self.clock), pin_checked)
        else:
            self.push_screen(FacilitatorScreen(self.language, MODES, self.sync_status_text()), chosen)

    def export_plans(self) -> None:
        """The same export as ``innovationslek export``, into the data directory."""
        from ..core.export import export_all

        folder = (self.data_dir or self.store.path.parent) / "export" / self.now().strftime("%Y%m%d-%H%M%S")
        try:
            result = export_all(
                self.store,
                folder,
                deck=self.deck(),
                walkup_text=self.config.export_walkup_text,
                private=self.config.private_exports,
                language=self.language,
            )
        except Exception as exc:
            log_exception(exc, self.data_dir)
            self.say(t(self.language, "facilitator.export_failed"), "error")
            return
        self.say(t(self.language, "facilitator.exported", n=result.plans, folder=str(folder)), "success")

    def say(self, text: str, tone: str) -> None:
        """A message on the status line of the screen in front (the facilitator menu has
        closed by now); a toast only if that screen has no status line."""
        from .screens.base import KioskScreen

        if isinstance(self.screen, KioskScreen):
            self.screen.say(text, tone)
        else:
            self.notify(text, severity="error" if tone == "error" else "information", markup=False)

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
    def on_load(self) -> None:
        # Before the terminal switches to the app: the first screen's data (the store's
        # open sessions, decks) is read while the terminal still shows the shell, so the
        # app's first frame follows its blank screen at once.
        self._first_screen = self.flow.first_screen()

    def get_default_screen(self) -> Screen:
        return self._first_screen

    def on_mount(self) -> None:
        self.set_interval(1.0, self.check_visitor_idle)
        self.start_central_sync()

    @on(Intent)
    def route(self, intent: Intent) -> None:
        self.flow.handle(intent)

    def deck(self) -> Deck:
        return self.shelf.get(self.deck_id, self.language)

    def web_server(self):
        """The kiosk's one web server (viewer, short plan links, phone ballots), bound on
        first use; raises ViewerServerError when it cannot listen (a busy port)."""
        if self.viewer_server is None:
            from ..web.server import KioskServer
            from ..web.viewer import viewer_html

            self.viewer_server = KioskServer(
                viewer_html(self.shelf),
                self.config.viewer_host,
                self.config.viewer_port,
                plan_link=self.plan_link_for,
                advertise=self.config.advertise_host,
            ).open()
        return self.viewer_server

    def open_phone_vote(self, session: Session) -> PhoneVote:
        """Open the session's secret vote to phones. No join address when phones cannot
        reach this machine; the note says why."""
        from ..core.ballotbox import BallotBox
        from ..web.server import ViewerServerError
        from .phones import PhoneVote

        if self.phone_box is None or self.phone_box.session is not session:
            self.close_phone_vote()
            self.phone_box = BallotBox(session, margin=self.config.token_margin, strict=self.config.strict_join)
        config = self.config
        wifi = (config.wifi_ssid, config.wifi_password) if config.wifi_ssid else None
        try:
            server = self.web_server()
        except ViewerServerError as exc:
            log_exception(exc, self.data_dir)
            return PhoneVote(
                self.phone_box, None, t(self.language, "phone.no_server", reason=exc.reason(self.language)), wifi
            )
        server.add_room(self.phone_box)
        public = server.public_url()
        if public is None:
            return PhoneVote(self.phone_box, None, t(self.language, "phone.lobby_unreachable"), wifi)
        return PhoneVote(self.phone_box, public, "", wifi)

    def close_phone_vote(self) -> None:
        if self.phone_box is not None:
            self.phone_box.close()
            if self.viewer_server is not None:
                self.viewer_server.remove_room(self.phone_box.room)
            self.phone_box = None

    def plan_link_for(self, code: str) -> str | None:
        """A stored plan's full link (for the short link ``/p/CODE``); None if unknown."""
        from ..core.link import encode_link

        try:
            plan = self.store.plan(code)
            if plan is None:
                return None
            base = self.config.viewer_url or self.web_server().url()
            return encode_link(plan, self.shelf.get(plan.deck, plan.language), base)
        except Exception as exc:  # a plan this kiosk can no longer link: a 404, and a log entry
            log_exception(exc, self.data_dir)
            return None

    async def on_unmount(self) -> None:
        if self.viewer_server is not None:
            await self.viewer_server.close()
            self.viewer_server = None
        if self.central_sync is not None:
            self.central_sync.stop()

    # -- the organisation's central database (kiosk/central) ------------------------------------
    def start_central_sync(self) -> None:
        """A background thread, so the screen never waits on the network."""
        settings = self.config.central
        if settings is not None and settings.background:
            from ..central.background import BackgroundSync

            self.central_sync = BackgroundSync(self.store.path.parent, settings)
            self.central_sync.start()

    def sync_status_text(self) -> str:
        """The facilitator menu's line: when the kiosk last synced and how much is waiting."""
        from ..central.background import read_status, status_text

        settings = self.config.central
        if settings is None or not settings.url:
            return status_text(None, t, self.language)
        try:
            if self.central_sync is not None:
                status = self.central_sync.status()
            else:
                status = read_status(self.store.path.parent)
        except Exception as exc:  # the menu must open whatever the outbox says
            log_exception(exc, self.data_dir)
            return status_text(None, t, self.language)
        return status_text(status, t, self.language)
