"""The shipped decks: complete in every language, with the counts and coverage the room
needs, and every card readable on an 80x24 card view."""

from __future__ import annotations

from collections import Counter

import pytest

from kiosk.core.deck import LIMITS, AUDIENCES
from kiosk.core.deck_loader import load_decks
from kiosk.core.text import is_emoji
from tests.conftest import ROOT

DECKS_DIR = ROOT / "decks"
EXPECTED = {
    "innovationslek": ("sv", "en", "nb", "da"),
    "kultur-for-innovasjon": ("nb", "en"),
    "utmaningar": ("sv", "en"),
    "ledelse-af-innovation": ("da", "en"),
}
WALKUP_MINUTES = 15


def shipped():
    decks, problems = load_decks(sorted(DECKS_DIR.glob("*.toml")))
    assert problems == []
    return {(d.id, d.language): d for d in decks}


DECKS = shipped()


def test_every_deck_in_its_languages():
    assert set(DECKS) == {(deck_id, lang) for deck_id, langs in EXPECTED.items() for lang in langs}


@pytest.mark.parametrize("deck_id", list(EXPECTED))
def test_languages_share_ids_and_numbers(deck_id):
    first, *others = (DECKS[deck_id, lang] for lang in EXPECTED[deck_id])
    for second in others:
        assert_same_ids_and_numbers(first, second)


def assert_same_ids_and_numbers(first, second):
    assert first.card_ids == second.card_ids
    for a, b in zip(first.cards, second.cards):
        if a.kind == "method":
            assert (a.phase, a.minutes, a.group_min, a.group_max, a.principles, [s.minutes for s in a.steps]) == (
                b.phase, b.minutes, b.group_min, b.group_max, b.principles, [s.minutes for s in b.steps])
        elif a.kind == "reflection":
            assert (a.audience, a.practice, a.principles) == (b.audience, b.practice, b.principles)
        else:
            assert (a.cards, a.horizon_months) == (b.cards, b.horizon_months)
    if first.model:
        assert first.model.principle_ids == second.model.principle_ids
        assert [p.id for p in first.model.practices] == [p.id for p in second.model.practices]
        assert [len(lv.statements) for lv in first.model.levels] == [len(lv.statements) for lv in second.model.levels]


@pytest.mark.parametrize("lang", EXPECTED["innovationslek"])
def test_method_cards_cover_principles_phases_and_short_exercises(lang):
    deck = DECKS["innovationslek", lang]
    assert len(deck.methods) >= 45
    per_principle = Counter(p for card in deck.methods for p in card.principles)
    assert {pid: per_principle[pid] >= 4 for pid in deck.model.principle_ids} == dict.fromkeys(
        deck.model.principle_ids, True)
    per_phase = Counter(card.phase for card in deck.methods)
    assert set(per_phase) == {p.id for p in deck.phases} and min(per_phase.values()) >= 4
    assert sum(card.minutes <= WALKUP_MINUTES for card in deck.methods) >= 6
    assert all(p.description for p in deck.model.principles)
    assert [len(level.statements) >= 6 for level in deck.model.levels] == [True, True]


def test_kultur_for_innovasjon_has_its_core_practices_and_reflections():
    deck = DECKS["kultur-for-innovasjon", "nb"]
    assert len(deck.model.principles) == 3  # the core: curiosity, courage, openness
    assert len(deck.model.practices) == 4
    assert len(deck.reflections) >= 12
    for practice in deck.model.practices:
        audiences = {c.audience for c in deck.reflections if c.practice == practice.id}
        assert audiences == set(AUDIENCES), practice.id


def test_challenges_suggest_cards_that_exist():
    for lang in ("sv", "en"):
        deck = DECKS["utmaningar", lang]
        assert deck.uses == "innovationslek" and len(deck.challenges) >= 8
        methods = set(DECKS["innovationslek", lang].card_ids)
        for challenge in deck.challenges:
            assert set(challenge.cards) <= methods, challenge.id
    for lang, opening in (("sv", "Hur kan "), ("en", "How might ")):
        titles = [c.title for c in DECKS["utmaningar", lang].challenges]
        assert all(t.startswith(opening) and t.endswith("?") for t in titles), titles


def test_ledelse_af_innovation_speaks_to_leaders():
    deck = DECKS["ledelse-af-innovation", "da"]
    assert len(deck.reflections) >= 8
    assert sum(c.audience == "leaders" for c in deck.reflections) >= 6


def all_texts(deck):
    yield deck.title
    yield deck.description
    for card in deck.cards:
        for value in vars(card).values():
            if isinstance(value, str):
                yield value
        for step in getattr(card, "steps", ()):
            yield step.text


@pytest.mark.parametrize("key", sorted(DECKS), ids=lambda k: f"{k[0]}.{k[1]}")
def test_provenance_licence_and_no_emoji(key):
    deck = DECKS[key]
    assert deck.provenance and deck.licence
    assert not any(is_emoji(ch) for text in all_texts(deck) for ch in text)


@pytest.mark.parametrize("lang", EXPECTED["innovationslek"])
def test_card_essentials_fit_the_limits(lang):
    for card in DECKS["innovationslek", lang].methods:
        assert len(card.title) <= LIMITS.title and len(card.purpose) <= LIMITS.purpose
        assert len(card.steps) <= LIMITS.steps and sum(s.minutes for s in card.steps) == card.minutes
