"""A dealt card on the table: title, minutes, group size, principles and purpose."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.widget import Widget

from ...core.deck import Card, Deck, MethodCard, ReflectionCard
from ...core.names import card_name, principle_name


def card_facts(card: Card, deck: Deck, t: Callable[..., str], *, short: bool = False) -> str:
    """The one-line facts of a card: minutes and group size ("3-4 per group, any number
    of groups" when the room splits into groups, else the size of the one group). The
    short form fits a tile on the table."""
    if isinstance(card, MethodCard):
        group = f"{card.group_min}" if card.group_min == card.group_max else f"{card.group_min}-{card.group_max}"
        if short:
            key = "deck2.tile_parallel" if card.parallel else "deck2.tile_one_group"
        else:
            key = "deck2.facts_parallel" if card.parallel else "deck2.facts_one_group"
        return t(key, minutes=card.minutes, group=group)
    if isinstance(card, ReflectionCard):
        return t("card.reflection_facts", minutes=card.minutes, audience=t(f"audience.{card.audience}"))
    return ""


def principle_names(card: Card, deck: Deck) -> list[str]:
    return [principle_name(deck, pid) for pid in getattr(card, "principles", ())]


class CardTile(Widget, can_focus=True):
    DEFAULT_CSS = """
    CardTile { width: 1fr; height: 100%; background: $surface; border: round $panel; padding: 0 1; }
    CardTile:focus { border: thick $accent; }
    CardTile.-chosen { border: thick $success; }
    CardTile.-chosen:focus { border: thick $accent; background: $boost; }
    """

    class Opened(Message):
        def __init__(self, slot: int) -> None:
            super().__init__()
            self.slot = slot

    def __init__(self, slot: int, card: Card, deck: Deck, t: Callable[..., str], *, chosen: bool = False) -> None:
        super().__init__(id=f"slot-{slot}")
        self.slot = slot
        self.card = card
        self.deck = deck
        self._t = t
        self.set_class(chosen, "-chosen")

    def show(self, card: Card, chosen: bool) -> None:
        self.card = card
        self.set_class(chosen, "-chosen")
        self.refresh()

    def render(self) -> Text:
        card, t = self.card, self._t
        text = Text()
        text.append(f"{self.slot + 1}  ", style="bold")
        text.append(card_name(card), style="bold")
        if self.has_class("-chosen"):
            text.append(f"  [{t('deal.chosen')}]", style="bold")
        text.append("\n")
        method = getattr(card, "method", "")
        if method and method != getattr(card, "title", ""):
            text.append(method + "\n", style="italic")
        text.append(card_facts(card, self.deck, t, short=True) + "\n")
        names = principle_names(card, self.deck)
        if names:
            text.append(", ".join(names) + "\n", style="dim")
        purpose = getattr(card, "purpose", "") or getattr(card, "why", "")
        if purpose:
            text.append("\n" + purpose)
        return text

    def on_click(self, event: Click) -> None:
        # A click or a tap opens the card (touch screens have no double click).
        self.focus()
        self.post_message(self.Opened(self.slot))
