"""Vote distributions as stacked horizontal bars, one bar per question.

Each bar is split into the scale's steps, in colours from "limited" (warm) to "innovative"
(green), with the count printed inside when it fits with a space either side (so that
neighbouring counts never run together). Without colour (NO_COLOR) each step is drawn in a
glyph of its own, shade growing with the step: the segment's length is its count, and the
legend shows which glyph is which step. The label column is as wide as the
longest name the deck has in any of its languages while that leaves the bars close to half
of the row; on a narrow screen (80x24) the column narrows and a long name wraps onto a
second line instead, so the bars still carry the picture and no name is cut. On a tall
screen the bars grow thicker with air between them, so the chart reads from the back of a
room. Works in 16 colours.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import App
from textual.geometry import Size
from textual.widget import Widget

from ...core.text import clip
from ..colours import ink, theme_colour

STEP_VARIABLES = ("error", "warning", "primary", "secondary", "success")
STEP_GLYPHS = ("·", "░", "▒", "▓", "█")  # without colour; all are in the Linux console font
MIN_BAR = 12  # below this a bar says little; the label gives way first
# The bars' least share of a row beside the names: on a narrow screen a long name wraps
# rather than squeeze the bars that carry the picture.
BAR_SHARE = 0.45


@dataclass(frozen=True)
class BarRow:
    label: str
    counts: tuple[int, ...]
    mean: float | None
    tags: tuple[tuple[str, str], ...] = ()  # (text, theme variable), e.g. ("weakest", "warning")
    change: float | None = None  # in a follow-up: the mean's change since the plan followed up


CHANGE_WIDTH = 6  # "+1.0  " after the mean, when any row has a change


def change_text(change: float | None) -> str:
    """The change with its sign, as the trend table writes it ("+1.0", "-0.5")."""
    return "    " if change is None else f"{change:+4.1f}"


def split_width(counts: tuple[int, ...], width: int) -> list[int]:
    """Cells per segment: proportional, summing to ``width``, and at least 1 for any
    count above zero so that a single vote stays visible."""
    total = sum(counts)
    if total == 0 or width <= 0:
        return [0] * len(counts)
    raw = [c * width / total for c in counts]
    cells = [max(1, int(r)) if c else 0 for r, c in zip(raw, counts, strict=True)]
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


def tags_width(tags: Sequence[str]) -> int:
    """Cells for a row's tags: a space, then chips " weakest " with a space between them."""
    return sum(len(tag) + 3 for tag in tags) if tags else 0


@dataclass(frozen=True)
class Columns:
    label: int
    bar: int
    tags: int


def columns(width: int, label: int, tags: int) -> Columns:
    """Split a row: the label as wide as asked while the bar keeps close to half of what the
    two share (``BAR_SHARE``, and never less than ``MIN_BAR``; longer names wrap, see
    ``name_lines``), the mean, the tags, and the bar the rest."""
    fixed = 1 + 6 + tags  # the space after the label, " 3.5 " (and the change), the tags
    shared = width - fixed
    label = max(8, min(label, shared - max(MIN_BAR, int(shared * BAR_SHARE))))
    return Columns(label, max(1, shared - label), tags)


def name_lines(name: str, width: int) -> list[str]:
    """``name`` in lines of at most ``width`` cells, broken between words; only a single
    word longer than the column is cut."""
    if len(name) <= width:
        return [name]
    return [clip(line, width) for line in textwrap.wrap(name, width, break_long_words=False)] or [""]


