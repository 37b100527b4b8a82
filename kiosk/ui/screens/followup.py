"""Follow-up, step one: which plan are we following up? Its code (shown on the share
screen), a saved plan file, or the plan's link."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from ...core.followup import FollowUpError, find_plan
from ...core.link import LinkCodec, LinkError
from ...core.problems import FileProblems
from ..plain import plain
from ..widgets.footer import KioskFooter
from .base import KioskScreen, when_active


class FollowUpScreen(KioskScreen):
    HELP_KEYS = [("Enter", "help.followup_enter")]
    DEFAULT_CSS = """
    FollowUpScreen { align: center middle; }
    FollowUpScreen #followup { width: 80; max-width: 100%; height: auto; }
    FollowUpScreen Input, FollowUpScreen Button { width: 100%; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="followup"):
            yield Static(self.t("followup.title"), classes="title")
            yield Static(self.t("followup.hint"), classes="subtitle")
            yield Input(placeholder=self.t("followup.placeholder"), id="reference")
            yield Static("", id="followup-message", classes="message")
            yield Button(self.t("followup.start"), id="start", variant="primary")
        yield KioskFooter()

    def on_mount(self) -> None:
        self.query_one("#reference", Input).focus()

    @when_active
    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.begin()

    @when_active
    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.begin()

    def decode_link(self, link: str):
        """Links are read against every deck on the shelf (the link names its deck by a
        checksum of the card ids), loaded only when a link is actually pasted."""
        return LinkCodec(self.kiosk.shelf.all_decks()).decode_link(link)

    def begin(self) -> None:
        message = self.query_one("#followup-message", Static)
        reference = self.query_one("#reference", Input).value
        try:
            plan, code = find_plan(reference, self.kiosk.store, self.decode_link)
        except FollowUpError as exc:
            message.update(plain(self.t(exc.key, **exc.values)))
            return
        except LinkError as exc:  # the only thing a link decoder raises: a pasted link never ends the app
            message.update(self.t(exc.key))
            return
        if not self.kiosk.shelf.has(plan.deck):
            message.update(plain(self.t("followup.unknown_deck", deck=plan.deck)))
            return
        self.kiosk.deck_id = plan.deck
        try:
            self.kiosk.start_follow_up(plan, code)
        except FileProblems:
            message.update(plain(self.t("followup.unknown_deck", deck=plan.deck)))
