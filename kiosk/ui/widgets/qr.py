"""The plan's QR code in the terminal: half blocks, black on white whatever the theme.

It picks the most robust error-correction level that fits the space it gets; when not
even the smallest code fits, it says so and shows the link as text instead.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from ...core.qr import QRCode, best_qr, half_block_lines

INK = Style(color="#000000", bgcolor="#ffffff")  # fixed: phone cameras want dark on light


class QRWidget(Widget):
    DEFAULT_CSS = """
    QRWidget { width: 1fr; height: 1fr; min-width: 20; }
    """

    def __init__(self, link: str, too_small: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.link = link
        self.too_small = too_small
        self.code: QRCode | None = None
        self.quiet = 0
        self._fitted: tuple[tuple[int, int], tuple[QRCode, int] | None] | None = None

    def lines(self) -> list[str] | None:
        """The lines drawn at the current size, or None when the code does not fit."""
        size = (self.size.width, self.size.height)
        if self._fitted is None or self._fitted[0] != size:  # coding a QR takes milliseconds
            self._fitted = (size, best_qr(self.link, *size))
        found = self._fitted[1]
        if found is None:
            self.code = None
            return None
        self.code, self.quiet = found
        return half_block_lines(self.code, self.quiet)

    def render(self) -> Text:
        lines = self.lines()
        if lines is None:
            return Text(f"{self.too_small}\n\n{self.link}")
        width = len(lines[0])
        pad_left = max(0, (self.size.width - width) // 2)
        pad_top = max(0, (self.size.height - len(lines)) // 2)
        text = Text("\n" * pad_top, no_wrap=True, overflow="crop")
        for n, line in enumerate(lines):
            text.append(" " * pad_left)
            text.append(line, style=INK)
            if n < len(lines) - 1:
                text.append("\n")
        return text
