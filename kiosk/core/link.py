"""The plan's link: the whole plan in the URL fragment, so it never reaches a server.

    https://viewer.example/#<base43( format byte + body )>

Links are written in format 2 (:mod:`kiosk.core.linkformat` holds its layout) and read in
format 2 or 1 (:mod:`kiosk.core.link_v1`). A format-2 link names its deck by a checksum of
the deck id and its cards by their numbers in the deck's numbering
(:mod:`kiosk.core.numbering`), so it keeps opening while the deck grows and is corrected.
Every refusal is a :class:`LinkError`; nothing else leaves the decoder.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from pathlib import Path

from . import base43, link_v1
from .deck import Deck
from .linkformat import (
    ACTION_FIELDS,
    ADDITION_TAG,
    ADDITIONS,
    EPOCH,
    FOLLOW_UP_OFFSET,
    FORMAT,
    MAX_PAYLOAD_CHARS,
    MAX_TEXT_BYTES,
    MODES,
    TEXTS,
    BitReader,
    BitWriter,
    dictionary,
    language_code,
    language_of,
)
from .numbering import CardNumbers, load_numbers
from .plan import Action, Plan, PlanError, Reviewed
from .votes import LEVEL_OPTIONS, LEVEL_QUESTION

MAX_MINUTES = (1 << 25) - 1


class LinkError(ValueError):
    """A link that cannot be read; ``key`` names the message for the UI."""

    def __init__(self, message: str, key: str):
        super().__init__(message)
        self.key = key


def _damaged(message: str) -> LinkError:
    return LinkError(message, "link.damaged")


def _unknown_deck(message: str) -> LinkError:
    return LinkError(message, "link.unknown_deck")


def numbers_of(deck: Deck) -> CardNumbers | None:
    """The deck's card numbering (beside its file), or None for a deck without one."""
    return load_numbers(deck.id, Path(deck.path).parent) if deck.path else None


def card_ids_by_number(deck: Deck, numbers: CardNumbers | None) -> tuple[str, ...]:
    """Number -> card id; a deck without numbering is numbered in file order."""
    return numbers.ids if numbers is not None else deck.card_ids


def deck_key(deck: Deck, numbers: CardNumbers | None) -> int:
    """16 bits naming the deck in a link. With a numbering, the id alone (cards may be added);
    without one, the id and the card order, so a changed deck refuses old links."""
    text = deck.id if numbers is not None else "\n".join((deck.id, *deck.card_ids))
    return zlib.crc32(text.encode("utf-8")) & 0xFFFF


# -- writing ------------------------------------------------------------------------------
def encode_payload(plan: Plan, deck: Deck) -> str:
    """The fragment for ``plan`` (made with ``deck``, in any of its languages). Raises
    PlanError for a plan the format cannot carry."""
    try:
        return _encode(plan, deck)
    except PlanError:
        raise
    except ValueError as exc:  # a value too wide for its field
        raise PlanError(f"the plan does not fit the link format: {exc}") from None


