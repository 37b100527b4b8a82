"""Translations: one flat TOML catalogue per language in ``kiosk/locales``.

Swedish is the default; a missing key falls back to English and then to the key itself,
so a half-translated catalogue never breaks a screen.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
FALLBACK_LANGUAGE = "en"


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


@cache
def catalogue(language: str) -> dict[str, str]:
    path = LOCALES_DIR / f"{language}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return _flatten(tomllib.load(fh))


def labels(language: str) -> dict[str, str]:
    """Every key of the fallback catalogue, in ``language`` where translated."""
    merged = dict(catalogue(FALLBACK_LANGUAGE))
    merged.update(catalogue(language))
    return merged


def t(language: str, key: str, **values: object) -> str:
    text = catalogue(language).get(key) or catalogue(FALLBACK_LANGUAGE).get(key) or key
    return text.format(**values) if values else text
