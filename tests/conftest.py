"""Shared fixtures: a small valid deck to break in tests, and a fake clock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_program(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """The real program, as systemd or a facilitator starts it (no terminal on stdin)."""
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        # The environment the test declares: the C library's can hold a COLUMNS=80 that
        # GNU readline exported behind os.environ's back (see tests/e2e/tmux.py).
        env=dict(os.environ),
    )


SMALL_DECK = """schema = 1

[deck]
id = "mini"
version = 1
language = "sv"
title = "Minilek"
description = "En liten kortlek för tester."
provenance = "Skriven för testerna."
licence = "CC0"

[model]
id = "resan"
name = "Resan"
question = "Var står vi?"
both = "Både och"
scale = ["1", "2", "3", "4", "5"]

[[model.levels]]
id = "limited"
name = "Begränsad"
statements = ["Vi gör som vi brukar."]

[[model.levels]]
id = "innovative"
name = "Innovativ"
statements = ["Vi testar smått."]

[[model.principles]]
id = "testa"
name = "Testa"
short = "TE"

[[model.principles]]
id = "samverkan"
name = "Samverkan"
short = "SV"

[[phases]]
id = "ide"
name = "Idé"

[[cards]]
id = "crazy-8"
title = "Crazy 8"
method = "Crazy 8s"
phase = "ide"
purpose = "Skissa många idéer snabbt."
minutes = 10
group_min = 1
group_max = 8
principles = ["testa"]
materials = ["papper"]
parallel = true
question = "Hur skulle vi kunna korta väntan?"
outcome = "Åtta skisser per person."
tip = "Skisser, inte konst."
source = "Design Sprint"

[[cards.steps]]
text = "Vik ett papper i åtta rutor"
minutes = 2

[[cards.steps]]
text = "Skissa en idé per minut"
minutes = 8

[[cards]]
id = "paret"
title = "Paret"
phase = "ide"
purpose = "Prata i par."
minutes = 5
group_min = 2
group_max = 2
principles = ["samverkan"]
parallel = false
question = "Vad vill du säga?"
outcome = "Ett samtal."
prepare = "Två stolar."
tip = "Lyssna."
source = "Egen form"

[[cards.steps]]
text = "Prata"
minutes = 5

[[challenges]]
id = "halvera"
title = "Hur kan vi halvera väntetiden?"
why = "Väntan kostar."
measure = "Mediantid"
horizon_months = 12
cards = ["crazy-8", "paret"]
"""


@pytest.fixture
def small_deck_text() -> str:
    return SMALL_DECK


@pytest.fixture
def write_deck(tmp_path: Path):
    def write(text: str, name: str = "mini.sv.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


class FakeClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
