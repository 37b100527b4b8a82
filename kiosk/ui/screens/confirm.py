"""A yes-or-no question before a step that acts on other people's votes or cannot be taken
back (undo a ballot, reveal the results, leave a round that holds votes). The safe answer
has the focus, so a stray Enter from whoever holds the keyboard changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from .base import KioskScreen
from .modal import KioskModal


class ConfirmScreen(KioskModal[bool]):
    """Dismisses with True for ``yes``; False for ``no`` or Esc."""

    BINDINGS = [
        Binding("escape", "answer(False)", show=False),
        Binding("left,up,shift+tab", "app.focus_previous", show=False),
        Binding("right,down,tab", "app.focus_next", show=False),
    ]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen #confirm { width: 66; max-width: 100%; height: auto; max-height: 100%;
                             background: $surface; border: thick $warning; padding: 1 2; }
    ConfirmScreen #confirm-detail { width: 100%; margin-top: 1; }
    ConfirmScreen #confirm-buttons { width: 100%; height: auto; margin-top: 1; align: center top; }
    ConfirmScreen #confirm-buttons Button { width: 1fr; margin: 0 1; }
    """

    def __init__(self, language: str, question: str, detail: str, *, yes: str, no: str) -> None:
        super().__init__(language)
        self.question, self.detail, self.yes, self.no = question, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self.question, classes="title", markup=False)
            yield Static(self.detail, id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.no, id="no", variant="primary")
                yield Button(self.yes, id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def ask_first(screen: KioskScreen, question: str, detail: str, yes: str, then: Callable[[], object]) -> None:
    """Put the question over ``screen``; on yes run ``then``, but only if ``screen`` is
    still the one on top (the flow may have moved on meanwhile)."""

    def answered(sure: bool | None) -> None:
        if sure and screen.is_current:
            then()

    if not screen.is_current:
        return  # a key queued before another screen went on top: it is not this screen's turn
    no = screen.t("room_votes.no_go_back")
    screen.app.push_screen(ConfirmScreen(screen.language, question, detail, yes=yes, no=no), answered)