def _encode(plan: Plan, deck: Deck) -> str:
    plan.check()
    if plan.deck != deck.id:
        raise PlanError(f"the plan is for deck '{plan.deck}', not '{deck.id}'")
    numbers = numbers_of(deck)
    ids = card_ids_by_number(deck, numbers)
    w = BitWriter()
    w.put("language", language_code(plan.language))
    if plan.mode not in MODES:
        raise PlanError(f"mode '{plan.mode}' has no place in the link format")
    w.put("mode", MODES.index(plan.mode))
    w.put("deck", deck_key(deck, numbers))
    created = plan.created.astimezone(UTC)
    minutes = int((created - EPOCH).total_seconds() // 60)
    if not 0 <= minutes <= MAX_MINUTES:
        raise PlanError("the plan's time is outside what a link can carry (2024 to 2087)")
    w.put("created", minutes)
    w.put("has_follow_up", plan.follow_up is not None)
    if plan.follow_up is not None:
        offset = (plan.follow_up - created.date()).days + FOLLOW_UP_OFFSET
        if not 0 <= offset < 2 * FOLLOW_UP_OFFSET:
            raise PlanError("the follow-up date is too far from the plan's date for a link")
        w.put("follow_up", offset)
    w.put("card_count", len(plan.cards))
    for card_id in plan.cards:
        if card_id not in ids:
            raise PlanError(f"card '{card_id}' is not in deck '{deck.id}'")
        w.put("card", ids.index(card_id))
    _put_votes(w, plan, deck)
    w.put("action_count", len(plan.actions))
    texts = [getattr(plan, name) for name in TEXTS]
    texts += [getattr(action, name) for action in plan.actions for name in ACTION_FIELDS]
    texts += _review_texts(plan)
    zdict = dictionary(plan.language)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, *([zdict] if zdict else []))
    packed = packer.compress("\n".join(texts).encode("utf-8")) + packer.flush()
    return base43.encode(bytes([FORMAT]) + w.to_bytes() + packed)


def _review_texts(plan: Plan) -> list[str]:
    """The addition "review" (see ADDITIONS): nothing at all for a plan without one."""
    if not plan.review:
        return []
    layout = ADDITIONS["review"]
    texts = [f"{ADDITION_TAG}review {len(plan.review)}"]
    for item in plan.review:
        if item.status not in layout["status"]:
            raise PlanError(f"review status '{item.status}' has no place in the link format")
        texts += [item.status, item.what]
    return texts


def _put_votes(w: BitWriter, plan: Plan, deck: Deck) -> None:
    model = deck.model
    principle_ids = list(model.principle_ids) if model else []
    votes = {q: c for q, c in plan.votes.items() if q != LEVEL_QUESTION}
    unknown = set(votes) - set(principle_ids)
    if unknown:
        raise PlanError(f"votes for unknown principles: {', '.join(sorted(unknown))}")
    if not votes or model is None:  # without a model, any vote was unknown above
        w.put("principle_count", 0)
    else:
        scale = len(model.scale)
        if any(len(counts) != scale for counts in votes.values()):
            raise PlanError(f"votes on a principle must be {scale} counts (the model's scale)")
        w.put("principle_count", len(principle_ids))
        w.put("scale", scale)
        voted = [pid for pid in principle_ids if pid in votes]
        for pid in principle_ids:
            w.put("voted", pid in votes)
        totals = [sum(votes[pid]) for pid in voted]
        same = len(set(totals)) == 1
        w.put("same_total", same)
        if same:
            w.put("total", totals[0])
        for pid, total in zip(voted, totals, strict=True):
            if not same:
                w.put("total", total)
            _put_counts(w, "count", votes[pid], total)
    level = plan.votes.get(LEVEL_QUESTION)
    w.put("has_level", level is not None)
    if level is not None:
        w.put("level_total", sum(level))
        _put_counts(w, "level_count", level, sum(level))


def _put_counts(w: BitWriter, name: str, counts: list[int], total: int) -> None:
    left = total
    for count in counts[:-1]:
        w.put(name, count, left)
        left -= count


def encode_link(plan: Plan, deck: Deck, base_url: str) -> str:
    return base_url.split("#", 1)[0] + "#" + encode_payload(plan, deck)


# -- reading ------------------------------------------------------------------------------
# A deck and its card ids in number order; decks by key (or by format-1 fingerprint).
DeckIds = tuple[Deck, tuple[str, ...]]
DeckIndex = dict[int, list[DeckIds]]


