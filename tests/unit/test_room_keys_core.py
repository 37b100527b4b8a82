"""Key names for people (no Textual app needed), and decks refused at start-up when they
have nothing to vote on (the real program, as a subprocess)."""

from __future__ import annotations

import subprocess

import pytest

from kiosk.core.shelf import Shelf
from kiosk.ui.keynames import help_keys, key_label
from kiosk.ui.launch import EXIT_DECK_CANNOT_VOTE
from tests.conftest import ROOT, run_program


@pytest.mark.parametrize(
    ("language", "key", "label"),
    [
        ("sv", "ctrl+s", "Ctrl+S"),
        ("en", "ctrl+q", "Ctrl+Q"),
        ("sv", "escape", "Esc"),
        ("sv", "space", "Mellanslag"),
        ("en", "space", "Space"),
        ("nb", "space", "Mellomrom"),
        ("da", "space", "Mellemrum"),
        ("sv", "f1", "F1"),
        ("en", "f12", "F12"),
        ("sv", "r", "r"),
        ("en", "shift+tab", "Shift+Tab"),
        ("da", "left", "Pil venstre"),
        ("sv", "plus", "+"),
        ("en", "page_down", "Page down"),
    ],
)
def test_key_label(language, key, label):
    assert key_label(language, key) == label


def test_help_keys_puts_the_words_into_the_language_and_leaves_the_rest():
    assert help_keys("sv", "Up/Down") == "Pil upp/ned"
    assert help_keys("nb", "1-4 / arrows") == "1-4 / piltastene"
    assert help_keys("en", "Left/Right") == "Left/Right arrows"
    assert help_keys("da", "Space") == "Mellemrum"
    assert help_keys("sv", "Ctrl+U") == "Ctrl+U" and help_keys("sv", "n / p") == "n / p"


def run(*args: str) -> subprocess.CompletedProcess:
    return run_program(*args)


@pytest.mark.parametrize("mode", ["walkup", "checkin", "workshop"])
def test_a_deck_without_a_model_is_refused_at_start_up(tmp_path, mode):
    result = run("--deck", "utmaningar", "--mode", mode, "--data-dir", str(tmp_path))
    assert result.returncode == EXIT_DECK_CANNOT_VOTE, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "'utmaningar' has nothing to vote on" in lines[0]
    assert "decks to vote with: innovationslek, kultur-for-innovasjon, ledelse-af-innovation;" in lines[0]
    assert "challenges only): utmaningar" in lines[0]
    assert result.stdout == ""  # refused before the terminal is taken over


def test_the_systemd_unit_does_not_restart_a_deck_that_cannot_vote():
    unit = (ROOT / "deploy" / "innovationslek-kiosk.service").read_text()
    prevent = next(line for line in unit.splitlines() if line.startswith("RestartPreventExitStatus="))
    assert str(EXIT_DECK_CANNOT_VOTE) in prevent.split("=", 1)[1].split()


def test_an_unknown_deck_lists_which_decks_can_be_voted_with(tmp_path):
    result = run("--deck", "nosuchdeck", "--data-dir", str(tmp_path))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "decks to vote with: innovationslek" in result.stderr and "challenges only): utmaningar" in result.stderr


def test_the_shelf_says_which_decks_can_be_voted_with():
    shelf = Shelf()
    assert shelf.can_vote("innovationslek", "sv") and shelf.can_vote("ledelse-af-innovation", "nb")
    assert not shelf.can_vote("utmaningar", "sv") and not shelf.can_vote("nosuchdeck", "sv")
