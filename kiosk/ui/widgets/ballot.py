"""One person's ballot: a row per question, digits or arrows to answer, Enter to confirm.

Drawn as text (one line per question) so that ten questions fit at 80x24 and clicks map
straight to a row and an option.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ...core.text import clip
from ...core.votes import LEVEL_QUESTION, Option
from ..colours import theme_colour
from ..i18n import translate_bindings


@dataclass(frozen=True)
class BallotRow:
    id: str
    label: str
    options: tuple[Option, ...]
    option_labels: tuple[str, ...]


class BallotWidget(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", show=False),
        Binding("down,j", "move(1)", show=False),
        Binding("left,h", "shift(-1)", show=False),
        Binding("right,l", "shift(1)", show=False),
        Binding("enter", "confirm", "t:key.confirm", show=True, key_display="Enter"),
        Binding("backspace,delete", "clear", show=False),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
    ]

    DEFAULT_CSS = """
    BallotWidget { height: auto; width: 100%; padding: 0 1; }
    """

    cursor: reactive[int] = reactive(0)

    class Confirmed(Message):
        def __init__(self, answers: dict[str, Option]) -> None:
            super().__init__()
            self.answers = answers

    class Incomplete(Message):
        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    class Moved(Message):
        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, rows: list[BallotRow], *, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self, getattr(self.app, "language", "sv"))
        self.rows = rows
        self.answers: dict[str, Option] = {}
        self._cells: list[list[tuple[int, int]]] = []  # per row: (start, end) x of each option

    @property
    def complete(self) -> bool:
        return all(r.id in self.answers for r in self.rows)

    def reset(self) -> None:
        self.answers = {}
        self.cursor = 0
        self.refresh(layout=True)

    @property
    def line_step(self) -> int:
        """Two lines per question on a tall kiosk screen, one on a small terminal."""
        return 2 if self.app.size.height >= 40 else 1

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows) * self.line_step + 2  # a legend line and a blank line above

    def _layout(self, width: int) -> tuple[int, int, bool]:
        """Label width, cell width, and whether option labels fit in the cells."""
        options = max(len(r.options) for r in self.rows)
        # Half the width, up to 38; more for a longer name when the digits still fit
        # (a name is cut only where there is no room: "Acceptera och lära av ..." at 80x24).
        longest_label = max(len(r.label) for r in self.rows)
        label_width = max(12, min(38, width // 2 - 2), min(longest_label, width - 2 - options * 4))
        cell_width = max(3, (width - 2 - label_width) // options - 1)
        longest = max((len(lbl) for r in self.rows if r.id != LEVEL_QUESTION for lbl in r.option_labels), default=0)
        return label_width, cell_width, cell_width >= longest + 3

    def watch_cursor(self, old: int, new: int) -> None:
        self.post_message(self.Moved(new))

    # -- drawing ---------------------------------------------------------------------------
    def render(self) -> Text:
        width = max(20, self.size.width - 2)
        label_width, cell_width, labels_fit = self._layout(width)
        text = Text(no_wrap=True, overflow="crop")
        accent = theme_colour(self.app, "accent", "yellow")
        self._cells = []
        # Legend: the scale's words, when the cells only have room for the digits.
        scale_row = next((r for r in self.rows if r.id != LEVEL_QUESTION), None)
        if scale_row is not None and not labels_fit:
            legend = "  ".join(f"{n} {lbl}" for n, lbl in enumerate(scale_row.option_labels, 1))
            indent = max(0, min(2 + label_width, width - len(legend)))
            text.append(clip(" " * indent + legend, width), style="dim")
        text.append("\n\n")
        for i, row in enumerate(self.rows):
            current = i == self.cursor and self.has_focus
            marker = "> " if i == self.cursor else "  "
            line_style = "bold" if current else ""
            text.append(marker, style=f"bold {accent}" if i == self.cursor else "")
            text.append(clip(row.label, label_width).ljust(label_width), style=line_style)
            x = len(marker) + label_width
            cells = []
            row_cell = cell_width if row.id != LEVEL_QUESTION else (width - x) // len(row.options) - 1
            # A row's option words are shown only when every one fits whole: a cut level name
            # ("1 Bureaucracy with ...") says less than the digit with the names below it.
            whole = row_cell >= max(len(lbl) for lbl in row.option_labels) + 3
            show_labels = whole if row.id == LEVEL_QUESTION else labels_fit or whole
            for number, (option, label) in enumerate(zip(row.options, row.option_labels, strict=True), 1):
                chosen = self.answers.get(row.id) == option
                body = f" {number} {label}" if show_labels else f" {number} "
                body = clip(body, row_cell).ljust(row_cell) if show_labels else clip(body, row_cell).center(row_cell)
                style = (
                    "reverse bold" if chosen else ("underline" if current else "dim" if row.id in self.answers else "")
                )
                text.append(" ")
                text.append(body, style=style)
                cells.append((x + 1, x + 1 + row_cell))
                x += 1 + row_cell
            self._cells.append(cells)
            if i < len(self.rows) - 1:
                text.append("\n" * self.line_step)
        return text

    # -- input -----------------------------------------------------------------------------
    def action_move(self, delta: int) -> None:
        self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))
        self.refresh()

    def action_shift(self, delta: int) -> None:
        row = self.rows[self.cursor]
        current = self.answers.get(row.id)
        index = row.options.index(current) if current in row.options else (-1 if delta > 0 else len(row.options))
        self.answers[row.id] = row.options[max(0, min(len(row.options) - 1, index + delta))]
        self.refresh()

    def action_pick(self, number: int) -> None:
        """Answer the current question and move on to the next one."""
        if self._set(self.cursor, number) and self.cursor < len(self.rows) - 1:
            self.cursor += 1
        self.refresh()

    def _set(self, row_index: int, number: int) -> bool:
        row = self.rows[row_index]
        if not 1 <= number <= len(row.options):
            return False
        self.answers[row.id] = row.options[number - 1]
        return True

    def action_clear(self) -> None:
        self.answers.pop(self.rows[self.cursor].id, None)
        self.refresh()

    def action_confirm(self) -> None:
        for i, row in enumerate(self.rows):
            if row.id not in self.answers:
                self.cursor = i
                self.post_message(self.Incomplete(i))
                self.refresh()
                return
        self.post_message(self.Confirmed(dict(self.answers)))

    def on_click(self, event: Click) -> None:
        line = event.y - 2  # below the legend line and the blank line
        row = line // self.line_step
        if line < 0 or line % self.line_step or not 0 <= row < len(self.rows):
            return
        self.cursor = row
        content_x = event.x - 1  # the widget has one cell of padding on the left
        cells = self._cells[row] if row < len(self._cells) else []
        for number, (start, end) in enumerate(cells, 1):
            if start <= content_x < end:
                self.action_pick(number)  # as a digit: answer and move on
                break
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
