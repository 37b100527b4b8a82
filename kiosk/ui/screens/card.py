"""One card in full: purpose, group size, materials, and the steps with minutes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...core.deck import ChallengeCard, MethodCard, ReflectionCard
from ..plain import plain
from ..widgets.cardtile import card_facts, principle_names
from ..widgets.footer import KioskFooter
from .base import KioskScreen


class CardScreen(KioskScreen):
    BINDINGS = [
        Binding("space", "choose", "t:key.choose", show=True),
        Binding("t", "timer", "t:key.timer", show=True),
        Binding("enter", "pick", "t:key.pick", show=True, key_display="Enter"),
    ]
    HELP_KEYS = [("Space", "help.card_choose"), ("t", "help.card_timer"), ("Enter", "help.card_pick")]
    DEFAULT_CSS = """
    CardScreen #card { padding: 0 2; }
    CardScreen #card-body { height: auto; }
    CardScreen #card-message { height: auto; }
    """

    def __init__(self, card_id: str) -> None:
        super().__init__()
        self.card_id = card_id

    @property
    def card(self):
        return self.kiosk.session.deck.card(self.card_id)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if self.kiosk.session is None:
            return True  # the session just ended and this screen is on its way out
        mode = self.kiosk.session.settings.mode
        if action == "pick":
            return mode == "walkup"
        if action == "choose":
            return mode != "walkup"
        if action == "timer":
            return mode != "walkup" and isinstance(self.card, MethodCard)
        return True

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="card"):
            yield Static(self.title_text(), classes="title", id="card-title")
            yield Static(self.body(), id="card-body")
            yield Static("", id="card-message", classes="message")
        yield KioskFooter()

    def title_text(self) -> Content:
        card = self.card
        title = getattr(card, "title", "") or self.t("card.reflection")
        if card.id in self.kiosk.session.chosen:
            title += f"  [{self.t('deal.chosen')}]"
        return plain(title)

    def body(self) -> Text:
        card, deck, t = self.card, self.kiosk.session.deck, self.t
        text = Text()
        if isinstance(card, MethodCard):
            if card.method and card.method != card.title:
                text.append(card.method + "\n", style="italic")
            text.append(card.purpose + "\n\n")
            text.append(card_facts(card, deck, t), style="bold")
            text.append("   " + deck.phase_name(card.phase) + "\n")
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
            for n, step in enumerate(card.steps, 1):
                text.append(f"{n:>2}. ", style="bold")
                text.append(f"{step.text}")
                text.append(f"  ({step.minutes} min)\n", style="dim")
        elif isinstance(card, ReflectionCard):
            text.append(card.question + "\n\n", style="bold")
            text.append(card_facts(card, deck, t) + "\n")
        elif isinstance(card, ChallengeCard):
            text.append(card.why + "\n\n")
            text.append(card.measure + "\n")
        return text

    def action_choose(self) -> None:
        session = self.kiosk.session
        chosen = session.toggle_choice(self.card_id)
        self.query_one("#card-title", Static).update(self.title_text())
        self.app.notify(self.t("card.chosen" if chosen else "card.unchosen"), timeout=2)

    def action_pick(self) -> None:
        """Walk-up: this is the card I will try."""
        session = self.kiosk.session
        for other in list(session.chosen):
            session.unchoose(other)
        session.choose(self.card_id)
        self.kiosk.show_plan()

    def action_timer(self) -> None:
        if isinstance(self.card, MethodCard):
            self.kiosk.session.choose(self.card_id)
            self.kiosk.run_exercise(self.card_id)
