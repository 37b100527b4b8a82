"""The reader of format-1 plan links (the kiosk's first link format, 2026), kept so every
format-1 QR code ever printed still opens. Nothing writes format 1 any more.

    FORMAT byte 1, then raw deflate (no dictionary) of:
    deck fingerprint (4 bytes, CRC-32 of the deck id and its card ids in file order),
    flags (1 byte: language 2 bits, mode 3 bits, has follow-up, has votes, has level),
    varints: minutes since 2024, follow-up day, card count and card indexes,
    principle mask and counts (marker 0: four bits each, 1: varints), level counts,
    texts with a varint length: team, challenge, follows, action count, action fields.

A card index is the card's position in the deck file when the link was made. The deck's
numbering (``decks/<id>.numbers``) began as exactly that order and only grows at its end,
so a link whose fingerprint matches the first n numbered cards is read with those n cards,
however many cards the deck has gained since.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from .deck import Deck
from .plan import Action, Plan

FORMAT = 1
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
LANGUAGES = ("sv", "en", "nb", "da")
MODES = ("walkup", "workshop", "checkin", "followup")
ACTION_FIELDS = ("what", "how", "when", "who", "competences")
SCALE = 5
LEVEL_COUNTS = 3
MAX_BODY = 64 * 1024
# Dates a format-1 link may carry; anything else is damage (and would overflow datetime).
MAX_MINUTES = int((datetime(2100, 1, 1, tzinfo=UTC) - EPOCH).total_seconds() // 60)
MAX_DAYS = (date(2100, 1, 1) - EPOCH.date()).days

SCHEMA = {
    "format": FORMAT,
    "epoch": EPOCH.isoformat(),
    "languages": LANGUAGES,
    "modes": MODES,
    "flags": ["language:2", "mode:3", "follow_up:1", "votes:1", "level:1"],
    "body": [
        "fingerprint:>I",
        "flags:B",
        "created:varint",
        "follow_up:varint?",
        "cards:varint*",
        "mask:varint?",
        "counts:nibbles|varints",
        "level:nibbles|varints?",
        "team",
        "challenge",
        "follows",
        "actions:varint*",
    ],
    "action_fields": ACTION_FIELDS,
    "scale": SCALE,
    "level_counts": LEVEL_COUNTS,
}
SCHEMA_HASH = hashlib.sha256(json.dumps(SCHEMA, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def fingerprints(deck_id: str, ids: tuple[str, ...]) -> dict[int, int]:
    """Fingerprint of the first n ids -> n, for every n (one running CRC-32)."""
    found: dict[int, int] = {}
    crc = zlib.crc32(deck_id.encode("utf-8"))
    for n, card_id in enumerate(ids, 1):
        crc = zlib.crc32(("\n" + card_id).encode("utf-8"), crc)
        found.setdefault(crc, n)
    return found


class _Reader:
    def __init__(self, data: bytes, damaged: Callable[[str], Exception]):
        self.data = data
        self.pos = 0
        self.damaged = damaged

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise self.damaged("the link is cut short")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def varint(self) -> int:
        shift = value = 0
        while True:
            byte = self.take(1)[0]
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7
            if shift > 35:
                raise self.damaged("the link has a broken number")

    def text(self) -> str:
        try:
            return self.take(self.varint()).decode("utf-8")
        except UnicodeDecodeError:
            raise self.damaged("the link has broken text") from None

    def counts(self, n: int) -> list[int]:
        marker = self.take(1)[0]
        if marker == 0:
            values = []
            for byte in self.take((n + 1) // 2):
                values += [byte >> 4, byte & 0x0F]
            return values[:n]
        if marker == 1:
            return [self.varint() for _ in range(n)]
        raise self.damaged("the link has an unknown vote encoding")


def inflate(data: bytes, damaged: Callable[[str], Exception]) -> bytes:
    try:
        unpacker = zlib.decompressobj(-15)
        body = unpacker.decompress(data, MAX_BODY)
    except zlib.error:
        raise damaged("the link is damaged") from None
    if not unpacker.eof:
        raise damaged("the link is cut short or too large")
    return body


def read(
    body: bytes,
    find_deck: Callable[[int, str], tuple[Deck, tuple[str, ...]] | None],
    damaged: Callable[[str], Exception],
    unknown_deck: Callable[[str], Exception],
) -> Plan:
    """The plan in an inflated format-1 body. ``find_deck(fingerprint, language)`` gives the
    deck and the card ids its indexes meant, or None."""
    r = _Reader(body, damaged)
    fingerprint, flags = struct.unpack(">IB", r.take(5))
    if (flags >> 2 & 7) >= len(MODES):
        raise damaged("the link has an unknown mode")
    language = LANGUAGES[flags & 3]
    found = find_deck(fingerprint, language)
    if found is None:
        raise unknown_deck("the link is for a deck this kiosk does not have (or an older version of it)")
    deck, ids = found
    minutes = r.varint()
    if minutes > MAX_MINUTES:
        raise damaged("the link has an impossible date")
    created = EPOCH + timedelta(minutes=minutes)
    follow_up = None
    if flags & 1 << 5:
        days = r.varint()
        if days > MAX_DAYS:
            raise damaged("the link has an impossible follow-up date")
        follow_up = EPOCH.date() + timedelta(days=days)
    cards = []
    for _ in range(r.varint()):
        i = r.varint()
        if i >= len(ids):
            raise unknown_deck("the link names a card the deck does not have")
        cards.append(ids[i])
        if len(cards) > len(ids):
            raise damaged("the link names too many cards")
    votes: dict[str, list[int]] = {}
    principle_ids = list(deck.model.principle_ids) if deck.model else []
    if flags & 1 << 6:
        mask = r.varint()
        present = [pid for i, pid in enumerate(principle_ids) if mask >> i & 1]
        counts = r.counts(SCALE * len(present))
        votes = {pid: counts[SCALE * k : SCALE * k + SCALE] for k, pid in enumerate(present)}
    if flags & 1 << 7:
        votes["level"] = r.counts(LEVEL_COUNTS)
    team, challenge, follows = r.text(), r.text(), r.text()
    actions = []
    for _ in range(r.varint()):
        actions.append(Action(*(r.text() for _ in ACTION_FIELDS)))
    if r.pos != len(r.data):
        raise damaged("the link has extra data")
    return Plan(
        deck=deck.id,
        language=language,
        mode=MODES[flags >> 2 & 7],
        created=created,
        cards=cards,
        votes=votes,
        actions=actions,
        follow_up=follow_up,
        team=team,
        challenge=challenge,
        follows=follows,
    )
