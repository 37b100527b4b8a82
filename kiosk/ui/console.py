"""The bare Linux console (TERM=linux): its font has the CP437 glyphs and few others.

Textual's default widgets draw "tall" borders with one-eighth blocks (▔ ▁ ▊ ▎) and smooth
scrollbars with partial blocks; none of them exist there. In console mode the app gets the
``-console`` class, which switches those borders to plain line drawing (console.tcss), and
scrollbars are drawn with whole blocks only.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.scrollbar import ScrollBar, ScrollBarRender

CONSOLE_CLASS = "-console"


class WholeBlockScrollBar(ScrollBarRender):
    """Scrollbar thumbs snap to whole cells: only full blocks and spaces."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


def use_console_glyphs(app: App) -> None:
    app.add_class(CONSOLE_CLASS)
    ScrollBar.renderer = WholeBlockScrollBar
