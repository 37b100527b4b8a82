"""The deck engine: a valid deck loads; each kind of breakage is named with file, card,
field and line, and ``check`` exits 1 without a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.core.deck_loader import load_decks
from tests.conftest import ROOT


def problems_for(write_deck, text: str) -> list[str]:
    path = write_deck(text)
    _, problems = load_decks([path])
    return [str(p) for p in problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_small_deck_is_valid(write_deck, small_deck_text):
    path = write_deck(small_deck_text)
    decks, problems = load_decks([path])
    assert problems == []
    deck = decks[0]
    assert deck.id == "mini" and deck.language == "sv"
    assert [c.id for c in deck.methods] == ["crazy-8", "paret"]
    assert deck.methods[0].steps[1].minutes == 8
    assert deck.require_model().principle("testa").name == "Testa"
    assert deck.challenges[0].cards == ("crazy-8", "paret")


BREAKAGES = [
    # (what to replace, with what, words the message must contain, line needle)
    ("minutes = 10\n", "minutes = 12\n", ["card 'crazy-8'", "'minutes'", "add up to 10"], "minutes = 12"),
    (
        'principles = ["testa"]',
        'principles = ["modig"]',
        ["card 'crazy-8'", "'principles'", "unknown principle 'modig'"],
        'principles = ["modig"]',
    ),
    ('id = "paret"', 'id = "crazy-8"', ["card 'crazy-8'", "'id'", "used 2 times"], None),
    (
        'cards = ["crazy-8", "paret"]',
        'cards = ["saknas", "paret"]',
        ["challenge card 'halvera'", "'cards'", "no method card 'saknas'"],
        'cards = ["saknas", "paret"]',
    ),
    ("group_min = 1\n", "group_min = 9\n", ["card 'crazy-8'", "'group_min'", "larger than group_max"], "group_min = 9"),
    (
        "minutes = 5\ngroup_min = 2",
        "minutes = 0\ngroup_min = 2",
        ["card 'paret'", "'minutes'", "at least 1"],
        "minutes = 0",
    ),
    ('title = "Paret"', 'titel = "Paret"', ["card 'paret'", "'titel'", "unknown key"], 'titel = "Paret"'),
    ('title = "Paret"', "title = 42", ["card 'paret'", "'title'", "must be text"], "title = 42"),
    ('purpose = "Prata i par."\n', "", ["card 'paret'", "'purpose'", "missing"], None),
    ('purpose = "Prata i par."', 'purpose = "Prata i par \U0001f600"', ["emoji"], "Prata i par"),
    ('purpose = "Prata i par."', 'purpose = ""', ["card 'paret'", "'purpose'", "empty"], 'purpose = ""'),
    (
        'phase = "ide"\npurpose = "Prata',
        'phase = "okand"\npurpose = "Prata',
        ["card 'paret'", "'phase'", "unknown phase"],
        'phase = "okand"',
    ),
    ('text = "Prata"', 'text = "' + "x" * 120 + '"', ["card 'paret', step 1", "'text'", "at most 100"], "xxxx"),
    (
        'scale = ["1", "2", "3", "4", "5"]',
        'scale = ["1", "2"]',
        ["[model]", "'scale'", "exactly 5"],
        'scale = ["1", "2"]',
    ),
    ('language = "sv"', 'language = "de"', ["[deck]", "'language'", "'de' is not one of"], 'language = "de"'),
    ('tip = "Lyssna."\n', "", ["card 'paret'", "'tip'", "missing"], None),
    ('source = "Egen form"\n', "", ["card 'paret'", "'source'", "missing"], None),
    ('question = "Vad vill du säga?"', 'question = ""', ["card 'paret'", "'question'", "empty"], 'question = ""'),
    ('outcome = "Ett samtal."\n', "", ["card 'paret'", "'outcome'", "missing"], None),
    ("parallel = false", 'parallel = "nej"', ["card 'paret'", "'parallel'", "true or false"], 'parallel = "nej"'),
    ("parallel = true\n", "", ["card 'crazy-8'", "'parallel'", "missing"], None),
]


@pytest.mark.parametrize("old,new,words,needle", BREAKAGES, ids=[b[2][-1] for b in BREAKAGES])
def test_each_breakage_is_named(write_deck, small_deck_text, old, new, words, needle):
    assert old in small_deck_text
    text = small_deck_text.replace(old, new, 1)
    problems = problems_for(write_deck, text)
    assert problems, "the broken deck was accepted"
    matching = [p for p in problems if all(w in p for w in words)]
    assert matching, f"no problem mentions {words}: {problems}"
    assert matching[0].split(":")[0].endswith("mini.sv.toml")
    if needle:
        assert int(matching[0].split(":")[1]) == line_of(text, needle)


def test_toml_syntax_error_has_line(write_deck, small_deck_text):
    text = small_deck_text.replace('title = "Paret"', 'title = "Paret', 1)
    problems = problems_for(write_deck, text)
    assert len(problems) == 1
    assert "TOML syntax error" in problems[0]
    assert int(problems[0].split(":")[1]) == line_of(text, 'title = "Paret')


def test_not_utf8(tmp_path, small_deck_text):
    path = tmp_path / "mini.sv.toml"
    path.write_bytes(small_deck_text.encode("utf-8").replace("Skissa många".encode(), b"Skissa m\xe5nga"))
    _, problems = load_decks([path])
    assert len(problems) == 1
    assert "not UTF-8" in problems[0].message
    assert problems[0].line == line_of(small_deck_text, "Skissa många")


def test_step_sub_table_line_points_at_the_step(write_deck, small_deck_text):
    text = small_deck_text.replace('text = "Skissa en idé per minut"', 'text = ""', 1)
    problems = problems_for(write_deck, text)
    hit = [p for p in problems if "step 2" in p and "'text'" in p]
    assert hit and int(hit[0].split(":")[1]) == line_of(text, 'text = ""')


def test_language_files_must_share_ids(tmp_path, small_deck_text):
    (tmp_path / "mini.sv.toml").write_text(small_deck_text, encoding="utf-8")
    en = small_deck_text.replace('language = "sv"', 'language = "en"').replace('id = "paret"', 'id = "pair"')
    (tmp_path / "mini.en.toml").write_text(en, encoding="utf-8")
    _, problems = load_decks([tmp_path / "mini.sv.toml", tmp_path / "mini.en.toml"])
    assert any("card ids differ" in p.message and "paret" in p.message for p in problems)


def test_uses_borrows_model_and_cards(tmp_path, small_deck_text):
    (tmp_path / "mini.sv.toml").write_text(small_deck_text, encoding="utf-8")
    other = """schema = 1
