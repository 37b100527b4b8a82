"""An exercise's steps as one list, the current step marked: what was done is quiet, what
comes is plain, the current one stands out with a ► (a glyph the Linux console has).

On a short screen the other steps take one line each (cut with "..."), so the timer keeps
its room; the current step is always shown whole. Step text comes from the deck and is
drawn as plain text.
"""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

MARK = "►"
SHORT_SCREEN = 34  # rows: below this, steps other than the current one take one line
AIRY_SCREEN = 50  # rows: from this on (a projector), a blank line between steps


class StepList(Widget):
    COMPONENT_CLASSES = {"steplist--done", "steplist--current"}
    DEFAULT_CSS = """
    StepList { height: auto; width: 100%; }
    StepList > .steplist--done { color: $text-muted; }
    StepList > .steplist--current { color: $accent; text-style: bold; }
    """

    def __init__(self, steps: list[tuple[str, str]], *, id: str | None = None) -> None:
        """``steps`` are (text, length such as "3 min") in order."""
        super().__init__(id=id)
        self.steps = steps
        self.current = 0
        self.finished = False

    def show(self, current: int, finished: bool = False) -> None:
        if (current, finished) != (self.current, self.finished):
            self.current, self.finished = current, finished
            self.refresh(layout=True)

    def lines(self, width: int, height: int) -> list[tuple[int, str]]:
        """(step index, text line) pairs: a hanging indent under the number, the length
        right-aligned on the step's first line."""
        number_width = len(str(len(self.steps)))
        indent = 2 + number_width + 2  # "► 3  "
        length_width = max((len(length) for _, length in self.steps), default=0)
        text_width = max(10, width - indent - length_width - 2)
        compact, airy = height < SHORT_SCREEN, height >= AIRY_SCREEN
        out: list[tuple[int, str]] = []
        for n, (text, length) in enumerate(self.steps):
            if airy and n:
                out.append((-1, ""))
            wrapped = textwrap.wrap(text, text_width) or [""]
            if compact and n != self.current and len(wrapped) > 1:
                wrapped = [textwrap.shorten(text, text_width, placeholder="...")]
            mark = MARK if n == self.current and not self.finished else " "
            for i, line in enumerate(wrapped):
                head = f"{mark} {n + 1:>{number_width}}  " if i == 0 else " " * indent
                tail = f"  {length:>{length_width}}" if i == 0 else ""
                out.append((n, head + line.ljust(text_width) + tail))
        return out

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width, viewport.height))

    def render(self) -> Text:
        done = self.get_component_rich_style("steplist--done", partial=True)
        current = self.get_component_rich_style("steplist--current", partial=True)
        text = Text(no_wrap=True, overflow="crop")
        rows = self.lines(self.size.width, self.screen.size.height)
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
