"""F1 or ?: the keys of the screen below, in the session's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ..keynames import help_keys
from ..plain import plain
from .modal import KioskModal

if TYPE_CHECKING:
    from .base import KioskScreen


class HelpRow(Horizontal):
    """A key and its meaning; a long meaning wraps in its own column, not under the key."""

    def __init__(self, keys: str, meaning: Content, key_width: int) -> None:
        super().__init__(classes="help-row")
        self.keys, self.meaning, self.key_width = keys, meaning, key_width

    def compose(self) -> ComposeResult:
        key_cell = Static(self.keys, classes="help-key")
        key_cell.styles.width = self.key_width + 2  # two spaces before the meaning
        yield key_cell
        yield Static(self.meaning, classes="help-text")

    def plain(self) -> str:
        """The row as one line of text, for tests and screen readers."""
        return f"{self.keys:<{self.key_width}}  {self.meaning.plain}"


class HelpScreen(KioskModal[None]):
    BINDINGS = [Binding("escape,f1,question_mark,enter,q", "close", show=False)]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen #help-box { width: 64; max-width: 100%; height: auto; max-height: 100%;
                           background: $surface; border: thick $primary; padding: 1 2; }
    HelpScreen .help-row { height: auto; }
    HelpScreen .help-key { text-style: bold; }
    HelpScreen .help-text { width: 1fr; }  /* a long meaning wraps in its own column */
    /* Not a .hint: that one is indented a column, and this line is level with the key rows. */
    HelpScreen #help-close { color: $text-muted; width: 100%; }
    """

    def __init__(self, language: str, below: KioskScreen) -> None:
        super().__init__(language)
        self.below = below

    def compose(self) -> ComposeResult:
        # The screen below shows Esc only where it goes back (not on a flow's first screen).
        own = self.below.HELP_KEYS
        says_esc = any(keys == "Esc" for keys, _ in own)  # the screen's own row for Esc wins
        back = [] if says_esc or not self.below.check_action("back", ()) else [("Esc", "help.back")]
        rows = [*own, *back, ("F1 / ?", "help.help")]
        named = [(help_keys(self.language, keys), key) for keys, key in rows]
        width = max(12, *(len(keys) for keys, _ in named))  # the key column fits its longest name
        with Vertical(id="help-box"):
            yield Static(self.t("help.title"), classes="title")
            for keys, key in named:
                yield HelpRow(keys, plain(self.t(key)), width)
            yield Static(self.t("help.close"), id="help-close")

    def action_close(self) -> None:
        self.dismiss(None)
