"""The share screen: the QR code, the link written out, the plan beside it and its code.

The plan is already stored (SQLite and a TOML file) when this screen appears.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from ...core.deck import Deck
from ...core.i18n import labels
from ...core.plan import Plan
from ..intents import Done
from ..plain import plain
from ..widgets.footer import KioskFooter
from ..widgets.plansummary import PlanSummary
from ..widgets.qr import QRWidget
from .base import KioskScreen

# Keys in the first moment belong to the screen before: a walk-up visitor's second Enter to
# "confirm" the mini plan must not close the QR code before anyone has seen it.
FINISH_GUARD_SECONDS = 1.5


class ShareScreen(KioskScreen):
    BINDINGS = [Binding("enter", "finish", "t:key.finish", show=True, key_display="Enter")]
    HELP_KEYS = [("Enter", "help.done_enter")]
    DEFAULT_CSS = """
    ShareScreen #share { height: 1fr; }
    ShareScreen #qr-side { width: 1fr; height: 100%; }
    ShareScreen #plan-side { width: 1fr; height: 100%; padding: 0 1; }
    ShareScreen #summary { margin-right: 1; }  /* a column between the plan and a scrollbar */
    ShareScreen #link { height: auto; color: $text-muted; max-width: 60; margin-top: 1; }
    /* A projector: the QR (drawn as large as fits) and the plan both start a row down. */
    ShareScreen.-huge #share, ShareScreen.-tall #share { padding-top: 1; }
    ShareScreen.-huge #plan-side { padding: 0 3; }
    ShareScreen #code { text-style: bold; color: $accent; height: auto; }
    ShareScreen #note { height: auto; color: $warning; }
    """

    def __init__(
        self,
        language: str,
        *,
        link: str,
        plan: Plan,
        code: str,
        deck: Deck,
        note: str = "",
        short_link: str = "",
        reachable: bool = True,
        challenges: dict[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        guard_seconds: float = FINISH_GUARD_SECONDS,
    ) -> None:
        super().__init__(language)
        self.link = link
        self.plan = plan
        self.code = code
        self.deck = deck
        self.note = note
        self.short_link = short_link  # a QR of this when the full code does not fit
        self.reachable = reachable  # False: no QR, phones could not open it
        self.challenges = challenges or {}  # challenge card id -> title, for the summary
        self.clock = clock
        self.guard_seconds = guard_seconds
        self.shown_at = clock()

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Horizontal(id="share"):
            if self.reachable:
                yield QRWidget(
                    self.link,
                    self.t("share.too_small"),
                    id="qr-side",
                    short_link=self.short_link,
                    short_caption=self.t("phone.short_caption"),
                    top=True,  # level with the plan's title beside it
                )
            else:
                yield Static(Text(self.note), id="qr-side", classes="unreachable")
            with VerticalScroll(id="plan-side"):
                yield Static(self.t("share.title"), classes="title")
                # Without a QR there is nothing to scan: say how the plan is found again.
                yield Static(self.t("share.hint" if self.reachable else "polish.share_hint_saved"), classes="hint")
                yield Static(self.t("share.code", code=self.code), id="code")
                if self.note and self.reachable:  # else the QR's side says it already
                    yield Static(plain(self.note), id="note")
                yield PlanSummary(plan, self.deck, labels(self.language), challenges=self.challenges, id="summary")
                if self.link:  # none when no viewer page runs: a link nobody can open is not shown
                    yield Static(Text(self.link, overflow="fold"), id="link")
        yield KioskFooter()

    def on_screen_resume(self) -> None:
        self.shown_at = self.clock()  # the guard counts from when the screen is seen

    def too_soon(self) -> bool:
        return self.clock() - self.shown_at < self.guard_seconds

    def action_finish(self) -> None:
        if not self.too_soon():
            self.post_message(Done(self))

    def action_back(self) -> None:
        if not self.too_soon():
            super().action_back()
