"""Text from outside our own code (team names, plan and deck text, paths, error texts) is
shown as it is: never read as Textual markup, and never able to act on the terminal.

``Static(plain(team))`` instead of ``Static(team)``: a plain string would be parsed as
markup, so "[/]" would crash the screen, "Budget [SEK]" would lose a word and
"[@click=app.suspend_process]" would become a clickable action.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from ..core.text import escape_controls


def plain(value: object) -> Content:
    """``value`` as literal text; control and bidi characters are written out."""
    if isinstance(value, Content):
        return value
    if isinstance(value, Text):
        return Content.from_rich_text(value)
    return Content(escape_controls(str(value)))
