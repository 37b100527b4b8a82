"""Dealing cards: filtered, weighted towards the principles that need work, reproducible.

A session keeps one :class:`Dealer`. It never deals a card twice until every card that
fits the filter has been seen; then it starts over (the cards on the table excepted).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from .deck import Card, MethodCard

BOOST = 8.0  # a card for the neediest principle is 1 + BOOST times as likely as one for the strongest


@dataclass(frozen=True)
class DealFilter:
    max_minutes: int | None = None
    group_size: int | None = None
    kinds: tuple[str, ...] = ("method",)
    places: tuple[str, ...] = ()  # empty: room and field
    principles: tuple[str, ...] = ()  # empty: any; else the card must strengthen one of them

    def accepts(self, card: Card) -> bool:
        if card.kind not in self.kinds:
            return False
        if isinstance(card, MethodCard):
            if not card.fits(minutes=self.max_minutes, group=self.group_size):
                return False
            if self.places and card.place not in self.places:
                return False
        elif self.max_minutes is not None and getattr(card, "minutes", 0) > self.max_minutes:
            return False
        if self.principles and not set(getattr(card, "principles", ())) & set(self.principles):
            return False
        return True


class Dealer:
    def __init__(
        self,
        cards: Sequence[Card],
        *,
        seed: int | None = None,
        weights: dict[str, float] | None = None,
    ):
        self.cards = tuple(cards)
        self.rng = random.Random(seed)
        self.weights = dict(weights or {})
        self.hand: list[Card] = []
        self.seen: set[str] = set()  # dealt at some time in this session

    def set_weights(self, weights: dict[str, float]) -> None:
        self.weights = dict(weights)

    def card_weight(self, card: Card) -> float:
        """1 for a card that touches no needy principle, up to 1 + BOOST for a card that
        strengthens the neediest one. Weights are scaled to the range seen in the vote,
        so small differences between means still steer the deal."""
        if not self.weights:
            return 1.0
        low, high = min(self.weights.values()), max(self.weights.values())
        span = high - low
        scores = [
            (self.weights[p] - low) / span if span else 1.0
            for p in getattr(card, "principles", ())
            if p in self.weights
        ]
        return 1.0 + BOOST * max(scores, default=0.0)

    def candidates(self, flt: DealFilter) -> list[Card]:
        return [c for c in self.cards if flt.accepts(c)]

    def _pick(self, pool: list[Card]) -> Card:
        weights = [self.card_weight(c) for c in pool]
        return self.rng.choices(pool, weights=weights, k=1)[0]

    def _fresh_pool(self, flt: DealFilter, exclude: set[str]) -> list[Card]:
        pool = [c for c in self.candidates(flt) if c.id not in exclude]
        unseen = [c for c in pool if c.id not in self.seen]
        if unseen:
            return unseen
        # Every fitting card has been seen: start a new pass, keeping the table unique.
        self.seen -= {c.id for c in pool}
        return pool

    def deal(self, n: int, flt: DealFilter = DealFilter()) -> list[Card]:
        """A new hand of up to ``n`` cards (fewer when fewer cards fit the filter)."""
        self.hand = []
        return self.top_up(n, flt)

    def top_up(self, n: int, flt: DealFilter = DealFilter()) -> list[Card]:
        """The hand filled up to ``n`` cards with cards that fit ``flt``; the cards already
        in it stay where they are (fewer than ``n`` when fewer cards fit)."""
        while len(self.hand) < n:
            pool = self._fresh_pool(flt, {c.id for c in self.hand})
            if not pool:
                break
            card = self._pick(pool)
            self.hand.append(card)
            self.seen.add(card.id)
        return list(self.hand)

    def redeal(self, slot: int, flt: DealFilter = DealFilter()) -> Card | None:
        """Replace the card in ``slot`` with another fitting card; None when no other
        card fits (the slot then keeps its card)."""
        if not 0 <= slot < len(self.hand):
            raise IndexError(f"no card in slot {slot}")
        pool = self._fresh_pool(flt, {c.id for c in self.hand})
        if not pool:
            return None
        card = self._pick(pool)
        self.hand[slot] = card
        self.seen.add(card.id)
        return card
