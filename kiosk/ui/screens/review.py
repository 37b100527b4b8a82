"""Follow-up: go through the earlier plan's actions. Each is done, not done (it moves into
the new plan) or dropped."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...core.followup import STATUSES
from ...core.plan import Action
from ...core.text import clip
from ..intents import Done
from ..widgets.footer import KioskFooter
from .base import KioskScreen


class ActionList(OptionList):
    """The earlier plan's actions. The arrows stop at the ends instead of going round: marking
    an action moves on to the next one by itself, and a Down pressed out of habit on the last
    action went round to the first, so the next mark changed an action already marked."""

    def action_cursor_down(self) -> None:
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted is None or self.highlighted > 0:
            super().action_cursor_up()


class ReviewScreen(KioskScreen):
    BINDINGS = [
        Binding("1", "mark('done')", "t:key.done", show=True),
        Binding("2", "mark('not_done')", "t:key.not_done", show=True),
        Binding("3", "mark('dropped')", "t:key.dropped", show=True),
        Binding("c", "carry_on", "t:key.carry_on", show=True),
    ]
    HELP_KEYS = [("Up/Down", "help.review_move"), ("1 2 3", "help.review_mark"), ("c", "help.review_carry_on")]
    AUTO_FOCUS = "#actions"
    DEFAULT_CSS = """
    ReviewScreen { align-horizontal: center; }
    ReviewScreen #review { padding: 0 2; max-width: 120; }
    ReviewScreen.-tall #review, ReviewScreen.-huge #review { align-vertical: middle; }
    ReviewScreen OptionList { height: auto; max-height: 14; }
    ReviewScreen #carry-on { margin-top: 1; }
    """

    def __init__(self, language: str, actions: list[Action]) -> None:
        super().__init__(language)
        self.actions = list(actions)  # the earlier plan's
        self.statuses = ["not_done"] * len(self.actions)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="review"):
            yield Static(self.t("review.title"), classes="title")
            yield Static(self.t("review.hint"), classes="hint")
            yield ActionList(*self.options(), id="actions")
            if not self.actions:
                yield Static(self.t("review.none"), classes="hint")
            yield Button(self.t("review.carry_on"), id="carry-on", variant="primary")
        yield KioskFooter()

    def options(self) -> list[Option]:
        marks = {"done": "review.done", "not_done": "review.not_done", "dropped": "review.dropped"}
        return [
            Option(Text.assemble((f"[{self.t(marks[s])}] ", "bold"), clip(a.what, 90), *self.details(a)), id=str(i))
            for i, (a, s) in enumerate(zip(self.actions, self.statuses, strict=True))
        ]

    def details(self, action: Action) -> list[tuple[str, str]]:
        """Who and when, on a line under the action, so the group knows whose it was."""
        parts = [f"{self.t('plan.' + name)}: {clip(getattr(action, name), 40)}" for name in ("who", "when")]
        shown = [part for part, name in zip(parts, ("who", "when"), strict=True) if getattr(action, name)]
        return [("\n" + " " * 4 + "   ".join(shown), "dim")] if shown else []

    def on_mount(self) -> None:
        if self.actions:
            self.query_one("#actions", OptionList).highlighted = 0

    def action_mark(self, status: str) -> None:
        actions = self.query_one("#actions", OptionList)
        index = actions.highlighted
        if index is None or status not in STATUSES:
            return
        self.statuses[index] = status
        actions.clear_options()
        actions.add_options(self.options())
        actions.highlighted = min(index + 1, len(self.actions) - 1)

    @on(Button.Pressed, "#carry-on")
    def action_carry_on(self) -> None:
        self.post_message(Done(self, list(self.statuses)))
