"""Votes: questions on a scale, secret or open ballots, a show of hands, and the tally.

For Innovationsresan a round has the overall question (limited / innovative / both) and
one question per principle on the 1..5 scale from limited-innovation bureaucracy (1) to
innovative bureaucracy (5). The tally names the weakest principles (lowest mean) and the
most divided ones (widest spread), which the dealer turns into card weights.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .deck import Model
from .tally import LEVEL_OPTIONS, LEVEL_QUESTION, Entry, Option, option_counts

__all__ = ["LEVEL_OPTIONS", "LEVEL_QUESTION", "Entry", "Option"]  # at home in tally, used from here too
DIVIDED_SPREAD = 1.0  # a standard deviation of one scale step or more is worth a talk
TIE = 1e-9  # means this close are equal (sums of small whole numbers divided by the same n)


class VoteError(ValueError):
    """A ballot or count that does not fit the questions."""


class TooManyHands(VoteError):
    """A question counted with more raised hands than the group has people: a miscount."""

    def __init__(self, question: str, total: int, group_size: int) -> None:
        super().__init__(f"{question}: {total} hands in a group of {group_size}")
        self.question, self.total, self.group_size = question, total, group_size


@dataclass(frozen=True)
class Question:
    id: str
    options: tuple[Option, ...]
    ordinal: bool = True  # options are ordered numbers, so mean and spread make sense


def questions_for(model: Model, *, with_level: bool = True) -> tuple[Question, ...]:
    """The questions of one reflection round on ``model``: each principle on the model's
    scale (steps 1..len(scale)), the overall level first if asked."""
    steps = tuple(range(1, len(model.scale) + 1))
    qs = [Question(p.id, steps) for p in model.principles]
    if with_level and model.levels:
        qs.insert(0, Question(LEVEL_QUESTION, LEVEL_OPTIONS, ordinal=False))
    return tuple(qs)


@dataclass(frozen=True)
class Tally:
    question: str
    counts: dict[Option, int]
    n: int
    mean: float | None
    median: float | None
    spread: float | None  # population standard deviation

    @classmethod
    def from_counts(cls, question: Question, counts: dict[Option, int]) -> Tally:
        full = {opt: int(counts.get(opt, 0)) for opt in question.options}
        n = sum(full.values())
        if not question.ordinal or n == 0:
            return cls(question.id, full, n, None, None, None)
        values = [opt for opt in question.options if isinstance(opt, int) for _ in range(full[opt])]
        mean = sum(values) / n
        mid = n // 2
        median = float(values[mid]) if n % 2 else (values[mid - 1] + values[mid]) / 2
        spread = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
        return cls(question.id, full, n, mean, median, spread)


class VoteRound:
    def __init__(self, questions: Iterable[Question]):
        self.questions = tuple(questions)
        self.by_id = {q.id: q for q in self.questions}
        if len(self.by_id) != len(self.questions):
            raise VoteError("duplicate question ids")
        self.entries: list[Entry] = []
        # Once the results are shown, phones may see them and their tokens are forgotten
        # (core.ballotbox); before that nothing of the count leaves the kiosk.
        self.revealed = False

    def reveal(self) -> None:
        self.revealed = True

    # -- casting -------------------------------------------------------------------------
    def check_ballot(self, answers: dict[str, Option]) -> None:
        unknown = set(answers) - set(self.by_id)
        if unknown:
            raise VoteError(f"unknown question(s): {', '.join(sorted(map(str, unknown)))}")
        missing = [q.id for q in self.questions if q.id not in answers]
        if missing:
            raise VoteError(f"unanswered: {', '.join(missing)}")
        for qid, option in answers.items():
            if option not in self.by_id[qid].options:
                raise VoteError(f"{qid}: {option!r} is not an option")

    def ballot(self, answers: dict[str, Option]) -> Entry:
        """A checked ballot, not yet counted (``add`` counts it once it is stored)."""
        self.check_ballot(answers)
        return Entry("ballot", answers=dict(answers))

    def check_hands(self, counts: dict[str, dict[Option, int]]) -> None:
        for qid, per_option in counts.items():
            question = self.by_id.get(qid)
            if question is None:
                raise VoteError(f"unknown question: {qid}")
            for option, count in per_option.items():
                if option not in question.options:
                    raise VoteError(f"{qid}: {option!r} is not an option")
                if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 10_000:
                    raise VoteError(f"{qid}: count for {option!r} must be a whole number 0..10000")

    def hands(self, counts: dict[str, dict[Option, int]], group_size: int | None = None) -> Entry:
        """A checked count of hands, not yet counted. With ``group_size``, a question
        with more hands than people is refused (each person raises one hand)."""
        self.check_hands(counts)
        for qid, per_option in counts.items():
            total = sum(per_option.values())
            if group_size and total > group_size:
                raise TooManyHands(qid, total, group_size)
        return Entry("hands", counts={q: dict(c) for q, c in counts.items()})

    def add(self, entry: Entry) -> Entry:
        self.entries.append(entry)
        return entry

    def undo(self) -> Entry | None:
        """Take back the last ballot or count; None when there is nothing to undo."""
        return self.entries.pop() if self.entries else None

    # -- results -------------------------------------------------------------------------
    def tally(self) -> dict[str, Tally]:
        return {q.id: Tally.from_counts(q, option_counts(self.entries, q.id)) for q in self.questions}


def weakest(tallies: dict[str, Tally], k: int = 3) -> list[str]:
    """About the ``k`` ordinal questions with the lowest mean, in question order among
    equals, and ties stay ties: never one of two equal principles in and the other out.

    A tie at the ``k``-th place is taken whole when it fits in ``k``; when it would push
    past ``k``, only those below it are taken (or the tie alone, when nothing is below
    it). When every question ties, none is weaker than another: the list is empty."""
    rated = [t for t in tallies.values() if t.mean is not None]
    if not rated or k <= 0:
        return []
    order = {qid: i for i, qid in enumerate(tallies)}
    ranked = sorted(rated, key=lambda t: (t.mean or 0.0, order[t.question]))
    edge = ranked[min(k, len(ranked)) - 1].mean or 0.0
    taken = [t for t in ranked if (t.mean or 0.0) <= edge + TIE]
    if len(taken) > k:
        taken = [t for t in ranked if (t.mean or 0.0) < edge - TIE] or taken
        if len(taken) == len(ranked):
            return []
    return [t.question for t in taken]


def most_divided(tallies: dict[str, Tally], k: int = 3, min_spread: float = DIVIDED_SPREAD) -> list[str]:
    """Up to ``k`` questions whose spread is at least ``min_spread``, widest first."""
    rated = [t for t in tallies.values() if t.spread is not None and t.spread >= min_spread]
    order = {qid: i for i, qid in enumerate(tallies)}
    widest = sorted((-t.spread, order[t.question], t.question) for t in rated if t.spread is not None)
    return [question for _, _, question in widest[:k]]


def principle_weights(tallies: dict[str, Tally], steps: int) -> dict[str, float]:
    """How much each principle needs attention, 0..2: weakness (low mean on a scale of
    ``steps``) plus division (wide spread). The dealer favours cards for principles with
    high weights."""
    weights: dict[str, float] = {}
    for qid, t in tallies.items():
        if t.mean is None or t.spread is None:
            continue
        weakness = (steps - t.mean) / (steps - 1)
        division = min(t.spread / 2.0, 1.0)
        weights[qid] = weakness + division
    return weights