@dataclass
class LinkCodec:
    """Decodes links for the decks it knows (any language of each)."""

    decks: list[Deck]
    _by_key: DeckIndex | None = field(default=None, repr=False)
    _by_fingerprint: DeckIndex | None = field(default=None, repr=False)

    def _indexes(self) -> tuple[DeckIndex, DeckIndex]:
        """The decks by key and by format-1 fingerprint, built on first use."""
        if self._by_key is None or self._by_fingerprint is None:
            by_key: DeckIndex = {}
            by_fingerprint: DeckIndex = {}
            for deck in self.decks:
                numbers = numbers_of(deck)
                ids = card_ids_by_number(deck, numbers)
                by_key.setdefault(deck_key(deck, numbers), []).append((deck, ids))
                # Format 1 named the deck by its card order at the time: the first n numbered cards.
                for fingerprint, n in link_v1.fingerprints(deck.id, ids).items():
                    by_fingerprint.setdefault(fingerprint, []).append((deck, ids[:n]))
            self._by_key, self._by_fingerprint = by_key, by_fingerprint
        return self._by_key, self._by_fingerprint

    @staticmethod
    def _pick(found: list[DeckIds] | None, language: str) -> DeckIds | None:
        if not found:
            return None
        same_language = [entry for entry in found if entry[0].language == language]
        return (same_language or found)[0]

    def deck_for(self, key: int, language: str) -> DeckIds | None:
        return self._pick(self._indexes()[0].get(key), language)

    def deck_for_fingerprint(self, fingerprint: int, language: str) -> DeckIds | None:
        return self._pick(self._indexes()[1].get(fingerprint), language)

    def decode_link(self, link: str) -> Plan:
        return self.decode_payload(link.split("#", 1)[1] if "#" in link else link)

    def decode_payload(self, payload: str) -> Plan:
        payload = payload.strip()
        if not payload:
            raise LinkError("the link has no plan in it", "link.empty")
        if len(payload) > MAX_PAYLOAD_CHARS:
            raise _damaged("the link is longer than any plan link")
        try:
            raw = base43.decode(payload.upper())
        except ValueError:
            raise _damaged("the link is damaged (it has characters a plan link never has)") from None
        if not raw:
            raise LinkError("the link has no plan in it", "link.empty")
        if raw[0] > FORMAT:
            raise LinkError(f"the link was made by a newer kiosk (format {raw[0]})", "link.newer")
        if raw[0] == FORMAT:
            plan = self._read(raw[1:])
        elif raw[0] == link_v1.FORMAT:
            plan = link_v1.read(link_v1.inflate(raw[1:], _damaged), self.deck_for_fingerprint, _damaged, _unknown_deck)
        else:
            raise _damaged(f"unknown link format {raw[0]}")
        try:
            plan.check()
        except PlanError as exc:
            raise _damaged(f"the plan in the link breaks a rule: {exc}") from None
        return plan

    def _read(self, data: bytes) -> Plan:
        r = BitReader(data, _damaged)
        language = language_of(r.get("language"))
        if language is None:
            raise _damaged("the link has an impossible language")
        mode = r.get("mode")
        if mode >= len(MODES):
            raise LinkError("the link was made by a newer kiosk (a mode this one lacks)", "link.newer")
        found = self.deck_for(r.get("deck"), language)
        if found is None:
            raise _unknown_deck("the link is for a deck this kiosk does not have")
        deck, ids = found
        created = EPOCH + timedelta(minutes=r.get("created"))
        follow_up = None
        if r.get("has_follow_up"):
            follow_up = created.date() + timedelta(days=r.get("follow_up") - FOLLOW_UP_OFFSET)
        cards = []
        card_count = r.get("card_count")
        if card_count > len(ids):
            raise _damaged("the link names more cards than the deck has")
        for _ in range(card_count):
            number = r.get("card")
            if number >= len(ids):
                raise _unknown_deck("the link names a card the deck does not have (a newer deck?)")
            cards.append(ids[number])
        votes = self._read_votes(r, deck)
        action_count = r.get("action_count")
        if not r.padding_is_zero():
            raise _damaged("the link is damaged")
        texts = self._texts(data[r.byte_end() :], language)
        end = len(TEXTS) + len(ACTION_FIELDS) * action_count
        if len(texts) < end:
            raise _damaged("the link's texts do not match its actions")
        review = _read_additions(texts[end:])
        plain = dict(zip(TEXTS, texts[: len(TEXTS)], strict=True))
        rest = texts[len(TEXTS) : end]
        actions = [
            Action(**dict(zip(ACTION_FIELDS, rest[i : i + len(ACTION_FIELDS)], strict=True)))
            for i in range(0, len(rest), len(ACTION_FIELDS))
        ]
        return Plan(
            deck=deck.id,
            language=language,
            mode=MODES[mode],
            created=created,
            cards=cards,
            votes=votes,
            actions=actions,
            follow_up=follow_up,
            review=review,
            **plain,
        )

    @staticmethod
    def _read_votes(r: BitReader, deck: Deck) -> dict[str, list[int]]:
        votes: dict[str, list[int]] = {}
        principle_count = r.get("principle_count")
        if principle_count:
            principle_ids = list(deck.model.principle_ids) if deck.model else []
            if principle_count > len(principle_ids):
                raise _unknown_deck("the link has votes on principles this deck's model lacks")
            scale = r.get("scale")
            if scale < 2:
                raise _damaged("the link has an impossible scale")
            voted = [pid for pid in principle_ids[:principle_count] if r.get("voted")]
            if voted:
                same = r.get("same_total")
                total = r.get("total") if same else 0
                for pid in voted:
                    if not same:
                        total = r.get("total")
                    votes[pid] = _read_counts(r, "count", scale, total)
        if r.get("has_level"):
            votes[LEVEL_QUESTION] = _read_counts(r, "level_count", len(LEVEL_OPTIONS), r.get("level_total"))
        return votes

    @staticmethod
    def _texts(data: bytes, language: str) -> list[str]:
        zdict = dictionary(language)
        try:
            unpacker = zlib.decompressobj(-15, *([zdict] if zdict else []))
            raw = unpacker.decompress(data, MAX_TEXT_BYTES)
        except zlib.error:
            raise _damaged("the link's text is damaged") from None
        if not unpacker.eof or unpacker.unused_data or unpacker.unconsumed_tail:
            raise _damaged("the link's text is cut short, too long or followed by junk")
        try:
            return raw.decode("utf-8").split("\n")
        except UnicodeDecodeError:
            raise _damaged("the link has broken text") from None


