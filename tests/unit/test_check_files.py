"""``innovationslek check`` checks each file as what it is, and never crashes, echoes
escape sequences or slows to a crawl on a hostile file."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.core.checking import check_paths
from kiosk.ui.themes import theme_problems
from tests.conftest import ROOT, SMALL_DECK


def check(*paths) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "check", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_a_plan_file_is_checked_as_a_plan(tmp_path):
    result = check(ROOT / "examples" / "plan.toml")
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    broken = tmp_path / "plan.toml"
    broken.write_text(
        (ROOT / "examples" / "plan.toml")
        .read_text(encoding="utf-8")
        .replace('when = "Vecka 50"', 'when = "Vecka 50 \\ud83d\\ude80"'.replace("\\ud83d\\ude80", "\U0001f680")),
        encoding="utf-8",
    )
    result = check(broken)
    assert result.returncode == 1
    assert "plan: " in result.stdout and "emoji U+1F680" in result.stdout and "deck" not in result.stdout


def test_an_empty_file_is_not_a_deck(tmp_path):
    empty = tmp_path / "decks" / "tom.sv.toml"
    empty.parent.mkdir()
    empty.write_text("", encoding="utf-8")
    result = check(empty)
    assert result.returncode == 1
    assert f"{empty}:0: the file is empty: not a deck" in result.stdout


def test_a_file_of_no_known_kind_is_said_so(tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('colour = "blue"\n', encoding="utf-8")
    assert check_paths([str(other)])[0].message.startswith("not a deck, theme, plan or config file")


def test_shipped_files_pass():
    result = check(
        *sorted((ROOT / "decks").glob("*.toml")),
        *sorted((ROOT / "themes").glob("*.toml")),
        ROOT / "deploy" / "kiosk.toml.example",
        ROOT / "examples" / "plan.toml",
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "body, words",
    [
        ('primary = "notacolour"', "field 'primary'"),
        ('primary = "rgb(999,...)"', "field 'primary'"),
        ('primary = "ansi_nonexistent"', "field 'primary'"),
        ('primary = "#112233"\n[variables]\n"footer-key-foreground" = "}{;"', "variables.footer-key-foreground"),
        ('primary = "#112233"\n[variables]\n"footer-key-foreground" = "notacolour"', "variables.footer-key-foreground"),
        ('primary = "#112233"\n[variables]\n"no-such-variable" = "#ffffff"', "unknown variable"),
    ],
)
def test_themes_the_app_could_not_use_are_problems(tmp_path, body, words):
    theme = tmp_path / "themes" / "broken.toml"
    theme.parent.mkdir()
    theme.write_text(f'name = "broken"\n{body}\n', encoding="utf-8")
    result = check(theme)
    assert result.returncode == 1 and words in result.stdout, result.stdout
    assert str(theme) + ":" in result.stdout and "unexpected error" not in result.stderr
    start = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--theme", str(theme), "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert start.returncode == 1 and words.split("'")[0] in start.stderr
    assert "unexpected error" not in start.stderr


def test_shipped_themes_have_no_theme_problems():
    from kiosk.ui.themes import shipped_specs

    assert [(spec.name, theme_problems(spec)) for spec in shipped_specs()] == [
        (spec.name, []) for spec in shipped_specs()
    ]


@pytest.mark.parametrize(
    "line, key",
    [
        ('pin_hash = "scrypt$1048576$8$1$00$00"', "pin_hash"),
        ('pin_hash = "plain-text-1234"', "pin_hash"),
        ('viewer_host = "999.1.1.1"', "viewer_host"),
        ('viewer_host = "kiosk host"', "viewer_host"),
        ('viewer_url = "http://x/\\n#evil"', "viewer_url"),
        ('viewer_url = "https://example.org/#p"', "viewer_url"),
        ('viewer_url = "https:///nohost"', "viewer_url"),
    ],
)
def test_config_values_that_cannot_work_are_reported(tmp_path, line, key):
    config = tmp_path / "kiosk.toml"
    config.write_text(f'mode = "walkup"\n{line}\n', encoding="utf-8")
    result = check(config)
    assert result.returncode == 1
    assert f"{config}:2: config, field '{key}'" in result.stdout, result.stdout
    assert "\n#evil" not in result.stdout


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 5000 + "]" * 5000 + "\n",
        "a = " + "[" * 500 + "]" * 500 + "\n",
        "a = " + "{b = " * 2000 + "1" + "}" * 2000 + "\n",
        "[" + ".".join(["t"] * 5000) + "]\n",
        ".".join(["k"] * 3000) + " = 1\n",
    ],
)
def test_deep_nesting_is_a_problem_with_a_line(tmp_path, text):
    deep = tmp_path / "deep.toml"
    deep.write_text("# deep\n" + text, encoding="utf-8")
    result = check(deep)
    assert result.returncode == 1
    assert f"{deep}:2: nested more than" in result.stdout, (result.stdout, result.stderr)
    assert "recursion" not in result.stderr and "unexpected" not in result.stderr


def test_control_characters_are_written_out_never_echoed(tmp_path):
    deck = tmp_path / "mini.sv.toml"
    deck.write_text(
        SMALL_DECK.replace('language = "sv"', 'language = "s\\u001b[2Jv"').replace(
            'title = "Paret"', 'title = "Pa\\u001b]0;pwned\\u0007ret"'
        )
        + '"\\u001b[31mPWNED" = 1\n',
        encoding="utf-8",
    )
    result = check(deck)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
    assert r"\x1b[2J" in result.stdout and r"\x1b[31mPWNED" in result.stdout
    title_line = SMALL_DECK.splitlines().index('title = "Paret"') + 1
    assert f"{deck}:{title_line}: " in result.stdout  # the escaped value is found in the file


def test_duplicate_ids_are_found_with_their_lines(tmp_path):
    card = SMALL_DECK[SMALL_DECK.index('[[cards]]\nid = "paret"') : SMALL_DECK.index("[[challenges]]")]
    deck = tmp_path / "mini.sv.toml"
    deck.write_text(SMALL_DECK.replace("[[challenges]]", card * 300 + "[[challenges]]"), encoding="utf-8")
    problems = [p for p in check_paths([str(deck)]) if "used" in p.message]
    assert len(problems) == 1
    text = deck.read_text(encoding="utf-8").splitlines()
    assert text[problems[0].line - 1] == 'id = "paret"'
    assert "used 301 times" in problems[0].message


def test_an_organisations_own_broken_theme_is_refused_by_name(tmp_path):
    own = tmp_path / "data" / "themes"
    own.mkdir(parents=True)
    (own / "ours.toml").write_text('name = "ours"\nprimary = "notacolour"\n', encoding="utf-8")
    start = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--theme", "ours", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert start.returncode == 1 and "field 'primary'" in start.stderr and "unexpected" not in start.stderr
