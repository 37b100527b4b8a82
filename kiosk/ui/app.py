"""The Textual application."""

from __future__ import annotations

from textual.app import App

from ..core.config import Config
from .screens.start import StartScreen


class KioskApp(App):
    TITLE = "Innovationslek"

    def __init__(self, config: Config):
        super().__init__()
        self.config = config

    def on_mount(self) -> None:
        self.push_screen(StartScreen(self.config.language))
