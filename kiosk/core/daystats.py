"""The facilitator's day: sessions, completions, the average ladder and the most chosen
cards since a given moment (usually midnight)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .store import Store
from .tally import add_ladders, ladders


@dataclass
class DayStats:
    sessions: Counter = field(default_factory=Counter)  # mode -> sessions
    completed: Counter = field(default_factory=Counter)  # mode -> completed sessions
    ladder: dict[str, list[int]] = field(default_factory=dict)  # principle -> counts per scale step
    cards: Counter = field(default_factory=Counter)  # card id -> times chosen

    @property
    def total(self) -> int:
        return sum(self.sessions.values())

    @property
    def total_completed(self) -> int:
        return sum(self.completed.values())


def day_stats(store: Store, since: str, steps: int) -> DayStats:
    """``steps`` is the length of the scale the principles were voted on."""
    stats = DayStats()
    for row in store.sessions(since=since):
        stats.sessions[row.mode] += 1
        if row.status == "completed":
            stats.completed[row.mode] += 1
        stats.cards.update(store.chosen_cards(row.id))
        add_ladders(stats.ladder, ladders(store.entries(row.id), steps))
    return stats
