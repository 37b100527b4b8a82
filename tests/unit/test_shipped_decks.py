"""The shipped decks: complete in every language, with the counts and coverage the room
needs, and every card readable on an 80x24 card view."""

from __future__ import annotations

from collections import Counter

import pytest

from kiosk.core.deck import AUDIENCES, LIMITS
from kiosk.core.deck_loader import load_decks
from kiosk.core.deck_rules import check_deck_rules
from kiosk.core.text import is_emoji
from tests.conftest import ROOT

DECKS_DIR = ROOT / "decks"
EXPECTED = {  # the languages each deck must have; more language files may be present
    "innovationslek": ("sv", "en", "nb", "da"),
    "kultur-for-innovasjon": ("nb", "en"),
    "utmaningar": ("sv", "en"),
    "ledelse-af-innovation": ("da", "en"),
}
WALKUP_MINUTES = 15
MIN_METHOD_CARDS = 55
MIN_CARDS_PER_PRINCIPLE = 8
MIN_CARDS_PER_PHASE = 5
ROOMS = (12, 20, 30)  # participants in a workshop
BOX_MINUTES = 60
MIN_DEALABLE_SHARE = 0.8


def shipped():
    decks, problems = load_decks(sorted(DECKS_DIR.glob("*.toml")))
    assert problems == []
    assert check_deck_rules(decks) == []  # idea card per challenge; no unreachable method card
    return {(d.id, d.language): d for d in decks}


DECKS = shipped()


def languages(deck_id: str) -> list[str]:
    """Every language file present for the deck, the expected ones first."""
    present = sorted(lang for (did, lang) in DECKS if did == deck_id)
    return [*EXPECTED[deck_id], *(lang for lang in present if lang not in EXPECTED[deck_id])]


def test_every_deck_in_its_languages():
    assert {d for d, _ in DECKS} == set(EXPECTED)
    for deck_id, langs in EXPECTED.items():
        assert set(langs) <= set(languages(deck_id)), deck_id


@pytest.mark.parametrize("deck_id,lang", [(d, lang) for d in EXPECTED for lang in languages(d)[1:]])
def test_languages_share_ids_and_numbers(deck_id, lang):
    first, second = DECKS[deck_id, EXPECTED[deck_id][0]], DECKS[deck_id, lang]
    assert first.card_ids == second.card_ids
    assert [(p.id, p.role) for p in first.phases] == [(p.id, p.role) for p in second.phases]
    for a, b in zip(first.cards, second.cards, strict=True):
        if a.kind == "method":
            assert (
                a.phase,
                a.minutes,
                a.group_min,
                a.group_max,
                a.parallel,
                a.place,
                a.principles,
                [s.minutes for s in a.steps],
                bool(a.prepare),
            ) == (
                b.phase,
                b.minutes,
                b.group_min,
                b.group_max,
                b.parallel,
                b.place,
                b.principles,
                [s.minutes for s in b.steps],
                bool(b.prepare),
            ), a.id
        elif a.kind == "reflection":
            assert (a.audience, a.practice, a.principles) == (b.audience, b.practice, b.principles)
        else:
            assert (a.cards, a.horizon_months) == (b.cards, b.horizon_months)
    if first.model:
        assert first.model.principle_ids == second.model.principle_ids
        assert [p.id for p in first.model.practices] == [p.id for p in second.model.practices]
        assert [len(lv.statements) for lv in first.model.levels] == [len(lv.statements) for lv in second.model.levels]


@pytest.mark.parametrize("lang", languages("innovationslek"))
def test_method_cards_cover_principles_phases_and_short_exercises(lang):
    deck = DECKS["innovationslek", lang]
    assert len(deck.methods) >= MIN_METHOD_CARDS
    per_principle = Counter(p for card in deck.methods for p in card.principles)
    assert {
        pid: per_principle[pid] for pid in deck.model.principle_ids if per_principle[pid] < MIN_CARDS_PER_PRINCIPLE
    } == {}
    per_phase = Counter(card.phase for card in deck.methods)
    assert set(per_phase) == {p.id for p in deck.phases}
    assert {phase: n for phase, n in per_phase.items() if n < MIN_CARDS_PER_PHASE} == {}
    assert {p.role for p in deck.phases} >= {"opening", "ideas", "closing"}
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


def test_rooms_of_12_20_and_30_can_be_dealt_most_method_cards():
    """The table a facilitator would want: how many method cards fit a 60-minute box."""
    deck = DECKS["innovationslek", "sv"]
    total = len(deck.methods)
    print(f"\nmethod cards that fit a {BOX_MINUTES}-minute box ({total} cards)")
    print("participants  fitting  share  one group only  per group")
    shares = {}
    for people in ROOMS:
        fitting = [c for c in deck.methods if c.fits(minutes=BOX_MINUTES, group=people)]
        shares[people] = len(fitting) / total
        print(
            f"{people:>12}  {len(fitting):>7}  {shares[people]:>5.0%}  "
            f"{sum(not c.parallel for c in fitting):>14}  {sum(c.parallel for c in fitting):>9}"
        )
    assert {p: s for p, s in shares.items() if s < MIN_DEALABLE_SHARE} == {}


@pytest.mark.parametrize("lang", languages("innovationslek"))
def test_every_method_card_has_the_practical_fields(lang):
    for card in DECKS["innovationslek", lang].methods:
        assert card.question and card.outcome and card.tip and card.source, card.id
        assert "?" in card.question, card.id  # it is a question to put to the group


def test_scale_is_a_degree_and_level_names_stay_for_the_level_question():
    sv, en = DECKS["innovationslek", "sv"].model, DECKS["innovationslek", "en"].model
    assert sv.scale == ("Saknas", "Svag", "På väg", "Stark", "Genomsyrar oss")
    assert en.scale == ("Absent", "Weak", "Developing", "Strong", "Embedded")
    for model in (sv, en):
        level_words = {w.lower() for level in model.levels for w in level.name.split()}
        assert not level_words & {label.lower() for label in model.scale}


def test_provenance_says_whose_deck_it_is_not():
    sv, en = DECKS["innovationslek", "sv"], DECKS["innovationslek", "en"]
    assert sv.title != "Innovationslek" and en.title != "Innovationslek"
    assert "inte Kiruna kommuns kortlek" in sv.provenance and "not Kiruna" in en.provenance
    nb, da = DECKS["innovationslek", "nb"], DECKS["innovationslek", "da"]
    assert "ikke Kiruna kommunes kortstokk" in nb.provenance and "vår oversettelse" in nb.provenance
    assert "ikke Kiruna Kommunes kortspil" in da.provenance and "vores oversættelse" in da.provenance
    assert "DFØ" in DECKS["kultur-for-innovasjon", "nb"].provenance
    assert "Meld. St. 30" in DECKS["kultur-for-innovasjon", "nb"].provenance
    assert "CO-PI" in DECKS["ledelse-af-innovation", "da"].provenance
    assert "vores egen sammenfatning" in DECKS["ledelse-af-innovation", "da"].provenance


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


@pytest.mark.parametrize("lang", languages("innovationslek"))
def test_card_essentials_fit_the_limits(lang):
    for card in DECKS["innovationslek", lang].methods:
        assert len(card.title) <= LIMITS.title and len(card.purpose) <= LIMITS.purpose
        assert len(card.steps) <= LIMITS.steps and sum(s.minutes for s in card.steps) == card.minutes
