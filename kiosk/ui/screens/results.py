"""Results, the main picture of a workshop: the weakest and the most divided principles
first, with their names whole and their bars thick enough to read from the back of the room,
then the others; the level question and the scale (in the bars' colours) above, the trend or
the change since the last plan below."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.widgets import Button, Static

from ...core.deck import LANGUAGES
from ...core.i18n import t
from ...core.results import PrincipleResult, ResultsView
from ..intents import Done
from ..plain import plain
from ..widgets.bars import BarChart, BarRow, legend, tags_width
from ..widgets.footer import KioskFooter
from ..widgets.phrases import Phrases
from ..widgets.trend import TrendTable
from .base import KioskScreen


def first_what_matters(view: ResultsView) -> list[PrincipleResult]:
    """The weakest (weakest first), then the most divided, then the rest in the model's order."""
    by_name = {p.name: p for p in view.principles}
    first = [by_name[name] for name in dict.fromkeys([*view.weakest, *view.divided]) if name in by_name]
    return first + [p for p in view.principles if p not in first]


def tag_keys(principle: PrincipleResult) -> list[str]:
    return [key for key, on in (("results.weakest", principle.weakest), ("results.divided", principle.divided)) if on]


def widest_tags(principles: list[PrincipleResult]) -> int:
    """The cells the tags of these rows need in the language where they are longest: two
    tags on one row need both, one tag on each row only the longer (the bars get the rest)."""
    return max((tags_width([t(lang, key) for key in tag_keys(p)]) for p in principles for lang in LANGUAGES), default=0)


class ResultsScreen(KioskScreen):
    BINDINGS = [Binding("enter,d", "deal", "t:key.deal", show=True, key_display="Enter")]
    HELP_KEYS = [("Enter / d", "help.results_deal")]
    AUTO_FOCUS = "#deal"
    DEFAULT_CSS = """
    ResultsScreen #results { padding: 0 2; align-vertical: middle; height: 1fr; scrollbar-size-vertical: 1; }
    ResultsScreen #level { height: auto; }
    ResultsScreen #scale { height: auto; margin: 1 0; }
    ResultsScreen #talk { height: auto; margin-top: 1; color: $text-muted; }
    ResultsScreen #trend-title { margin-top: 1; }
    ResultsScreen #actions { height: auto; }
    ResultsScreen #deal { margin: 1 0 0 0; }
    ResultsScreen.-short #talk { display: none; }  /* the tags say it; the button stays in view */
    """

    def __init__(
        self, language: str, view: ResultsView, *, label_width: int | None = None, following: str = ""
    ) -> None:
        super().__init__(language)
        self.following = following  # in a follow-up: the plan followed up, its date and team
        self.view = view  # computed in the core (kiosk.core.results)
        # The longest principle name in any of the deck's languages (None: this language's).
        self.label_width = label_width

    def compose(self) -> ComposeResult:
        view = self.view
        rows = []
        colours = {"results.weakest": "warning", "results.divided": "primary"}
        moved = {row.name: row.delta for row in view.since_plan}  # a follow-up: what moved, on each bar
        for principle in first_what_matters(view):
            tags = tuple((self.t(key), colours[key]) for key in tag_keys(principle))
            rows.append(BarRow(principle.name, principle.counts, principle.mean, tags, moved.get(principle.name)))
        with VerticalScroll(id="results"):
            yield Static(self.t("results.title", n=view.votes), classes="title")
            if self.following:
                yield Static(plain(self.following), classes="subtitle", id="following")
            if view.level:
                parts = [f"{name}: {count}" for name, count in view.level]
                yield Phrases([view.level_question, *parts], id="level")
            yield Static(legend(self.app, view.scale), id="scale")
            yield BarChart(rows, id="chart", label_width=self.label_width, tag_width=widest_tags(view.principles))
            if view.since_plan:
                yield Static(self.t("results.since_plan"), classes="title", id="trend-title")
                yield TrendTable(
                    [(r.name, r.means, r.delta) for r in view.since_plan],
                    id="trend",
                    label_width=self.label_width,
                    steps=len(view.scale),
                )
            if view.trend:
                yield Static(
                    plain(self.t("results.trend", team=view.team, n=view.trend_sessions)),
                    classes="title",
                    id="trend-title",
                )
                yield TrendTable(
                    [(r.name, r.means, r.delta) for r in view.trend],
                    id="trend",
                    label_width=self.label_width,
                    steps=len(view.scale),
                )
            talk = []
            if view.weakest:
                talk.append(self.t("results.weakest_are", names=", ".join(view.weakest)))
            if view.divided:
                talk.append(self.t("results.divided_are", names=", ".join(view.divided)))
            yield Static(plain("\n".join(talk)), id="talk")
        # Outside the scroll: focusing the button must not scroll the chart's top away.
        with Center(id="actions"):
            yield Button(self.t("results.deal"), id="deal", variant="primary")
        yield KioskFooter()

    @on(Button.Pressed, "#deal")
    def action_deal(self) -> None:
        self.post_message(Done(self))
