"""A fifth language (Finnish here), added in a test with a temporary locale and deck: its
plan links round-trip in every mode, and the other languages' links stay what they were.
(Format 1 packed the language into two bits, so fi/walkup came back as sv/workshop.)"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime

import pytest

from kiosk.core import deck as deck_module
from kiosk.core import deck_loader, i18n
from kiosk.core import shelf as shelf_module
from kiosk.core.i18n import labels
from kiosk.core.link import LinkCodec, as_linked, encode_link
from kiosk.core.linkformat import MODES
from kiosk.core.plan import Action, Plan
from kiosk.core.plan_text import plan_text
from kiosk.core.shelf import Shelf
from tests.conftest import ROOT

LANGUAGES = (*deck_module.LANGUAGES, "fi")


@pytest.fixture
def finnish(tmp_path, monkeypatch):
    for module in (deck_module, deck_loader, shelf_module):
        monkeypatch.setattr(module, "LANGUAGES", LANGUAGES)
    decks = tmp_path / "decks"
    decks.mkdir()
    for name in ("innovationslek.sv.toml", "innovationslek.en.toml", "innovationslek.numbers"):
        shutil.copy(ROOT / "decks" / name, decks / name)
    text = (ROOT / "decks" / "innovationslek.en.toml").read_text(encoding="utf-8")
    text = text.replace('language = "en"', 'language = "fi"', 1).replace('title = "', 'title = "FI ', 1)
    (decks / "innovationslek.fi.toml").write_text(text, encoding="utf-8")
    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES_DIR, locales)
    english = (locales / "en.toml").read_text(encoding="utf-8")
    (locales / "fi.toml").write_text(
        english.replace('title = "Our action plan"', 'title = "Toimintasuunnitelmamme"').replace(
            'who = "Who"', 'who = "Kuka"'
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALES_DIR", locales)
    i18n.catalogue.cache_clear()
    yield Shelf(decks)
    i18n.catalogue.cache_clear()


def plan_in(language: str, mode: str, deck) -> Plan:
    principles = deck.model.principle_ids
    return Plan(
        deck=deck.id,
        language=language,
        mode=mode,
        created=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        cards=list(deck.card_ids[3:6]),
        votes={p: [1, 0, 4, 2, 1] for p in principles} | {"level": [2, 5, 1]},
        actions=[Action(what="Kokeillaan lomaketta viiden asukkaan kanssa", who="Päivi ja Öystein", when="Viikko 50")],
        follow_up=date(2027, 1, 15),
        team="Rakennusvalvonta",
        challenge="Miten voisimme lyhentää jonoa?",
        follows="K7M2QX" if mode == "followup" else "",
    )


def test_every_mode_round_trips_in_a_fifth_language(finnish):
    fi_deck = finnish.get("innovationslek", "fi")
    assert fi_deck.language == "fi" and fi_deck.title.startswith("FI ")
    codec = LinkCodec(finnish.all_decks())
    for mode in MODES:
        for language in LANGUAGES:
            deck = finnish.get("innovationslek", language)
            plan = plan_in(language, mode, deck)
            decoded = codec.decode_link(encode_link(plan, deck, "https://viewer.example/"))
            assert decoded == as_linked(plan), (language, mode)
    shown = plan_text(
        codec.decode_link(encode_link(plan_in("fi", "walkup", fi_deck), fi_deck, "https://v/")), fi_deck, labels("fi")
    )
    assert shown.startswith("Toimintasuunnitelmamme\n") and "Kuka: Päivi ja Öystein" in shown
    assert fi_deck.card(fi_deck.card_ids[3]).title in shown
