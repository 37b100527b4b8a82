"""Where things live: shipped decks and themes, and the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "innovationslek"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DECKS_DIR = PROJECT_ROOT / "decks"
THEMES_DIR = PROJECT_ROOT / "themes"


def default_data_dir() -> Path:
    return Path(os.environ.get("INNOVATIONSLEK_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))


def data_dir(configured: str = "") -> Path:
    return Path(configured).expanduser() if configured else default_data_dir()


def deck_path(deck: str, language: str, decks_dir: Path = DECKS_DIR) -> Path | None:
    """A deck named by id or path, in ``language`` where that file exists, else Swedish,
    else English, else any language."""
    direct = Path(deck)
    if deck.endswith(".toml"):
        return direct
    for lang in (language, "sv", "en"):
        candidate = decks_dir / f"{deck}.{lang}.toml"
        if candidate.is_file():
            return candidate
    others = sorted(decks_dir.glob(f"{deck}.*.toml"))
    return others[0] if others else None


def shipped_decks(decks_dir: Path = DECKS_DIR) -> list[Path]:
    return sorted(decks_dir.glob("*.toml"))
