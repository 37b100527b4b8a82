"""The viewer page in real headless Chromium, and the kiosk's viewer server on loopback."""

from __future__ import annotations

import html
import urllib.error
import urllib.request
from datetime import date, datetime, timezone

import pytest

from kiosk.core.link import encode_link
from kiosk.core.plan import Action, Plan
from kiosk.core.shelf import Shelf
from kiosk.web.server import ViewerServer, ViewerServerError
from kiosk.web.viewer import viewer_html
from tests.e2e.chromium import dump_dom

pytestmark = pytest.mark.e2e
SHELF = Shelf()
DECK = SHELF.get("innovationslek", "sv")


def plan(**changes) -> Plan:
    p = Plan(deck=DECK.id, language="sv", mode="workshop", created=datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc),
             cards=[DECK.methods[3].id, DECK.methods[7].id],
             votes={p: [1, 2, 0, 3, 1] for p in DECK.model.principle_ids},
             actions=[Action(what="Testa blanketten med fem invånare", who="Åsa och Øystein", when="vecka 50")],
             follow_up=date(2027, 1, 15), team="Bygglov Kiruna")
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
    assert DECK.model.principles[0].name in dom


def test_english_labels(page_file):
    dom = dump_dom(encode_link(plan(language="en"), DECK, page_file.as_uri()))
    assert "Our action plan" in dom and "Add the follow-up to your calendar" in dom


def test_hostile_text_stays_text(page_file):
    hostile = '<img src=x onerror="document.title=1"><script>alert(1)</script>'
    dom = dump_dom(encode_link(plan(team=hostile[:60], actions=[Action(what=hostile[:120])]), DECK, page_file.as_uri()))
    assert "&lt;img src=x" in dom and "&lt;script&gt;" in dom
    assert "<img src=" not in dom and "<script>alert" not in dom


def test_damaged_link_is_a_clear_message(page_file):
    good = encode_link(plan(), DECK, page_file.as_uri())
    dom = dump_dom(good[:-15])
    assert "Länken är skadad" in dom or "The link is damaged" in dom


def test_server_serves_only_the_page():
    server = ViewerServer(viewer_html(SHELF), host="127.0.0.1", port=0).start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        with urllib.request.urlopen(base + "/") as response:
            assert response.status == 200 and b"DecompressionStream" in response.read()
        for path in ("/etc/passwd", "/../README.md", "/viewer.html", "/favicon.ico"):
            with pytest.raises(urllib.error.HTTPError) as info:
                urllib.request.urlopen(base + path)
            assert info.value.code == 404
        assert server.url() == f"http://127.0.0.1:{server.port}/"
        dom = dump_dom(encode_link(plan(), DECK, server.url()))
        assert "Testa blanketten med fem invånare" in dom
    finally:
        server.stop()


def test_busy_port_is_a_clear_error():
    first = ViewerServer("x", host="127.0.0.1", port=0).start()
    try:
        with pytest.raises(ViewerServerError, match="busy"):
            ViewerServer("x", host="127.0.0.1", port=first.port).start()
    finally:
        first.stop()
