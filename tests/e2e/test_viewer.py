"""The viewer page in real headless Chromium, and the kiosk's viewer server on loopback."""

from __future__ import annotations

import html
import tomllib
import zlib
from datetime import UTC, date, datetime

import pytest

from kiosk.core import base43
from kiosk.core.link import encode_link
from kiosk.core.linkformat import MAX_PAYLOAD_CHARS, dictionary
from kiosk.core.plan import Action, Plan
from kiosk.core.shelf import Shelf
from kiosk.web.viewer import viewer_html
from tests.conftest import ROOT
from tests.e2e.chromium import dump_dom

pytestmark = pytest.mark.e2e
SHELF = Shelf()
DECK = SHELF.get("innovationslek", "sv")


def plan(**changes) -> Plan:
    p = Plan(
        deck=DECK.id,
        language="sv",
        mode="workshop",
        created=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        cards=[DECK.methods[3].id, DECK.methods[7].id],
        votes={p: [1, 2, 0, 3, 1] for p in DECK.require_model().principle_ids},
        actions=[Action(what="Testa blanketten med fem invånare", who="Åsa och Øystein", when="vecka 50")],
        follow_up=date(2027, 1, 15),
        team="Bygglov Kiruna",
    )
    for key, value in changes.items():
        setattr(p, key, value)
    return p


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("viewer") / "index.html"
    path.write_text(viewer_html(SHELF), encoding="utf-8")
    return path


def test_plan_shows_in_chromium(page_file):
    dom = dump_dom(encode_link(plan(), DECK, page_file.as_uri()))
    assert "Vår handlingsplan" in dom
    assert "Testa blanketten med fem invånare" in dom
    assert "Åsa och Øystein" in dom and "Bygglov Kiruna" in dom
    assert html.escape(DECK.methods[3].title) in dom
    assert "2027-01-15" in dom and 'id="ics"' in dom
    assert DECK.require_model().principles[0].name in dom


def test_english_labels(page_file):
    dom = dump_dom(encode_link(plan(language="en"), DECK, page_file.as_uri()))
    assert "Our action plan" in dom and "Add the follow-up to your calendar" in dom


def test_hostile_text_stays_text(page_file):
    hostile = '<img src=x onerror="document.title=1"><script>alert(1)</script>'
    dom = dump_dom(encode_link(plan(team=hostile[:60], actions=[Action(what=hostile[:120])]), DECK, page_file.as_uri()))
    assert "&lt;img src=x" in dom and "&lt;script&gt;" in dom
    assert "<img src=" not in dom and "<script>alert" not in dom


def test_format_2_link_is_what_the_kiosk_writes(page_file):
    link = encode_link(plan(), DECK, page_file.as_uri())
    assert base43.decode(link.split("#")[1])[0] == 2


@pytest.mark.parametrize(
    "deck_id,language", [("kultur-for-innovasjon", "nb"), ("ledelse-af-innovation", "da"), ("innovationslek", "en")]
)
def test_format_2_in_every_dictionary_language(page_file, deck_id, language):
    deck = SHELF.get(deck_id, language)
    p = Plan(
        deck=deck.id,
        language=language,
        mode="checkin",
        created=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        cards=list(deck.card_ids[-2:]),
        votes={pid: [0, 1, 2, 3, 4] for pid in deck.require_model().principle_ids},
        actions=[Action(what="Vi tester skjemaet med fem innbyggere på mandag", who="Søren og Åse")],
        follow_up=date(2027, 2, 1),
        team="Team Ærø",
        challenge="Hvordan kan vi korte ned ventetiden?",
    )
    dom = dump_dom(encode_link(p, deck, page_file.as_uri()))
    assert 'class="error"' not in dom
    for text in (
        p.actions[0].what,
        "Søren og Åse",
        "Team Ærø",
        p.challenge,
        "2027-02-01",
        html.escape(_full_title(deck, p.cards[-1]), quote=False),
        deck.require_model().principles[-1].name,
    ):
        assert text in dom, text


FIXTURE = tomllib.loads((ROOT / "tests" / "fixtures" / "links-format1.toml").read_text(encoding="utf-8"))["links"]


