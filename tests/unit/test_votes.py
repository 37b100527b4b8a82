from __future__ import annotations

import math

import pytest

from kiosk.core.votes import (
    LEVEL_QUESTION,
    Option,
    Question,
    Tally,
    VoteError,
    VoteRound,
    most_divided,
    principle_weights,
    weakest,
)

SCALE = (1, 2, 3, 4, 5)


def round_of(*ids: str) -> VoteRound:
    return VoteRound(
        [Question(LEVEL_QUESTION, ("limited", "innovative", "both"), ordinal=False)] + [Question(i, SCALE) for i in ids]
    )


def cast(vr: VoteRound, answers: dict) -> None:
    vr.add(vr.ballot(answers))


def test_tally_statistics():
    vr = round_of("a", "b")
    for a, b, level in [(1, 3, "limited"), (2, 3, "both"), (2, 3, "both"), (5, 3, "innovative")]:
        cast(vr, {LEVEL_QUESTION: level, "a": a, "b": b})
    tallies = vr.tally()
    tally_a = tallies["a"]
    assert tally_a.counts == {1: 1, 2: 2, 3: 0, 4: 0, 5: 1}
    assert tally_a.n == 4
    assert tally_a.mean == pytest.approx(2.5)
    assert tally_a.median == pytest.approx(2.0)
    assert tally_a.spread == pytest.approx(math.sqrt(((1 - 2.5) ** 2 + 2 * (2 - 2.5) ** 2 + (5 - 2.5) ** 2) / 4))
    assert tallies["b"].spread == 0
    level_tally = tallies[LEVEL_QUESTION]
    assert level_tally.counts == {"limited": 1, "innovative": 1, "both": 2}
    assert level_tally.mean is None and level_tally.spread is None


def test_median_odd_and_empty():
    q = Question("a", SCALE)
    assert Tally.from_counts(q, {1: 1, 4: 2}).median == 4
    empty = Tally.from_counts(q, {})
    assert empty.n == 0 and empty.mean is None


def test_undo_takes_back_the_last_ballot_only():
    vr = round_of("a")
    cast(vr, {LEVEL_QUESTION: "both", "a": 1})
    cast(vr, {LEVEL_QUESTION: "both", "a": 5})
    undone = vr.undo()
    assert undone is not None and undone.answers["a"] == 5
    assert len(vr.entries) == 1
    assert vr.tally()["a"].counts[5] == 0
    assert vr.undo() is not None
    assert vr.undo() is None


def test_show_of_hands_counts_add_up_and_undo():
    vr = round_of("a")
    vr.add(vr.hands({"a": {1: 3, 4: 2}, LEVEL_QUESTION: {"both": 5}}))
    cast(vr, {LEVEL_QUESTION: "limited", "a": 4})
    assert vr.tally()["a"].counts == {1: 3, 2: 0, 3: 0, 4: 3, 5: 0}
    vr.undo()
    vr.undo()
    assert vr.tally()["a"].n == 0


@pytest.mark.parametrize(
    "ballot",
    [
        {LEVEL_QUESTION: "both"},  # unanswered
        {LEVEL_QUESTION: "both", "a": 6},  # off the scale
        {LEVEL_QUESTION: "maybe", "a": 3},
        {LEVEL_QUESTION: "both", "a": 3, "zzz": 1},
    ],
)
def test_bad_ballots_are_refused_and_change_nothing(ballot):
    vr = round_of("a")
    with pytest.raises(VoteError):
        cast(vr, ballot)
    assert vr.entries == []


def test_bad_hands_are_refused():
    vr = round_of("a")
    bad: list[dict[str, dict[Option, int]]] = [{"a": {1: -1}}, {"a": {9: 1}}, {"x": {1: 1}}, {"a": {1: True}}]
    for counts in bad:
        with pytest.raises(VoteError):
            vr.hands(counts)
    assert vr.entries == []


def test_weakest_and_most_divided():
    vr = round_of("a", "b", "c")
    for a, b, c in [(1, 3, 5), (2, 3, 1), (1, 3, 5), (2, 4, 1)]:
        cast(vr, {LEVEL_QUESTION: "both", "a": a, "b": b, "c": c})
    tallies = vr.tally()
    assert weakest(tallies, 2) == ["a", "c"]
    assert most_divided(tallies) == ["c"]  # a and b agree within one step
    weights = principle_weights(tallies, len(SCALE))
    assert set(weights) == {"a", "b", "c"}
    assert weights["a"] > weights["b"]
    assert weights["c"] > weights["b"]
