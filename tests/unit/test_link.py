"""The plan link: round trips over generated plans, sizes, stable card numbers, the format-1
fixture, and refusals."""

from __future__ import annotations

import shutil
import tomllib
import zlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core import base43, link_v1
from kiosk.core.deck_loader import load_deck_strict
from kiosk.core.link import LinkCodec, LinkError, as_linked, encode_link, encode_payload
from kiosk.core.linkformat import FORMAT, MAX_PAYLOAD_CHARS, MODES
from kiosk.core.plan import MAX_ACTIONS, TEXT_LIMITS, Action, Plan, PlanError
from kiosk.core.qr import make_qr
from kiosk.core.shelf import Shelf
from tests.conftest import ROOT

DECK = load_deck_strict(ROOT / "decks" / "innovationslek.sv.toml")
CODEC = LinkCodec([DECK])
SHELF_CODEC = LinkCodec(Shelf(ROOT / "decks").all_decks())
FIXTURE = tomllib.loads((ROOT / "tests" / "fixtures" / "links-format1.toml").read_text(encoding="utf-8"))["links"]
NORDIC = "abcåäöæøéüABCÅÄÖÆØ 0123456789.,;:!?-'\"()/&%"


def text(limit: int):
    return st.text(alphabet=NORDIC, max_size=limit).map(str.strip).filter(lambda s: "\n" not in s)


actions = st.builds(
    Action,
    what=text(TEXT_LIMITS["what"]).filter(bool),
    how=text(TEXT_LIMITS["how"]),
    when=text(TEXT_LIMITS["when"]),
    who=text(TEXT_LIMITS["who"]),
    competences=text(TEXT_LIMITS["competences"]),
)
counts5 = st.lists(st.integers(0, 40), min_size=5, max_size=5)


@st.composite
def plans(draw):
    principle_ids = list(DECK.require_model().principle_ids)
    voted = draw(st.lists(st.sampled_from(principle_ids), unique=True))
    votes = {p: draw(counts5) for p in voted}
    if draw(st.booleans()):
        votes["level"] = draw(st.lists(st.integers(0, 300), min_size=3, max_size=3))
    created = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=draw(st.integers(0, 60 * 24 * 3650)))
    follow = draw(st.none() | st.integers(0, 730))
    return Plan(
        deck=DECK.id,
        language=draw(st.sampled_from(["sv", "en", "nb", "da"])),
        mode=draw(st.sampled_from(MODES)),
        created=created,
        cards=draw(st.lists(st.sampled_from(list(DECK.card_ids)), unique=True, max_size=8)),
        votes=votes,
        actions=draw(st.lists(actions, max_size=MAX_ACTIONS)),
        follow_up=None if follow is None else created.date() + timedelta(days=follow),
        team=draw(text(TEXT_LIMITS["team"])),
        challenge=draw(text(TEXT_LIMITS["challenge"])),
        follows=draw(st.sampled_from(["", "K7M2QX"])),
    )


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_round_trip(plan):
    link = encode_link(plan, DECK, "https://viewer.example/")
    assert base43.decode(link.split("#")[1])[0] == FORMAT == 2
    assert CODEC.decode_link(link) == as_linked(plan)


@given(st.binary(max_size=300))
def test_base43_round_trip(data):
    encoded = base43.encode(data)
    assert set(encoded) <= set(base43.ALPHABET)
    assert base43.decode(encoded) == data


def typical_plan() -> Plan:
    return Plan(
        deck=DECK.id,
        language="sv",
        mode="workshop",
        created=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        cards=[c.id for c in DECK.methods[:5]],
        votes={p: [0, 2, 3, 2, 1] for p in DECK.require_model().principle_ids} | {"level": [3, 1, 4]},
        actions=[
            Action(
                what="Testa en enklare blankett för bygglov med fem invånare",
                how="Vi bjuder in invånare till korta intervjuer i receptionen",
                who="Åsa samordnar, Erik och Fatima intervjuar, Lena skriver",
                competences="Klarspråk, tjänstedesign och någon från juridiken",
            )
        ],
        follow_up=date(2027, 1, 15),
        team="Bygglov",
    )


def test_typical_plan_fits_version_10_at_level_m():
    link = encode_link(typical_plan(), DECK, "https://innovationslek.example.org/")
    assert make_qr(link, "M").version <= 10


