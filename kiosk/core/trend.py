"""A team's trend: the mean of each principle over its last check-ins."""

from __future__ import annotations

from dataclasses import dataclass

from .modes import CHECKIN
from .store import Store
from .tally import means as mean_steps

TREND_LENGTH = 6


@dataclass(frozen=True)
class TrendPoint:
    session_id: int
    started: str
    means: dict[str, float]  # principle id -> mean of that check-in


def team_trend(
    store: Store, team: str, steps: int, *, mode: str = CHECKIN.name, length: int = TREND_LENGTH
) -> list[TrendPoint]:
    """The last ``length`` sessions of ``team`` in ``mode`` that have votes, oldest first
    (``steps``: the length of the scale)."""
    if not team:
        return []
    points = []
    for row in store.sessions(modes=(mode,), team=team):
        means = mean_steps(store.entries(row.id), steps)
        if means:
            points.append(TrendPoint(row.id, row.started, means))
    return points[-length:]


def series(points: list[TrendPoint], principle_id: str) -> list[float | None]:
    return [p.means.get(principle_id) for p in points]


def change(points: list[TrendPoint], principle_id: str) -> float | None:
    """Newest minus the one before (None without two values)."""
    values = [v for v in series(points, principle_id) if v is not None]
    return values[-1] - values[-2] if len(values) >= 2 else None
