"""After a crash or a power cut: offer to go on with the open workshop or check-in."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Static

from ...core.store import SessionRow
from ..intents import Done
from ..plain import plain
from ..widgets.footer import KioskFooter
from .base import KioskScreen


class ResumeScreen(KioskScreen):
    FIRST = True
    BINDINGS = [Binding("n", "fresh", show=False)]
    HELP_KEYS = [("Enter", "help.resume_enter"), ("n", "help.resume_new")]
    AUTO_FOCUS = "#go-on"
    DEFAULT_CSS = """
    ResumeScreen { align: center middle; }
    ResumeScreen #resume { width: 70; max-width: 100%; height: auto; }
    ResumeScreen Button { width: 100%; margin-top: 1; }
    """

    def __init__(self, language: str, row: SessionRow, votes: int) -> None:
        super().__init__(language)
        self.row = row
        self.votes = votes

    def compose(self) -> ComposeResult:
        started = datetime.fromisoformat(self.row.started).astimezone().strftime("%H:%M")
        with Vertical(id="resume"):
            yield Static(self.t("resume.title"), classes="title")
            # The team is named only when it has one (never "Workshop for -").
            key = "room_followup.resume_detail_team" if self.row.team else "room_followup.resume_detail"
            yield Static(
                plain(
                    self.t(key, mode=self.t(f"mode.{self.row.mode}"), team=self.row.team, time=started, n=self.votes)
                ),
                classes="subtitle",
                id="resume-detail",
            )
            yield Button(self.t("resume.go_on"), id="go-on", variant="primary")
            yield Button(self.t("resume.fresh"), id="fresh")
        yield KioskFooter()

    @on(Button.Pressed, "#go-on")
    def go_on(self) -> None:
        self.post_message(Done(self, True))

    @on(Button.Pressed, "#fresh")
    def action_fresh(self) -> None:
        self.post_message(Done(self, False))
