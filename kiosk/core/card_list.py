"""``innovationslek cards``: the cards of a deck that fit a workshop, one line each.

Lines are tab-separated (card number, id, facts, phase, title) so that scripts can cut them
and a facilitator can still read them. The number is the card's number in plan links, the
same as on the printed card.
"""

from __future__ import annotations

from .deck import Card, Deck, MethodCard, ReflectionCard
from .i18n import t


def fitting_cards(
    deck: Deck, *, people: int | None = None, minutes: int | None = None, principle: str | None = None
) -> list[Card]:
    cards: list[Card] = []
    for card in deck.cards:
        if isinstance(card, MethodCard) and not card.fits(minutes=minutes, group=people):
            continue
        if isinstance(card, ReflectionCard) and minutes is not None and card.minutes > minutes:
            continue
        if principle and principle not in getattr(card, "principles", ()):
            continue
        cards.append(card)
    return cards


def card_facts_line(card: Card, deck: Deck) -> str:
    lang = deck.language
    if isinstance(card, MethodCard):
        group = f"{card.group_min}" if card.group_min == card.group_max else f"{card.group_min}-{card.group_max}"
        key = "deck2.tile_parallel" if card.parallel else "deck2.tile_one_group"
        return t(lang, key, minutes=card.minutes, group=group)
    if isinstance(card, ReflectionCard):
        return t(lang, "card.reflection_facts", minutes=card.minutes, audience=t(lang, f"audience.{card.audience}"))
    return t(lang, "deck2.months", n=card.horizon_months)


def card_number(card: Card, deck: Deck) -> int:
    """The card's number in plan links (its line in the deck's numbering; file order for a
    deck without one)."""
    from .link import card_ids_by_number, numbers_of

    ids = card_ids_by_number(deck, numbers_of(deck))
    return ids.index(card.id) if card.id in ids else -1


def card_lines(cards: list[Card], deck: Deck) -> list[str]:
    lines = []
    for card in cards:
        phase = deck.phase_name(card.phase) if isinstance(card, MethodCard) else card.kind
        title = getattr(card, "title", "") or getattr(card, "question", "")
        number = str(card_number(card, deck))
        lines.append("\t".join((number, card.id, card_facts_line(card, deck), phase, title)))
    return lines
