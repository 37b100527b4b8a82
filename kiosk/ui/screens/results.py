"""Results: per principle the distribution, the mean, and clear marks on the weakest and
the most divided principles (a wide spread is a reason to talk)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from ...core.results import ResultsView
from ..intents import Done
from ..plain import plain
from ..widgets.bars import BarChart, BarRow
from ..widgets.footer import KioskFooter
from ..widgets.trend import TrendTable
from .base import KioskScreen


class ResultsScreen(KioskScreen):
    BINDINGS = [Binding("enter,d", "deal", "t:key.deal", show=True, key_display="Enter")]
    HELP_KEYS = [("Enter / d", "help.results_deal")]
    AUTO_FOCUS = "#deal"
    DEFAULT_CSS = """
    ResultsScreen #results { padding: 0 2; }
    ResultsScreen #level { height: auto; margin-bottom: 1; }
    ResultsScreen #scale { height: auto; color: $text-muted; margin-bottom: 1; }
    ResultsScreen #talk { height: auto; margin-top: 1; }
    ResultsScreen #trend-title { margin-top: 1; }
    ResultsScreen #deal { margin-top: 1; }
    """

    def __init__(self, language: str, view: ResultsView) -> None:
        super().__init__(language)
        self.view = view  # computed in the core (kiosk.core.results)

    def compose(self) -> ComposeResult:
        view = self.view
        rows = []
        for principle in view.principles:
            tags = []
            if principle.weakest:
                tags.append((self.t("results.weakest"), "warning"))
            if principle.divided:
                tags.append((self.t("results.divided"), "primary"))
            rows.append(BarRow(principle.name, principle.counts, principle.mean, tuple(tags)))
        with VerticalScroll(id="results"):
            yield Static(self.t("results.title", n=view.votes), classes="title")
            if view.level:
                parts = [f"{name}: {count}" for name, count in view.level]
                yield Static(plain(f"{view.level_question}  " + "   ".join(parts)), id="level")
            yield Static(plain("  ".join(f"{n} = {label}" for n, label in enumerate(view.scale, 1))), id="scale")
            yield BarChart(rows, id="chart", spacious=self.app.size.height >= 40)
            if view.since_plan:
                yield Static(self.t("results.since_plan"), classes="title", id="trend-title")
                yield TrendTable([(r.name, r.means, r.delta) for r in view.since_plan], id="trend")
            if view.trend:
                yield Static(plain(self.t("results.trend", team=view.team, n=view.trend_sessions)), classes="title",
                             id="trend-title")
                yield TrendTable([(r.name, r.means, r.delta) for r in view.trend], id="trend")
            talk = []
            if view.weakest:
                talk.append(self.t("results.weakest_are", names=", ".join(view.weakest)))
            if view.divided:
                talk.append(self.t("results.divided_are", names=", ".join(view.divided)))
            yield Static(plain("\n".join(talk)), id="talk")
            yield Button(self.t("results.deal"), id="deal", variant="primary")
        yield KioskFooter()

    @on(Button.Pressed, "#deal")
    def action_deal(self) -> None:
        self.post_message(Done(self))
