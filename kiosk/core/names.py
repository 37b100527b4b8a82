"""The names people see for ids: a card's title, a principle's name. One lookup each, with
the same fallback everywhere (the id itself, when the deck lacks it)."""

from __future__ import annotations

from collections.abc import Iterable

from .deck import Card, Deck
from .text import clip


def card_name(card: Card, limit: int | None = None) -> str:
    """A card's title; a reflection card's question (shortened to ``limit`` if given)."""
    title = getattr(card, "title", "")
    if title:
        return title
    question = getattr(card, "question", "")
    return clip(question, limit) if limit else question


def card_title(deck: Deck | None, card_id: str, limit: int = 70) -> str:
    """The name of a card by its id, in the deck's language; the id when the deck lacks it."""
    try:
        card = deck.card(card_id) if deck is not None else None
    except KeyError:
        return card_id
    return (card_name(card, limit) if card is not None else "") or card_id


def principle_name(deck: Deck | None, principle_id: str) -> str:
    """A principle's name in the deck's language; the id when the model lacks it."""
    try:
        return deck.model.principle(principle_id).name if deck is not None and deck.model else principle_id
    except KeyError:
        return principle_id


def longest_principle_name(decks: Iterable[Deck]) -> int:
    """The longest principle name the given decks (one model in its languages) have: the
    width a results chart gives its names, so that switching language never cuts one."""
    return max((len(p.name) for deck in decks if deck.model for p in deck.model.principles), default=0)
