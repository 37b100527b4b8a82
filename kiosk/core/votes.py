"""Votes: questions on a scale, secret or open ballots, a show of hands, and the tally.

For Innovationsresan a round has the overall question (limited / innovative / both) and
one question per principle on the 1..5 scale from limited-innovation bureaucracy (1) to
innovative bureaucracy (5). The tally names the weakest principles (lowest mean) and the
most divided ones (widest spread), which the dealer turns into card weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Hashable, Iterable

from .deck import SCALE_STEPS, Model

LEVEL_QUESTION = "level"
LEVEL_OPTIONS = ("limited", "innovative", "both")
PRINCIPLE_OPTIONS = tuple(range(1, SCALE_STEPS + 1))
DIVIDED_SPREAD = 1.0  # a standard deviation of one scale step or more is worth a talk


class VoteError(ValueError):
    """A ballot or count that does not fit the questions."""


@dataclass(frozen=True)
class Question:
    id: str
    options: tuple[Hashable, ...]
    ordinal: bool = True  # options are ordered numbers, so mean and spread make sense


def questions_for(model: Model, *, with_level: bool = True) -> tuple[Question, ...]:
    """The questions of one reflection round on ``model``."""
    qs = [Question(p.id, PRINCIPLE_OPTIONS) for p in model.principles]
    if with_level and model.levels:
        qs.insert(0, Question(LEVEL_QUESTION, LEVEL_OPTIONS, ordinal=False))
    return tuple(qs)


@dataclass(frozen=True)
class Tally:
    question: str
    counts: dict[Hashable, int]
    n: int
    mean: float | None
    median: float | None
    spread: float | None  # population standard deviation

    @classmethod
    def from_counts(cls, question: Question, counts: dict[Hashable, int]) -> "Tally":
        full = {opt: int(counts.get(opt, 0)) for opt in question.options}
        n = sum(full.values())
        if not question.ordinal or n == 0:
            return cls(question.id, full, n, None, None, None)
        values = [opt for opt in question.options for _ in range(full[opt])]
        mean = sum(values) / n
        mid = n // 2
        median = float(values[mid]) if n % 2 else (values[mid - 1] + values[mid]) / 2
        spread = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
        return cls(question.id, full, n, mean, median, spread)

    @property
    def share(self) -> dict[Hashable, float]:
        return {k: (v / self.n if self.n else 0.0) for k, v in self.counts.items()}


@dataclass
class Entry:
    """One thing the group did: a person's ballot, or the facilitator's count of hands."""

    kind: str  # "ballot" or "hands"
    answers: dict[str, Hashable] = field(default_factory=dict)  # ballot: question -> option
    counts: dict[str, dict[Hashable, int]] = field(default_factory=dict)  # hands: question -> counts
    source: str = "keyboard"  # or "phone": the keyboard's undo never takes back a phone's ballot


class VoteRound:
    def __init__(self, questions: Iterable[Question], *, secret: bool = True):
        self.questions = tuple(questions)
        self.by_id = {q.id: q for q in self.questions}
        if len(self.by_id) != len(self.questions):
            raise VoteError("duplicate question ids")
        self.secret = secret
        self.revealed = not secret
        self.entries: list[Entry] = []

    # -- casting -------------------------------------------------------------------------
    def check_ballot(self, answers: dict[str, Hashable]) -> None:
        unknown = set(answers) - set(self.by_id)
        if unknown:
            raise VoteError(f"unknown question(s): {', '.join(sorted(map(str, unknown)))}")
        missing = [q.id for q in self.questions if q.id not in answers]
        if missing:
            raise VoteError(f"unanswered: {', '.join(missing)}")
        for qid, option in answers.items():
            if option not in self.by_id[qid].options:
                raise VoteError(f"{qid}: {option!r} is not an option")

    def cast(self, answers: dict[str, Hashable]) -> Entry:
        self.check_ballot(answers)
        entry = Entry("ballot", answers=dict(answers))
        self.entries.append(entry)
        return entry

    def check_hands(self, counts: dict[str, dict[Hashable, int]]) -> None:
        for qid, per_option in counts.items():
            question = self.by_id.get(qid)
            if question is None:
                raise VoteError(f"unknown question: {qid}")
            for option, count in per_option.items():
                if option not in question.options:
                    raise VoteError(f"{qid}: {option!r} is not an option")
                if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 10_000:
                    raise VoteError(f"{qid}: count for {option!r} must be a whole number 0..10000")

    def add_hands(self, counts: dict[str, dict[Hashable, int]]) -> Entry:
        self.check_hands(counts)
        entry = Entry("hands", counts={q: dict(c) for q, c in counts.items()})
        self.entries.append(entry)
        return entry

    def undo(self) -> Entry | None:
        """Take back the last ballot or count; None when there is nothing to undo."""
        return self.entries.pop() if self.entries else None

    def reveal(self) -> None:
        self.revealed = True

    @property
    def ballots(self) -> int:
        return sum(1 for e in self.entries if e.kind == "ballot")

    # -- results -------------------------------------------------------------------------
    def counts(self, qid: str) -> dict[Hashable, int]:
        question = self.by_id[qid]
        totals = {opt: 0 for opt in question.options}
        for entry in self.entries:
            if entry.kind == "ballot" and qid in entry.answers:
                totals[entry.answers[qid]] += 1
            elif entry.kind == "hands":
                for opt, count in entry.counts.get(qid, {}).items():
                    totals[opt] += count
        return totals

    def tally(self) -> dict[str, Tally]:
        return {q.id: Tally.from_counts(q, self.counts(q.id)) for q in self.questions}


def weakest(tallies: dict[str, Tally], k: int = 3) -> list[str]:
    """The ``k`` ordinal questions with the lowest mean (ties keep question order)."""
    rated = [t for t in tallies.values() if t.mean is not None]
    order = {qid: i for i, qid in enumerate(tallies)}
    return [t.question for t in sorted(rated, key=lambda t: (t.mean, order[t.question]))[:k]]


def most_divided(tallies: dict[str, Tally], k: int = 3, min_spread: float = DIVIDED_SPREAD) -> list[str]:
    """Up to ``k`` questions whose spread is at least ``min_spread``, widest first."""
    rated = [t for t in tallies.values() if t.spread is not None and t.spread >= min_spread]
    order = {qid: i for i, qid in enumerate(tallies)}
    return [t.question for t in sorted(rated, key=lambda t: (-t.spread, order[t.question]))[:k]]


def principle_weights(tallies: dict[str, Tally]) -> dict[str, float]:
    """How much each principle needs attention, 0..2: weakness (low mean) plus division
    (wide spread). The dealer favours cards for principles with high weights."""
    weights: dict[str, float] = {}
    for qid, t in tallies.items():
        if t.mean is None or t.spread is None:
            continue
        weakness = (SCALE_STEPS - t.mean) / (SCALE_STEPS - 1)
        division = min(t.spread / 2.0, 1.0)
        weights[qid] = weakness + division
    return weights
