from __future__ import annotations

from collections import Counter

from kiosk.core.dealer import Dealer, DealFilter
from kiosk.core.deck import Card, MethodCard, Step


def card(
    cid: str,
    principles: tuple[str, ...],
    minutes: int = 10,
    group: tuple[int, int] = (1, 10),
    phase: str = "ide",
    place: str = "room",
) -> MethodCard:
    return MethodCard(
        id=cid,
        title=cid,
        phase=phase,
        purpose="p",
        minutes=minutes,
        group_min=group[0],
        group_max=group[1],
        principles=principles,
        steps=(Step("s", minutes),),
        place=place,
    )


CARDS = [card(f"a{i}", ("a",)) for i in range(10)] + [card(f"b{i}", ("b",)) for i in range(10)]


def test_same_seed_same_deal():
    one = [c.id for c in Dealer(CARDS, seed=7).deal(5)]
    two = [c.id for c in Dealer(CARDS, seed=7).deal(5)]
    other = [c.id for c in Dealer(CARDS, seed=8).deal(5)]
    assert one == two
    assert one != other


def first_principle(dealt: Card) -> str:
    assert isinstance(dealt, MethodCard)
    return dealt.principles[0]


def test_weighting_shifts_the_deal_measurably():
    counts: Counter[str] = Counter()
    for seed in range(300):
        dealer = Dealer(CARDS, seed=seed, weights={"a": 1.5, "b": 0.2})
        counts.update(first_principle(c) for c in dealer.deal(3))
    # Unweighted this would be about half and half; weighted, "a" cards should dominate.
    assert counts["a"] > 3 * counts["b"], counts
    unweighted: Counter[str] = Counter()
    for seed in range(300):
        unweighted.update(first_principle(c) for c in Dealer(CARDS, seed=seed).deal(3))
    assert 0.35 < unweighted["a"] / 900 < 0.65, unweighted


def test_filters():
    cards = [
        card("long", ("a",), minutes=60),
        card("pair", ("a",), group=(2, 2)),
        card("field", ("a",), place="field"),
        card("plan", ("b",), phase="plan"),
        card("ok", ("a",)),
    ]
    dealer = Dealer(cards, seed=1)
    assert {c.id for c in dealer.candidates(DealFilter(max_minutes=15))} == {"pair", "field", "plan", "ok"}
    assert {c.id for c in dealer.candidates(DealFilter(group_size=5))} == {"long", "field", "plan", "ok"}
    assert {c.id for c in dealer.candidates(DealFilter(places=("room",)))} == {"long", "pair", "plan", "ok"}
    assert {c.id for c in dealer.candidates(DealFilter(principles=("b",)))} == {"plan"}
    assert dealer.candidates(DealFilter(kinds=("challenge",))) == []


def test_no_card_twice_until_the_deck_runs_out():
    dealer = Dealer(CARDS, seed=3)
    seen = []
    for _ in range(4):  # 4 x 5 = all 20 cards
        seen += [c.id for c in dealer.deal(5)]
    assert len(seen) == len(set(seen)) == 20
    fifth = dealer.deal(5)  # the deck has run out: a new pass starts, still no duplicates in a hand
    assert len({c.id for c in fifth}) == 5


def test_redeal_one_slot():
    dealer = Dealer(CARDS, seed=5)
    hand = dealer.deal(3)
    keep = [hand[0].id, hand[2].id]
    new = dealer.redeal(1)
    assert new is not None and new.id not in {c.id for c in hand}
    assert [dealer.hand[0].id, dealer.hand[2].id] == keep
    assert dealer.hand[1].id == new.id


def test_redeal_when_nothing_else_fits_keeps_the_card():
    dealer = Dealer(CARDS[:2], seed=1)
    hand = dealer.deal(2)
    assert dealer.redeal(0) is None
    assert dealer.hand == hand


def test_small_pool_gives_a_short_hand():
    assert len(Dealer(CARDS, seed=1).deal(5, DealFilter(max_minutes=1))) == 0
    assert len(Dealer(CARDS[:2], seed=1).deal(5)) == 2


def test_group_size_is_per_working_group_when_groups_run_in_parallel():
    troika = MethodCard(
        id="troika",
        title="t",
        phase="lara",
        purpose="p",
        minutes=30,
        group_min=3,
        group_max=4,
        principles=("a",),
        steps=(Step("s", 30),),
        parallel=True,
    )
    # 3..4 per group: any room of 3 or more splits into such groups, except 5 (3+2 or 4+1).
    assert [n for n in range(1, 31) if troika.fits_people(n)] == [3, 4] + list(range(6, 31))
    pairs = MethodCard(
        id="pairs",
        title="p",
        phase="start",
        purpose="p",
        minutes=10,
        group_min=2,
        group_max=2,
        principles=("a",),
        steps=(Step("s", 10),),
        parallel=True,
    )
    assert [n for n in range(1, 9) if pairs.fits_people(n)] == [2, 4, 6, 8]  # odd rooms leave one out
    room = MethodCard(
        id="room",
        title="r",
        phase="lara",
        purpose="p",
        minutes=10,
        group_min=4,
        group_max=12,
        principles=("a",),
        steps=(Step("s", 10),),
        parallel=False,
    )
    assert [n for n in (3, 4, 12, 13) if room.fits_people(n)] == [4, 12]  # one group: the whole room
    dealer = Dealer([troika, pairs, room], seed=1)
    assert {c.id for c in dealer.candidates(DealFilter(group_size=20))} == {"troika", "pairs"}
    assert {c.id for c in dealer.candidates(DealFilter(group_size=5))} == {"room"}
