"""Start the app from a resolved config: open the store and check the deck and theme
first, so that a bad data directory or file is a clear message before the screen changes."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from ..core.config import Config
from ..core.instance_lock import DataDirInUse, InstanceLock
from ..core.logfile import configure_logging, log_exception
from ..core.paths import data_dir, user_decks_dir, user_themes_dir
from ..core.problems import FileProblems
from ..core.shelf import Shelf
from ..core.store import Store, StoreDamaged, StoreError

# A damaged database stays damaged: systemd is told not to restart (RestartPreventExitStatus).
EXIT_DATA_DAMAGED = 11
# So is a deck without a model: every mode starts with a vote.
EXIT_DECK_CANNOT_VOTE = 12


def deck_list(shelf: Shelf, language: str) -> str:
    """The decks on the shelf, saying which a session can vote with (every mode starts
    with a vote) and which hold challenges only."""
    voting = [deck_id for deck_id in shelf.ids() if shelf.can_vote(deck_id, language)]
    others = [deck_id for deck_id in shelf.ids() if deck_id not in voting]
    text = f"decks to vote with: {', '.join(voting) or 'none'}"
    return text + (f"; without a model (challenges only): {', '.join(others)}" if others else "")


def launch(config: Config) -> int:
    folder = data_dir(config.data_dir)
    lock = InstanceLock(folder)
    try:
        lock.acquire()
    except DataDirInUse as exc:
        print(f"innovationslek: {exc}", file=sys.stderr)
        return 1
    except OSError:
        pass  # no lock file possible (a read-only folder): opening the store says why
    try:
        return _launch(config, folder)
    finally:
        lock.release()


def _launch(config: Config, folder: Path) -> int:
    try:
        store = Store.open(folder)
    except StoreDamaged as exc:
        print(f"innovationslek: {exc}", file=sys.stderr)
        return EXIT_DATA_DAMAGED
    except StoreError as exc:
        print(f"innovationslek: {exc}", file=sys.stderr)
        return 1
    configure_logging(folder)
    try:
        shelf = Shelf(user_dir=user_decks_dir(folder))
        for name in config.decks:
            if name.endswith(".toml"):
                deck = shelf.add_file(Path(name))
                config = config.with_overrides(decks=(deck.id,))
            elif not shelf.has(name):
                print(f"innovationslek: no deck called '{name}' ({deck_list(shelf, config.language)})", file=sys.stderr)
                return 1
        if shelf.get(config.decks[0], config.language).model is None:
            # Every mode starts with a vote: refused here, not as a crash at the first
            # ballot (under systemd, a crash loop).
            print(
                f"innovationslek: the deck '{config.decks[0]}' has nothing to vote on (no model); "
                f"{deck_list(shelf, config.language)}",
                file=sys.stderr,
            )
            return EXIT_DECK_CANNOT_VOTE
        from .themes import resolve_theme

        resolve_theme(config.theme, user_dir=user_themes_dir(folder))
    except FileProblems as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    from .app import KioskApp

    app = KioskApp(config, store, shelf=shelf, data_dir=folder)
    # What is loaded by now (modules, decks, the app) lives as long as the process: the
    # cycle collector need not walk it again at every full collection (the one that fell
    # in the first screen's layout took a tenth of the start-up).
    gc.freeze()
    try:
        app.run()
    except Exception as exc:
        where = log_exception(exc, folder)
        print(f"innovationslek: unexpected error, details in {where}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return app.return_code or 0
