"""The action plan: what, how, when, who, competences needed, and the follow-up date.
Pre-filled from the chosen cards; typed dates are checked and a past date is refused."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from ...core.names import card_title
from ...core.plan import TEXT_LIMITS, Action, PlanError, parse_follow_up
from ...core.session import Session
from ..intents import Done
from ..plain import plain
from ..widgets.footer import KioskFooter
from .base import SessionScreen


class PlanScreen(SessionScreen):
    BINDINGS = [Binding("ctrl+s", "save", "t:key.save", show=True, priority=True)]
    HELP_KEYS = [("Tab", "help.tab"), ("Enter", "help.plan_enter"), ("Ctrl+S", "help.plan_save")]
    DEFAULT_CSS = """
    PlanScreen { align-horizontal: center; }
    PlanScreen #plan { max-width: 110; padding: 0 2; }
    PlanScreen Grid { grid-size: 2; grid-columns: 20 1fr; grid-rows: auto; height: auto; grid-gutter: 0 1; }
    PlanScreen Label { padding: 1 0 0 0; width: 100%; text-align: right; }
    PlanScreen #save { width: 100%; margin-top: 1; }
    PlanScreen.-huge #plan { align-vertical: middle; }
    """

    AUTO_FOCUS = "#what"
    FIELDS = Action.FIELDS

    def __init__(self, language: str, session: Session, *, today: date, carried: list[Action] | None = None) -> None:
        super().__init__(language, session)
        self.today = today
        self.carried = list(carried or [])  # open actions from the plan being followed up

    def compose(self) -> ComposeResult:
        session = self.session
        cards = ", ".join(card_title(session.deck, c.id) for c in session.chosen_cards())
        with VerticalScroll(id="plan"):
            yield Static(self.t("plan.heading"), classes="title")
            yield Static(
                plain(self.t("plan.hint", cards=cards) if cards else self.t("plan.hint_nocards")), classes="hint"
            )
            if self.carried:
                yield Static(
                    plain(self.t("plan.carried") + "\n" + "\n".join(f"- {a.what}" for a in self.carried)),
                    id="carried",
                    classes="hint",
                )
            with Grid():
                for name in self.FIELDS:
                    yield Label(self.t(f"plan.{name}"))
                    value = self.t("plan.prefill_what", cards=cards) if name == "what" and cards else ""
                    yield Input(
                        value[: TEXT_LIMITS[name]],
                        placeholder=self.t(f"plan.{name}_hint"),
                        id=name,
                        max_length=TEXT_LIMITS[name],
                    )
                yield Label(self.t("plan.follow_up"))
                yield Input(
                    placeholder=self.t("plan.date_hint", example=self.today.isoformat()), id="follow_up", max_length=10
                )
            yield Button(self.t("plan.save"), id="save", variant="primary")
        yield KioskFooter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "follow_up":
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self.refuse_invalid_fields():
            return
        values = {name: self.query_one(f"#{name}", Input).value.strip() for name in self.FIELDS}
        only_carried = self.carried and not any(values.values())  # a plan of carried actions only
        if not values["what"] and not only_carried:
            self.say(self.t("plan.need_what"))
            self.query_one("#what", Input).focus()
            return
        date_text = self.query_one("#follow_up", Input).value.strip()
        follow_up = None
        if date_text:
            try:
                follow_up = parse_follow_up(date_text, self.today)
            except PlanError as exc:
                self.say(self.t(f"plan.{exc.key}", **exc.values) if exc.key else str(exc))
                self.query_one("#follow_up", Input).focus()
                return
        new = [Action(**values)] if values["what"] else []
        # The router makes, stores and shares the plan, and says here if that fails.
        self.post_message(Done(self, (self.carried + new, follow_up)))
