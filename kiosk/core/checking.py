"""``innovationslek check``: validate decks, themes, plans and config files together.

Each file is recognised by what it holds and checked as what it is: a plan file is not
read as a deck, and a file that is none of them says so instead of passing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from .config import load_config
from .deck import Deck
from .deck_loader import load_decks
from .deck_rules import check_deck_rules
from .numbering import SUFFIX, check_numbers, parse_numbers
from .plan import Plan, PlanError
from .problems import Problem
from .theme_file import COLOUR_KEYS, ThemeSpec, load_theme
from .tomlfile import TomlSource, read_toml

DECK_KEYS = {"schema", "deck", "model", "phases", "cards", "reflections", "challenges"}
CONFIG_KEYS = {
    "mode",
    "kiosk",
    "language",
    "decks",
    "theme",
    "idle_seconds",
    "share_idle_seconds",
    "data_dir",
    "pin_hash",
    "viewer_url",
    "viewer_host",
    "viewer_port",
    "export_walkup_text",
    "private_exports",
    "network",  # [network] and [central] are tables of kiosk.toml
    "central",
}
CONFIG_NAME = "kiosk.toml"
KINDS = "a deck, theme, plan or config file"

# (key, message) pairs for a theme that loads but that the app could not use; the UI
# supplies it, since only Textual knows what Textual accepts.
ThemeCheck = Callable[[ThemeSpec], list[tuple[str, str]]]


def kind_of(path: Path, data: dict) -> str:
    """What a file is, from its content (and, for themes, its folder)."""
    keys = set(data)
    if "format" in keys or {"created", "actions"} <= keys:  # a plan names its deck and cards too
        return "plan"
    if keys & DECK_KEYS:
        return "deck"
    if keys & set(COLOUR_KEYS) or (path.parent.name == "themes" and "name" in keys):
        return "theme"
    # One known setting is enough: the config's own check then names any typo with its line.
    if keys & CONFIG_KEYS or (keys and path.name == CONFIG_NAME):
        return "config"
    return "unknown"


def check_paths(paths: list[str], theme_check: ThemeCheck | None = None) -> list[Problem]:
    problems: list[Problem] = []
    decks: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            problems.append(Problem(name, 0, "is a folder; name the files, e.g. decks/*.toml"))
            continue
        if path.suffix == SUFFIX:
            try:
                problems.extend(parse_numbers(path.read_text(encoding="utf-8"), name)[1])
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(Problem(name, 0, f"cannot read: {exc}"))
            continue
        source, data, found = read_toml(path)
        if data is None or source is None:
            problems.extend(found)
            continue
        kind = kind_of(path, data)
        if not data:
            problems.append(Problem(name, 0, f"the file is empty: not {KINDS}"))
        elif kind == "deck":
            decks.append(name)
        elif kind == "theme":
            problems.extend(check_theme(path, theme_check))
        elif kind == "plan":
            problems.extend(_check_plan(path, source))
        elif kind == "config":
            problems.extend(load_config(path)[1])
        else:
            known = ", ".join(sorted(data)[:5])
            problems.append(
                Problem(
                    name,
                    1,
                    f"not {KINDS} (it has {known}; a deck has [deck], a theme primary, "
                    "a plan format and created, a config language or decks)",
                )
            )
    if decks:
        loaded, found = load_decks(decks)
        problems.extend(found)
        problems.extend(_numbering_problems(loaded))
        problems.extend(check_deck_rules(loaded))
    return problems


def _numbering_problems(decks: list[Deck]) -> list[Problem]:
    """Each deck's card numbers (plan links name cards by them), once per deck folder."""
    from .link import deck_key, numbers_of

    problems: list[Problem] = []
    seen: set[tuple[str, Path]] = set()
    keys: dict[int, str] = {}
    for deck in decks:
        other = keys.setdefault(deck_key(deck, numbers_of(deck)), deck.id)
        if other != deck.id:
            problems.append(
                Problem(
                    deck.path,
                    0,
                    f"[deck]: the ids '{deck.id}' and '{other}' share a link key "
                    "(a 16-bit checksum); give one deck another id",
                )
            )
        folder = Path(deck.path).parent
        if (deck.id, folder) in seen:
            continue
        seen.add((deck.id, folder))
        problems.extend(p for p in check_numbers(deck.id, list(deck.card_ids), folder, deck.path) if p not in problems)
    return problems


def check_theme(path: Path | str, theme_check: ThemeCheck | None) -> list[Problem]:
    """A theme file's problems, with what ``theme_check`` finds the app could not use."""
    spec, problems = load_theme(path)
    source, _, _ = read_toml(path)
    if spec is None or source is None or problems or theme_check is None:
        return problems
    found = []
    for key, message in theme_check(spec):
        table, _, name = key.rpartition(".")
        line = source.key_line(name, source.table_span(table)) if key else 1
        found.append(source.problem(line, f"theme, field '{key}': {message}" if key else f"theme: {message}"))
    return found


def _check_plan(path: Path, source: TomlSource) -> list[Problem]:
    try:
        Plan.from_toml(source.text)
    except PlanError as exc:
        return [source.problem(_plan_line(source, message), f"plan: {message}") for message in str(exc).split("; ")]
    return []


# "action 2 when: ...", "review 1: ...", "team: ...", "votes for 'testa' ...": where each points.
_ENTRY_PROBLEM = re.compile(r"^(action|review) (\d+)(?: (\w+))?:")
_VOTES_PROBLEM = re.compile(r"^votes for '([^']+)'")
_TOP_PROBLEM = re.compile(r"^'?(\w+)'?[: ]")


def _plan_line(source: TomlSource, message: str) -> int:
    """The 1-based line a plan problem is about (the file's first line when it names none)."""
    if entry := _ENTRY_PROBLEM.match(message):
        section = "actions" if entry.group(1) == "action" else "review"
        span = source.entry_range(section, nth=int(entry.group(2)) - 1)
        return source.key_line(entry.group(3) or "what", span) or 1
    if votes := _VOTES_PROBLEM.match(message):
        return source.key_line(votes.group(1), source.table_span("votes")) or 1
    if top := _TOP_PROBLEM.match(message):
        return source.key_line(top.group(1), source.table_span("")) or 1
    return 1
