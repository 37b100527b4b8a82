"""The report's figures, computed from a ``Dataset`` with the privacy rule applied.

No figure is built from fewer than ``MIN_BALLOTS`` ballots: a team's month with too few is
merged with the months that follow (the period then reads "2026-01 - 2026-03"), a tail that
never reaches the threshold joins the period before it, and what still falls short (a team
with fewer than three ballots in all, an organisation month with too few, a principle few
answered) is suppressed. Counts of sessions, cards and actions are not built from ballots.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from ..core.deck import SCALE_STEPS
from ..core.modes import CHECKIN, FOLLOWUP, WALKUP, WORKSHOP
from ..core.votes import LEVEL_OPTIONS, LEVEL_QUESTION
from .reportdata import BallotRecord, Dataset

MIN_BALLOTS = 3
TEAM_MODES = (CHECKIN.name, FOLLOWUP.name, WORKSHOP.name)
MODES = (CHECKIN.name, FOLLOWUP.name, WORKSHOP.name, WALKUP.name)
REVIEW_STATUSES = ("done", "not_done", "dropped")


@dataclass
class Cell:
    """Scores of one question in one period: counts per scale step (the decks' scale
    length, ``SCALE_STEPS``: the report spans kiosks, not one model)."""

    counts: list[int] = field(default_factory=lambda: [0] * SCALE_STEPS)

    def add(self, value: int, n: int = 1) -> None:
        if isinstance(value, int) and 1 <= value <= SCALE_STEPS:
            self.counts[value - 1] += n

    @property
    def n(self) -> int:
        return sum(self.counts)

    @property
    def mean(self) -> float | None:
        """None when fewer than MIN_BALLOTS answered: the figure is not shown."""
        return sum((i + 1) * c for i, c in enumerate(self.counts)) / self.n if self.n >= MIN_BALLOTS else None

    def merge(self, other: Cell) -> None:
        self.counts = [a + b for a, b in zip(self.counts, other.counts, strict=True)]


@dataclass
class Period:
    first: str  # "2026-03"
    last: str
    ballots: int = 0
    cells: dict[str, Cell] = field(default_factory=dict)
    levels: Counter = field(default_factory=Counter)

    @property
    def label(self) -> str:
        return self.first if self.first == self.last else f"{self.first} - {self.last}"

    def mean(self, question: str) -> float | None:
        cell = self.cells.get(question)
        return cell.mean if cell else None

    def absorb(self, other: Period) -> None:
        self.first, self.last = min(self.first, other.first), max(self.last, other.last)
        self.ballots += other.ballots
        for q, cell in other.cells.items():
            self.cells.setdefault(q, Cell()).merge(cell)
        self.levels.update(other.levels)


@dataclass
class TeamFigures:
    team: str
    sessions: int
    ballots: int
    periods: list[Period]  # merged to at least MIN_BALLOTS each; empty when the team has too few
    merged: bool  # some months were merged to reach MIN_BALLOTS


@dataclass
class FollowThrough:
    plans: int = 0
    actions: int = 0
    reviewed: Counter = field(default_factory=Counter)

    @property
    def done_share(self) -> float | None:
        total = sum(self.reviewed.values())
        return self.reviewed["done"] / total if total else None


@dataclass
class Figures:
    questions: list[str]
    months: list[str]
    ladder: list[Period]  # the organisation, one period per month (cells under MIN_BALLOTS hidden)
    teams: list[TeamFigures]
    participation: dict[str, Counter]  # month -> sessions per mode
    ballots_per_month: Counter
    cards: list[tuple[str, int]]
    follow_through: dict[str, FollowThrough]  # team -> figures; "" is the whole organisation
    sessions: int
    ballots: int
    kiosks: int
    suppressed: int  # figures left out because fewer than MIN_BALLOTS were behind them
    merged_teams: int


def _month(moment: datetime) -> str:
    return moment.strftime("%Y-%m")


def _add_ballot(period: Period, ballot: BallotRecord) -> None:
    if ballot.kind == "ballot":
        period.ballots += 1
        for q, value in ballot.answers.items():
            if q == LEVEL_QUESTION:
                if value in LEVEL_OPTIONS:
                    period.levels[value] += 1
            else:
                period.cells.setdefault(q, Cell()).add(value)
    else:  # a show of hands: every raised hand is a ballot
        hands = 0
        for q, pairs in ballot.answers.items():
            count = sum(int(n) for _, n in pairs)
            hands = max(hands, count)
            for option, n in pairs:
                if q == LEVEL_QUESTION:
                    if option in LEVEL_OPTIONS:
                        period.levels[option] += int(n)
                else:
                    period.cells.setdefault(q, Cell()).add(int(option), int(n))
        period.ballots += hands


def _merge_small(months: list[Period]) -> tuple[list[Period], bool]:
    """Join consecutive months until each period has MIN_BALLOTS ballots."""
    out: list[Period] = []
    pending: Period | None = None
    merged = False
    for period in months:
        if pending is None:
            pending = period
        else:
            pending.absorb(period)
            merged = True
        if pending.ballots >= MIN_BALLOTS:
            out.append(pending)
            pending = None
    # With nothing kept, the whole team has fewer than MIN_BALLOTS ballots: nothing is shown.
    if pending is not None and out:
        out[-1].absorb(pending)
        merged = True
    return out, merged


def compute(data: Dataset, questions_order: list[str] | None = None) -> Figures:
    by_month: dict[str, Period] = {}
    by_team: dict[str, dict[str, Period]] = defaultdict(dict)
    questions: list[str] = list(questions_order or [])
    for ballot in data.ballots:
        session = data.sessions.get(ballot.session)
        if session is None:
            continue
        month = _month(session.started)
        _add_ballot(by_month.setdefault(month, Period(month, month)), ballot)
        if session.team and session.mode in TEAM_MODES:
            _add_ballot(by_team[session.team].setdefault(month, Period(month, month)), ballot)
        for q in ballot.answers:
            if q != LEVEL_QUESTION and q not in questions:
                questions.append(q)
    months = sorted({_month(s.started) for s in data.sessions.values()})
    ladder = [by_month.get(m, Period(m, m)) for m in months]
    suppressed = sum(1 for p in ladder for q in questions if q in p.cells and p.cells[q].mean is None)

    participation: dict[str, Counter] = {m: Counter() for m in months}
    team_sessions: Counter = Counter()
    for s in data.sessions.values():
        participation[_month(s.started)][s.mode] += 1
        if s.team and s.mode in TEAM_MODES:
            team_sessions[s.team] += 1

    teams: list[TeamFigures] = []
    merged_teams = 0
    for team in sorted(set(team_sessions) | set(by_team), key=str.casefold):
        months_of_team = [by_team[team][m] for m in sorted(by_team.get(team, {}))]
        ballots = sum(p.ballots for p in months_of_team)
        periods, merged = _merge_small(months_of_team)
        merged_teams += merged
        if not periods and ballots:
            suppressed += 1
        suppressed += sum(1 for p in periods for q in questions if q in p.cells and p.cells[q].mean is None)
        teams.append(TeamFigures(team, team_sessions[team], ballots, periods, merged))

    chosen: Counter = Counter()
    per_session: dict = defaultdict(dict)
    for session_key, card, event in data.card_events:
        if event == "chosen":
            per_session[session_key].setdefault(card, None)
        else:
            per_session[session_key].pop(card, None)
    for cards in per_session.values():
        chosen.update(list(cards))

    follow: dict[str, FollowThrough] = defaultdict(FollowThrough)
    follow[""] = FollowThrough()  # the whole organisation always has a row
    for plan in data.plans:
        session = data.sessions.get(plan.session) if plan.session else None
        team = plan.team or (session.team if session else "")
        for key in {"", team} if team else {""}:
            follow[key].plans += 1
            follow[key].actions += plan.actions
    for s in data.sessions.values():
        if s.review:
            for key in {"", s.team} if s.team else {""}:
                follow[key].reviewed.update(r for r in s.review if r in REVIEW_STATUSES)

    return Figures(
        questions=questions,
        months=months,
        ladder=ladder,
        teams=teams,
        participation=participation,
        ballots_per_month=Counter({p.first: p.ballots for p in ladder}),
        cards=chosen.most_common(),
        follow_through=dict(follow),
        sessions=len(data.sessions),
        ballots=sum(p.ballots for p in ladder),
        kiosks=len(data.kiosks),
        suppressed=suppressed,
        merged_teams=merged_teams,
    )
