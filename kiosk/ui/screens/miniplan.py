"""Walk-up: a two-line mini plan, chosen with arrows, digits and Enter: what I will try,
and by when; then an explicit confirmation ("Save and show my QR code"), so the key that
picks "when" never jumps past the visitor's own decision."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...core.plan import TEXT_LIMITS, Action, card_title
from ...core.session import Session
from ...core.text import clip
from ..i18n import translate_bindings
from ..intents import Done
from ..plain import plain
from ..widgets.footer import KioskFooter
from .base import SessionScreen

BY_WHEN_DAYS = (7, 14, 30)


class Named:
    """A widget whose Enter is named in the key bar, in the screen's language: a visitor
    sees "Enter Välj" on a list and "Enter Spara" on the confirmation."""

    def on_mount(self) -> None:
        translate_bindings(self, self.screen.language)  # type: ignore[arg-type,attr-defined]


class PickList(Named, OptionList):
    BINDINGS = [Binding("enter", "select", "t:key.choose", show=True)]


class SaveButton(Named, Button):
    BINDINGS = [Binding("enter", "press", "t:key.save", show=True)]


class MiniPlanScreen(SessionScreen):
    BINDINGS = [
        *[Binding(str(n), f"pick({n})", show=False) for n in (1, 2, 3)],
        Binding("up", "change_when", show=False),  # reaches the screen only from the confirmation
    ]
    HELP_KEYS = [
        ("1-3 / arrows", "help.mini_pick"),
        ("Enter", "help.mini_enter"),
        ("Enter", "room_plan.help_mini_save"),
    ]
    AUTO_FOCUS = "#what"
    DEFAULT_CSS = """
    MiniPlanScreen { align: center middle; }
    MiniPlanScreen #mini { width: 90; max-width: 100%; height: auto; max-height: 100%; padding: 0 1; }
    /* Line drawing, not Textual's tall frame: its one-eighth blocks leave stray line pieces
       beside the list in a real terminal. */
    MiniPlanScreen OptionList { height: auto; max-height: 7; margin-bottom: 1; border: round $border-blurred; }
    MiniPlanScreen OptionList:focus { border: round $border; }
    MiniPlanScreen .question { text-style: bold; margin-top: 1; }
    MiniPlanScreen #mini-summary { height: auto; color: $accent; }
    MiniPlanScreen #mini-save { width: 100%; }
    """

    def __init__(self, language: str, session: Session, *, today: date) -> None:
        super().__init__(language, session)
        self.today = today

    def compose(self) -> ComposeResult:
        title = card_title(self.session.deck, self.session.chosen_cards()[0].id)
        self.whats = [clip(self.t(f"mini.what_{n}", card=title), TEXT_LIMITS["what"]) for n in (1, 2, 3)]
        with Vertical(id="mini"):
            yield Static(self.t("mini.title"), classes="title")
            yield Static(self.t("mini.what"), classes="question")
            yield PickList(*[Option(plain(f"{n}  {w}"), id=str(n)) for n, w in enumerate(self.whats, 1)], id="what")
            yield Static(self.t("mini.when"), classes="question")
            yield PickList(
                *[Option(f"{n}  {self.t(f'mini.when_{d}')}", id=str(d)) for n, d in enumerate(BY_WHEN_DAYS, 1)],
                id="when",
            )
            summary = Static("", id="mini-summary", markup=False)
            save = SaveButton(self.t("room_plan.mini_save"), id="mini-save", variant="primary")
            summary.display = save.display = False  # shown once both lines are picked
            yield summary
            yield save
        yield KioskFooter()

    def on_mount(self) -> None:
        self.query_one("#what", OptionList).highlighted = 0
        self.query_one("#when", OptionList).highlighted = 0

    def action_pick(self, number: int) -> None:
        focused = self.focused
        if isinstance(focused, Button):  # a digit on the confirmation picks "when" again
            focused = self.query_one("#when", OptionList)
        if isinstance(focused, OptionList) and number <= focused.option_count:
            focused.highlighted = number - 1
            focused.action_select()

    def action_change_when(self) -> None:
        self.query_one("#when", OptionList).focus()

    def picked(self) -> tuple[str, int]:
        what = self.whats[self.query_one("#what", OptionList).highlighted or 0]
        days = BY_WHEN_DAYS[self.query_one("#when", OptionList).highlighted or 0]
        return what, days

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "what":
            self.query_one("#when", OptionList).focus()
            return
        # Both picked: say what will be saved, and wait for a deliberate confirmation.
        what, days = self.picked()
        summary = self.query_one("#mini-summary", Static)
        summary.update(self.t("room_plan.mini_summary", what=what, when=self.t(f"mini.when_{days}")))
        summary.display = True
        save = self.query_one("#mini-save", Button)
        save.display = True
        save.focus()

    @on(Button.Pressed, "#mini-save")
    def save_pressed(self) -> None:
        what, days = self.picked()
        when = self.t(f"mini.when_{days}")
        self.post_message(Done(self, ([Action(what=what, when=when)], self.today + timedelta(days=days))))
