"""The deck: a model to reflect on and the cards that help a team move along it.

Plain frozen dataclasses built by :mod:`kiosk.core.deck_loader`. One deck file holds one
language; the files of one deck share every id, so a session can switch language.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

LANGUAGES = ("sv", "en", "nb", "da")
AUDIENCES = ("individual", "team", "leaders")
PLACES = ("room", "field")
SCALE_STEPS = 5  # principles are voted on 1..5, limited -> innovative


@dataclass(frozen=True)
class Limits:
    """How long texts may be so that a card fits an 80x24 card view without scrolling the
    essentials (title, purpose, minutes, group size, the first steps)."""

    title: int = 48
    method: int = 48
    purpose: int = 150
    step: int = 100
    steps: int = 8
    material: int = 40
    materials: int = 6
    question: int = 220
    challenge_title: int = 140
    challenge_text: int = 200
    statement: int = 90
    name: int = 48
    short: int = 3
    description: int = 200
    scale_label: int = 40
    card_minutes: int = 240
    step_minutes: int = 120
    group: int = 500


LIMITS = Limits()


@dataclass(frozen=True)
class Principle:
    id: str
    name: str
    short: str
    description: str = ""


@dataclass(frozen=True)
class Level:
    """One level of the model (e.g. limited-innovation bureaucracy) with the short
    "post-it" statements that help people recognise it."""

    id: str
    name: str
    statements: tuple[str, ...]


@dataclass(frozen=True)
class Practice:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Model:
    id: str
    name: str
    question: str  # the overall question, e.g. "Where are we today?"
    both: str  # label for "a bit of both" when the model has levels
    scale: tuple[str, ...]  # SCALE_STEPS labels, from weakest to strongest
    principles: tuple[Principle, ...]
    levels: tuple[Level, ...] = ()
    practices: tuple[Practice, ...] = ()

    def principle(self, principle_id: str) -> Principle:
        for p in self.principles:
            if p.id == principle_id:
                return p
        raise KeyError(principle_id)

    @property
    def principle_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.principles)


@dataclass(frozen=True)
class Phase:
    id: str
    name: str


@dataclass(frozen=True)
class Step:
    text: str
    minutes: int


@dataclass(frozen=True)
class MethodCard:
    id: str
    title: str
    phase: str
    purpose: str
    minutes: int
    group_min: int
    group_max: int
    principles: tuple[str, ...]
    steps: tuple[Step, ...]
    materials: tuple[str, ...] = ()
    method: str = ""  # the public name of the method, when it has one
    place: str = "room"
    kind: str = field(default="method", init=False)

    def fits(self, *, minutes: int | None = None, group: int | None = None) -> bool:
        if minutes is not None and self.minutes > minutes:
            return False
        if group is not None and not (self.group_min <= group <= self.group_max):
            return False
        return True


@dataclass(frozen=True)
class ReflectionCard:
    id: str
    question: str
    audience: str
    minutes: int
    practice: str = ""
    principles: tuple[str, ...] = ()
    kind: str = field(default="reflection", init=False)


@dataclass(frozen=True)
class ChallengeCard:
    id: str
    title: str  # "How might we ...?"
    why: str
    measure: str  # how we would notice a difference
    horizon_months: int
    cards: tuple[str, ...]  # suggested method card ids (this deck or the deck it uses)
    kind: str = field(default="challenge", init=False)


Card = MethodCard | ReflectionCard | ChallengeCard


@dataclass(frozen=True)
class Deck:
    id: str
    version: int
    language: str
    title: str
    description: str
    provenance: str
    licence: str
    model: Model | None
    phases: tuple[Phase, ...] = ()
    methods: tuple[MethodCard, ...] = ()
    reflections: tuple[ReflectionCard, ...] = ()
    challenges: tuple[ChallengeCard, ...] = ()
    uses: str = ""  # id of a deck whose model and method cards this deck refers to
    path: str = ""

    @property
    def cards(self) -> tuple[Card, ...]:
        return (*self.methods, *self.reflections, *self.challenges)

    @property
    def card_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.cards)

    def card(self, card_id: str) -> Card:
        for c in self.cards:
            if c.id == card_id:
                return c
        raise KeyError(card_id)

    def phase_name(self, phase_id: str) -> str:
        for p in self.phases:
            if p.id == phase_id:
                return p.name
        return phase_id

    @property
    def fingerprint(self) -> int:
        """A 32-bit checksum of the ordered card ids: equal for every language of one
        deck, different when cards are added, removed or reordered. Links carry it so a
        link made against another card order is refused instead of misread."""
        return zlib.crc32("\n".join((self.id, *self.card_ids)).encode("utf-8"))