# -- format 1 ------------------------------------------------------------------------------
@pytest.mark.parametrize("entry", FIXTURE, ids=[e["name"] for e in FIXTURE])
def test_format_1_fixture_opens(entry):
    expected = Plan.from_dict(entry["plan"])
    assert base43.decode(entry["link"].split("#")[1])[0] == 1
    assert SHELF_CODEC.decode_link(entry["link"]) == as_linked(expected)


def test_format_1_schema_reader_is_the_documented_one():
    assert link_v1.FORMAT == 1 and link_v1.ACTION_FIELDS == ("what", "how", "when", "who", "competences")


# -- stable numbers: the deck grows and is corrected, links keep opening ------------------------
def grown_deck(tmp_path: Path, *, numbered: bool = True):
    """The shipped Swedish deck with a new card first in the file and a corrected title."""
    text = (ROOT / "decks" / "innovationslek.sv.toml").read_text(encoding="utf-8")
    first = text.index("[[cards]]")
    second = text.index("[[cards]]", first + 1)
    new_card = text[first:second].replace(f'id = "{DECK.methods[0].id}"', 'id = "ny-metod"', 1)
    text = text[:first] + new_card + text[first:]
    plain = next(c for c in DECK.methods[1:] if '"' not in c.title)
    text = text.replace(f'title = "{plain.title}"', 'title = "Rättad rubrik"', 1)
    (tmp_path / "innovationslek.sv.toml").write_text(text, encoding="utf-8")
    if numbered:
        numbers = (ROOT / "decks" / "innovationslek.numbers").read_text(encoding="utf-8")
        (tmp_path / "innovationslek.numbers").write_text(numbers + "ny-metod\n", encoding="utf-8")
    deck = load_deck_strict(tmp_path / "innovationslek.sv.toml")
    assert deck.card_ids[0] == "ny-metod" and deck.method(plain.id).title == "Rättad rubrik"
    return deck


def test_links_open_after_the_deck_gains_cards_and_corrections(tmp_path):
    plan = typical_plan()
    old_link = encode_link(plan, DECK, "https://viewer.example/")
    grown = grown_deck(tmp_path)
    assert LinkCodec([grown]).decode_link(old_link) == as_linked(plan)
    # and a link made with the grown deck names the new card
    plan.cards = ["ny-metod", *plan.cards[:2]]
    assert LinkCodec([grown]).decode_link(encode_link(plan, grown, "https://v/")).cards == plan.cards


def test_format_1_links_open_after_the_deck_gains_cards(tmp_path):
    codec = LinkCodec([grown_deck(tmp_path)])
    entries = [e for e in FIXTURE if e["plan"]["deck"] == "innovationslek"]
    assert len(entries) > 20
    for entry in entries:
        assert codec.decode_link(entry["link"]) == as_linked(Plan.from_dict(entry["plan"]))


def test_a_deck_without_numbers_refuses_links_made_before_it_changed(tmp_path):
    shutil.copy(ROOT / "decks" / "innovationslek.sv.toml", tmp_path / "innovationslek.sv.toml")
    unnumbered = load_deck_strict(tmp_path / "innovationslek.sv.toml")
    link = encode_link(typical_plan(), unnumbered, "https://v/")
    assert LinkCodec([unnumbered]).decode_link(link) == as_linked(typical_plan())
    changed = tmp_path / "changed"
    changed.mkdir()
    with pytest.raises(LinkError) as info:
        LinkCodec([grown_deck(changed, numbered=False)]).decode_link(link)
    assert info.value.key == "link.unknown_deck"


