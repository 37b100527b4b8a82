"""``innovationslek print``: the deck as an A4 sheet, printed to PDF by real headless
Chromium and read back page by page."""

from __future__ import annotations

import dataclasses
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kiosk.core.card_list import card_number
from kiosk.core.deck import ReflectionCard
from kiosk.core.i18n import t
from kiosk.core.printsheet import CARDS_PER_SIDE, sheet_html
from kiosk.core.shelf import Shelf
from tests.conftest import ROOT
from tests.e2e.chromium import FLAGS, chromium, dump_dom

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.e2e
SHELF = Shelf()
A4_POINTS = (595.3, 841.9)


def print_to_pdf(html_file: Path, pdf_file: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                chromium(),
                *FLAGS,
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf_file}",
                html_file.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0 and pdf_file.is_file(), result.stderr[-2000:]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", SHELF.languages("innovationslek"))
def test_printed_deck_has_every_card_front_and_back_on_a4(tmp_path, lang):
    out = tmp_path / f"deck.{lang}.html"
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "print", "--deck", "innovationslek", "--lang", lang, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    deck = SHELF.get("innovationslek", lang)
    assert deck.cards == deck.methods  # the method deck: every card has a title and steps
    pdf = tmp_path / "deck.pdf"
    print_to_pdf(out, pdf)
    pages = pypdf.PdfReader(pdf).pages
    sheets = math.ceil(len(deck.cards) / CARDS_PER_SIDE)
    assert len(pages) == 2 * sheets
    for page in pages:
        assert [round(float(v), 1) for v in page.mediabox[2:]] == pytest.approx(A4_POINTS, abs=1)
    for sheet in range(sheets):
        cards = deck.methods[sheet * CARDS_PER_SIDE : (sheet + 1) * CARDS_PER_SIDE]
        front, back = flat(pages[2 * sheet].extract_text()), flat(pages[2 * sheet + 1].extract_text())
        for card in cards:
            assert flat(card.title) in front, (sheet, card.id)
            assert flat(card.title) in back, (sheet, card.id)
            assert f"· {t(lang, 'deck2.number', n=card_number(card, deck))} ·" in back, (sheet, card.id)
            assert card.steps[-1].text.split()[0] in front
        # Flipped on the long edge, the backs of a row are mirrored: card 2 comes first.
        if len(cards) >= 2:
            assert back.index(flat(cards[1].title)) < back.index(flat(cards[0].title))


def test_reflection_and_challenge_decks_print_one_side(tmp_path):
    for deck_id, lang in (("kultur-for-innovasjon", "nb"), ("utmaningar", "sv")):
        deck = SHELF.get(deck_id, lang)
        used = SHELF.get(deck.uses, lang) if deck.uses else None
        page = tmp_path / f"{deck_id}.html"
        page.write_text(sheet_html(deck, used), encoding="utf-8")
        pdf = tmp_path / f"{deck_id}.pdf"
        print_to_pdf(page, pdf)
        pages = pypdf.PdfReader(pdf).pages
        assert len(pages) == math.ceil(len(deck.cards) / CARDS_PER_SIDE), deck_id
        first = flat(pages[0].extract_text())
        for card in deck.cards[:CARDS_PER_SIDE]:
            text = card.question if isinstance(card, ReflectionCard) else card.title
            assert flat(text)[:40] in first, (deck_id, card.id)
        if used is not None:  # a challenge names its suggested cards by title
            assert flat(used.method(deck.challenges[0].cards[0]).title) in first
        assert overflowing(sheet_html(deck, used), tmp_path) == []


def overflowing(html: str, tmp_path: Path) -> list[str]:
    page = tmp_path / "sheet.html"
    page.write_text(html, encoding="utf-8")
    dom = dump_dom(page.as_uri())
    return re.findall(r'class="card (?:front|back) overflow" data-id="([^"]+)"', dom)


@pytest.mark.parametrize("lang", SHELF.languages("innovationslek"))
def test_no_card_text_is_cut_off(tmp_path, lang):
    assert overflowing(sheet_html(SHELF.get("innovationslek", lang)), tmp_path) == []


def test_a_card_too_long_for_its_box_is_marked(tmp_path):
    deck = SHELF.get("innovationslek", "sv")
    long = dataclasses.replace(deck.methods[0], purpose="Mycket lång text. " * 120)
    deck = dataclasses.replace(deck, methods=(long, *deck.methods[1:]))
    assert overflowing(sheet_html(deck), tmp_path) == [long.id]


def test_deck_text_is_escaped_not_read_as_html():
    deck = SHELF.get("innovationslek", "sv")
    odd = dataclasses.replace(deck.methods[0], title="<b>fet</b> & <script>x()</script>")
    html = sheet_html(dataclasses.replace(deck, methods=(odd, *deck.methods[1:])))
    assert "&lt;b&gt;fet&lt;/b&gt; &amp; &lt;script&gt;x()&lt;/script&gt;" in html
    assert "<script>x()" not in html


def test_unwritable_out_is_one_line(tmp_path):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "print", "--out", str(tmp_path / "a-file" / "x.html")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "cannot write" in result.stderr and "Traceback" not in result.stderr
