"""The facilitator's view of today: sessions and completions per mode, the average
ladder as bars, and the most chosen cards."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...core.daystats import DayStats
from ...core.deck import Deck
from ...core.modes import MODES
from ...core.names import card_title
from ...core.tally import mean_of
from ..plain import plain
from ..widgets.bars import BarChart, BarRow
from ..widgets.footer import KioskFooter
from .base import KioskScreen


class DayViewScreen(KioskScreen):
    DEFAULT_CSS = """
    DayViewScreen { align-horizontal: center; }
    DayViewScreen #day { padding: 0 2; max-width: 140; }
    DayViewScreen.-tall #day, DayViewScreen.-huge #day { align-vertical: middle; }
    DayViewScreen .section { margin-top: 1; text-style: bold; color: $primary; }
    """

    def __init__(self, language: str, *, day: date, stats: DayStats, deck: Deck) -> None:
        super().__init__(language)
        self.day = day
        self.stats = stats
        self.deck = deck

    def compose(self) -> ComposeResult:
        stats, deck = self.stats, self.deck
        model = deck.model
        with VerticalScroll(id="day"):
            yield Static(self.t("day.title", day=self.day.isoformat()), classes="title")
            lines = [self.t("day.totals", n=stats.total, done=stats.total_completed)]
            for mode in (m.name for m in MODES):
                if stats.sessions[mode]:
                    lines.append(
                        self.t(
                            "day.mode", mode=self.t(f"mode.{mode}"), n=stats.sessions[mode], done=stats.completed[mode]
                        )
                    )
            yield Static("\n".join(lines), id="day-totals")
            yield Static(self.t("day.ladder"), classes="section")
            rows = []
            principles, steps = (model.principles, len(model.scale)) if model else ((), 0)
            for principle in principles:
                counts = stats.ladder.get(principle.id, [0] * steps)
                rows.append(BarRow(principle.name, tuple(counts), mean_of(counts)))
            if any(sum(row.counts) for row in rows):
                yield BarChart(rows, id="day-ladder")
            else:  # nine names beside empty bars would say less than this
                yield Static(self.t("langs.day_no_votes"), id="day-ladder")
            yield Static(self.t("day.cards"), classes="section")
            top = []
            for card_id, n in stats.cards.most_common(5):
                top.append(f"{n:>3}  {card_title(deck, card_id)}")
            yield Static(plain("\n".join(top) or self.t("day.no_cards")), id="day-cards")
        yield KioskFooter()

    def action_back(self) -> None:
        # Opened over the flow from the facilitator menu, not a step of it: Esc closes it.
        self.dismiss()
