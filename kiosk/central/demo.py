"""``innovationslek demo``: fill a data directory with realistic, made-up activity, to try the
report, the sync and the benchmarks (never used by a real kiosk unless asked).

Per team: a check-in every two to four weeks with five to nine people voting on the nine
principles (each team starts somewhere between 1.5 and 3.5 and drifts upwards, with noise),
a card chosen and a plan of one to three actions; the next meeting is often a follow-up that
reviews the earlier plan's actions (done, not done, dropped). A workshop each quarter and a
few walk-up visitors a month (some walk away half-way). Same seed, same data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from ..core.deck import Deck
from ..core.modes import CHECKIN, FOLLOWUP, WALKUP, WORKSHOP
from ..core.plan import Action, Plan
from ..core.shelf import Shelf
from ..core.store import Store
from ..core.votes import LEVEL_OPTIONS, LEVEL_QUESTION, Entry

UNITS = [
    "Bygglov",
    "Skola Norr",
    "Hemtjänst Väst",
    "IT-enheten",
    "Biblioteket",
    "Socialtjänsten",
    "Ekonomi",
    "Kultur och fritid",
    "Miljö och hälsa",
    "HR-stöd",
    "Kundcenter",
    "Äldreomsorg Syd",
    "Gata och park",
    "Vatten och avlopp",
    "Förskola Öst",
    "Upphandling",
    "Kommunikation",
    "Räddningstjänsten",
]
ACTIONS = [
    ("Testa ett nytt mötesformat", "Två korta möten i stället för ett långt"),
    ("Intervjua fem brukare", "Enkla frågor, anteckningar delas i teamet"),
    ("Prova en idé i liten skala", "En vecka, ett kontor"),
    ("Bjud in en annan enhet", "Gemensam workshop om en delad utmaning"),
    ("Dela ett misslyckande på APT", "Fem minuter, vad lärde vi oss?"),
    ("Kartlägg ett ärendeflöde", "Post-it på väggen, följ ett ärende"),
]
PEOPLE = ["Anna", "Erik", "Fatima", "Johan", "Maria", "Ola", "Sara", "Ali"]


@dataclass(frozen=True)
class DemoResult:
    folder: Path
    sessions: int
    ballots: int
    plans: int


class _Clock:
    def __init__(self, start: datetime):
        self.at = start

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


def _score(rng: random.Random, base: float) -> int:
    return max(1, min(5, round(rng.gauss(base, 0.8))))


def _team_names(n: int, kiosk_no: int) -> list[str]:
    """Kiosk 1 gets the first n units, kiosk 2 the next n, and so on ("Bygglov 2" on the second lap)."""
    names = []
    for i in range(n):
        index = i + max(0, kiosk_no - 1) * n
        lap = index // len(UNITS)
        names.append(f"{UNITS[index % len(UNITS)]} {lap + 1}" if lap else UNITS[index % len(UNITS)])
    return names


def generate(
    folder: Path | str,
    *,
    teams: int = 3,
    months: int = 6,
    seed: int = 1,
    end: date | None = None,
    deck: Deck | None = None,
    kiosk_no: int | None = None,
) -> DemoResult:
    """Add ``months`` months of activity (ending at ``end``, default today) to the store in
    ``folder``. ``kiosk_no`` picks the team names (default: from the seed)."""
    rng = random.Random(seed)
    deck = deck or Shelf().get("innovationslek", "sv")
    principles = list(deck.require_model().principle_ids)
    card_ids = [c.id for c in deck.methods]
    end_day = end or date.today()
    start = datetime.combine(end_day - timedelta(days=30 * months), datetime.min.time(), UTC)
    clock = _Clock(start)
    store = Store.open(folder, now=clock)
    store.db.execute("PRAGMA synchronous=OFF")  # made-up data: speed matters more than power cuts
    counts = {"sessions": 0, "ballots": 0, "plans": 0}
    events: list[tuple[datetime, str, str]] = []
    for team in _team_names(teams, seed if kiosk_no is None else kiosk_no):
        day = start + timedelta(days=rng.uniform(0, 14))
        while day < start + timedelta(days=30 * months):
            events.append((day.replace(hour=rng.choice([9, 10, 13, 14])), CHECKIN.name, team))
            day += timedelta(days=rng.uniform(14, 28))
        for quarter in range(0, months, 3):
            events.append((start + timedelta(days=30 * quarter + rng.uniform(0, 80)), WORKSHOP.name, team))
    for month in range(months):
        for _ in range(rng.randint(1, 4)):
            events.append(
                (start + timedelta(days=30 * month + rng.uniform(0, 29), hours=rng.uniform(8, 16)), WALKUP.name, "")
            )
    events.sort()
    level = {team: {p: rng.uniform(1.5, 3.5) for p in principles} for team in sorted({e[2] for e in events})}
    size = {team: rng.randint(5, 9) for team in level}
    last_plan: dict[str, tuple[str, Plan]] = {}
    try:
        for moment, mode, team in events:
            clock.at = moment
            elapsed_months = (moment - start).days / 30
            team_level = {p: v + 0.08 * elapsed_months for p, v in level[team].items()}
            if mode == CHECKIN.name and team in last_plan and rng.random() < 0.6:
                mode = FOLLOWUP.name
            _one_session(
                store, clock, rng, deck, mode, team, team_level, size[team], card_ids, principles, last_plan, counts
            )
    finally:
        store.db.execute("PRAGMA synchronous=FULL")
        store.close()
    return DemoResult(Path(folder), counts["sessions"], counts["ballots"], counts["plans"])


def _one_session(store, clock, rng, deck, mode, team, team_level, group, card_ids, principles, last_plan, counts):
    sid = store.start_session(mode, deck.id, deck.language, team=team)
    counts["sessions"] += 1
    people = 1 if mode == WALKUP.name else max(3, group + rng.randint(-2, 1))
    votes = {p: [0] * len(deck.model.scale) for p in principles}
    level_votes = [0, 0, 0]
    abandoned = mode == WALKUP.name and rng.random() < 0.25
    for _ in range(people):
        clock.advance(seconds=rng.uniform(20, 60))
        answers: dict = {LEVEL_QUESTION: rng.choice(LEVEL_OPTIONS)} if mode != WALKUP.name or rng.random() < 0.5 else {}
        base = team_level if team else {p: rng.uniform(1.5, 4) for p in principles}
        for p in principles:
            answers[p] = _score(rng, base[p])
        store.cast(sid, Entry("ballot", answers=answers))
        counts["ballots"] += 1
        if rng.random() < 0.03:  # a mis-typed ballot, undone and cast again
            store.undo_last(sid)
            store.cast(sid, Entry("ballot", answers=answers))
            counts["ballots"] += 1
        for p in principles:
            votes[p][answers[p] - 1] += 1
        if LEVEL_QUESTION in answers:
            level_votes[LEVEL_OPTIONS.index(answers[LEVEL_QUESTION])] += 1
    if abandoned:
        store.end_session(sid, "abandoned")
        return
    state = {"screen": "plan", "settings": {"follows": ""}}
    follows = ""
    if mode == FOLLOWUP.name:
        code, earlier = last_plan[team]
        statuses = [rng.choices(["done", "not_done", "dropped"], weights=[55, 30, 15])[0] for _ in earlier.actions]
        state = {"screen": "plan", "settings": {"follows": code}, "review": statuses}
        follows = code
    store.update_session(sid, state=state)
    hand = rng.sample(card_ids, {WALKUP.name: 3, WORKSHOP.name: 4}.get(mode, 1))
    for slot, card in enumerate(hand):
        store.card_event(sid, card, "dealt", slot)
    chosen = hand[: 1 if mode != WORKSHOP.name else 2]
    for card in chosen:
        clock.advance(minutes=rng.uniform(1, 5))
        store.card_event(sid, card, "chosen")
    if mode == WORKSHOP.name:
        clock.advance(minutes=2)
        exercise = store.exercise_started(sid, chosen[0], 20 * 60)
        clock.advance(minutes=rng.uniform(15, 30))
        store.exercise_ended(exercise, rng.uniform(15, 30) * 60)
    clock.advance(minutes=rng.uniform(3, 10))
    actions = []
    for what, how in rng.sample(ACTIONS, rng.randint(1, 3) if mode != WALKUP.name else 1):
        actions.append(
            Action(
                what=what,
                how=how if mode != WALKUP.name else "",
                when="inom en månad",
                who=rng.choice(PEOPLE) if mode != WALKUP.name else "",
            )
        )
    vote_summary = {p: votes[p] for p in principles}
    if sum(level_votes):
        vote_summary[LEVEL_QUESTION] = level_votes
    plan = Plan(
        deck=deck.id,
        language=deck.language,
        mode=mode,
        created=clock(),
        cards=chosen,
        votes=vote_summary,
        actions=actions,
        follow_up=(clock() + timedelta(days=rng.randint(28, 56))).date() if team else None,
        team=team,
        follows=follows,
    )
    code = store.save_plan(plan, sid)
    counts["plans"] += 1
    store.end_session(sid, "completed")
    if team:
        last_plan[team] = (code, plan)
