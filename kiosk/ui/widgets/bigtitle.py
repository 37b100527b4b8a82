"""A title in big letters, for the one thing a room must read from its back row (a card's
name on a projector).

Capitals of the same 5x7 dot font as the big digits, in half blocks (``▀ ▄ █``, which the
Linux console has), wrapped at spaces to the widget's width. A title the font cannot draw
(a letter it lacks) or that would take more than ``MAX_LINES`` lines is drawn as plain bold
text instead, so the widget never hides a title.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from .bigdigits import FONT as DIGITS
from .bigdigits import GAP, GLYPH_H, GLYPH_W

LETTERS = {
    "A": ["01110", "10001", "10001", "11111", "10001", "10001", "10001"],
    "B": ["11110", "10001", "10001", "11110", "10001", "10001", "11110"],
    "C": ["01110", "10001", "10000", "10000", "10000", "10001", "01110"],
    "D": ["11110", "10001", "10001", "10001", "10001", "10001", "11110"],
    "E": ["11111", "10000", "10000", "11110", "10000", "10000", "11111"],
    "F": ["11111", "10000", "10000", "11110", "10000", "10000", "10000"],
    "G": ["01110", "10001", "10000", "10111", "10001", "10001", "01111"],
    "H": ["10001", "10001", "10001", "11111", "10001", "10001", "10001"],
    "I": ["01110", "00100", "00100", "00100", "00100", "00100", "01110"],
    "J": ["00111", "00010", "00010", "00010", "00010", "10010", "01100"],
    "K": ["10001", "10010", "10100", "11000", "10100", "10010", "10001"],
    "L": ["10000", "10000", "10000", "10000", "10000", "10000", "11111"],
    "M": ["10001", "11011", "10101", "10101", "10001", "10001", "10001"],
    "N": ["10001", "10001", "11001", "10101", "10011", "10001", "10001"],
    "O": ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
    "P": ["11110", "10001", "10001", "11110", "10000", "10000", "10000"],
    "Q": ["01110", "10001", "10001", "10001", "10101", "10010", "01101"],
    "R": ["11110", "10001", "10001", "11110", "10100", "10010", "10001"],
    "S": ["01111", "10000", "10000", "01110", "00001", "00001", "11110"],
    "T": ["11111", "00100", "00100", "00100", "00100", "00100", "00100"],
    "U": ["10001", "10001", "10001", "10001", "10001", "10001", "01110"],
    "V": ["10001", "10001", "10001", "10001", "10001", "01010", "00100"],
    "W": ["10001", "10001", "10001", "10101", "10101", "10101", "01010"],
    "X": ["10001", "10001", "01010", "00100", "01010", "10001", "10001"],
    "Y": ["10001", "10001", "01010", "00100", "00100", "00100", "00100"],
    "Z": ["11111", "00001", "00010", "00100", "01000", "10000", "11111"],
    # The Nordic letters: the mark takes the top row(s), the letter is a row shorter.
    "Å": ["00100", "01010", "00100", "01110", "10001", "11111", "10001"],
    "Ä": ["01010", "00000", "01110", "10001", "11111", "10001", "10001"],
    "Ö": ["01010", "00000", "01110", "10001", "10001", "10001", "01110"],
    "Æ": ["01111", "10100", "10100", "11110", "10100", "10100", "10111"],
    "Ø": ["00001", "01110", "10011", "10101", "11001", "01110", "10000"],
    "É": ["00010", "00100", "11111", "10000", "11110", "10000", "11111"],
    "?": ["01110", "10001", "00001", "00010", "00100", "00000", "00100"],
    "!": ["00100", "00100", "00100", "00100", "00100", "00000", "00100"],
    ",": ["00000", "00000", "00000", "00000", "00110", "00100", "01000"],
    ".": ["00000", "00000", "00000", "00000", "00000", "01100", "01100"],
    "(": ["00010", "00100", "01000", "01000", "01000", "00100", "00010"],
    ")": ["01000", "00100", "00010", "00010", "00010", "00100", "01000"],
    '"': ["01010", "01010", "01010", "00000", "00000", "00000", "00000"],
    "'": ["00100", "00100", "00100", "00000", "00000", "00000", "00000"],
    "%": ["11000", "11001", "00010", "00100", "01000", "10011", "00011"],
    "/": ["00000", "00001", "00010", "00100", "01000", "10000", "00000"],
    "–": DIGITS["-"],
    "…": ["00000", "00000", "00000", "00000", "00000", "00000", "10101"],
}
FONT = {**DIGITS, **LETTERS}
CELL = GLYPH_W + GAP  # columns per letter, its gap included
ROWS = (GLYPH_H + 1) // 2  # text rows per line of letters
MAX_LINES = 3


def drawable(title: str) -> bool:
    return all(ch in FONT for ch in title.upper())


def wrap_words(title: str, letters: int) -> list[str] | None:
    """The title in lines of at most ``letters`` letters, broken at spaces; None when a
    word alone is longer than that."""
    lines: list[str] = []
    for word in title.upper().split():
        if len(word) > letters:
            return None
        if lines and len(lines[-1]) + 1 + len(word) <= letters:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def big_line(text: str) -> list[str]:
    """One line of big letters as ``ROWS`` text rows (two dot rows per row)."""
    dots = []
    for y in range(GLYPH_H):
        row: list[bool] = []
        for n, ch in enumerate(text):
            row.extend(bit == "1" for bit in FONT[ch][y])
            if n < len(text) - 1:
                row.extend([False] * GAP)
        dots.append(row)
    dots.append([False] * len(dots[0]))
    glyph = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
    return [
        "".join(glyph[t, b] for t, b in zip(top, bottom, strict=True))
        for top, bottom in zip(dots[::2], dots[1::2], strict=True)
    ]


def big_lines(title: str, width: int) -> list[str] | None:
    """The title's text rows at ``width`` columns (a blank row between lines of letters),
    or None when it cannot be drawn big there."""
    if not title.strip() or not drawable(title):
        return None
    words = wrap_words(title, (width + GAP) // CELL)
    if not words or len(words) > MAX_LINES:
        return None
    rows: list[str] = []
    for n, line in enumerate(words):
        if n:
            rows.append("")
        rows += big_line(line)
    return rows


class BigTitle(Widget):
    DEFAULT_CSS = """
    BigTitle { width: 100%; height: auto; text-style: bold; color: $primary; }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = title

    def update(self, title: str) -> None:
        self.title_text = title
        self.refresh(layout=True)

    def lines(self, width: int) -> list[str] | None:
        return big_lines(self.title_text, width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = self.lines(width)
        return len(lines) if lines is not None else len(Text(self.title_text).wrap(self.app.console, width))

    def render(self) -> Text:
        width = self.size.width
        lines = self.lines(width)
        if lines is None:  # plain, but never hidden
            return Text(self.title_text, justify="center")
        text = Text(no_wrap=True, overflow="crop")
        for n, line in enumerate(lines):
            if n:
                text.append("\n")
            text.append(" " * max(0, (width - len(line)) // 2) + line)
        return text