@pytest.mark.parametrize("index", [0, 9, 30, 47, 70, 96])
def test_format_1_links_open(page_file, index):
    """Real format-1 links (made before format 2) open in the viewer with their plan."""
    entry = FIXTURE[index]
    expected = Plan.from_dict(entry["plan"])
    dom = dump_dom(page_file.as_uri() + "#" + entry["link"].split("#")[1])
    assert 'class="error"' not in dom, entry["name"]
    deck = SHELF.get(expected.deck, expected.language)
    for value in [expected.team, *(a.what for a in expected.actions), *(_full_title(deck, c) for c in expected.cards)]:
        assert html.escape(value, quote=False) in dom, (entry["name"], value)
    if expected.follow_up:
        assert expected.follow_up.isoformat() in dom


def _full_title(deck, card_id: str) -> str:
    card = deck.card(card_id)
    return getattr(card, "title", "") or card.question


def _crafted_format2(team: str) -> str:
    """A format-2 link whose team text breaks the kiosk's rules (the head of a real link)."""
    good = base43.decode(encode_link(plan(team="X", actions=[]), DECK, "https://v/").split("#")[1])
    for start in range(1, len(good)):
        unpacker = zlib.decompressobj(-15, dictionary("sv"))
        try:
            if unpacker.decompress(good[start:]) == b"X\n\n" and unpacker.eof and not unpacker.unused_data:
                break
        except zlib.error:
            continue
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, dictionary("sv"))
    return base43.encode(good[:start] + packer.compress(f"{team}\n\n".encode()) + packer.flush())


@pytest.mark.parametrize("team", ["faktura\u202egpj.exe", "x" * 61, "Tab\there"])
def test_what_the_kiosk_refuses_the_viewer_refuses(page_file, team):
    dom = dump_dom(page_file.as_uri() + "#" + _crafted_format2(team))
    assert 'class="error"' in dom and "gpj.exe" not in dom and "x" * 61 not in dom


def test_bomb_and_huge_links_are_refused(page_file):
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = bomb.compress(b"\x00" * (2 << 20)) + bomb.flush()  # 2 MiB from about 2 KB
    payload = base43.encode(b"\x01" + body)
    assert len(payload) <= MAX_PAYLOAD_CHARS
    for fragment in (payload, "0" * (MAX_PAYLOAD_CHARS + 3)):
        dom = dump_dom(page_file.as_uri() + "#" + fragment)
        assert 'class="error"' in dom


def probe(page_file, tmp_path, script: str) -> str:
    """Run ``script`` in the viewer page (instead of reading a link) and return the page
    title it sets: a look at one function of the page in the real browser."""
    page = page_file.read_text(encoding="utf-8").replace("\nmain();\n", "\n" + script + "\n", 1)
    path = tmp_path / "probe.html"
    path.write_text(page, encoding="utf-8")
    dom = dump_dom(path.as_uri())
    return html.unescape(dom.split("<title>")[1].split("</title>")[0])


def test_ics_escapes_a_lone_carriage_return(page_file, tmp_path):
    title = probe(
        page_file,
        tmp_path,
        """
document.title = JSON.stringify(icsText({ followUp: new Date(Date.UTC(2027, 0, 15)), team: "A\\rB",
  actions: [{ what: "x\\ry" }, { what: "z\\r\\nw" }] }, { "plan.follow_up": "F", "plan.title": "T" }));""",
    )
    assert "SUMMARY:F: A\\\\nB" in title  # JSON-escaped backslash + n
    assert "x\\\\ny" in title and "z\\\\nw" in title
    assert "\\r" not in title.replace("\\r\\n", "")


def test_inflate_stops_at_its_cap(page_file, tmp_path):
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = bomb.compress(b"\x00" * (64 << 20)) + bomb.flush()  # 64 MiB
    title = probe(
        page_file,
        tmp_path,
        f"""
const bomb = Uint8Array.from(atob("{__import__("base64").b64encode(body).decode()}"), (c) => c.charCodeAt(0));
inflate(bomb, new Uint8Array(0), 65536).then((out) => {{ document.title = "opened " + out.length; }},
  (e) => {{ document.title = "refused " + e.key; }});""",
    )
    assert title == "refused damaged"


def test_damaged_link_is_a_clear_message(page_file):
    good = encode_link(plan(), DECK, page_file.as_uri())
    dom = dump_dom(good[:-15])
    assert "Länken är skadad" in dom or "The link is damaged" in dom
