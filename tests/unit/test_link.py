"""The plan link: round trips over generated plans, sizes, and refusals."""

from __future__ import annotations

import zlib
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core import base43
from kiosk.core.deck_loader import load_deck_strict
from kiosk.core.link import FORMAT, LinkCodec, LinkError, as_linked, encode_link, encode_payload
from kiosk.core.plan import MAX_ACTIONS, TEXT_LIMITS, Action, Plan, PlanError
from kiosk.core.qr import make_qr
from tests.conftest import ROOT

DECK = load_deck_strict(ROOT / "decks" / "innovationslek.sv.toml")
CODEC = LinkCodec([DECK])
NORDIC = "abcåäöæøéüABCÅÄÖÆØ 0123456789.,;:!?-'\"()/&%"


def text(limit: int):
    return st.text(alphabet=NORDIC, max_size=limit).map(str.strip).filter(lambda s: "\n" not in s)


actions = st.builds(
    Action,
    what=text(TEXT_LIMITS["what"]).filter(bool),
    how=text(TEXT_LIMITS["how"]), when=text(TEXT_LIMITS["when"]),
    who=text(TEXT_LIMITS["who"]), competences=text(TEXT_LIMITS["competences"]),
)
counts5 = st.lists(st.integers(0, 40), min_size=5, max_size=5)


@st.composite
def plans(draw):
    principle_ids = list(DECK.model.principle_ids)
    voted = draw(st.lists(st.sampled_from(principle_ids), unique=True))
    votes = {p: draw(counts5) for p in voted}
    if draw(st.booleans()):
        votes["level"] = draw(st.lists(st.integers(0, 300), min_size=3, max_size=3))
    created = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=draw(st.integers(0, 60 * 24 * 3650)))
    follow = draw(st.none() | st.integers(0, 730))
    return Plan(
        deck=DECK.id, language=draw(st.sampled_from(["sv", "en", "nb", "da"])),
        mode=draw(st.sampled_from(["walkup", "workshop", "checkin", "followup"])), created=created,
        cards=draw(st.lists(st.sampled_from(list(DECK.card_ids)), unique=True, max_size=8)),
        votes=votes, actions=draw(st.lists(actions, max_size=MAX_ACTIONS)),
        follow_up=None if follow is None else created.date() + timedelta(days=follow),
        team=draw(text(TEXT_LIMITS["team"])), challenge=draw(text(TEXT_LIMITS["challenge"])),
        follows=draw(st.sampled_from(["", "K7M2QX"])),
    )


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_round_trip(plan):
    link = encode_link(plan, DECK, "https://viewer.example/")
    assert CODEC.decode_link(link) == as_linked(plan)


@given(st.binary(max_size=300))
def test_base43_round_trip(data):
    encoded = base43.encode(data)
    assert set(encoded) <= set(base43.ALPHABET)
    assert base43.decode(encoded) == data


def typical_plan() -> Plan:
    return Plan(
        deck=DECK.id, language="sv", mode="workshop", created=datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc),
        cards=[c.id for c in DECK.methods[:5]],
        votes={p: [0, 2, 3, 2, 1] for p in DECK.model.principle_ids} | {"level": [3, 1, 4]},
        actions=[Action(what="Testa en enklare blankett för bygglov med fem invånare",
                        how="Vi bjuder in invånare till korta intervjuer i receptionen",
                        who="Åsa samordnar, Erik och Fatima intervjuar, Lena skriver",
                        competences="Klarspråk, tjänstedesign och någon från juridiken")],
        follow_up=date(2027, 1, 15), team="Bygglov",
    )


def test_typical_plan_fits_version_10():
    link = encode_link(typical_plan(), DECK, "https://innovationslek.example.org/")
    assert make_qr(link, "L").version <= 10


def test_refusals():
    good = encode_payload(typical_plan(), DECK)
    with pytest.raises(LinkError) as info:
        CODEC.decode_payload(good[:-12])
    assert info.value.key == "link.damaged"
    with pytest.raises(LinkError) as info:
        CODEC.decode_payload(good[:20] + "%" + good[21:])
    assert info.value.key == "link.damaged"
    raw = bytearray(base43.decode(good))
    raw[0] = FORMAT + 1
    with pytest.raises(LinkError) as info:
        CODEC.decode_payload(base43.encode(bytes(raw)))
    assert info.value.key == "link.newer"
    with pytest.raises(LinkError) as info:
        LinkCodec([]).decode_payload(good)
    assert info.value.key == "link.unknown_deck"
    body = bytearray(zlib.decompress(bytes(raw[1:]), -15))
    body[0] ^= 0xFF  # another deck fingerprint (or the same deck with its cards changed)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    changed = bytes([FORMAT]) + packer.compress(bytes(body)) + packer.flush()
    with pytest.raises(LinkError) as info:
        CODEC.decode_payload(base43.encode(changed))
    assert info.value.key == "link.unknown_deck"
    for junk in ("", "#", "AB", "0" * 30):
        with pytest.raises(LinkError):
            CODEC.decode_link(junk)


def test_unknown_card_or_deck_is_refused_when_encoding():
    plan = typical_plan()
    plan.cards = ["finns-inte"]
    with pytest.raises(PlanError):
        encode_payload(plan, DECK)
    plan = typical_plan()
    plan.deck = "annan"
    with pytest.raises(PlanError):
        encode_payload(plan, DECK)
