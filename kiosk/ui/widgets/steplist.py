"""An exercise's steps as one list, the current step marked: what was done is quiet, what
comes is plain, the current one stands out with a ► (a glyph the Linux console has).

Every step is shown whole, wrapped under its number. Only when the list is given fewer rows
(``room``) than that needs do other steps shorten to one line (with "..."): done steps
first, then the ones furthest ahead, one at a time and no more than needed. The current
step is always whole. The list is as wide as its longest step, so the minutes sit beside
the text on a wide screen. Step text comes from the deck and is drawn as plain text.
"""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

MARK = "►"
AIRY_SCREEN = 50  # rows: from this on (a projector), a blank line between steps if there is room
MIN_TEXT_WIDTH = 10


class StepList(Widget):
    COMPONENT_CLASSES = {"steplist--done", "steplist--current"}
    DEFAULT_CSS = """
    StepList { height: auto; width: auto; max-width: 100%; }
    StepList > .steplist--done { color: $text-muted; }
    StepList > .steplist--current { color: $accent; text-style: bold; }
    """

    def __init__(self, steps: list[tuple[str, str]], *, id: str | None = None) -> None:
        """``steps`` are (text, length such as "3 min") in order."""
        super().__init__(id=id)
        self.steps = steps
        self.current = 0
        self.finished = False
        self.room: int | None = None  # rows the list may take; None: as many as it needs

    def show(self, current: int, finished: bool = False) -> None:
        if (current, finished) != (self.current, self.finished):
            self.current, self.finished = current, finished
            self.refresh(layout=True)

    def set_length(self, index: int, length: str) -> None:
        """A step's length changed (the facilitator added or took away a minute)."""
        text, old = self.steps[index]
        if length != old:
            self.steps[index] = (text, length)
            self.refresh(layout=True)

    def fit(self, room: int | None) -> None:
        """Take at most ``room`` rows (where it can: each step keeps a line)."""
        if room != self.room:
            self.room = room
            self.refresh(layout=True)

    @property
    def _number_width(self) -> int:
        return len(str(len(self.steps)))

    @property
    def _length_width(self) -> int:
        return max((len(length) for _, length in self.steps), default=0)

    def _frame(self) -> int:
        """Columns around the text: "► 3  " before it and "  3 min" after it."""
        return 2 + self._number_width + 2 + 2 + self._length_width

    def natural_width(self) -> int:
        """The width that shows every step on one line."""
        one_line = [textwrap.wrap(text, 10_000) or [""] for text, _ in self.steps]
        return self._frame() + max((len(line) for lines in one_line for line in lines), default=0)

    def _wrapped(self, width: int) -> list[list[str]]:
        text_width = max(MIN_TEXT_WIDTH, width - self._frame())
        return [textwrap.wrap(text, text_width, break_on_hyphens=False) or [""] for text, _ in self.steps]

    def _shortening_order(self) -> list[int]:
        """Which steps give up their extra lines first: done ones (oldest first), then the
        ones furthest ahead; never the current one."""
        if self.finished:
            return list(range(len(self.steps)))
        done = list(range(self.current))
        ahead = list(range(len(self.steps) - 1, self.current, -1))
        return done + ahead

    def lines(self, width: int, room: int | None = None, airy: bool = False) -> list[tuple[int, str]]:
        """(step index, text line) pairs, at most ``room`` of them where it can: a hanging
        indent under the number, the length right-aligned on the step's first line; a
        blank line (index -1) between steps when ``airy`` and there is room for it."""
        number_width, length_width = self._number_width, self._length_width
        indent = 2 + number_width + 2  # "► 3  "
        text_width = max(MIN_TEXT_WIDTH, width - self._frame())
        wrapped = self._wrapped(width)
        rows = sum(len(lines) for lines in wrapped)
        for n in self._shortening_order():
            if room is None or rows <= room:
                break
            if len(wrapped[n]) > 1:
                rows -= len(wrapped[n]) - 1
                wrapped[n] = [textwrap.shorten(self.steps[n][0], text_width, placeholder="...")]
        airy = airy and (room is None or rows + len(self.steps) - 1 <= room)
        out: list[tuple[int, str]] = []
        for n, (_, length) in enumerate(self.steps):
            if airy and n:
                out.append((-1, ""))
            mark = MARK if n == self.current and not self.finished else " "
            for i, line in enumerate(wrapped[n]):
                head = f"{mark} {n + 1:>{number_width}}  " if i == 0 else " " * indent
                tail = f"  {length:>{length_width}}" if i == 0 else ""
                out.append((n, head + line.ljust(text_width) + tail))
        return out

    def _airy(self) -> bool:
        return self.screen.size.height >= AIRY_SCREEN

    def rows_at(self, width: int) -> int:
        """The rows the list takes at ``width`` within its room."""
        return len(self.lines(width, self.room, self._airy()))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return min(self.natural_width(), container.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.rows_at(width)

    def render(self) -> Text:
        # Resolved against the background the list sits on: a muted colour is a blend
        # ($text-muted), which as a bare Rich style came out white, unseen on a light theme.
        done = self.get_visual_style("steplist--done").rich_style
        current = self.get_visual_style("steplist--current").rich_style
        text = Text(no_wrap=True, overflow="crop")
        rows = self.lines(self.size.width, self.room, self._airy())
        for i, (n, line) in enumerate(rows):
            if n < 0:
                style = None
            elif n == self.current and not self.finished:
                style = current
            elif n < self.current or self.finished:
                style = done
            else:
                style = None
            text.append(line, style=style or "")
            if i < len(rows) - 1:
                text.append("\n")
        return text
