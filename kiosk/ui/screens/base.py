"""What every screen shares: Escape goes back, F1 or ? opens the help, text in the
session's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.screen import Screen

from ...core.i18n import t
from ..i18n import translate_bindings

if TYPE_CHECKING:
    from ..app import KioskApp


class KioskScreen(Screen):
    """Base for the flow screens. ``HELP_KEYS`` are (keys, i18n key) pairs shown in help."""

    BINDINGS = [
        Binding("escape", "back", "t:key.back", show=True),
        Binding("f1,question_mark", "help", "t:key.help", show=True, key_display="F1"),
    ]
    HELP_KEYS: list[tuple[str, str]] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self, self.language)

    @property
    def kiosk(self) -> "KioskApp":
        return self.app  # type: ignore[return-value]

    @property
    def language(self) -> str:
        return self.kiosk.language

    def t(self, key: str, **values: object) -> str:
        return t(self.language, key, **values)

    # The first screen of a flow has nowhere to go back to: its Esc is hidden.
    FIRST = False

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "back" and self.FIRST:
            return False
        return True

    def action_back(self) -> None:
        self.kiosk.go_back()

    def on_screen_suspend(self) -> None:
        # A covered screen keeps its widgets, so Esc returns to it as it was, but not their
        # rendered lines: at kiosk sizes those are megabytes per screen in the stack, and a
        # screen is repainted when it shows again anyway.
        for widget in self.query("*"):
            widget.refresh()

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen(self))
