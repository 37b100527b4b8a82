"""The background sync: a daemon thread that runs ``sync`` every ``interval_minutes`` when
kiosk.toml has a ``[central] url``. It has its own SQLite and PostgreSQL connections, so
the screen never waits on the network; a failure is remembered (for the facilitator menu)
and logged, and the next round simply tries again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .pg import CentralError
from .settings import CentralSettings

log = logging.getLogger(__name__)
FIRST_DELAY_SECONDS = 5.0  # let the first screen settle before the first round


@dataclass(frozen=True)
class SyncStatus:
    last_synced: datetime | None
    waiting: int
    error: str = ""


def read_status(data_dir: Path | str, error: str = "") -> SyncStatus:
    """When this kiosk last synced and how much waits (read from its own database)."""
    from .outbox import Outbox

    outbox = Outbox(data_dir)
    try:
        last = outbox.last_central()
        when = datetime.fromisoformat(last[1]) if last else None
        return SyncStatus(when, outbox.waiting(), error)
    finally:
        outbox.close()


class BackgroundSync:
    def __init__(self, data_dir: Path | str, settings: CentralSettings, *, first_delay: float | None = None):
        self.data_dir = Path(data_dir)
        self.settings = settings
        self.first_delay = FIRST_DELAY_SECONDS if first_delay is None else first_delay
        self.last_error = ""
        self.rounds = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None and self.settings.background:
            self._thread = threading.Thread(target=self._loop, name="central-sync", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def run_once(self) -> None:
        from .sync import sync

        try:
            sync(self.data_dir, self.settings.url, self.settings)
            self.last_error = ""
        except CentralError as exc:
            self.last_error = exc.reason
            log.warning("background sync: %s", exc)
        except Exception as exc:  # never let the thread die on something unexpected
            self.last_error = type(exc).__name__
            log.exception("background sync failed")
        self.rounds += 1

    def _loop(self) -> None:
        if self._stop.wait(self.first_delay):
            return
        while not self._stop.is_set():
            self.run_once()
            if self._stop.wait(self.settings.interval_minutes * 60):
                return

    def status(self) -> SyncStatus:
        return read_status(self.data_dir, self.last_error)


def status_text(status: SyncStatus | None, t: Callable[..., str], lang: str) -> str:
    """The facilitator menu's line; ``t`` is the catalogue lookup."""
    if status is None:
        return t(lang, "central.sync_off")
    if status.error:
        reason = status.error if len(status.error) <= 60 else status.error[:57] + "..."
        return t(lang, "central.sync_failed", reason=reason, n=status.waiting)
    if status.last_synced is None:
        return t(lang, "central.never_synced", n=status.waiting)
    when = status.last_synced.astimezone().strftime("%Y-%m-%d %H:%M")
    return t(lang, "central.synced", when=when, n=status.waiting)
