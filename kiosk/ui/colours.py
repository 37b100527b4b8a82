"""Theme colours for widgets that draw with Rich styles."""

from __future__ import annotations

from rich.color import Color, ColorParseError
from textual.app import App

from .console import CONSOLE_COLOURS


def theme_colour(app: App, name: str, default: str = "white") -> str:
    """A theme variable as a colour Rich understands. Textual names the 16 terminal
    colours ``ansi_red`` and so on (the console theme uses them); Rich calls them ``red``."""
    value = app.theme_variables.get(name, default)
    return value[len("ansi_") :] if value.startswith("ansi_") else value


# Black on a colour with this contrast has the same contrast as white on it (sqrt of 21,
# black on white): above it black reads better, below it white.
EVEN_CONTRAST = 21**0.5


def ink(app: App, background: str = "") -> str:
    """The style of text on a coloured bar (``background``, as ``theme_colour`` gives it):
    bold black, or bold white where white reads better (the light theme's colours are dark,
    for text on white; black on them is barely there). On the console not bold: with 16
    colours bold black is drawn as grey, and bold white is the same bright white."""
    light = not background or contrast_with_black(background) >= EVEN_CONTRAST
    if app.has_class("-console"):
        return "black" if light else "bright_white"
    return "bold #000000" if light else "bold #ffffff"


def contrast_with_black(colour: str) -> float:
    """The WCAG contrast of black text on ``colour``, as the console draws that colour."""
    try:
        red, green, blue = Color.parse(colour).get_truecolor(CONSOLE_COLOURS)
    except ColorParseError:
        return 21.0
    return (luminance(red, green, blue) + 0.05) / 0.05


def luminance(red: int, green: int, blue: int) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
