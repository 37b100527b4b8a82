"""The bare Linux console (TERM=linux): its font has the CP437 glyphs and few others, and
it shows 16 colours.

Textual's default widgets draw "tall" borders with one-eighth blocks (▔ ▁ ▊ ▎) and smooth
scrollbars with partial blocks; none of them exist there. In console mode the app gets the
``-console`` class, which switches those borders to plain line drawing (kiosk.tcss); this
app's scrollbars are drawn with whole blocks only, text from decks and translations is
drawn with lookalikes the font has, and the theme's 16 colours reach the console as
themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.terminal_theme import TerminalTheme
from textual.app import App
from textual.color import Color
from textual.filter import LineFilter
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.widget import Widget

CONSOLE_CLASS = "-console"

# The console's own 16 colours (VGA): the palette Rich matches against when it draws for a
# 16-colour terminal. Textual turns ANSI colours into RGB through the app's ANSI theme before
# Rich draws them; with its default one (Monokai) yellow became an orange that the console
# showed as bright red, so the accent (every focus frame) looked like an error, and red came
# out magenta. Through these colours every ANSI colour comes back to the console as itself.
CONSOLE_COLOURS = TerminalTheme(
    (0, 0, 0),
    (255, 255, 255),
    [(0, 0, 0), (170, 0, 0), (0, 170, 0), (170, 85, 0), (0, 0, 170), (170, 0, 170), (0, 170, 170), (170, 170, 170)],
    [(85, 85, 85), (255, 85, 85), (85, 255, 85), (255, 255, 85), (85, 85, 255), (255, 85, 255), (85, 255, 255)]
    + [(255, 255, 255)],
)

# Characters that decks and translations use and CP437 lacks, each drawn as a lookalike of
# one cell (the layout is already made, so a character may not grow): Norwegian and Danish
# ø as the ö the font has, typographic dashes and quotes as plain ones.
LOOKALIKES = str.maketrans(
    {
        "ø": "ö",
        "Ø": "Ö",
        "–": "-",
        "—": "-",
        "‐": "-",
        "−": "-",
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "…": ".",
        "³": "3",
        "\u00a0": " ",
        "╭": "┌",
        "╮": "┐",
        "╰": "└",
        "╯": "┘",
    }
)


class WholeBlockScrollBar(ScrollBarRender):
    """Scrollbar thumbs snap to whole cells: only full blocks and spaces."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


class ConsoleGlyphs(LineFilter):
    """Draws the characters the console font lacks as lookalikes it has."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment if segment.text.isascii() else segment._replace(text=segment.text.translate(LOOKALIKES))
            for segment in segments
        ]


class ConsoleApp(App):
    """What console mode changes for this app, and for no other app in the process.

    Scrollbars: Textual documents two ways to change their look, ``ScrollBar.renderer``
    for the whole process (every app, every test that runs after this one), or ``renderer``
    on one scrollbar. This takes the second: every scrollbar a widget makes is started
    through ``App._start_widget`` (Textual 8; tests/ui/test_console2.py notices if that
    changes), so each gets the renderer there, before it is first drawn."""

    _console_glyphs = ConsoleGlyphs()

    def _start_widget(self, parent: Widget, widget: Widget) -> None:
        if isinstance(widget, ScrollBar) and self.has_class(CONSOLE_CLASS):
            widget.renderer = WholeBlockScrollBar  # type: ignore[misc]  # per instance, as Textual documents
        super()._start_widget(parent, widget)

    def get_line_filters(self) -> Sequence[LineFilter]:
        filters = super().get_line_filters()
        return [*filters, self._console_glyphs] if self.has_class(CONSOLE_CLASS) else filters


def use_console_glyphs(app: App) -> None:
    app.add_class(CONSOLE_CLASS)
    # Before the app runs: set without the watchers, which would restyle a running app.
    app.set_reactive(App.ansi_theme_dark, CONSOLE_COLOURS)
    app.set_reactive(App.ansi_theme_light, CONSOLE_COLOURS)
    app._refresh_truecolor_filter(app.ansi_theme)  # private in Textual 8; as themes.start_with_theme
