"""Rules across decks that ``innovationslek check`` enforces on top of the file schema.

A challenge should lead a team to ideas, so each challenge suggests at least one card from
the deck's idea phase (the phase with ``role = "ideas"``). And every method card should be
reachable: when challenge decks are checked together with the method deck they use, each
method card outside the opening and closing phases is suggested by at least one challenge.
"""

from __future__ import annotations

from pathlib import Path

from .deck import Deck
from .deck_loader import load_deck
from .problems import Problem
from .tomlfile import TomlSource

EXEMPT_ROLES = ("opening", "closing")


def _used_deck(deck: Deck, by_key: dict[tuple[str, str], Deck]) -> Deck | None:
    used = by_key.get((deck.uses, deck.language))
    if used is None and deck.uses:
        used, _ = load_deck(Path(deck.path).parent / f"{deck.uses}.{deck.language}.toml")
    return used


def check_deck_rules(decks: list[Deck]) -> list[Problem]:
    problems: list[Problem] = []
    by_key = {(d.id, d.language): d for d in decks}
    suggested: dict[tuple[str, str], set[str]] = {}
    for deck in decks:
        if not deck.challenges:
            continue
        used = _used_deck(deck, by_key) if deck.uses else deck
        if used is None:
            continue  # the loader already says that the used deck is missing
        suggested.setdefault((used.id, used.language), set()).update(c for ch in deck.challenges for c in ch.cards)
        idea_phases = {p.id for p in used.phases if p.role == "ideas"}
        if not idea_phases:
            continue
        idea_cards = {c.id for c in used.methods if c.phase in idea_phases}
        source = TomlSource(deck.path, Path(deck.path).read_text(encoding="utf-8-sig"))
        for challenge in deck.challenges:
            if not set(challenge.cards) & idea_cards:
                span = source.entry_range("challenges", anchor_id=challenge.id)
                problems.append(
                    source.problem(
                        source.key_line("cards", span),
                        f"challenge card '{challenge.id}', field 'cards': suggests no idea card "
                        f"(a card in phase {', '.join(sorted(idea_phases))} of '{used.id}')",
                    )
                )
    for key, ids in sorted(suggested.items()):
        method_deck = by_key.get(key)
        if method_deck is None:
            continue  # the method deck was not among the files checked
        exempt = {p.id for p in method_deck.phases if p.role in EXEMPT_ROLES}
        source = TomlSource(method_deck.path, Path(method_deck.path).read_text(encoding="utf-8-sig"))
        for card in method_deck.methods:
            if card.id not in ids and card.phase not in exempt:
                span = source.entry_range("cards", anchor_id=card.id)
                problems.append(
                    source.problem(
                        source.key_line("id", span),
                        f"method card '{card.id}': no challenge suggests it (only cards in an opening "
                        "or closing phase may be left out)",
                    )
                )
    return problems
