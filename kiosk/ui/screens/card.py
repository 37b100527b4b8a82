"""One card in full. Page one: purpose, group size, the question to put to the group,
materials and the steps with minutes. Page two (m): what you have when you are done, what
to prepare, a tip or trap, the method's source and where the deck comes from."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...core.deck import ChallengeCard, Deck, MethodCard, ReflectionCard
from ...core.session import Session
from ...core.text import adds_to
from ..intents import Chosen, Done
from ..plain import plain
from ..widgets.bigtitle import BigTitle
from ..widgets.cardtile import card_facts, principle_names, step_text
from ..widgets.footer import KioskFooter
from .base import SessionScreen

CARD_WIDTH_HUGE = 120  # the card's width on a projector (the -huge rule below)


class CardScreen(SessionScreen):
    BINDINGS = [
        Binding("space", "choose", "t:key.choose", show=True),
        Binding("t", "timer", "t:key.timer", show=True),
        Binding("enter", "pick", "t:key.pick", show=True, key_display="Enter"),
        Binding("m", "page", "t:deck2.more", show=True),
    ]
    HELP_KEYS = [
        ("Space", "help.card_choose"),
        ("t", "help.card_timer"),
        ("Enter", "help.card_pick"),
        ("m", "deck2.help_more"),
    ]
    DEFAULT_CSS = """
    CardScreen #card { padding: 0 2; }
    CardScreen #card-body { height: auto; }
    CardScreen #card-big { display: none; }
    /* A projector: the card is the picture. Its name in big letters, its text on a card
       of its own in the middle of the screen, with air around it. */
    CardScreen.-huge #card { align: center middle; padding: 1 4; }
    CardScreen.-huge #card-big { display: block; margin-bottom: 1; }
    CardScreen.-huge #card-title { display: none; }  /* the big title says it */
    CardScreen.-huge #card-body {
        width: 120; max-width: 100%; padding: 1 4;
        background: $surface; border: round $primary 60%;
    }
    """

    def __init__(self, language: str, session: Session, card_id: str) -> None:
        super().__init__(language, session)
        self.card_id = card_id
        self.page = 1

    @property
    def card(self):
        return self.session.deck.card(self.card_id)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        pick_one = self.session.spec.pick_one
        if action == "pick":
            return pick_one
        if action == "choose":
            return not pick_one
        if action == "timer":
            return not pick_one and isinstance(self.card, MethodCard)
        if action == "page":
            return isinstance(self.card, MethodCard)
        return True

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="card"):
            yield BigTitle(self.big_title_text(), id="card-big")
            yield Static(self.title_text(), classes="title", id="card-title")
            with Center(id="card-middle"):  # one row of its own, so the card centres alone
                yield Static(self.body(), id="card-body")
        yield KioskFooter()

    @property
    def plain_title(self) -> str:
        return getattr(self.card, "title", "") or self.t("card.reflection")

    def title_text(self) -> Content:
        title = self.plain_title
        if self.card.id in self.session.chosen:
            title += f"  [{self.t('deal.chosen')}]"
        return plain(title)

    def big_title_text(self) -> str:
        """The big letters' text, the chosen mark after the name."""
        chosen = self.card.id in self.session.chosen
        return self.plain_title + (f" ({self.t('deal.chosen')})" if chosen else "")

    def body(self) -> Text:
        card, deck, t = self.card, self.session.deck, self.t
        text = Text()
        if isinstance(card, MethodCard) and self.page == 2:
            return second_page(card, deck, t)
        if isinstance(card, MethodCard):
            if adds_to(card.method, card.title):
                text.append(card.method + "\n", style="italic")
            text.append(card.purpose + "\n\n")
            text.append(card_facts(card, deck, t), style="bold")
            text.append("   " + deck.phase_name(card.phase) + "\n")
            text.append(t("deck2.question") + ": ", style="bold")
            text.append(card.question + "\n")
            names = principle_names(card, deck)
            if names:
                text.append(t("card.principles") + ": ", style="bold")
                text.append(", ".join(names) + "\n")
            if card.materials:
                text.append(t("card.materials") + ": ", style="bold")
                text.append(", ".join(card.materials) + "\n")
            if card.place == "field":
                text.append(t("card.field") + "\n", style="italic")
            text.append("\n" + t("card.steps") + "\n", style="bold")
            width = self.step_width()
            for n, step in enumerate(card.steps, 1):
                if width is None:  # not laid out yet: the next layout wraps it under its text
                    text.append(f"{n:>2}. ", style="bold")
                    text.append(f"{step.text}")
                    text.append(f"  ({step.minutes} min)\n", style="dim")
                else:
                    text.append_text(step_text(n, step, width, self.app.console))
                    text.append("\n")
            text.append("\n" + t("deck2.more_hint"), style="dim italic")
        elif isinstance(card, ReflectionCard):
            text.append(card.question + "\n\n", style="bold")
            text.append(card_facts(card, deck, t) + "\n")
        elif isinstance(card, ChallengeCard):
            text.append(card.why + "\n\n")
            text.append(card.measure + "\n")
        return text

    def step_width(self) -> int | None:
        """The columns of the card's text, for a step's wrapped lines to start under its
        text rather than under its number; None before the screen is laid out. Taken from
        the scrolling column, not the card's own width, which follows its (wrapped) text."""
        if not self.is_mounted:
            return None
        column = self.query_one("#card").scrollable_content_region.width
        body = self.query_one("#card-body", Static)
        if self.has_class("-huge"):
            column = min(column, CARD_WIDTH_HUGE)
        width = column - body.styles.gutter.width
        return width if width > 8 else None

    def on_mount(self) -> None:
        self.call_after_refresh(self.refresh_body)

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh_body)

    def refresh_body(self) -> None:
        self.query_one("#card-body", Static).update(self.body())

    def action_page(self) -> None:
        if not isinstance(self.card, MethodCard):
            return
        self.page = 2 if self.page == 1 else 1
        self.query_one("#card-body", Static).update(self.body())
        self.query_one("#card").scroll_home(animate=False)

    def action_choose(self) -> None:
        chosen = self.session.toggle_choice(self.card_id)
        self.query_one("#card-title", Static).update(self.title_text())
        self.query_one("#card-big", BigTitle).update(self.big_title_text())
        self.say(self.t("card.chosen" if chosen else "card.unchosen"), tone="success" if chosen else "info")

    def action_pick(self) -> None:
        """Walk-up: this is the card I will try."""
        self.post_message(Done(self, self.card_id))

    def action_timer(self) -> None:
        if isinstance(self.card, MethodCard):
            self.post_message(Chosen(self, self.card_id))  # the timer


def second_page(card: MethodCard, deck: Deck, t: Callable[..., str]) -> Text:
    """What does not fit beside the steps: deck text, never parsed as markup."""
    text = Text()
    for label, value in (
        ("deck2.question", card.question),
        ("deck2.outcome", card.outcome),
        ("deck2.prepare", card.prepare),
        ("deck2.tip", card.tip),
        ("deck2.source", card.source),
    ):
        if value:
            text.append(t(label) + ": ", style="bold")
            text.append(value + "\n")
    text.append("\n" + t("deck2.about", title=deck.title) + "\n", style="bold")
    text.append(deck.provenance + " " + deck.licence + "\n", style="dim")
    text.append("\n" + t("deck2.back_hint"), style="dim italic")
    return text
