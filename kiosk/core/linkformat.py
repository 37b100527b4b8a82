"""The wire format of plan links, in one place: version, field order, bit widths, tables,
the text fields and the preset deflate dictionaries. The codec (:mod:`kiosk.core.link`)
and the viewer page (which gets these constants injected) both follow it.

    <base url>#<base43( FORMAT byte, head bits, raw deflate of the texts )>

The head is a string of bit fields (most significant bit first) in the order of ``HEAD``;
the writer and the reader refuse a field out of order or a value too wide for its field.
The texts are joined with newlines (plan text is one line per field) and deflated with a
preset dictionary per language, so common words of plans cost a few bits.

Any change to what ``schema()`` describes changes the link: bump ``FORMAT`` and keep a
reader for the old format. A test pins each format number to the hash of its schema, so it
fails until both move together. Tables (modes) only grow at their end: a new mode is
not a new format, old readers refuse it as "made by a newer kiosk".
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from .plan import MAX_ACTIONS, MAX_CARDS, TEXT_LIMITS, Action
from .votes import LEVEL_OPTIONS

FORMAT = 2
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)

# Append-only: a mode's index is on the wire.
MODES = ("walkup", "workshop", "checkin", "followup")

# Languages travel as their two ISO 639-1 letters (26 * first + second), so any language
# added later fits without a new format.
LANGUAGE_LETTERS = "abcdefghijklmnopqrstuvwxyz"

# Field kinds: ("u", n) an n-bit number; ("v", n) n-bit chunks, low chunk first, each
# followed by a bit that says whether another chunk follows; ("k", 0) a vote count, as wide
# as the count still left of the question's total needs.
HEAD: tuple[tuple[str, str, int], ...] = (
    ("language", "u", 10),
    ("mode", "u", 4),
    ("deck", "u", 16),  # a 16-bit checksum of the deck id (see deck_key in link.py)
    ("created", "u", 25),  # minutes since EPOCH: until the year 2087
    ("has_follow_up", "u", 1),
    ("follow_up", "u", 12),  # days from the created day, plus FOLLOW_UP_OFFSET
    ("card_count", "v", 3),
    ("card", "v", 6),  # the card's number in the deck's numbering
    ("principle_count", "u", 5),  # principles in the model (0: no principle votes)
    ("scale", "u", 4),  # counts per principle: the model's scale length
    ("voted", "u", 1),  # one bit per principle, in model order
    ("same_total", "u", 1),  # every voted principle has the same number of votes
    ("total", "v", 4),  # votes on a principle (once when same_total)
    ("count", "k", 0),  # votes per scale step but the last (the rest is the last)
    ("has_level", "u", 1),
    ("level_total", "v", 4),
    ("level_count", "k", 0),
    ("action_count", "u", 3),
)
FOLLOW_UP_OFFSET = 2048  # follow-up days may lie 2048 days either side of the created day
MAX_CHUNKS = 8  # a "v" field longer than this is damage, not a number

# The texts after the head, in order, joined with "\n"; then each action's fields.
TEXTS = ("team", "challenge", "follows")
ACTION_FIELDS = ("what", "how", "when", "who", "competences")

# Additions to format 2, in the order they were made (append-only; never change one).
# Each is a block of texts after the actions: a tag line, "+<name> <items>", then each
# item's fields. A link without additions is the same link as before they existed, so
# every printed link reads as it did; a reader without an addition refuses a link that
# carries it (its texts do not add up) instead of reading it wrong.
ADDITION_TAG = "+"
ADDITIONS: dict[str, dict[str, tuple[str, ...]]] = {
    # The review of the plan followed up: how each of its actions went.
    "review": {"fields": ("status", "what"), "status": ("done", "not_done", "dropped")},
}

# What a decoder accepts at most (the kiosk and the viewer alike).
MAX_PAYLOAD_CHARS = 4296  # the most characters a QR code (version 40-L) holds
MAX_TEXT_BYTES = 64 * 1024  # inflated texts; anything longer is a deflate bomb

DICTIONARY_DIR = Path(__file__).with_name("linkdict")
DICTIONARY_LANGUAGES: tuple[str, ...] = ("sv", "en", "nb", "da")  # frozen with the format; others use none

assert sum(1 for _, kind, _ in HEAD if kind not in "uvk") == 0
assert all(0 < width <= 32 for _, kind, width in HEAD if kind in "uv")
assert len(MODES) <= 1 << dict((n, w) for n, _, w in HEAD)["mode"]
assert 1 << dict((n, w) for n, _, w in HEAD)["action_count"] > MAX_ACTIONS
FIELD_INDEX = {name: i for i, (name, _, _) in enumerate(HEAD)}


@cache
def dictionary(language: str) -> bytes:
    """The preset dictionary of ``language`` (empty for a language format 2 has none for)."""
    if language not in DICTIONARY_LANGUAGES:
        return b""
    return (DICTIONARY_DIR / f"{language}.txt").read_bytes()


def schema() -> dict:
    """Everything that decides how a plan becomes bits. Read live (Action.FIELDS, the level
    options), so a change anywhere that the layout depends on shows up in the hash. Text
    limits are not layout: both decoders take them from the kiosk they came with."""
    return {
        "format": FORMAT,
        "epoch": EPOCH.isoformat(),
        "head": [list(field) for field in HEAD],
        "follow_up_offset": FOLLOW_UP_OFFSET,
        "language_letters": LANGUAGE_LETTERS,
        "texts": list(TEXTS),
        "action_fields": list(ACTION_FIELDS),
        "plan_action_fields": list(Action.FIELDS),
        "level_options": list(LEVEL_OPTIONS),
        "modes_frozen_prefix": list(MODES[:4]),
        "dictionaries": {lang: hashlib.sha256(dictionary(lang)).hexdigest() for lang in DICTIONARY_LANGUAGES},
    }


def schema_hash() -> str:
    return hashlib.sha256(json.dumps(schema(), sort_keys=True).encode("utf-8")).hexdigest()[:16]


def addition_hashes() -> dict[str, str]:
    """A hash per addition to format 2 (pinned by a test: an addition never changes)."""
    return {
        name: hashlib.sha256(json.dumps([ADDITION_TAG, name, layout], sort_keys=True).encode("utf-8")).hexdigest()[:16]
        for name, layout in ADDITIONS.items()
    }


def language_code(language: str) -> int:
    if len(language) != 2 or any(ch not in LANGUAGE_LETTERS for ch in language):
        raise ValueError(f"language '{language}' is not two letters a-z")
    return LANGUAGE_LETTERS.index(language[0]) * 26 + LANGUAGE_LETTERS.index(language[1])


def language_of(code: int) -> str | None:
    return LANGUAGE_LETTERS[code // 26] + LANGUAGE_LETTERS[code % 26] if 0 <= code < 26 * 26 else None


class FieldOrderError(AssertionError):
    """The codec wrote or read fields out of the schema's order (a bug, not bad input)."""


