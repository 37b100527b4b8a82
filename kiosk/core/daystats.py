"""The facilitator's day: sessions, completions, the average ladder and the most chosen
cards since a given moment (usually midnight)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .store import Store
from .votes import LEVEL_QUESTION


@dataclass
class DayStats:
    sessions: Counter = field(default_factory=Counter)  # mode -> sessions
    completed: Counter = field(default_factory=Counter)  # mode -> completed sessions
    ladder: dict[str, list[int]] = field(default_factory=dict)  # principle -> counts for 1..5
    cards: Counter = field(default_factory=Counter)  # card id -> times chosen

    @property
    def total(self) -> int:
        return sum(self.sessions.values())

    @property
    def total_completed(self) -> int:
        return sum(self.completed.values())


def day_stats(store: Store, since: str) -> DayStats:
    stats = DayStats()
    for row in store.sessions(since=since):
        stats.sessions[row.mode] += 1
        if row.status == "completed":
            stats.completed[row.mode] += 1
        stats.cards.update(store.chosen_cards(row.id))
        for entry in store.entries(row.id):
            if entry.kind == "ballot":
                pairs = [(q, {v: 1}) for q, v in entry.answers.items()]
            else:
                pairs = list(entry.counts.items())
            for qid, counts in pairs:
                if qid == LEVEL_QUESTION:
                    continue
                ladder = stats.ladder.setdefault(qid, [0] * 5)
                for option, n in counts.items():
                    if isinstance(option, int) and 1 <= option <= 5:
                        ladder[option - 1] += n
    return stats
