"""Theme colours for widgets that draw with Rich styles."""

from __future__ import annotations

from textual.app import App


def theme_colour(app: App, name: str, default: str = "white") -> str:
    """A theme variable as a colour Rich understands. Textual names the 16 terminal
    colours ``ansi_red`` and so on (the console theme uses them); Rich calls them ``red``."""
    value = app.theme_variables.get(name, default)
    return value[len("ansi_") :] if value.startswith("ansi_") else value


def ink(app: App) -> str:
    """The style of text on a coloured bar: bold black; on the console its own black and
    not bold (with 16 colours bold black is drawn as grey)."""
    return "black" if app.has_class("-console") else "bold #000000"
