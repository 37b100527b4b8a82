"""A line of short phrases ("Where are we today?  Limited: 1   Innovative: 2") that wraps
only between phrases, so a narrow screen never splits one of them over two lines (a phrase
wider than the screen still wraps, between its words)."""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

GAP = "   "


def pack(phrases: list[str], width: int, gap: str = GAP) -> list[str]:
    """The phrases in lines of at most ``width`` cells, ``gap`` between them on a line."""
    lines: list[str] = []
    for phrase in phrases:
        if lines and len(lines[-1]) + len(gap) + len(phrase) <= width:
            lines[-1] += gap + phrase
        else:
            lines.extend(textwrap.wrap(phrase, max(1, width)) or [""])
    return lines


class Phrases(Widget):
    DEFAULT_CSS = """
    Phrases { height: auto; width: 100%; }
    """

    def __init__(self, phrases: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.phrases = phrases

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(pack(self.phrases, width))

    def render(self) -> Text:
        # Plain text: the phrases are deck text, never markup.
        return Text("\n".join(pack(self.phrases, self.size.width)), no_wrap=True, overflow="crop")