def _read_additions(texts: list[str]) -> list[Reviewed]:
    """The additions after the actions (see ADDITIONS); today only "review", at most once.
    A block this kiosk does not know was written by a newer one."""
    review: list[Reviewed] | None = None
    at = 0
    while at < len(texts):
        tag, _, count = texts[at].partition(" ")
        name = tag[len(ADDITION_TAG) :]
        if not tag.startswith(ADDITION_TAG) or not count.isdigit() or count != str(int(count)):
            raise _damaged("the link has texts after its actions that are no addition")
        if name not in ADDITIONS:
            raise LinkError(f"the link was made by a newer kiosk (addition '{name}')", "link.newer")
        if review is not None:
            raise _damaged("the link has the review twice")
        fields = ADDITIONS[name]["fields"]
        n = int(count)
        if n == 0:
            raise _damaged("the link has an empty addition")
        items = texts[at + 1 : at + 1 + n * len(fields)]
        if len(items) != n * len(fields):
            raise _damaged("the link's review is cut short")
        review = []
        for i in range(0, len(items), len(fields)):
            status, what = items[i : i + len(fields)]
            if status not in ADDITIONS[name]["status"]:
                raise _damaged("the link's review has an unknown status")
            review.append(Reviewed(what=what, status=status))
        at += 1 + len(items)
    return review or []


def _read_counts(r: BitReader, name: str, size: int, total: int) -> list[int]:
    counts, left = [], total
    for _ in range(size - 1):
        count = r.get(name, left)
        counts.append(count)
        left -= count
    return counts + [left]


def as_linked(plan: Plan) -> Plan:
    """The plan as a link carries it: the time to the minute, in UTC."""
    created = plan.created.astimezone(UTC).replace(second=0, microsecond=0)
    return Plan(**{**plan.__dict__, "created": created})