# -- refusals ----------------------------------------------------------------------------------
def test_refusals():
    good = encode_payload(typical_plan(), DECK)
    raw = bytearray(base43.decode(good))
    cases = {
        "cut": good[:-12],
        "bad character": good[:20] + "%" + good[21:],
        "junk after the text": base43.encode(bytes(raw) + b"\x00\x01"),
        "too long": "0" * (MAX_PAYLOAD_CHARS + 3),
    }
    for name, payload in cases.items():
        with pytest.raises(LinkError) as info:
            CODEC.decode_payload(payload)
        assert info.value.key == "link.damaged", name
    newer = bytearray(raw)
    newer[0] = FORMAT + 1
    with pytest.raises(LinkError) as info:
        CODEC.decode_payload(base43.encode(bytes(newer)))
    assert info.value.key == "link.newer"
    newer_mode = bytearray(raw)
    newer_mode[2] |= 0x3C  # the mode's four bits (after ten of language): 15, a mode from the future
    with pytest.raises(LinkError) as info:
        CODEC.decode_payload(base43.encode(bytes(newer_mode)))
    assert info.value.key == "link.newer"
    with pytest.raises(LinkError) as info:
        LinkCodec([]).decode_payload(good)
    assert info.value.key == "link.unknown_deck"
    other_deck = bytearray(raw)
    other_deck[3] ^= 0xFF  # inside the 16-bit deck key
    with pytest.raises(LinkError) as info:
        CODEC.decode_payload(base43.encode(bytes(other_deck)))
    assert info.value.key == "link.unknown_deck"
    for junk in ("", "#", "AB", "0" * 30):
        with pytest.raises(LinkError):
            CODEC.decode_link(junk)


def test_format_1_dates_far_out_are_refused_not_overflowing():
    # From the reliability trial: created = 2**40 minutes, a 34-character link.
    with pytest.raises(LinkError) as info:
        SHELF_CODEC.decode_link("http://k/#.90PCCLEO/+T6C08T1000")
    assert info.value.key == "link.damaged"
    body = bytearray(zlib.decompress(bytes(base43.decode(FIXTURE[0]["link"].split("#")[1])[1:]), -15))
    for varint in (b"\xff\xff\xff\xff\x7f", b"\x80\x80\x80\x80\x40"):
        crafted = bytes(body[:5]) + varint + bytes(body[9:])  # the created minutes
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        payload = base43.encode(b"\x01" + packer.compress(crafted) + packer.flush())
        with pytest.raises(LinkError):
            SHELF_CODEC.decode_payload(payload)


def test_unknown_card_or_deck_is_refused_when_encoding():
    plan = typical_plan()
    plan.cards = ["finns-inte"]
    with pytest.raises(PlanError):
        encode_payload(plan, DECK)
    plan = typical_plan()
    plan.deck = "annan"
    with pytest.raises(PlanError):
        encode_payload(plan, DECK)
    plan = typical_plan()
    plan.created = datetime(2023, 12, 31, tzinfo=UTC)
    with pytest.raises(PlanError):
        encode_payload(plan, DECK)


def test_text_the_kiosk_refuses_is_refused_in_a_link():
    """A crafted link with a bidi override or an over-long field is refused, not shown."""
    from kiosk.core.linkformat import dictionary

    for team in ("faktura\u202egpj.exe", "x" * (TEXT_LIMITS["team"] + 1)):
        good = base43.decode(encode_payload(typical_plan(), DECK))
        plan = typical_plan()
        texts = [team, plan.challenge, plan.follows] + [getattr(a, f) for a in plan.actions for f in Action.FIELDS]
        head_end = len(good) - len(_texts_part(good))
        packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, dictionary("sv"))
        crafted = good[:head_end] + packer.compress("\n".join(texts).encode()) + packer.flush()
        with pytest.raises(LinkError) as info:
            CODEC.decode_payload(base43.encode(crafted))
        assert info.value.key == "link.damaged"


def _texts_part(raw: bytes) -> bytes:
    """The deflated texts at the end of a format-2 link (found by inflating from each offset)."""
    from kiosk.core.linkformat import dictionary

    for start in range(1, len(raw)):
        try:
            unpacker = zlib.decompressobj(-15, dictionary("sv"))
            unpacker.decompress(raw[start:])
        except zlib.error:
            continue
        if unpacker.eof and not unpacker.unused_data:
            return raw[start:]
    raise AssertionError("no text part")


def test_a_plan_the_format_cannot_carry_is_a_plan_error():
    plan = typical_plan()
    plan.votes = {p: [0, 0, 1 << 33, 0, 0] for p in DECK.require_model().principle_ids}
    with pytest.raises(PlanError, match="does not fit"):
        encode_payload(plan, DECK)
    plan = typical_plan()
    plan.language = "sv-FI"
    with pytest.raises(PlanError):
        encode_payload(plan, DECK)
