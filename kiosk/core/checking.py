"""``innovationslek check``: validate decks, themes and config files together."""

from __future__ import annotations

from pathlib import Path

from .config import load_config
from .deck_loader import load_decks
from .problems import Problem
from .theme_file import load_theme
from .tomlfile import read_toml


def kind_of(path: Path) -> str:
    """Guess what a file is from its content: a deck has [deck], a theme has primary."""
    _, data, _ = read_toml(path)
    if data is None:
        return "unknown"
    if "deck" in data:
        return "deck"
    if "primary" in data or path.parent.name == "themes":
        return "theme"
    return "config"


def check_paths(paths: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    decks: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            problems.append(Problem(name, 0, "is a folder; name the files, e.g. decks/*.toml"))
            continue
        kind = kind_of(path)
        if kind == "unknown":
            _, _, found = read_toml(path)
            problems.extend(found)
        elif kind == "deck":
            decks.append(name)
        elif kind == "theme":
            problems.extend(load_theme(path)[1])
        else:
            problems.extend(load_config(path)[1])
    if decks:
        problems.extend(load_decks(decks)[1])
    return problems
