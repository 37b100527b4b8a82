"""Big digits (the exercise timer, the vote count), scaled to the space they get.

A 5x7 dot font drawn with half blocks (two dots per text row), each dot repeated
``scale`` times, so the time reads from the back of a room on a kiosk screen and still
fits in three rows on a small terminal. Only ``▀ ▄ █`` are used: the Linux console has them.
"""

from __future__ import annotations

import math

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

FONT = {
    "0": ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
    "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
    "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
    "3": ["11110", "00001", "00001", "01110", "00001", "00001", "11110"],
    "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
    "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
    "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
    "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
    "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
    "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
    ":": ["00000", "00100", "00100", "00000", "00100", "00100", "00000"],
    "-": ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
    " ": ["00000"] * 7,
}
GLYPH_W, GLYPH_H, GAP = 5, 7, 1
ROWS_PER_SCALE = (GLYPH_H + 1) / 2  # the glyph's half-block rows and a blank half row


def dots(value: str, scale: int) -> list[list[bool]]:
    """The dot matrix of ``value`` at ``scale`` (rows of booleans)."""
    rows: list[list[bool]] = []
    for y in range(GLYPH_H):
        line: list[bool] = []
        for n, ch in enumerate(value):
            glyph = FONT.get(ch, FONT[" "])
            for bit in glyph[y]:
                line.extend([bit == "1"] * scale)
            if n < len(value) - 1:
                line.extend([False] * GAP * scale)
        rows.extend([list(line) for _ in range(scale)])
    return rows


def render_big(value: str, scale: int) -> list[str]:
    """Text lines of the big digits, two dot rows per line."""
    matrix = dots(value, scale)
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    lines = []
    for top, bottom in zip(matrix[::2], matrix[1::2], strict=True):
        lines.append(
            "".join("█" if t and b else "▀" if t else "▄" if b else " " for t, b in zip(top, bottom, strict=True))
        )
    return lines


class BigDigits(Widget):
    DEFAULT_CSS = """
    BigDigits { width: 100%; height: 1fr; min-height: 4; max-height: 24; }
    """

    def __init__(self, value: str = "00:00", *, id: str | None = None, tight: bool = False) -> None:
        """``tight``: the largest scale whose rows fit, with no blank half row kept below
        the glyphs (for a screen that gives the digits just their rows)."""
        super().__init__(id=id)
        self.value = value
        self.tight = tight
        self._lines_key: tuple | None = None
        self._lines: list[str] = []

    def update(self, value: str) -> None:
        if value != self.value:
            self.value = value
            self.refresh()

    def scale_for(self, width: int, height: int) -> int:
        glyphs = len(self.value)
        per_scale_w = glyphs * (GLYPH_W + GAP) - GAP
        by_height = (2 * height) // GLYPH_H if self.tight else int(height / ROWS_PER_SCALE)
        return max(1, min(width // per_scale_w, by_height))

    def rows_for(self, width: int, height: int) -> int:
        """The fewest rows that still give the digits the scale they would get in
        ``width`` x ``height``: a screen can give them just that and the rest to others."""
        scale = self.scale_for(width, height)
        return math.ceil(scale * GLYPH_H / 2) if self.tight else math.ceil(scale * ROWS_PER_SCALE)

    def render_line(self, y: int) -> Strip:
        # Line by line, straight to strips: the timer repaints this every second, and
        # going through a Text (wrapping, measuring) was most of that second's work.
        width, height = self.size.width, self.size.height
        style = self.visual_style.rich_style
        key = (self.value, width, height, style)
        if self._lines_key != key:
            self._lines_key = key
            self._lines = self.lines_for(width, height)
        line = self._lines[y] if 0 <= y < len(self._lines) else ""
        return Strip([Segment(line, style)], width) if line else Strip.blank(width, style)

    def lines_for(self, width: int, height: int) -> list[str]:
        """The widget's text rows: the digits centred, each row exactly ``width`` cells."""
        lines = render_big(self.value, self.scale_for(width, height))
        pad_top = max(0, (height - len(lines)) // 2)
        pad_left = max(0, (width - len(lines[0])) // 2) if lines else 0
        rows = [""] * pad_top + [(" " * pad_left + line)[:width].ljust(width) for line in lines]
        return rows[:height]
