"""The start screen: the three modes, big, with one line each on who they are for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from ...core.config import MODES
from ...core.i18n import t


class StartScreen(Screen):
    DEFAULT_CSS = """
    StartScreen { align: center middle; }
    StartScreen #start-box { width: 72; height: auto; }
    StartScreen #title { text-style: bold; content-align: center middle; width: 100%; }
    StartScreen #subtitle { color: $text-muted; content-align: center middle; width: 100%; margin-bottom: 1; }
    StartScreen Button { width: 100%; margin-top: 1; }
    StartScreen .mode-help { color: $text-muted; width: 100%; content-align: center middle; }
    """

    def __init__(self, language: str):
        super().__init__()
        self.language = language

    def compose(self) -> ComposeResult:
        lang = self.language
        with Center():
            with Vertical(id="start-box"):
                yield Static(t(lang, "start.title"), id="title")
                yield Static(t(lang, "start.subtitle"), id="subtitle")
                for number, mode in enumerate(MODES, 1):
                    yield Button(f"{number}  {t(lang, 'mode.' + mode)}", id=f"mode-{mode}", variant="primary")
                    yield Static(t(lang, f"mode.{mode}_help"), classes="mode-help")
        yield Footer()
