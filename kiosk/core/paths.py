"""Where things live: shipped decks and themes, the user's own, and the data directory."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "innovationslek"
PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Shipped data is inside the package (in a checkout, kiosk/decks and kiosk/themes link to the
# top-level folders), so an installed wheel has its decks and themes too.
DECKS_DIR = PACKAGE_DIR / "decks"
THEMES_DIR = PACKAGE_DIR / "themes"


def default_data_dir() -> Path:
    return Path(os.environ.get("INNOVATIONSLEK_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))


def data_dir(configured: str = "") -> Path:
    return Path(configured).expanduser() if configured else default_data_dir()


def user_decks_dir(folder: Path) -> Path:
    """An organisation's own decks, dropped into the data directory (never into the package)."""
    return folder / "decks"


def user_themes_dir(folder: Path) -> Path:
    return folder / "themes"
