"""The end of a flow: the share screen with the plan's link and QR code."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from ...core.i18n import labels
from ...core.plan import render_markdown
from .base import KioskScreen


class DoneScreen(KioskScreen):
    """Shows the saved plan and its code. Enter or Escape ends the session."""

    BINDINGS = [Binding("enter", "finish", "t:key.finish", show=True, key_display="Enter")]
    HELP_KEYS = [("Enter", "help.done_enter")]

    def compose(self) -> ComposeResult:
        session = self.kiosk.session
        with VerticalScroll():
            yield Static(self.t("done.title", code=session.plan_code), classes="title", id="done-title")
            yield Static(Text(render_markdown(session.plan, session.deck, labels(self.language))), id="summary")
        yield Footer()

    def action_finish(self) -> None:
        self.kiosk.end_session()

    def action_back(self) -> None:
        self.kiosk.end_session()


def share_screen_for(app) -> KioskScreen:
    return DoneScreen()
