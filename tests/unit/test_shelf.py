"""Which language file of a deck a session gets: its own, else a Scandinavian neighbour,
else English."""

from __future__ import annotations

import shutil

import pytest

from kiosk.core.shelf import Shelf
from tests.conftest import ROOT

DECKS_DIR = ROOT / "decks"


@pytest.mark.parametrize("language", ["sv", "en", "nb", "da"])
def test_the_method_deck_comes_in_the_sessions_language(language):
    deck = Shelf().get("innovationslek", language)
    assert deck.language == language and deck.path.endswith(f"innovationslek.{language}.toml")


@pytest.mark.parametrize(
    ("deck_id", "language", "expected"),
    [
        ("kultur-for-innovasjon", "sv", "nb"),  # Norwegian before English for a Swede
        ("kultur-for-innovasjon", "da", "nb"),
        ("kultur-for-innovasjon", "en", "en"),
        ("ledelse-af-innovation", "nb", "da"),  # Danish before English for a Norwegian
        ("ledelse-af-innovation", "sv", "da"),
        ("utmaningar", "nb", "sv"),
        ("utmaningar", "da", "sv"),
    ],
)
def test_a_missing_language_falls_back_to_a_neighbour(deck_id, language, expected):
    assert Shelf().get(deck_id, language).language == expected


def test_norwegian_prefers_danish_to_swedish(tmp_path):
    for lang in ("sv", "da", "en"):
        shutil.copy(DECKS_DIR / f"innovationslek.{lang}.toml", tmp_path)
    shelf = Shelf(tmp_path)
    assert [shelf.get("innovationslek", lang).language for lang in ("nb", "da", "sv", "en")] == ["da", "da", "sv", "en"]


def test_english_falls_back_to_swedish_then_any(tmp_path):
    shutil.copy(DECKS_DIR / "innovationslek.da.toml", tmp_path)
    assert Shelf(tmp_path).get("innovationslek", "en").language == "da"
    shutil.copy(DECKS_DIR / "innovationslek.sv.toml", tmp_path)
    assert Shelf(tmp_path).get("innovationslek", "en").language == "sv"
    with pytest.raises(KeyError):
        Shelf(tmp_path).get("no-such-deck", "en")
