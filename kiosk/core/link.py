"""The plan's link: the whole plan in the URL fragment, so it never reaches a server.

    https://viewer.example/#<base43( FORMAT byte + raw-deflate(body) )>

The body is binary and small: the deck's fingerprint (a checksum of its card ids, so a link
made against another card order is refused), language, mode, dates, card indexes into the
deck, the vote counts (packed four bits each when they fit) and the free text. The viewer
page decodes it in the browser with DecompressionStream('deflate-raw').
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Iterable

from . import base43
from .deck import LANGUAGES, Deck
from .plan import MODES, Action, Plan, PlanError
from .votes import LEVEL_OPTIONS, LEVEL_QUESTION

FORMAT = 1
EPOCH = datetime(2024, 1, 1, tzinfo=timezone.utc)
LINK_MODES = ("walkup", "workshop", "checkin", "followup")
assert set(LINK_MODES) == set(MODES)


class LinkError(ValueError):
    """A link that cannot be read; ``key`` names the message for the UI."""

    def __init__(self, message: str, key: str):
        super().__init__(message)
        self.key = key


# -- bytes -----------------------------------------------------------------------------
def _varint(n: int) -> bytes:
    if n < 0:
        raise ValueError("varints are not negative")
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


class _Reader:
    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise LinkError("the link is cut short", "link.damaged")
        chunk = self.data[self.pos:self.pos + n]
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
                raise LinkError("the link has a broken number", "link.damaged")

    def text(self) -> str:
        try:
            return self.take(self.varint()).decode("utf-8")
        except UnicodeDecodeError:
            raise LinkError("the link has broken text", "link.damaged") from None


def _text(value: str) -> bytes:
    raw = value.encode("utf-8")
    return _varint(len(raw)) + raw


def _counts(values: Iterable[int]) -> bytes:
    """Small counts four bits each (marker 0), else varints (marker 1)."""
    values = list(values)
    if all(0 <= v <= 15 for v in values):
        packed = bytearray([0])
        for i in range(0, len(values), 2):
            high = values[i]
            low = values[i + 1] if i + 1 < len(values) else 0
            packed.append(high << 4 | low)
        return bytes(packed)
    return bytes([1]) + b"".join(_varint(v) for v in values)


def _read_counts(reader: _Reader, n: int) -> list[int]:
    marker = reader.take(1)[0]
    if marker == 0:
        values = []
        for byte in reader.take((n + 1) // 2):
            values += [byte >> 4, byte & 0x0F]
        return values[:n]
    if marker == 1:
        return [reader.varint() for _ in range(n)]
    raise LinkError("the link has an unknown vote encoding", "link.damaged")


# -- the codec ---------------------------------------------------------------------------
def encode_payload(plan: Plan, deck: Deck) -> str:
    """The fragment for ``plan`` (made with ``deck``, in any of its languages)."""
    plan.check()
    if plan.deck != deck.id:
        raise PlanError(f"the plan is for deck '{plan.deck}', not '{deck.id}'")
    index = {cid: i for i, cid in enumerate(deck.card_ids)}
    model = deck.model
    principle_ids = list(model.principle_ids) if model else []
    votes = {q: c for q, c in plan.votes.items() if q != LEVEL_QUESTION}
    unknown = set(votes) - set(principle_ids)
    if unknown:
        raise PlanError(f"votes for unknown principles: {', '.join(sorted(unknown))}")
    level = plan.votes.get(LEVEL_QUESTION)
    flags = LANGUAGES.index(plan.language) | LINK_MODES.index(plan.mode) << 2
    flags |= (plan.follow_up is not None) << 5 | bool(votes) << 6 | (level is not None) << 7
    created = plan.created.astimezone(timezone.utc)
    body = bytearray(struct.pack(">IB", deck.fingerprint, flags))
    body += _varint(int((created - EPOCH).total_seconds() // 60))
    if plan.follow_up is not None:
        body += _varint((plan.follow_up - EPOCH.date()).days)
    try:
        body += _varint(len(plan.cards)) + b"".join(_varint(index[c]) for c in plan.cards)
    except KeyError as exc:
        raise PlanError(f"card '{exc.args[0]}' is not in deck '{deck.id}'") from None
    if votes:
        mask = sum(1 << i for i, pid in enumerate(principle_ids) if pid in votes)
        body += _varint(mask)
        body += _counts(c for pid in principle_ids if pid in votes for c in votes[pid])
    if level is not None:
        body += _counts(level)
    body += _text(plan.team) + _text(plan.challenge) + _text(plan.follows)
    body += _varint(len(plan.actions))
    for action in plan.actions:
        body += b"".join(_text(getattr(action, name)) for name in Action.FIELDS)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    return base43.encode(bytes([FORMAT]) + packer.compress(bytes(body)) + packer.flush())


def encode_link(plan: Plan, deck: Deck, base_url: str) -> str:
    return base_url.split("#", 1)[0] + "#" + encode_payload(plan, deck)


@dataclass
class LinkCodec:
    """Decodes links for the decks it knows (one per fingerprint, any language)."""

    decks: list[Deck]

    def deck_for(self, fingerprint: int, language: str) -> Deck | None:
        matches = [d for d in self.decks if d.fingerprint == fingerprint]
        same_language = [d for d in matches if d.language == language]
        return (same_language or matches or [None])[0]

    def decode_payload(self, payload: str) -> Plan:
        payload = payload.strip()
        if not payload:
            raise LinkError("the link has no plan in it", "link.empty")
        try:
            raw = base43.decode(payload.upper())
        except ValueError:
            raise LinkError("the link is damaged (it has characters a plan link never has)", "link.damaged") from None
        if not raw:
            raise LinkError("the link has no plan in it", "link.empty")
        if raw[0] > FORMAT:
            raise LinkError(f"the link was made by a newer kiosk (format {raw[0]})", "link.newer")
        if raw[0] != FORMAT:
            raise LinkError(f"unknown link format {raw[0]}", "link.damaged")
        try:
            unpacker = zlib.decompressobj(-15)
            body = unpacker.decompress(raw[1:], 64 * 1024)
            if not unpacker.eof:
                raise LinkError("the link is cut short", "link.damaged")
        except zlib.error:
            raise LinkError("the link is damaged", "link.damaged") from None
        return self._parse(_Reader(body))

    def decode_link(self, link: str) -> Plan:
        return self.decode_payload(link.split("#", 1)[1] if "#" in link else link)

    def _parse(self, r: _Reader) -> Plan:
        fingerprint, flags = struct.unpack(">IB", r.take(5))
        if (flags & 3) >= len(LANGUAGES) or (flags >> 2 & 7) >= len(LINK_MODES):
            raise LinkError("the link is damaged", "link.damaged")
        language = LANGUAGES[flags & 3]
        deck = self.deck_for(fingerprint, language)
        if deck is None:
            raise LinkError("the link is for a deck this kiosk does not have (or an older version of it)",
                            "link.unknown_deck")
        created = EPOCH + timedelta(minutes=r.varint())
        follow_up = EPOCH.date() + timedelta(days=r.varint()) if flags & 1 << 5 else None
        ids = deck.card_ids
        cards = []
        for _ in range(r.varint()):
            i = r.varint()
            if i >= len(ids):
                raise LinkError("the link names a card the deck does not have", "link.unknown_deck")
            cards.append(ids[i])
        votes: dict[str, list[int]] = {}
        principle_ids = list(deck.model.principle_ids) if deck.model else []
        if flags & 1 << 6:
            mask = r.varint()
            present = [pid for i, pid in enumerate(principle_ids) if mask >> i & 1]
            counts = _read_counts(r, 5 * len(present))
            votes = {pid: counts[5 * k:5 * k + 5] for k, pid in enumerate(present)}
        if flags & 1 << 7:
            votes[LEVEL_QUESTION] = _read_counts(r, len(LEVEL_OPTIONS))
        team, challenge, follows = r.text(), r.text(), r.text()
        actions = [Action(*(r.text() for _ in Action.FIELDS)) for _ in range(r.varint())]
        if r.pos != len(r.data):
            raise LinkError("the link has extra data", "link.damaged")
        plan = Plan(deck=deck.id, language=language, mode=LINK_MODES[flags >> 2 & 7], created=created, cards=cards,
                    votes=votes, actions=actions, follow_up=follow_up, team=team, challenge=challenge, follows=follows)
        try:
            plan.check()
        except PlanError as exc:
            raise LinkError(f"the plan in the link breaks a rule: {exc}", "link.damaged") from None
        return plan


def as_linked(plan: Plan) -> Plan:
    """The plan as a link carries it: the time to the minute, in UTC."""
    created = plan.created.astimezone(timezone.utc).replace(second=0, microsecond=0)
    return Plan(**{**plan.__dict__, "created": created})
