"""The shelf of decks the app can use: loaded on demand, one language at a time, with a
fallback language when a deck has no file in the chosen one."""

from __future__ import annotations

from pathlib import Path

from .deck import LANGUAGES, ChallengeCard, Deck
from .deck_loader import load_decks
from .paths import DECKS_DIR
from .problems import FileProblems, Problem

CHALLENGE_DECK = "utmaningar"

# When a deck has no file in the session's language: a Scandinavian neighbour first (most
# Swedes, Norwegians and Danes read each other's languages), then English.
FALLBACK = {
    "sv": ("sv", "nb", "da", "en"),
    "nb": ("nb", "da", "sv", "en"),
    "da": ("da", "nb", "sv", "en"),
    "en": ("en", "sv", "nb", "da"),
}


class Shelf:
    def __init__(self, decks_dir: Path = DECKS_DIR, extra: list[Path] | None = None, user_dir: Path | None = None):
        """Shipped decks from ``decks_dir``, then the organisation's own from ``user_dir``
        (a file there with the same deck id and language replaces the shipped one)."""
        self.decks_dir = decks_dir
        self._paths: dict[tuple[str, str], Path] = {}
        own = sorted(user_dir.glob("*.toml")) if user_dir is not None and user_dir.is_dir() else []
        for path in sorted(decks_dir.glob("*.toml")) + own + list(extra or []):
            parts = path.name.split(".")
            if len(parts) == 3 and parts[1] in LANGUAGES:
                self._paths[(parts[0], parts[1])] = path
        self._cache: dict[Path, Deck] = {}

    def add_file(self, path: Path) -> Deck:
        """A deck named by path on the command line: load it and put it on the shelf."""
        deck = self._load(path)
        self._paths[(deck.id, deck.language)] = path
        return deck

    def ids(self) -> list[str]:
        return sorted({deck_id for deck_id, _ in self._paths})

    def languages(self, deck_id: str) -> list[str]:
        return [lang for lang in LANGUAGES if (deck_id, lang) in self._paths]

    def has(self, deck_id: str) -> bool:
        return any(d == deck_id for d, _ in self._paths)

    def get(self, deck_id: str, language: str) -> Deck:
        """The deck in ``language``, else in the first language of ``FALLBACK[language]``
        that the deck has. Raises :class:`FileProblems` when the file is broken, KeyError
        when unknown."""
        for lang in (*FALLBACK.get(language, (language,)), *LANGUAGES):
            path = self._paths.get((deck_id, lang))
            if path is not None:
                return self._load(path)
        raise KeyError(deck_id)

    def can_vote(self, deck_id: str, language: str) -> bool:
        """Whether the deck has a model to vote on (a challenge deck has none); a broken or
        unknown deck cannot be voted on either."""
        try:
            return self.get(deck_id, language).model is not None
        except (KeyError, FileProblems):
            return False

    def all_decks(self) -> list[Deck]:
        """Every deck file that loads, in every language (a broken file is left out: the
        caller wants what can be used, ``check`` reports the rest)."""
        decks = []
        for path in self._paths.values():
            try:
                decks.append(self._load(path))
            except FileProblems:
                continue
        return decks

    def _load(self, path: Path) -> Deck:
        if path not in self._cache:
            decks, problems = load_decks([path], loaded=self._cache)  # a deck it uses is not read again
            if problems or not decks:
                raise FileProblems(problems or [Problem(str(path), 0, "no deck in file")])
            self._cache[path] = decks[0]
        return self._cache[path]

    def challenges(self, language: str) -> list[ChallengeCard]:
        """Challenge cards for the setup screen ([] when the challenge deck is missing)."""
        try:
            return list(self.get(CHALLENGE_DECK, language).challenges)
        except (KeyError, FileProblems):
            return []
