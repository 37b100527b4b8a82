"""What the results screen shows, computed from a session: per principle the counts on
the scale, the mean and whether it is among the weakest or the most divided; the level
question's counts; and, by mode, the team's trend or the change since the followed plan.
The screen only lays it out and translates the words."""

from __future__ import annotations

from dataclasses import dataclass

from .followup import compare
from .plan import Plan
from .session import Session
from .tally import LEVEL_QUESTION
from .trend import TrendPoint, change, series

WEAKEST, DIVIDED = 3, 3  # how many principles are marked as weakest and as most divided


@dataclass(frozen=True)
class PrincipleResult:
    name: str
    counts: tuple[int, ...]  # per scale step
    mean: float | None
    weakest: bool
    divided: bool


@dataclass(frozen=True)
class HistoryRow:
    name: str
    means: list[float | None]  # oldest first
    delta: float | None


@dataclass(frozen=True)
class ResultsView:
    votes: int
    principles: list[PrincipleResult]
    scale: list[str]  # the scale's words, weakest first
    level_question: str
    level: list[tuple[str, int]]  # (level name, count); empty when the level was not asked
    weakest: list[str]  # names
    divided: list[str]  # names
    since_plan: list[HistoryRow]  # the change since the followed plan (empty if none)
    trend: list[HistoryRow]  # the team's trend (empty unless two or more sessions)
    trend_sessions: int
    team: str


def results_view(
    session: Session, *, trend: list[TrendPoint] | None = None, earlier: Plan | None = None
) -> ResultsView:
    model = session.deck.model
    assert model is not None
    tallies = session.tallies()
    weakest = session.weakest(WEAKEST)
    divided = session.most_divided(DIVIDED)
    principles = []
    for principle in model.principles:
        tally = tallies[principle.id]
        counts = tuple(tally.counts[o] for o in session.round.by_id[principle.id].options)
        principles.append(
            PrincipleResult(principle.name, counts, tally.mean, principle.id in weakest, principle.id in divided)
        )
    level = []
    if LEVEL_QUESTION in tallies and tallies[LEVEL_QUESTION].n:
        names = [lv.name for lv in model.levels] + [model.both]
        options = session.round.by_id[LEVEL_QUESTION].options
        level = [(name, tallies[LEVEL_QUESTION].counts[opt]) for name, opt in zip(names, options, strict=True)]
    since_plan = []
    if earlier is not None:
        changes = {c.question: c for c in compare(earlier.votes, tallies)}
        since_plan = [
            HistoryRow(p.name, [changes[p.id].before, changes[p.id].after], changes[p.id].delta)
            for p in model.principles
        ]
    points = trend or []
    history = (
        [HistoryRow(p.name, series(points, p.id), change(points, p.id)) for p in model.principles]
        if len(points) >= 2
        else []
    )
    return ResultsView(
        votes=tallies[model.principles[0].id].n,
        principles=principles,
        scale=list(model.scale),
        level_question=model.question,
        level=level,
        weakest=[model.principle(p).name for p in weakest],
        divided=[model.principle(p).name for p in divided],
        since_plan=since_plan,
        trend=history,
        trend_sessions=len(points),
        team=session.settings.team,
    )
