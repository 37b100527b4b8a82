"""F1 or ?: the keys of the screen below, in the session's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.i18n import t
from ..plain import plain


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,question_mark,enter,q", "close", show=False)]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen #help-box { width: 64; max-width: 100%; height: auto; max-height: 100%;
                           background: $surface; border: thick $primary; padding: 1 2; }
    HelpScreen .help-row { height: auto; }
    """

    def __init__(self, below) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        lang = self.app.language  # type: ignore[attr-defined]
        rows = list(self.below.HELP_KEYS) + [("Esc", "help.back"), ("F1 / ?", "help.help")]
        with Vertical(id="help-box"):
            yield Static(t(lang, "help.title"), classes="title")
            for keys, key in rows:
                yield Static(Content.assemble((f"{keys:<12}", "bold"), " ", plain(t(lang, key))), classes="help-row")
            yield Static(t(lang, "help.close"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