class _Order:
    """Checks that fields first appear in ``HEAD`` order (a field may repeat)."""

    def __init__(self) -> None:
        self.last = -1
        self.seen: set[str] = set()

    def visit(self, name: str) -> tuple[str, int]:
        index = FIELD_INDEX[name]
        if name not in self.seen:
            if index < self.last:
                raise FieldOrderError(f"field '{name}' comes before '{HEAD[self.last][0]}' in the schema")
            self.seen.add(name)
            self.last = index
        return HEAD[index][1], HEAD[index][2]


class BitWriter:
    def __init__(self) -> None:
        self.value = 0
        self.bits = 0
        self.order = _Order()

    def _raw(self, value: int, width: int) -> None:
        if value < 0 or value >= 1 << width:
            raise ValueError(f"{value} does not fit {width} bits")
        self.value = self.value << width | value
        self.bits += width

    def put(self, name: str, value: int, left: int = 0) -> None:
        """Write field ``name``; ``left`` is the count still open for a "k" field."""
        kind, width = self.order.visit(name)
        if kind == "u":
            self._raw(value, width)
        elif kind == "k":
            if value > left:
                raise ValueError(f"{name} {value} is more than the {left} votes left")
            self._raw(value, left.bit_length())
        else:
            if value < 0 or value >= 1 << (width * MAX_CHUNKS):
                raise ValueError(f"{name} {value} does not fit {MAX_CHUNKS} chunks of {width} bits")
            while True:
                self._raw(value & ((1 << width) - 1), width)
                value >>= width
                self._raw(1 if value else 0, 1)
                if not value:
                    break

    def to_bytes(self) -> bytes:
        pad = -self.bits % 8
        return (self.value << pad).to_bytes((self.bits + pad) // 8, "big")


class BitReader:
    """Reads fields; ``Damaged`` (given by the caller) is raised when the bits run out or a
    number is impossible."""

    def __init__(self, data: bytes, damaged: Callable[[str], Exception]):
        self.value = int.from_bytes(data, "big")
        self.bits = len(data) * 8
        self.pos = 0
        self.damaged = damaged
        self.order = _Order()

    def _raw(self, width: int) -> int:
        if self.pos + width > self.bits:
            raise self.damaged("the link is cut short")
        self.pos += width
        return self.value >> (self.bits - self.pos) & ((1 << width) - 1)

    def get(self, name: str, left: int = 0) -> int:
        kind, width = self.order.visit(name)
        if kind == "u":
            return self._raw(width)
        if kind == "k":
            value = self._raw(left.bit_length())
            if value > left:
                raise self.damaged("the link has an impossible vote count")
            return value
        value = shift = 0
        for _ in range(MAX_CHUNKS):
            value |= self._raw(width) << shift
            shift += width
            if not self._raw(1):
                return value
        raise self.damaged("the link has a broken number")

    def byte_end(self) -> int:
        """The first whole byte after the fields (the texts start there)."""
        return (self.pos + 7) // 8

    def padding_is_zero(self) -> bool:
        pad = -self.pos % 8
        return self._raw(pad) == 0 if pad else True


def viewer_constants() -> dict:
    """What the viewer page needs to read links exactly as the kiosk does."""
    from .text import _SUSPECT  # the characters plan text may not hold (the kiosk's own rule)

    return {
        "format": FORMAT,
        "epoch_ms": int(EPOCH.timestamp() * 1000),
        "head": [list(field) for field in HEAD],
        "follow_up_offset": FOLLOW_UP_OFFSET,
        "max_chunks": MAX_CHUNKS,
        "language_letters": LANGUAGE_LETTERS,
        "modes": list(MODES),
        "texts": list(TEXTS),
        "action_fields": list(ACTION_FIELDS),
        "addition_tag": ADDITION_TAG,
        "additions": {name: {k: list(v) for k, v in layout.items()} for name, layout in ADDITIONS.items()},
        "level_options": list(LEVEL_OPTIONS),
        "text_limits": dict(TEXT_LIMITS),
        "max_cards": MAX_CARDS,
        "max_actions": MAX_ACTIONS,
        "max_payload_chars": MAX_PAYLOAD_CHARS,
        "max_text_bytes": MAX_TEXT_BYTES,
        "unsafe_text": _SUSPECT.pattern,
        "dictionaries": {lang: dictionary(lang).decode("utf-8") for lang in DICTIONARY_LANGUAGES},
    }
