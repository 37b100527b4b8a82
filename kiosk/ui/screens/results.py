"""Results: per principle the distribution, the mean, and clear marks on the weakest and
the most divided principles (a wide spread is a reason to talk)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from ...core.followup import compare
from ...core.plan import Plan
from ...core.session import Session
from ...core.trend import TrendPoint, change, series
from ...core.votes import LEVEL_QUESTION
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

    def __init__(self, language: str, session: Session, *, trend: list[TrendPoint] | None = None,
                 earlier: Plan | None = None) -> None:
        super().__init__(language, session)
        self.points = trend or []  # the team's earlier check-ins and this one
        self.earlier = earlier  # the plan being followed up

    def compose(self) -> ComposeResult:
        session = self.session
        model = session.deck.model
        tallies = session.tallies()
        weakest = session.weakest(3)
        divided = session.most_divided(3)
        rows = []
        for principle in model.principles:
            tally = tallies[principle.id]
            tags = []
            if principle.id in weakest:
                tags.append((self.t("results.weakest"), "warning"))
            if principle.id in divided:
                tags.append((self.t("results.divided"), "primary"))
            rows.append(BarRow(principle.name, tuple(tally.counts[o] for o in session.round.by_id[principle.id].options), tally.mean, tuple(tags)))
        with VerticalScroll(id="results"):
            yield Static(self.t("results.title", n=tallies[model.principles[0].id].n), classes="title")
            if LEVEL_QUESTION in tallies and tallies[LEVEL_QUESTION].n:
                level = tallies[LEVEL_QUESTION]
                names = [lv.name for lv in model.levels] + [model.both]
                parts = [f"{name}: {level.counts[opt]}" for name, opt in zip(names, session.round.by_id[LEVEL_QUESTION].options)]
                yield Static(plain(f"{model.question}  " + "   ".join(parts)), id="level")
            yield Static(plain("  ".join(f"{n} = {label}" for n, label in enumerate(model.scale, 1))), id="scale")
            yield BarChart(rows, id="chart", spacious=self.app.size.height >= 40)
            points, earlier = self.points, self.earlier
            if earlier is not None:
                changes = {c.question: c for c in compare(earlier.votes, tallies)}
                yield Static(self.t("results.since_plan"), classes="title", id="trend-title")
                yield TrendTable([(p.name, [changes[p.id].before, changes[p.id].after], changes[p.id].delta)
                                  for p in model.principles], id="trend")
            if len(points) >= 2:
                yield Static(plain(self.t("results.trend", team=session.settings.team, n=len(points))), classes="title",
                             id="trend-title")
                yield TrendTable([(p.name, series(points, p.id), change(points, p.id)) for p in model.principles],
                                 id="trend")
            talk = []
            if weakest:
                talk.append(self.t("results.weakest_are", names=", ".join(model.principle(p).name for p in weakest)))
            if divided:
                talk.append(self.t("results.divided_are", names=", ".join(model.principle(p).name for p in divided)))
            yield Static(plain("\n".join(talk)), id="talk")
            yield Button(self.t("results.deal"), id="deal", variant="primary")
        yield KioskFooter()

    @on(Button.Pressed, "#deal")
    def action_deal(self) -> None:
        self.post_message(Done(self))
