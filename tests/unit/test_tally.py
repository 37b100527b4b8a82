"""The vote arithmetic: counts per question from ballots and hands, ladders, means."""

from __future__ import annotations

from kiosk.core.tally import LEVEL_QUESTION, Entry, add_ladders, ladder, ladders, mean_of, means, option_counts

ENTRIES = [
    Entry("ballot", answers={LEVEL_QUESTION: "both", "a": 1, "b": 7}),
    Entry("hands", counts={LEVEL_QUESTION: {"limited": 4}, "a": {1: 2, 6: 3}}),
    Entry("ballot", answers={LEVEL_QUESTION: "limited", "a": 6, "b": 7}),
]


def test_counts_come_from_ballots_and_hands_alike():
    assert option_counts(ENTRIES, "a") == {1: 3, 6: 4}
    assert option_counts(ENTRIES, LEVEL_QUESTION) == {"both": 1, "limited": 5}
    assert option_counts([], "a") == {}


def test_ladders_follow_the_scale_length_and_skip_the_level_question():
    assert ladder(ENTRIES, 7, "a") == [3, 0, 0, 0, 0, 4, 0]
    assert ladders(ENTRIES, 7) == {"a": [3, 0, 0, 0, 0, 4, 0], "b": [0, 0, 0, 0, 0, 0, 2]}
    assert ladders(ENTRIES, 5)["b"] == [0, 0, 0, 0, 0]  # off a shorter scale: not counted


def test_mean_of_a_ladder_and_sums_over_sessions():
    assert mean_of([3, 0, 0, 0, 0, 4, 0]) == (3 * 1 + 4 * 6) / 7
    assert mean_of([0, 0, 0]) is None
    assert means(ENTRIES, 7) == {"a": 27 / 7, "b": 7.0}
    total: dict[str, list[int]] = {}
    add_ladders(total, {"a": [1, 2]})
    add_ladders(total, {"a": [3, 4], "b": [0, 1]})
    assert total == {"a": [4, 6], "b": [0, 1]}
