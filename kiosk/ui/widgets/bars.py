"""Vote distributions as stacked horizontal bars, one line per question.

Each bar is split into the scale's steps, in colours from "limited" (warm) to
"innovative" (green), with the count printed inside when it fits. Works in 16 colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from ...core.text import clip
from ..colours import theme_colour

STEP_VARIABLES = ("error", "warning", "primary", "secondary", "success")


@dataclass(frozen=True)
class BarRow:
    label: str
    counts: tuple[int, ...]
    mean: float | None
    tags: tuple[tuple[str, str], ...] = ()  # (text, theme variable), e.g. ("weakest", "warning")


def split_width(counts: tuple[int, ...], width: int) -> list[int]:
    """Cells per segment: proportional, summing to ``width``, and at least 1 for any
    count above zero so that a single vote stays visible."""
    total = sum(counts)
    if total == 0 or width <= 0:
        return [0] * len(counts)
    raw = [c * width / total for c in counts]
    cells = [max(1, int(r)) if c else 0 for r, c in zip(raw, counts)]
    # Hand out (or take back) the rounding difference, largest remainders first.
    order = sorted(range(len(counts)), key=lambda i: raw[i] - int(raw[i]), reverse=True)
    i = 0
    while sum(cells) < width and counts:
        j = order[i % len(order)]
        if counts[j]:
            cells[j] += 1
        i += 1
    while sum(cells) > width:
        j = max(range(len(cells)), key=lambda k: cells[k])
        cells[j] -= 1
    return cells


class BarChart(Widget):
    DEFAULT_CSS = """
    BarChart { height: auto; width: 100%; }
    """

    def __init__(self, rows: list[BarRow], *, id: str | None = None, spacious: bool = False) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.spacious = spacious

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.rows) * (2 if self.spacious else 1)

    def render(self) -> Text:
        fg_light, fg_dark = "#ffffff", "#000000"
        width = self.size.width
        label_width = max(10, min(36, width // 3))
        tag_width = 22 if width >= 90 else 10
        bar_width = max(10, width - label_width - tag_width - 8)
        text = Text(no_wrap=True, overflow="crop")
        for n, row in enumerate(self.rows):
            text.append(clip(row.label, label_width).ljust(label_width) + " ")
            cells = split_width(row.counts, bar_width)
            used = 0
            for step, (count, size) in enumerate(zip(row.counts, cells)):
                if not size:
                    continue
                background = theme_colour(self.app, STEP_VARIABLES[step % len(STEP_VARIABLES)], "grey")
                label = str(count) if size >= len(str(count)) else ""
                text.append(label.center(size), style=f"bold {fg_dark} on {background}")
                used += size
            if used < bar_width:
                text.append(" " * (bar_width - used), style=f"on {theme_colour(self.app, 'surface', 'black')}")
            mean = f"{row.mean:4.1f}" if row.mean is not None else "   -"
            text.append(f" {mean} ", style="bold")
            for tag, variable in row.tags:
                text.append(f" {clip(tag, tag_width)} ", style=f"bold reverse {theme_colour(self.app, variable, 'yellow')}")
            if n < len(self.rows) - 1:
                text.append("\n\n" if self.spacious else "\n")
        return text
