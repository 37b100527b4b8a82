"""Translations: one flat TOML catalogue per language in ``kiosk/locales``.

Swedish is the default; a missing key falls back to English and then to the key itself,
so a half-translated catalogue never breaks a screen.

A text that shows a count has plural forms, written as a small table::

    title = { one = "Resultat ({n} röst)", other = "Resultat ({n} röster)" }

``t(language, "results.title", n=1)`` picks the form for ``n`` (the count is ``n``, or the
value named by ``count=``). Swedish, English, Norwegian and Danish all use "one" for exactly
1 and "other" for everything else, 0 included.
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


PLURAL_FORMS = ("one", "other")


def plural_form(language: str, n: object) -> str:
    """The plural category of ``n`` (the same rule in every language we ship)."""
    try:
        return "one" if abs(float(n)) == 1 else "other"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "other"


def _lookup(language: str, key: str) -> str | None:
    return catalogue(language).get(key) or catalogue(FALLBACK_LANGUAGE).get(key)


def t(language: str, key: str, **values: object) -> str:
    """The text of ``key`` with ``values`` filled in; a key with plural forms picks its form
    by the value ``n``."""
    text = _lookup(language, key)
    if text is None and "n" in values:  # a key with plural forms
        text = _lookup(language, f"{key}.{plural_form(language, values['n'])}") or _lookup(language, f"{key}.other")
    if text is None:
        text = key
    return text.format(**values) if values else text
