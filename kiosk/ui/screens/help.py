"""F1 or ?: the keys of the screen below, in the session's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ..plain import plain
from .modal import KioskModal

if TYPE_CHECKING:
    from .base import KioskScreen


class HelpScreen(KioskModal[None]):
    BINDINGS = [Binding("escape,f1,question_mark,enter,q", "close", show=False)]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen #help-box { width: 64; max-width: 100%; height: auto; max-height: 100%;
                           background: $surface; border: thick $primary; padding: 1 2; }
    HelpScreen .help-row { height: auto; }
    """

    def __init__(self, language: str, below: KioskScreen) -> None:
        super().__init__(language)
        self.below = below

    def compose(self) -> ComposeResult:
        rows = list(self.below.HELP_KEYS) + [("Esc", "help.back"), ("F1 / ?", "help.help")]
        with Vertical(id="help-box"):
            yield Static(self.t("help.title"), classes="title")
            for keys, key in rows:
                yield Static(Content.assemble((f"{keys:<12}", "bold"), " ", plain(self.t(key))), classes="help-row")
            yield Static(self.t("help.close"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
