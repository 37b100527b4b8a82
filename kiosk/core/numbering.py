"""Card numbers: the stable, append-only numbering of one deck's cards that plan links use.

A link carries a card as its number, not its position in the deck file, so a link made
today still opens after the deck gains cards, has them moved or has its texts corrected.
The numbers live in ``decks/<deck id>.numbers`` (one card id per line, shared by every
language of the deck): line 1 is number 0. A new card is one new line at the end; a line is
never removed or reused, so a retired card keeps its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .problems import Problem

SUFFIX = ".numbers"
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class CardNumbers:
    deck_id: str
    ids: tuple[str, ...]  # the card id of each number, in number order

    def number(self, card_id: str) -> int | None:
        try:
            return self.ids.index(card_id)
        except ValueError:
            return None


def numbers_path(deck_id: str, decks_dir: Path) -> Path:
    return decks_dir / f"{deck_id}{SUFFIX}"


def parse_numbers(text: str, path: str) -> tuple[list[str], list[Problem]]:
    """The ids in number order and the problems of the file (blank lines and ``#`` comments
    are allowed; they hold no number)."""
    ids: list[str] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for line_no, line in enumerate(text.splitlines(), 1):
        value = line.split("#", 1)[0].strip()
        if not value:
            continue
        if not _ID.match(value):
            problems.append(Problem(path, line_no, f"{value!r} is not a card id (lower-case letters, digits, - and _)"))
            continue
        if value in first_line:
            problems.append(
                Problem(
                    path,
                    line_no,
                    f"card '{value}' already has number {ids.index(value)} "
                    f"(line {first_line[value]}); a card is numbered once",
                )
            )
            continue
        first_line[value] = line_no
        ids.append(value)
    return ids, problems


@lru_cache(maxsize=64)
def _load(path: Path, mtime_ns: int) -> tuple[tuple[str, ...], tuple[Problem, ...]]:
    ids, problems = parse_numbers(path.read_text(encoding="utf-8"), str(path))
    return tuple(ids), tuple(problems)


def load_numbers(deck_id: str, decks_dir: Path) -> CardNumbers | None:
    """The deck's numbering, or None when it has no (readable, sound) numbers file."""
    path = numbers_path(deck_id, decks_dir)
    try:
        ids, problems = _load(path, path.stat().st_mtime_ns)
    except (OSError, UnicodeDecodeError):
        return None
    return None if problems else CardNumbers(deck_id, ids)


def check_numbers(deck_id: str, card_ids: list[str], decks_dir: Path, deck_path: str) -> list[Problem]:
    """Problems of a deck's numbering: a missing file, a broken line, an unnumbered card."""
    path = numbers_path(deck_id, decks_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [
            Problem(
                deck_path,
                0,
                f"the deck has no card numbers: add {path.name} beside it, one card id "
                "per line (plan links name cards by these numbers)",
            )
        ]
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(str(path), 0, f"cannot read the card numbers: {exc}")]
    ids, problems = parse_numbers(text, str(path))
    numbered = set(ids)
    missing = [cid for cid in card_ids if cid not in numbered]
    if missing:
        problems.append(
            Problem(
                str(path),
                0,
                f"cards without a number: {', '.join(missing)} (add each as a new line at the end; never reuse a line)",
            )
        )
    return problems