def row_lines(names: list[str], thick: int) -> tuple[int, int]:
    """(lines the row takes, the line its name starts on): the name is centred on the
    bar's middle line, and a name longer than the bar is thick makes the row taller."""
    start = max(0, min((thick - 1) // 2, thick - len(names)))
    return max(thick, start + len(names)), start


def bar_shape(screen_height: int) -> tuple[int, int]:
    """(rows per bar, blank rows between bars) for a screen this tall."""
    if screen_height >= 50:
        return 3, 1
    if screen_height >= 34:
        return 1, 1
    return 1, 0


def step_glyph(step: int) -> str:
    return STEP_GLYPHS[step % len(STEP_GLYPHS)]


def count_label(count: int, size: int, *, glyphs: bool = False) -> str:
    """The count to print in a segment of ``size`` cells: only with a free cell either side,
    and when drawn in glyphs, only with a glyph left to say which step it is."""
    shown = str(count)
    return shown if size >= len(shown) + 2 + glyphs else ""


def legend(app: App, scale: tuple[str, ...] | list[str]) -> Text:
    """The scale in the bars' own colours: "1 Limited  2 Weak ..." (without colour, in
    their glyphs: "░░ 2 Weak")."""
    text = Text(no_wrap=False)
    for n, label in enumerate(scale):
        if app.no_color:
            text.append(step_glyph(n) * 2 + f" {n + 1}")
        else:
            colour = theme_colour(app, STEP_VARIABLES[n % len(STEP_VARIABLES)], "grey")
            text.append(f" {n + 1} ", style=f"{ink(app, colour)} on {colour}")
        text.append(f" {label}")
        if n < len(scale) - 1:
            text.append("   ")
    return text


class BarChart(Widget):
    DEFAULT_CSS = """
    BarChart { height: auto; width: 100%; }
    """

    def __init__(
        self, rows: list[BarRow], *, id: str | None = None, label_width: int | None = None, tag_width: int | None = None
    ) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.label_width = label_width or max((len(r.label) for r in rows), default=10)
        own_tags = max((tags_width([t for t, _ in r.tags]) for r in rows), default=0)
        self.tag_width = max(tag_width or 0, own_tags)
        # The change since the plan followed up sits between the mean and the tags; the
        # split of a row counts it with the tags.
        self.changes = any(r.change is not None for r in rows)
        self.tag_width += CHANGE_WIDTH if self.changes else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        thick, gap = bar_shape(viewport.height)
        label = columns(width, self.label_width, self.tag_width).label
        lines = sum(row_lines(name_lines(row.label, label), thick)[0] for row in self.rows)
        return lines + max(0, len(self.rows) - 1) * gap

    def render(self) -> Text:
        cols = columns(self.size.width, self.label_width, self.tag_width)
        thick, gap = bar_shape(self.screen.size.height)
        surface = theme_colour(self.app, "surface", "black")
        text = Text(no_wrap=True, overflow="crop")
        for n, row in enumerate(self.rows):
            cells = split_width(row.counts, cols.bar)
            middle = (thick - 1) // 2  # the line that carries the counts, the mean and the tags
            names = name_lines(row.label, cols.label)
            height, first = row_lines(names, thick)
            for line in range(height):
                on_middle = line == middle
                label = names[line - first] if first <= line < first + len(names) else ""
                text.append(label.ljust(cols.label) + " ", style="bold" if row.tags and label else "")
                if line >= thick:  # the rest of a long name, below its bar
                    if line < height - 1:
                        text.append("\n")
                    continue
                used = 0
                for step, (count, size) in enumerate(zip(row.counts, cells, strict=True)):
                    if not size:
                        continue
                    shown = count_label(count, size, glyphs=self.app.no_color) if on_middle else ""
                    if self.app.no_color:  # the glyph tells the steps apart, the length counts
                        glyph = step_glyph(step)
                        left = (size - len(shown) - 1) // 2 if shown else size
                        fill = glyph * left + (f" {shown} " if shown else "")
                        text.append(fill + glyph * (size - len(fill)))
                    else:
                        background = theme_colour(self.app, STEP_VARIABLES[step % len(STEP_VARIABLES)], "grey")
                        text.append(shown.center(size), style=f"{ink(self.app, background)} on {background}")
                    used += size
                if used < cols.bar:
                    text.append(" " * (cols.bar - used), style="" if self.app.no_color else f"on {surface}")
                mean = (f"{row.mean:4.1f}" if row.mean is not None else "   -") if on_middle else "    "
                text.append(f" {mean} ", style="bold")
                if self.changes:
                    text.append(change_text(row.change) if on_middle else "    ", style="bold")
                    text.append(" " * (CHANGE_WIDTH - 4))
                if on_middle and row.tags:
                    for tag, variable in row.tags:
                        text.append(" ")
                        text.append(f" {tag} ", style=f"bold reverse {theme_colour(self.app, variable, 'yellow')}")
                if line < height - 1:
                    text.append("\n")
            if n < len(self.rows) - 1:
                text.append("\n" * (1 + gap))
        return text