[deck]
id = "utm"
version = 1
language = "sv"
title = "Utmaningar"
description = "Utmaningar."
provenance = "Vår."
licence = "CC0"
uses = "mini"

[[challenges]]
id = "snabbare"
title = "Hur kan vi bli snabbare?"
why = "Därför."
measure = "Tid"
horizon_months = 6
cards = ["crazy-8", "finns-inte"]
"""
    (tmp_path / "utm.sv.toml").write_text(other, encoding="utf-8")
    # Only the challenge deck is named: its 'uses' deck is found beside it.
    _, problems = load_decks([tmp_path / "utm.sv.toml"])
    assert [p.message for p in problems] == [
        "challenge card 'snabbare', field 'cards': no method card 'finns-inte' in this deck or in 'mini'"
    ]


def run_check(*paths: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "check", *paths],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_check_command_on_shipped_decks():
    decks = sorted(str(p) for p in (ROOT / "decks").glob("*.toml"))
    result = run_check(*decks)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_check_command_reports_and_fails(write_deck, small_deck_text):
    path = write_deck(
        small_deck_text.replace("minutes = 10\n", "minutes = 11\n", 1).replace("Crazy 8s", "Crazy \U0001f680")
    )
    result = run_check(str(path))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3 and "has no card numbers: add mini.numbers" in lines[-1]
    assert all(line.startswith(f"{path}:") for line in lines)
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("content", [b"\x00\xff\xfe", b"[deck\n", b""])
def test_check_command_never_tracebacks(tmp_path, content):
    path = tmp_path / "odd.toml"
    path.write_bytes(content)
    result = run_check(str(path), str(tmp_path / "missing.toml"), str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "missing.toml:0: file not found" in result.stdout
