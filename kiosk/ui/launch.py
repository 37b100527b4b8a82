"""Start the app from a resolved config: open the store first so a bad data directory
is a clear message before the screen changes."""

from __future__ import annotations

import sys

from ..core.config import Config
from ..core.logfile import configure_logging
from ..core.paths import data_dir
from ..core.store import Store, StoreError


def launch(config: Config) -> int:
    folder = data_dir(config.data_dir)
    try:
        store = Store.open(folder)
    except StoreError as exc:
        print(f"innovationslek: {exc}", file=sys.stderr)
        return 1
    configure_logging(folder)
    from .app import KioskApp

    try:
        KioskApp(config).run()
    finally:
        store.close()
    return 0
