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
SCALE_STEPS = 5  # principles are voted on 1..5, a degree from absent to embedded
PHASE_ROLES = ("opening", "ideas", "closing")  # phases the deck rules treat specially


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
    outcome: int = 160
    prepare: int = 160
    tip: int = 200
    source: int = 120


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
    role: str = ""  # "", or one of PHASE_ROLES


@dataclass(frozen=True)
class Step:
    text: str
    minutes: int


@dataclass(frozen=True)
class MethodCard:
    """A method card. ``group_min``/``group_max`` are the people in ONE working group
    (Troika: 3-4); ``parallel`` says whether a room splits into several such groups at
    once. A card without ``parallel`` is done by the whole room as one group."""

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
    parallel: bool = False
    question: str = ""  # the question the facilitator puts to the group
    outcome: str = ""  # what the group has when the card is done
    prepare: str = ""  # what to arrange beforehand; empty when nothing is needed
    tip: str = ""  # one tip or trap
    source: str = ""  # who the method comes from ("our own" for ours)
    kind: str = field(default="method", init=False)

    def fits(self, *, minutes: int | None = None, group: int | None = None) -> bool:
        if minutes is not None and self.minutes > minutes:
            return False
        if group is not None and not self.fits_people(group):
            return False
        return True

    def fits_people(self, people: int) -> bool:
        """Can ``people`` take part? One group: between min and max. Several groups: the
        room splits into k groups of min..max each, for some k (the fewest groups that
        are not too big is the best chance)."""
        if people < self.group_min:
            return False
        if not self.parallel:
            return people <= self.group_max
        groups = -(-people // self.group_max)
        return groups * self.group_min <= people


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

    def method(self, card_id: str) -> MethodCard:
        """A method card by id (KeyError when there is none of that kind)."""
        found = self.card(card_id)
        if not isinstance(found, MethodCard):
            raise KeyError(card_id)
        return found

    def require_model(self) -> Model:
        """The deck's own model, where only a deck with one can be used (a ballot, a link
        with votes); a challenge deck has none."""
        if self.model is None:
            raise ValueError(f"deck '{self.id}' has no model to vote on")
        return self.model

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
