"""Build the viewer page: the HTML template with the decks' card titles and principle
names, the plan labels of each language, and the link format's constants (field layout,
limits, dictionaries), filled in as JSON, so the page reads links exactly as the kiosk does."""

from __future__ import annotations

import json
from pathlib import Path

from ..core import base43, link_v1, linkformat
from ..core.deck import LANGUAGES, SCALE_STEPS, Deck
from ..core.i18n import labels
from ..core.link import card_ids_by_number, deck_key, numbers_of
from ..core.names import card_title
from ..core.problems import FileProblems
from ..core.shelf import CHALLENGE_DECK, Shelf

TEMPLATE = Path(__file__).with_name("viewer.html")


def deck_tables(shelf: Shelf) -> tuple[dict[str, dict], dict[str, list]]:
    """The decks by link key -> {"id", "default", "languages": {lang: {"title", "cards" (titles
    by card number), "principles", "challenges"}}}, and format-1 fingerprints -> [key, the
    number of cards that link knew]."""
    tables: dict[str, dict] = {}
    format1: dict[str, list] = {}
    for deck_id in shelf.ids():
        for language in shelf.languages(deck_id):
            try:
                deck = shelf.get(deck_id, language)
                model = deck.model or (shelf.get(deck.uses, language).model if deck.uses else None)
            except (FileProblems, KeyError):
                continue
            numbers = numbers_of(deck)
            ids = card_ids_by_number(deck, numbers)
            key = str(deck_key(deck, numbers))
            entry = tables.setdefault(key, {"id": deck.id, "default": language, "languages": {}})
            if entry["id"] != deck.id:
                continue  # two decks on one key: the kiosk reads the first one too
            entry["languages"][language] = {
                "title": deck.title,
                "cards": [card_title(deck, cid, limit=0) for cid in ids],  # a retired card shows its id
                "principles": [p.name for p in model.principles] if model else [],
                "challenges": _challenges(shelf, language),
            }
            for fingerprint, n in link_v1.fingerprints(deck.id, ids).items():
                format1.setdefault(str(fingerprint), [key, n])
    return tables, format1


def _challenges(shelf: Shelf, language: str) -> dict[str, str]:
    try:
        deck: Deck = shelf.get(CHALLENGE_DECK, language)
    except (FileProblems, KeyError):
        return {}
    return {c.id: c.title for c in deck.challenges}


VIEWER_LABELS = (
    "plan.",
    "viewer.",
    "linkfmt.",
    "room_followup.review_",
    "trial.ics_",
)  # the key prefixes the page uses


def label_tables() -> dict[str, dict[str, str]]:
    return {lang: {k: v for k, v in labels(lang).items() if k.startswith(VIEWER_LABELS)} for lang in LANGUAGES}


def link_constants() -> dict:
    constants = linkformat.viewer_constants()
    constants["alphabet"] = base43.ALPHABET
    constants["scale_steps"] = SCALE_STEPS
    constants["v1"] = {
        "format": link_v1.FORMAT,
        "languages": list(link_v1.LANGUAGES),
        "modes": list(link_v1.MODES),
        "action_fields": list(link_v1.ACTION_FIELDS),
        "scale": link_v1.SCALE,
        "level_counts": link_v1.LEVEL_COUNTS,
        "max_minutes": link_v1.MAX_MINUTES,
        "max_days": link_v1.MAX_DAYS,
        "max_body": link_v1.MAX_BODY,
    }
    return constants


def _json(value: object) -> str:
    # Inside a <script>: no "</" may appear, or the page could be broken out of.
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def viewer_html(shelf: Shelf | None = None) -> str:
    decks, format1 = deck_tables(shelf or Shelf())
    page = TEMPLATE.read_text(encoding="utf-8")
    page = page.replace("/*DECKS*/{}", _json(decks), 1)
    page = page.replace("/*FORMAT1*/{}", _json(format1), 1)
    page = page.replace("/*LINK*/{}", _json(link_constants()), 1)
    return page.replace("/*LABELS*/{}", _json(label_tables()), 1)
