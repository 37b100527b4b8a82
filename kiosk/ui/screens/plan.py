"""The action plan: up to five actions (what, how, when, who, competences needed), added,
removed and reordered by key or by button, and the follow-up date. Pre-filled from the
chosen cards (or with the actions carried from the plan followed up); typed dates are
checked and a past date is refused."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.events import Resize
from textual.timer import Timer
from textual.widgets import Button, Input, Static

from ...core.names import card_title
from ...core.plan import MAX_ACTIONS, TEXT_LIMITS, Action, PlanError, parse_follow_up
from ...core.session import PlanDraft, Session
from ...core.text import one_full_stop
from ..intents import Done
from ..plain import plain
from ..widgets.actionform import ActionForm, FieldRow, label_width
from ..widgets.footer import KioskFooter
from ..widgets.textfield import TextField
from .base import SessionScreen


class PlanScreen(SessionScreen):
    BINDINGS = [
        Binding("ctrl+s", "save", "t:key.save", show=True, priority=True),
        Binding("ctrl+n", "add", "t:room_plan.key_add", show=True, priority=True),
        Binding("ctrl+d", "remove", "t:room_plan.key_remove", show=True, priority=True),
        Binding("ctrl+up", "move(-1)", show=False, priority=True),
        Binding("ctrl+down", "move(1)", show=False, priority=True),
    ]
    HELP_KEYS = [
        ("Tab", "help.tab"),
        ("Enter", "help.plan_enter"),
        ("Ctrl+N", "room_plan.help_add"),
        ("Ctrl+D", "room_plan.help_remove"),
        ("Ctrl+Up/Down", "room_plan.help_move"),
        ("Ctrl+S", "help.plan_save"),
    ]
    DEFAULT_CSS = """
    PlanScreen { align-horizontal: center; }
    PlanScreen #plan { max-width: 110; padding: 0 2; }
    PlanScreen #actions { height: auto; }
    PlanScreen #add-action { margin-top: 1; height: 1; border: none; }
    PlanScreen #dates { margin-top: 1; }
    PlanScreen #save { width: 100%; margin-top: 1; }
    PlanScreen.-huge #plan { align-vertical: middle; }
    """

    FIELDS = Action.FIELDS
    DRAFT_SECONDS = 0.5  # typing is kept this long after the last key

    def __init__(self, language: str, session: Session, *, today: date, carried: list[Action] | None = None) -> None:
        super().__init__(language, session)
        self.today = today
        self.carried = list(carried or [])[:MAX_ACTIONS]  # open actions from the plan being followed up
        self._armed: ActionForm | None = None  # a block with text that one more "remove" takes away
        self._draft_timer: Timer | None = None
        self._untyped: PlanDraft | None = None  # the form as it opens, before anyone types

    def compose(self) -> ComposeResult:
        session = self.session
        cards = ", ".join(card_title(session.deck, c.id) for c in session.chosen_cards())
        prefill = Action(what=self.t("plan.prefill_what", cards=cards)[: TEXT_LIMITS["what"]] if cards else "")
        # The carried actions come first, filled in and editable; then a new one if there is room.
        actions = self.carried + ([prefill] if len(self.carried) < MAX_ACTIONS else [])
        # What typing is measured against; a draft typed before (then a crash) comes back.
        self._untyped = PlanDraft.of([vars(a) for a in actions], "")
        draft = session.plan_draft
        if draft is not None:
            actions = draft.action_list()[:MAX_ACTIONS] or actions
        with VerticalScroll(id="plan"):
            yield Static(self.t("plan.heading"), classes="title")
            yield Static(
                plain(one_full_stop(self.t("plan.hint", cards=cards)) if cards else self.t("plan.hint_nocards")),
                classes="hint",
            )
            if self.carried:
                yield Static(
                    plain(self.t("plan.carried") + "\n" + "\n".join(f"- {a.what}" for a in self.carried)),
                    id="carried",
                    classes="hint",
                )
            with Vertical(id="actions"):
                for number, action in enumerate(actions, 1):
                    yield ActionForm(action, self.t, number=number)
            add = Button(self.t("room_plan.add"), id="add-action")
            add.can_focus = False  # Tab runs through the fields; Ctrl+N or a click adds
            add.disabled = len(actions) >= MAX_ACTIONS
            yield add
            date_field = TextField(
                draft.follow_up[:10] if draft is not None else "",
                placeholder=self.t("plan.date_hint", example=self.today.isoformat()),
                id="follow_up",
                max_length=10,
            )
            yield FieldRow(self.t("plan.follow_up"), date_field, width=label_width(self.t), id="dates")
            yield Button(self.t("plan.save"), id="save", variant="primary")
        yield KioskFooter()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys in the order their owners list them. A text field binds Ctrl+D itself
        (delete right); Textual's map keeps a key in the place where the focused field
        named it first, even though the screen's priority binding wins, so "remove" came
        before Esc and Save in the key bar. Each key goes back to its winner's place."""
        active = super().active_bindings
        ordered: dict[str, ActiveBinding] = {}
        for node, bindings in self._modal_binding_chain:
            for key, _binding in bindings:
                if key in active and active[key].node is node:
                    ordered.setdefault(key, active[key])
        return ordered

    def on_mount(self) -> None:
        # The new action (the carried ones are above it, filled in); the first when full.
        forms = self.forms()
        forms[len(self.carried) if len(self.carried) < len(forms) else 0].field("what").focus()

    def on_resize(self, event: Resize) -> None:
        # Before the screen's size classes change (this runs first): measured, not read.
        self.fit_fields(event.size.height)

    def fit_fields(self, height: int | None = None) -> None:
        """One row per field where the screen is short (up to 80x24: a whole block and the
        next one's heading in view), a framed field where it is taller (the -tall class)."""
        tall = dict((name, rows) for rows, name in self.VERTICAL_BREAKPOINTS)["-tall"]
        compact = (self.size.height if height is None else height) < tall
        for row in self.query(FieldRow).results(FieldRow):
            row.compact = compact

    # -- the blocks --------------------------------------------------------------------------
    def forms(self) -> list[ActionForm]:
        return list(self.query(ActionForm).results(ActionForm))

    def current_form(self) -> ActionForm | None:
        """The action the focus is in (None on the date or the save button)."""
        node: DOMNode | None = self.focused
        while node is not None and not isinstance(node, ActionForm):
            node = node.parent
        return node

    def _renumber(self) -> None:
        forms = self.forms()
        for number, form in enumerate(forms, 1):
            form.renumber(number)
        self.query_one("#add-action", Button).disabled = len(forms) >= MAX_ACTIONS

    async def action_add(self) -> None:
        self._armed = None
        forms = self.forms()
        if len(forms) >= MAX_ACTIONS:
            self.say(self.t("room_plan.max_actions", n=MAX_ACTIONS))
            return
        form = ActionForm(Action(what=""), self.t, number=len(forms) + 1)
        await self.query_one("#actions", Vertical).mount(form)
        self.fit_fields()
        self._renumber()
        form.field("what").focus()
        form.scroll_visible(animate=False)
        self.say(self.t("room_plan.added", n=form.number), tone="info")

    async def action_remove(self, form: ActionForm | None = None) -> None:
        """Remove the action the focus is in. One with text asks for a second press first,
        as Ctrl+D also deletes a character in many terminals' habits. The text below moves
        up one block and the last block goes, so the blocks themselves never change places."""
        form = form or self.current_form()
        if form is None:
            self.say(self.t("room_plan.remove_where"))
            return
        if form.has_text() and self._armed is not form:
            self._armed = form
            self.say(self.t("room_plan.remove_again", n=form.number))
            return
        self._armed = None
        forms = self.forms()
        index = forms.index(form)
        if len(forms) == 1:  # the only block is emptied rather than removed: a plan needs a place to write
            form.set_values({})
            form.field("what").focus()
            self.say(self.t("room_plan.removed", n=1), tone="info")
            return
        for upper, lower in zip(forms[index:], forms[index + 1 :], strict=False):
            upper.set_values(lower.values())
        await forms[-1].remove()
        self._renumber()
        rest = self.forms()
        rest[min(index, len(rest) - 1)].field("what").focus()
        self.say(self.t("room_plan.removed", n=index + 1), tone="info")

    def action_move(self, delta: int, form: ActionForm | None = None) -> None:
        """Move the focused action up or down: its text changes places with the neighbour's,
        and the focus follows it to the same field."""
        self._armed = None
        form = form or self.current_form()
        if form is None:
            return
        forms = self.forms()
        index = forms.index(form)
        other = index + delta
        if not 0 <= other < len(forms):
            return
        focused = next((name for name in self.FIELDS if form.field(name) is self.focused), "what")
        mine, theirs = form.values(), forms[other].values()
        form.set_values(theirs)
        forms[other].set_values(mine)
        forms[other].field(focused).focus()
        forms[other].scroll_visible(animate=False)
        # Said, so the line does not still say the last thing done ("Action 3 added").
        self.say(self.t("trial3.moved", n=other + 1), tone="info")

    async def on_action_form_asked(self, event: ActionForm.Asked) -> None:
        if event.what == "up":
            self.action_move(-1, event.form)
        else:
            await self.action_remove(event.form)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._armed = None  # typing after the warning: the next remove asks again
        super().on_input_changed(event)
        # Kept as a draft a moment after the typing stops (one write, not one per key).
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(self.DRAFT_SECONDS, self.keep_draft)

    def keep_draft(self) -> None:
        """Store what is typed, so a crash loses none of it; the untouched form is no draft."""
        self._draft_timer = None
        if not self.is_mounted:
            return
        draft = PlanDraft.of([form.values() for form in self.forms()], self.query_one("#follow_up", Input).value)
        self.session.save_plan_draft(None if draft == self._untyped else draft)

    def on_unmount(self) -> None:
        if self._draft_timer is not None:  # the form is gone: nothing left to read
            self._draft_timer.stop()
            self._draft_timer = None

    @on(Button.Pressed, "#add-action")
    async def add_pressed(self) -> None:
        await self.action_add()

    # -- saving --------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "follow_up":
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self.refuse_invalid_fields():
            return
        actions = []
        for form in self.forms():
            values = form.values()
            if not any(values.values()):
                continue  # an empty block is simply not part of the plan
            if not values["what"]:
                self.say(self.t("plan.need_what"))
                form.field("what").focus()
                return
            actions.append(Action(**values))
        if not actions:
            self.say(self.t("plan.need_what"))
            self.forms()[0].field("what").focus()
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
        # The router makes, stores and shares the plan, and says here if that fails.
        self.post_message(Done(self, (actions, follow_up)))
