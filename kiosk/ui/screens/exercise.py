"""Run an exercise with its step timer: the time left in big digits (the largest thing on
the screen at every size), a progress bar, and the whole list of steps with the current one
marked. Space pauses, + and - change the time, n and p move between steps. When a step
ends: the bell and a flash; past zero it counts overtime in the warning colour.

The rows are shared out after each resize: the step list gets every row it needs to show
each step whole as long as the digits keep their smallest size, and the digits take the
rest (so they shrink a size before a step is cut). From 34 rows the digits get just the
rows of their size and the whole group is centred, so no gap opens between the time and
its steps on a projector."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from ...core.countdown import Countdown
from ...core.session import Session
from ..plain import plain
from ..widgets.bigdigits import BigDigits
from ..widgets.footer import KioskFooter
from ..widgets.progress import ProgressLine
from ..widgets.steplist import StepList
from .base import SessionScreen


def clock_face(seconds: int) -> str:
    """mm:ss, with a leading minus in overtime."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60:02d}:{seconds % 60:02d}"


class ExerciseScreen(SessionScreen):
    BINDINGS = [
        Binding("space", "pause_or_resume", "t:key.pause", show=True),
        # One footer entry per pair of keys: with the space bar named in words, seven
        # entries did not fit at 80 columns.
        Binding("plus,equals_sign", "add(1)", "t:room_keys.key_minute", show=True, key_display="+/-"),
        Binding("minus", "add(-1)", "t:key.remove", show=False),
        Binding("n", "next", "t:room_keys.key_steps", show=True, key_display="n/p"),
        Binding("p", "previous", "t:key.previous", show=False),
    ]
    HELP_KEYS = [
        ("Space", "help.timer_pause"),
        ("+ / -", "help.timer_add"),
        ("n / p", "help.timer_steps"),
        ("Esc", "help.timer_end"),
    ]
    DEFAULT_CSS = """
    ExerciseScreen #exercise { padding: 0 2; height: 1fr; }
    ExerciseScreen.-tall #exercise, ExerciseScreen.-huge #exercise { align-vertical: middle; }
    ExerciseScreen #time { color: $text; max-height: 40; }
    ExerciseScreen.-tall #time, ExerciseScreen.-huge #time { margin: 1 0; }
    ExerciseScreen #time.-final { color: $warning; }
    ExerciseScreen #time.-overtime { color: $error; text-style: bold; }
    ExerciseScreen #time.-paused { color: $text-muted; }
    ExerciseScreen.-flash { background: $warning 40%; }
    ExerciseScreen #state { height: 1; content-align: center middle; width: 100%; color: $warning;
                            text-style: bold; }
    ExerciseScreen #steps { margin-top: 1; max-width: 120; }
    ExerciseScreen #steps-box { height: auto; }
    """

    def __init__(
        self,
        language: str,
        session: Session,
        card_id: str,
        *,
        clock: Callable[[], float],
        seconds_per_minute: float = 60.0,
    ) -> None:
        super().__init__(language, session)
        self.card_id = card_id
        self.card = session.deck.method(card_id)
        self.clock = clock
        self.seconds_per_minute = seconds_per_minute
        self.countdown = Countdown.for_card(self.card, seconds_per_minute=seconds_per_minute, clock=clock)
        self.exercise_id = 0
        self.started_at = 0.0
        self._shown: tuple | None = None
        self._texts: dict[str, str] = {}
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="exercise"):
            yield Static(plain(self.card.title), classes="title")
            yield Static("", id="step-number", classes="subtitle")
            yield BigDigits("00:00", id="time", tight=True)
            yield Static("", id="state")
            yield ProgressLine(id="progress")
            with Center(id="steps-box"):
                yield StepList(
                    [(step.text, self.t("screen.step_minutes", n=step.minutes)) for step in self.card.steps], id="steps"
                )
        yield KioskFooter()

    def on_mount(self) -> None:
        self.exercise_id = self.session.exercise_started(self.card, self.countdown.planned_seconds())
        self.started_at = self.clock()
        self.countdown.start()
        self.tick()
        self.call_after_refresh(self.share_rows)

    def on_resize(self) -> None:
        self.call_after_refresh(self.share_rows)

    def share_rows(self) -> None:
        """Give the step list the rows it needs (all of them, less the digits' smallest
        size) and the digits the rest; measured from the laid-out column, so a wrapped
        title or a status line is counted too."""
        column = self.query_one("#exercise", Vertical)
        digits = self.query_one("#time", BigDigits)
        steps_box, steps = self.query_one("#steps-box", Center), self.query_one("#steps", StepList)

        def margins(widget: Widget) -> int:
            return widget.styles.margin.top + widget.styles.margin.bottom

        shared = (digits, steps_box)
        fixed = sum(w.outer_size.height + margins(w) for w in column.children if w not in shared and w.display)
        width = column.content_size.width
        room = column.content_size.height - fixed - margins(digits) - margins(steps_box) - margins(steps)
        steps.fit(max(1, room - digits.rows_for(width, 0)))
        if self.has_class("-short"):
            digits.styles.height = None  # every spare row: the digits' box is the screen's middle
            return
        max_width = steps.styles.max_width
        list_width = min(steps.natural_width(), width)
        if max_width is not None:
            list_width = min(list_width, int(max_width.resolve(column.content_size, self.size)))
        digits.styles.height = digits.rows_for(width, room - steps.rows_at(list_width))

    def schedule(self) -> None:
        """Wake up when the shown second will change, not more often: idle CPU stays tiny."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.countdown.running:
            return
        left = self.countdown.remaining()
        # Counting down, the display changes when ``left`` crosses a whole second; in
        # overtime, when the overtime does. A hair later, so the new second is showing.
        delay = (left % 1.0) if left > 0 else (1.0 - (-left % 1.0))
        self._timer = self.set_timer((delay or 1.0) + 0.005, self.tick)

    def tick(self) -> None:
        for event in self.countdown.poll():
            if event.kind == "step_end":
                self.app.bell()
                self.flash()
        self.render_time()
        self.schedule()

    def flash(self) -> None:
        self.add_class("-flash")
        self.set_timer(0.6, lambda: self.remove_class("-flash"))

    def render_time(self) -> None:
        """Repaint only what changed: every second that is the digits and maybe a cell of
        the progress bar; the texts change only with the step or the state."""
        cd = self.countdown
        shown = (cd.display_seconds(), cd.index, cd.running, cd.finished, cd.step_seconds)
        if shown == self._shown:
            return
        self._shown = shown
        digits = self.query_one("#time", BigDigits)
        # Done: the clock reads zero, not the time the last step had left when it was skipped.
        digits.update(clock_face(0 if cd.finished else cd.display_seconds()))
        digits.set_class(cd.in_final_stretch(), "-final")
        digits.set_class(cd.remaining() <= 0, "-overtime")
        digits.set_class(not cd.running, "-paused")
        self.query_one("#progress", ProgressLine).update(cd.progress())
        if cd.finished:
            state = self.t("timer.finished")
        elif not cd.running:
            state = self.t("timer.paused")
        elif cd.remaining() <= 0:
            state = self.t("timer.overtime")
        else:
            state = ""
        self.query_one("#steps", StepList).show(cd.index, cd.finished)
        texts = {
            "#step-number": self.t("timer.step", n=cd.index + 1, total=len(cd.steps)),
            "#state": state,
        }
        for selector, text in texts.items():
            if self._texts.get(selector) != text:
                self._texts[selector] = text
                self.query_one(selector, Static).update(plain(text))

    def _changed(self) -> None:
        self._shown = None
        self._name_space_bar()  # the key bar follows the state (finished, or back to a step)
        self.tick()
        # Another current step may need other rows (which steps give way, where room is short).
        self.call_after_refresh(self.share_rows)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # Past the last step nothing runs: Space and +/- leave the key bar rather than
        # offer "Pause" or "Resume" for a clock that will not move (p goes back to a step).
        if action in ("pause_or_resume", "add") and self.countdown.finished:
            return False
        return super().check_action(action, parameters)

    def action_pause_or_resume(self) -> None:
        self.countdown.toggle()
        self._changed()

    def _name_space_bar(self) -> None:
        """While paused the space bar resumes, and the footer says so."""
        label = self.t("key.pause" if self.countdown.running else "room_keys.key_resume")
        table = self._bindings.key_to_bindings
        table["space"] = [replace(b, description=label) if b.action == "pause_or_resume" else b for b in table["space"]]
        self.refresh_bindings()

    def action_add(self, minutes: int) -> None:
        self.countdown.add(minutes * self.seconds_per_minute)
        # The list shows the step's length as it now stands, not as the card planned it.
        index = self.countdown.index
        planned = math.ceil(self.countdown.length_of(index) / self.seconds_per_minute)
        self.query_one(StepList).set_length(index, self.t("screen.step_minutes", n=planned))
        self._changed()

    def action_next(self) -> None:
        self.countdown.next()
        self._changed()

    def action_previous(self) -> None:
        self.countdown.previous()
        self._changed()

    def action_back(self) -> None:
        self.countdown.pause()
        self.session.exercise_ended(self.exercise_id, self.clock() - self.started_at)
        super().action_back()
