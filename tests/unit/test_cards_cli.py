"""``innovationslek cards``: the cards that fit a room, one tab-separated line each."""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT, run_program


def run(*args: str) -> subprocess.CompletedProcess:
    return run_program(*args)


def listed(*args: str) -> dict[str, list[str]]:
    result = run("cards", *args)
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert all(len(row) == 5 for row in rows), rows
    return {row[1]: row[1:] + [row[0]] for row in rows}  # id -> id, facts, phase, title, number


def test_people_and_minutes_filter_like_working_groups():
    five = listed("--people", "5")
    assert "troika" not in five  # 3-4 per group: five people cannot split into such groups
    assert "snabbnatverkande" not in five  # one group of 6-60
    assert "crazy-8" in five
    twenty = listed("--people", "20", "--minutes", "15", "--lang", "en")
    assert {"troika", "crazy-8", "snabbnatverkande"} <= set(listed("--people", "20"))
    assert "skuggning" not in twenty and "crazy-8" in twenty  # 60 minutes is too long
    assert twenty["crazy-8"][1:4] == ["15 min, 1-10 per group", "Ideas", "Crazy 8s"]
    assert twenty["snabbnatverkande"][1] == "15 min, 6-60 people in all"


def test_principle_filter():
    own = listed("--principle", "eget_ansvar")
    assert "beslutsmandat" in own and "crazy-8" not in own


def test_each_line_carries_the_card_number_links_use():
    numbers = [
        line.split("#")[0].strip()
        for line in (ROOT / "decks" / "innovationslek.numbers").read_text(encoding="utf-8").splitlines()
    ]
    numbers = [n for n in numbers if n]
    rows = listed()
    assert {cid: int(row[4]) for cid, row in rows.items()} == {cid: numbers.index(cid) for cid in rows}
    assert rows["uppskattningsrunda"][4] == str(numbers.index("uppskattningsrunda"))


def test_bad_input_is_one_line_and_no_traceback():
    for args, code, words in (
        (("--principle", "mod"), 2, "no principle 'mod'"),
        (("--deck", "okand"), 1, "no deck 'okand'"),
        (("--people", "0"), 2, "between 1 and 1000"),
        (("--deck", "saknas.sv.toml"), 1, "saknas.sv.toml"),
    ):
        result = run("cards", *args)
        assert result.returncode == code, (args, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr
        assert result.stdout == ""
