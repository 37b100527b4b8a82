"""What a vote question means, shown under it: the level statements for the overall
question, the principle's description for a principle. The secret ballot and the show of
hands share it, so the group reads the same words whichever way it votes. Deck text is
never markup."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from ...core.deck import Model
from ...core.votes import LEVEL_QUESTION
from ..plain import plain


class QuestionAbout(Vertical):
    DEFAULT_CSS = """
    QuestionAbout { height: auto; }
    QuestionAbout #levels { height: auto; }
    QuestionAbout .level-box { width: 2fr; height: auto; background: $surface; padding: 0 1; margin: 0 1 0 0; }
    QuestionAbout .level-box.both { width: 1fr; }
    QuestionAbout .level-name { text-style: bold; color: $primary; }
    QuestionAbout #principle-about { height: auto; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, model: Model, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model = model

    def compose(self) -> ComposeResult:
        model = self.model
        with Horizontal(id="levels"):
            for number, level in enumerate(model.levels, 1):
                with Vertical(classes="level-box"):
                    yield Static(plain(f"{number}  {level.name}"), classes="level-name")
                    yield Static(plain("\n".join(f"- {s}" for s in level.statements)))
            if model.levels:
                heading = f"{len(model.levels) + 1}  {model.both}"
                both = Vertical(classes="level-box both")
                both.styles.min_width = len(heading) + 2  # its short name on one line ("A bit of both")
                with both:
                    yield Static(plain(heading), classes="level-name")
        yield Static("", id="principle-about")

    def show(self, question: str) -> None:
        """The statements of the levels, or the description of the principle ``question``."""
        self.query_one("#levels").display = question == LEVEL_QUESTION
        about = self.query_one("#principle-about", Static)
        if question == LEVEL_QUESTION:
            about.update("")
        else:
            about.update(plain(self.model.principle(question).description or ""))
