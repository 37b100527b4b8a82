"""The plan's QR code in the terminal: half blocks, black on white whatever the theme.

It picks the most robust error-correction level that fits the space it gets. When not even
the smallest code fits, it draws the short link (``/p/CODE``, a version 3 code) if there is
one, with a caption; else it says so and shows the link as text instead.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from ...core.qr import QRCode, best_qr, half_block_lines, largest_scale

INK = Style(color="#000000", bgcolor="#ffffff")  # fixed: phone cameras want dark on light
SHORT_MAX_VERSION = 3  # a short link's code stays small enough for any screen we run on


class QRWidget(Widget):
    DEFAULT_CSS = """
    QRWidget { width: 1fr; height: 1fr; min-width: 20; }
    """

    def __init__(
        self,
        link: str,
        too_small: str,
        *,
        id: str | None = None,
        short_link: str = "",
        short_caption: str = "",
        caption: str = "",
        link_in_text: bool = True,
        top: bool = False,
    ) -> None:
        super().__init__(id=id)
        self.link = link
        self.too_small = too_small
        self.caption = caption  # a line under the code (not part of it)
        self.link_in_text = link_in_text  # when no code fits: the link too, or only the message
        self.short_link = short_link
        self.short_caption = short_caption
        self.top = top  # drawn at the top of its space (beside text that starts there), else centred
        self.code: QRCode | None = None
        self.quiet = 0
        self.scale = 1
        self._fitted: tuple[tuple[int, int], tuple[QRCode, int] | None] | None = None

    def _fit(self, width: int, height: int) -> tuple[QRCode, int] | None:
        found = best_qr(self.link, width, height - (1 if self.caption else 0))
        if found is None and self.short_link:
            found = best_qr(self.short_link, width, max(0, height - 2))
            if found is not None and found[0].version > SHORT_MAX_VERSION:
                found = None
        return found

    def lines(self) -> list[str] | None:
        """The lines drawn at the current size, or None when no code fits."""
        size = (self.size.width, self.size.height)
        if self._fitted is None or self._fitted[0] != size:  # coding a QR takes milliseconds
            self._fitted = (size, self._fit(*size))
        found = self._fitted[1]
        if found is None:
            self.code = None
            return None
        self.code, self.quiet = found
        self.scale = largest_scale(self.code, self.quiet, size[0], size[1] - self._caption_rows())
        return half_block_lines(self.code, self.quiet, self.scale)

    def _caption_rows(self) -> int:
        return (2 if self.showing_short else 0) + (1 if self.caption else 0)

    def show(self, link: str) -> None:
        """Draw another text (a redrawn join code)."""
        self.link = link
        self._fitted = None
        self.refresh()

    @property
    def showing_short(self) -> bool:
        return self.code is not None and self.code.text == self.short_link != self.link

    def render(self) -> Text:
        lines = self.lines()
        if lines is None:
            return Text(f"{self.too_small}\n\n{self.link}" if self.link_in_text else self.too_small)
        caption = [self.short_caption, self.short_link] if self.showing_short else []
        if self.caption:
            caption.append(self.caption)
        width = len(lines[0])
        pad_left = max(0, (self.size.width - width) // 2)
        pad_top = 0 if self.top else max(0, (self.size.height - len(lines) - len(caption)) // 2)
        text = Text("\n" * pad_top, no_wrap=True, overflow="crop")
        for n, line in enumerate(lines):
            text.append(" " * pad_left)
            text.append(line, style=INK)
            if n < len(lines) - 1:
                text.append("\n")
        for line in caption:
            text.append("\n" + " " * max(0, (self.size.width - len(line)) // 2))
            text.append(line, style="bold")
        return text
