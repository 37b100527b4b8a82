"""A multi-step exercise countdown with an injectable clock.

Remaining time is always ``deadline - clock()`` on a monotonic clock, never a count of
ticks, so a slow or skipped repaint cannot make the timer drift. Past zero it keeps
counting (overtime) instead of stopping: the facilitator decides when to move on.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .deck import MethodCard

FINAL_STRETCH = 30.0  # seconds: the last part of a step is highlighted
MINUTE = 60.0

Clock = Callable[[], float]


@dataclass(frozen=True)
class TimerEvent:
    kind: str  # "final_stretch" when the last 30 s begin, "step_end" when a step reaches zero
    step: int


@dataclass(frozen=True)
class TimedStep:
    text: str
    seconds: float


class Countdown:
    def __init__(self, steps: Sequence[TimedStep], *, clock: Clock = time.monotonic):
        if not steps:
            raise ValueError("a countdown needs at least one step")
        self.steps = list(steps)
        self.clock = clock
        self.index = 0
        self.running = False
        self.finished = False  # moved past the last step
        self._durations = [float(s.seconds) for s in steps]  # including added minutes
        self._left = self._durations[0]  # remaining while paused
        self._deadline = 0.0  # valid while running
        self._armed = {"final_stretch": True, "step_end": True}

    @classmethod
    def for_card(
        cls, card: MethodCard, *, seconds_per_minute: float = MINUTE, clock: Clock = time.monotonic
    ) -> Countdown:
        """The card's steps; tests pass a small ``seconds_per_minute``."""
        return cls([TimedStep(s.text, s.minutes * seconds_per_minute) for s in card.steps], clock=clock)

    # -- reading ---------------------------------------------------------------------------
    def remaining(self) -> float:
        """Seconds left in the current step; negative in overtime."""
        return self._deadline - self.clock() if self.running else self._left

    @property
    def current(self) -> TimedStep:
        return self.steps[self.index]

    @property
    def upcoming(self) -> TimedStep | None:
        return self.steps[self.index + 1] if self.index + 1 < len(self.steps) else None

    @property
    def step_seconds(self) -> float:
        return self._durations[self.index]

    def length_of(self, index: int) -> float:
        """Seconds step ``index`` is planned to take, with the minutes added or removed."""
        return self._durations[index]

    def progress(self) -> float:
        """0..1 through the current step (1 in overtime)."""
        total = self._durations[self.index]
        return 1.0 if total <= 0 else min(1.0, max(0.0, 1.0 - self.remaining() / total))

    def in_final_stretch(self) -> bool:
        return 0 < self.remaining() <= FINAL_STRETCH

    def display_seconds(self) -> int:
        """The whole second to show: rounded up while counting down (so 0:00 appears only
        at zero), rounded down in overtime. The UI repaints only when this changes."""
        left = self.remaining()
        return math.ceil(left) if left >= 0 else -math.floor(-left)

    def planned_seconds(self) -> float:
        return sum(s.seconds for s in self.steps)

    # -- control ---------------------------------------------------------------------------
    def start(self) -> None:
        if not self.running and not self.finished:
            self._deadline = self.clock() + self._left
            self.running = True

    def pause(self) -> None:
        if self.running:
            self._left = self._deadline - self.clock()
            self.running = False

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def add(self, seconds: float = MINUTE) -> None:
        """Add (or, with a negative value, remove) time from the current step. Removing
        time stops at zero: it never pushes a step further into overtime."""
        left = self.remaining()
        new_left = left + seconds
        if seconds < 0:
            new_left = max(new_left, min(left, 0.0))
        change = new_left - left
        self._durations[self.index] = max(0.0, self._durations[self.index] + change)
        if self.running:
            self._deadline += change
        else:
            self._left += change
        if new_left > FINAL_STRETCH:
            self._armed["final_stretch"] = True
        if new_left > 0:
            self._armed["step_end"] = True

    def goto(self, index: int) -> None:
        """Jump to a step, which starts again from its full time."""
        self.index = max(0, min(index, len(self.steps) - 1))
        self.finished = False
        self._left = self._durations[self.index]
        if self.running:
            self._deadline = self.clock() + self._left
        self._armed = {"final_stretch": True, "step_end": True}

    def next(self) -> None:
        if self.index + 1 < len(self.steps):
            self.goto(self.index + 1)
        else:
            self.pause()
            self.finished = True

    def previous(self) -> None:
        self.goto(self.index - 1)

    def poll(self) -> list[TimerEvent]:
        """Events that happened since the last poll, each once per step."""
        events: list[TimerEvent] = []
        left = self.remaining()
        if left <= FINAL_STRETCH and self._armed["final_stretch"] and left > 0:
            self._armed["final_stretch"] = False
            events.append(TimerEvent("final_stretch", self.index))
        if left <= 0 and self._armed["step_end"]:
            self._armed["step_end"] = False
            self._armed["final_stretch"] = False
            events.append(TimerEvent("step_end", self.index))
        return events
