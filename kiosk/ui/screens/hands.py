"""Show of hands: the facilitator types how many raised a hand for each option, one
question at a time, with what the question means shown as on the secret ballot. Each
question's counts are stored when confirmed; more hands than the group has people is
refused, and undo reopens the last question with its counts to correct."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from ...core.session import Session
from ...core.votes import LEVEL_QUESTION, Option
from ..intents import Chosen, Done
from ..plain import plain
from ..widgets.footer import KioskFooter
from ..widgets.question_about import QuestionAbout
from .base import SessionScreen
from .confirm import ask_first


class HandsScreen(SessionScreen):
    BINDINGS = [
        Binding("ctrl+u", "undo", "t:key.undo", show=True, priority=True),
        Binding("ctrl+r", "reveal", "t:key.reveal", show=True, priority=True),
    ]
    HELP_KEYS = [
        ("0-9", "help.hands_digits"),
        ("Tab", "help.tab"),
        ("Enter", "help.hands_enter"),
        ("Ctrl+U", "help.undo"),
        ("Ctrl+R", "help.reveal"),
    ]
    DEFAULT_CSS = """
    HandsScreen #hands { padding: 0 2; }
    HandsScreen .option { width: 1fr; height: auto; text-align: center; padding: 0 1; }
    HandsScreen #options Input { width: 1fr; }
    HandsScreen #options, HandsScreen #option-labels { height: auto; }
    HandsScreen #hands-about { margin-top: 1; }
    HandsScreen.-tall #hands, HandsScreen.-huge #hands { align-vertical: middle; }
    """

    def __init__(self, language: str, session: Session) -> None:
        super().__init__(language, session)
        self.index = 0  # which question is being counted

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="hands"):
            yield Static("", id="hands-title", classes="title")
            yield Static(self.t("hands.hint"), classes="hint")
            yield Static("", id="question", classes="title")
            # The words in a row of their own above the fields: a label that wraps to two
            # lines then moves all the fields down together, never one field out of line.
            yield Horizontal(id="option-labels")
            yield Horizontal(id="options")
            yield Static("", id="progress", classes="hint")
            yield QuestionAbout(self.session.deck.require_model(), id="hands-about")
        yield KioskFooter()

    # Textual runs each class's own on_mount (the base's first), so this one may be async.
    async def on_mount(self) -> None:  # type: ignore[override]
        await self.show_question()

    def question_label(self, qid: str) -> tuple[str, tuple[str, ...]]:
        model = self.session.deck.require_model()
        if qid == LEVEL_QUESTION:
            return model.question, tuple(lv.name for lv in model.levels) + (model.both,)
        return model.principle(qid).name, tuple(f"{n} {label}" for n, label in enumerate(model.scale, 1))

    async def show_question(self, counts: dict[Option, int] | None = None) -> None:
        """The question at ``self.index``; ``counts`` fills its fields in (an undone count
        comes back as it was, so only the wrong number is typed again)."""
        counts = counts or {}
        questions = self.session.round.questions
        question = questions[self.index]
        label, option_labels = self.question_label(question.id)
        self.query_one("#hands-title", Static).update(self.t("hands.title"))
        self.query_one("#question", Static).update(plain(label))
        self.query_one("#progress", Static).update(self.t("hands.progress", n=self.index + 1, total=len(questions)))
        about = self.query_one(QuestionAbout)
        about.display = True
        about.show(question.id)
        labels, options = self.query_one("#option-labels", Horizontal), self.query_one("#options", Horizontal)
        await labels.remove_children()
        await options.remove_children()
        await labels.mount(*(Label(plain(text), classes="option") for text in option_labels))
        await options.mount(
            *(
                Input(str(counts.get(option, "")), restrict=r"[0-9]*", max_length=4, classes="count")
                for option in question.options
            )
        )
        self.query(".count").first(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(".count").results(Input))
        if event.input is not inputs[-1]:
            self.focus_next()
            return
        # The router stores the counts and then calls ``counted`` (or ``say``).
        question = self.session.round.questions[self.index]
        counts = {opt: int(box.value or 0) for opt, box in zip(question.options, inputs, strict=True)}
        self.post_message(Chosen(self, {question.id: counts}))

    async def counted(self) -> None:
        """The counts are stored: on to the next question (the router moves on to the
        results after the last)."""
        self.say("")
        self.index = len(self.session.round.entries)
        if self.index < len(self.session.round.questions):
            await self.show_question()

    async def on_screen_resume(self) -> None:
        # Back from the results: every question is counted; offer undo or the results.
        self.index = len(self.session.round.entries)
        if self.index >= len(self.session.round.questions):
            await self.query_one("#option-labels", Horizontal).remove_children()
            await self.query_one("#options", Horizontal).remove_children()
            self.query_one("#question", Static).update(self.t("hands.all_counted"))
            self.query_one(QuestionAbout).display = False

    async def action_undo(self) -> None:
        undone = self.session.undo()
        if undone is None:
            self.say(self.t("lobby.nothing_to_undo"))
            return
        # One entry per question, in order: the undone one is the question to correct,
        # shown with the counts it had.
        self.index = len(self.session.round.entries)
        question = self.session.round.questions[self.index]
        self.say(self.t("room_votes.count_undone", question=self.question_label(question.id)[0]), tone="info")
        await self.show_question(undone.counts.get(question.id, {}))

    def action_back(self) -> None:
        """Going back ends the round (see the flow's ``_leave_round``): with counts
        entered, say so and ask first."""
        n = self.session.votes_cast
        if n == 0:
            super().action_back()
            return
        ask_first(
            self,
            self.t("room_votes.leave_question"),
            self.t("room_votes.leave_counts", n=n),
            self.t("room_votes.leave_yes"),
            super().action_back,
        )

    def action_reveal(self) -> None:
        if self.session.votes_cast:
            self.post_message(Done(self))
