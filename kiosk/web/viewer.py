"""Build the viewer page: the HTML template with the decks' card titles and principle
names, and the plan labels of each language, filled in as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from ..core.deck import LANGUAGES, Deck
from ..core.i18n import labels
from ..core.problems import FileProblems
from ..core.shelf import CHALLENGE_DECK, Shelf

TEMPLATE = Path(__file__).with_name("viewer.html")


def _title(card) -> str:
    return getattr(card, "title", "") or getattr(card, "question", "")


def deck_tables(shelf: Shelf) -> dict[str, dict]:
    """fingerprint -> {"id", "default", "languages": {lang: {"title", "cards", "principles",
    "challenges"}}}: what the page needs to show a plan made with that deck."""
    tables: dict[str, dict] = {}
    for deck_id in shelf.ids():
        for language in shelf.languages(deck_id):
            try:
                deck = shelf.get(deck_id, language)
                model = deck.model or (shelf.get(deck.uses, language).model if deck.uses else None)
            except (FileProblems, KeyError):
                continue
            entry = tables.setdefault(str(deck.fingerprint), {"id": deck.id, "default": language, "languages": {}})
            entry["languages"][language] = {
                "title": deck.title,
                "cards": [_title(c) for c in deck.cards],
                "principles": [p.name for p in model.principles] if model else [],
                "challenges": _challenges(shelf, language),
            }
    return tables


def _challenges(shelf: Shelf, language: str) -> dict[str, str]:
    try:
        deck: Deck = shelf.get(CHALLENGE_DECK, language)
    except (FileProblems, KeyError):
        return {}
    return {c.id: c.title for c in deck.challenges}


def label_tables() -> dict[str, dict[str, str]]:
    return {
        lang: {k: v for k, v in labels(lang).items() if k.startswith(("plan.", "viewer."))}
        for lang in LANGUAGES
    }


def _json(value: object) -> str:
    # Inside a <script>: no "</" may appear, or the page could be broken out of.
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def viewer_html(shelf: Shelf | None = None) -> str:
    page = TEMPLATE.read_text(encoding="utf-8")
    page = page.replace("/*DECKS*/{}", _json(deck_tables(shelf or Shelf())), 1)
    return page.replace("/*LABELS*/{}", _json(label_tables()), 1)
