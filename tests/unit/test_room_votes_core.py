"""Issue 15, the vote round's core: ties on the weakest principle stay ties, a show of
hands is checked against the group, a walk-up hand is for one person, and a deal that had
to leave the time box or group size says which cards do not keep to them."""

from __future__ import annotations

import pytest

from kiosk.core.deck import MethodCard
from kiosk.core.deck_loader import load_deck_strict
from kiosk.core.session import Session, SessionSettings
from kiosk.core.store import Store
from kiosk.core.votes import LEVEL_QUESTION, Question, TooManyHands, VoteRound, weakest
from tests.conftest import ROOT

STEPS = (1, 2, 3, 4, 5)


def tallies(**means: list[int]):
    vr = VoteRound(Question(q, STEPS) for q in means)
    for i in range(max(len(v) for v in means.values())):
        vr.add(vr.ballot({q: v[i] for q, v in means.items()}))
    return vr.tally()


def test_a_tie_at_the_edge_is_kept_whole():
    t = tallies(a=[2], b=[2], c=[4], d=[3], e=[5])
    assert weakest(t, 1) == ["a", "b"]  # both at 2: both are the weakest
    assert weakest(t, 2) == ["a", "b"]
    assert weakest(t, 3) == ["a", "b", "d"]


def test_a_tie_that_would_take_everything_keeps_only_what_is_below_it():
    assert weakest(tallies(a=[3], b=[3], c=[3], d=[3]), 3) == []  # nothing is weaker than the rest
    assert weakest(tallies(a=[1], b=[5], c=[5], d=[5], e=[5]), 3) == ["a"]
    assert weakest(tallies(a=[1], b=[2], c=[3]), 3) == ["a", "b", "c"]  # three of three, as before


def test_weakest_keeps_question_order_among_equals():
    t = tallies(x=[4, 2], y=[1, 5], z=[2, 4], w=[5, 5])
    assert weakest(t, 1) == ["x", "y", "z"]  # all at 3.0


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture(scope="module")
def deck():
    return load_deck_strict(ROOT / "decks" / "innovationslek.sv.toml")


def test_more_hands_than_people_is_refused_and_not_stored(store, deck):
    session = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", secret=False, group_size=5))
    with pytest.raises(TooManyHands) as refused:
        session.add_hands({LEVEL_QUESTION: {"limited": 3, "innovative": 2, "both": 1}})
    assert (refused.value.total, refused.value.group_size) == (6, 5)
    assert session.votes_cast == 0 and store.entries(session.id) == []
    session.add_hands({LEVEL_QUESTION: {"limited": 3, "innovative": 2, "both": 0}})  # five is fine
    assert session.votes_cast == 1 and len(store.entries(session.id)) == 1


def test_a_walkup_hand_holds_no_group_only_card(store, deck):
    ids = deck.require_model().principle_ids
    for seed in range(15):
        session = Session(store=store, deck=deck, settings=SessionSettings(mode="walkup", with_level=False), seed=seed)
        session.cast({p: 1 + (i + seed) % 5 for i, p in enumerate(ids)})
        for card in session.deal():
            assert isinstance(card, MethodCard) and card.fits_people(1), (seed, card.id)


def test_a_deal_outside_the_time_box_names_the_cards_that_break_it(store, deck):
    tight = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", minutes=5, group_size=2))
    hand = tight.deal()
    off = [card for card in tight.off_limits() if isinstance(card, MethodCard)]
    assert off and off == tight.off_limits() and set(off) <= set(hand) and len(hand) == 4
    fitting = [c for c in deck.methods if c.minutes <= 5 and c.fits_people(2)]
    assert fitting and set(fitting) <= set(hand)  # what keeps to the limits is dealt first
    assert all(card.minutes > 5 or not card.fits_people(2) for card in off)
    assert all(
        isinstance(card, MethodCard) and card.minutes <= 5 and card.fits_people(2) for card in hand if card not in off
    )
    loose = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", minutes=45, group_size=8))
    loose.deal()
    assert loose.off_limits() == []
    free = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop"))
    free.deal()
    assert free.off_limits() == []
