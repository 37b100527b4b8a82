"""One ballot: the overall level (with the level statements shown), then each principle
on the model's scale. Confirmed ballots are stored before the screen says thank you."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...core.session import Session
from ...core.votes import LEVEL_QUESTION
from ..intents import Done
from ..widgets.ballot import BallotRow, BallotWidget
from ..widgets.footer import KioskFooter
from ..widgets.question_about import QuestionAbout
from .base import SessionScreen


class BallotScreen(SessionScreen):
    HELP_KEYS = [("Up/Down", "help.ballot_rows"), ("Left/Right", "help.ballot_shift"), ("Enter", "help.ballot_enter")]
    DEFAULT_CSS = """
    BallotScreen #ballot-area { height: 1fr; padding: 0 1; }
    BallotScreen BallotWidget { margin: 1 0; }
    BallotScreen.-huge #ballot-area { align-vertical: middle; }
    """

    def __init__(self, language: str, session: Session, *, single: bool = False) -> None:
        super().__init__(language, session)
        self.single = single  # walk-up: one person, straight on to the results
        steps = len(session.deck.model.scale) if session.deck.model else 0
        self.HELP_KEYS = [(f"1-{steps}", "help.ballot_digits"), *BallotScreen.HELP_KEYS]  # the model's scale

    def rows(self) -> list[BallotRow]:
        session = self.session
        model = session.deck.require_model()
        rows = []
        for question in session.round.questions:
            if question.id == LEVEL_QUESTION:
                labels = tuple(lv.name for lv in model.levels) + (model.both,)
                rows.append(BallotRow(question.id, model.question, question.options, labels))
            else:
                rows.append(
                    BallotRow(question.id, model.principle(question.id).name, question.options, tuple(model.scale))
                )
        return rows

    def compose(self) -> ComposeResult:
        session = self.session
        model = session.deck.require_model()
        title = self.t("ballot.title_single") if self.single else self.t("ballot.title", n=session.votes_cast + 1)
        with VerticalScroll(id="ballot-area"):
            yield Static(title, classes="title", id="ballot-title")
            yield Static(self.t("ballot.hint"), classes="hint")
            yield BallotWidget(self.rows(), id="ballot")
            yield QuestionAbout(model, id="about")
        yield KioskFooter()

    def on_mount(self) -> None:
        self.query_one(BallotWidget).focus()
        self._show_about(0)
        session, group = self.session, self.session.settings.group_size
        if not self.single and group and session.votes_cast >= group:
            # Everyone counted has voted: a latecomer may still vote, but not without a word.
            self.say(self.t("polish.all_voted", n=group, next=session.votes_cast + 1), tone="info")

    def _show_about(self, row: int) -> None:
        self.query_one(QuestionAbout).show(self.query_one(BallotWidget).rows[row].id)

    def on_ballot_widget_moved(self, event: BallotWidget.Moved) -> None:
        self._show_about(event.row)

    def on_ballot_widget_incomplete(self, event: BallotWidget.Incomplete) -> None:
        self.say(self.t("ballot.incomplete"))

    def on_ballot_widget_confirmed(self, event: BallotWidget.Confirmed) -> None:
        # The router casts the ballot (once: a second Enter on a closing ballot is ignored)
        # and says here why it could not, if it could not.
        self.post_message(Done(self, dict(event.answers)))
