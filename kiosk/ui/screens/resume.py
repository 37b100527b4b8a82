"""After a crash or a power cut: offer to go on with the open workshop or check-in."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Static

from ...core.store import SessionRow
from ..plain import plain
from ..widgets.footer import KioskFooter
from .base import KioskScreen, when_active


class ResumeScreen(KioskScreen):
    FIRST = True
    BINDINGS = [Binding("n", "fresh", show=False)]
    HELP_KEYS = [("Enter", "help.resume_enter"), ("n", "help.resume_new")]
    DEFAULT_CSS = """
    ResumeScreen { align: center middle; }
    ResumeScreen #resume { width: 70; max-width: 100%; height: auto; }
    ResumeScreen Button { width: 100%; margin-top: 1; }
    """

    def __init__(self, row: SessionRow) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        started = datetime.fromisoformat(self.row.started).astimezone().strftime("%H:%M")
        with Vertical(id="resume"):
            yield Static(self.t("resume.title"), classes="title")
            yield Static(plain(self.t("resume.detail", mode=self.t(f"mode.{self.row.mode}"), team=self.row.team or "-",
                                      time=started, n=len(self.kiosk.store.entries(self.row.id)))), classes="subtitle")
            yield Button(self.t("resume.go_on"), id="go-on", variant="primary")
            yield Button(self.t("resume.fresh"), id="fresh")
        yield KioskFooter()

    def on_mount(self) -> None:
        self.query_one("#go-on", Button).focus()

    @when_active
    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "go-on":
            self.kiosk.resume_session(self.row)
        else:
            self.action_fresh()

    def action_fresh(self) -> None:
        self.kiosk.store.end_session(self.row.id, "abandoned")
        self.kiosk.start_fresh()
