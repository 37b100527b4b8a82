"""One home for the arithmetic of votes: counting per question from what the group did
(ballots and counts of hands), the ladder of a principle (how many chose each scale step),
and the mean step of a ladder.

Everything that shows or exports vote numbers counts through here: the vote round, the
export, the day's statistics, a team's trend, the follow-up comparison and the plan
summary. The scale's length is the model's (``len(model.scale)``), passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

LEVEL_QUESTION = "level"  # the overall question: limited / innovative / both
LEVEL_OPTIONS = ("limited", "innovative", "both")
# What a ballot answers: a scale step (1, 2, ...) or a level option ("limited", ...).
Option = int | str


@dataclass
class Entry:
    """One thing the group did: a person's ballot, or the facilitator's count of hands."""

    kind: str  # "ballot" or "hands"
    answers: dict[str, Option] = field(default_factory=dict)  # ballot: question -> option
    counts: dict[str, dict[Option, int]] = field(default_factory=dict)  # hands: question -> counts
    source: str = "keyboard"  # or "phone": the keyboard's undo never takes back a phone's ballot


def option_counts(entries: Iterable[Entry], question: str) -> dict[Option, int]:
    """How many chose each option of ``question`` (options nobody chose are absent)."""
    totals: dict[Option, int] = {}
    for entry in entries:
        if entry.kind == "ballot":
            if question in entry.answers:
                option = entry.answers[question]
                totals[option] = totals.get(option, 0) + 1
        else:
            for option, n in entry.counts.get(question, {}).items():
                totals[option] = totals.get(option, 0) + n
    return totals


def ladder(entries: Iterable[Entry], steps: int, question: str) -> list[int]:
    """How many chose each step 1..``steps`` of a principle's scale."""
    counts = option_counts(entries, question)
    return [counts.get(step, 0) for step in range(1, steps + 1)]


def ladders(entries: Iterable[Entry], steps: int) -> dict[str, list[int]]:
    """The ladder of every principle that has votes, in the order first seen (the level
    question is not on a scale and is left out)."""
    entries = list(entries)
    questions: dict[str, None] = {}
    for entry in entries:
        for question in entry.answers if entry.kind == "ballot" else entry.counts:
            if question != LEVEL_QUESTION:
                questions[question] = None
    return {q: ladder(entries, steps, q) for q in questions}


def add_ladders(total: dict[str, list[int]], more: dict[str, list[int]]) -> None:
    """Add ``more`` into ``total`` step by step (for sums over sessions)."""
    for question, counts in more.items():
        acc = total.setdefault(question, [0] * len(counts))
        for i, n in enumerate(counts):
            acc[i] += n


def mean_of(counts: Sequence[int]) -> float | None:
    """The mean step (1-based) of a ladder; None without votes."""
    n = sum(counts)
    return sum((i + 1) * c for i, c in enumerate(counts)) / n if n else None


def means(entries: Iterable[Entry], steps: int) -> dict[str, float]:
    """The mean step of every principle that has votes."""
    result = {}
    for question, counts in ladders(entries, steps).items():
        mean = mean_of(counts)
        if mean is not None:
            result[question] = mean
    return result
