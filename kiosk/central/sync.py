"""``innovationslek sync --to URL``: send what the central database lacks, exactly once.

Each batch is one central transaction of whole sessions, inserted with ``ON CONFLICT DO
NOTHING`` on the global ids; only after the central COMMIT does the kiosk record the batch as
acknowledged. A sync that dies anywhere therefore leaves either nothing of a batch in the
central database, or all of it; in the second case the next sync sends the batch again and
the conflicts make that harmless. Nothing is lost and nothing is stored twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from .outbox import BATCH_ROWS, Batch, Outbox
from .pg import CentralError, connect, driver_errors, lost, redacted
from .settings import CentralSettings

INSERTS = {
    "sessions": "INSERT INTO sessions (kiosk_id, local_id, mode, deck, language, team, challenge, started, ended, "
    "status, state) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
    "ballots": "INSERT INTO ballots (kiosk_id, local_id, session_id, round, kind, answers, cast_at, undone_at) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
    "card_events": "INSERT INTO card_events (kiosk_id, local_id, session_id, card_id, event, slot, at) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
    "exercises": "INSERT INTO exercises (kiosk_id, local_id, session_id, card_id, started, ended, planned_seconds, "
    "actual_seconds) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
    "plans": "INSERT INTO plans (kiosk_id, local_id, session_id, code, created, team, document) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
}

# Called between the steps of a batch: ("sent", n) before the COMMIT, ("committed", n) after it
# and before the kiosk records it. Tests interrupt a sync exactly there.
Hook = Callable[[str, int], None]


@dataclass
class SyncResult:
    batches: int = 0
    sent: dict[str, int] = field(default_factory=dict)  # rows offered, per table
    new: int = 0  # rows the central database did not have yet
    waiting: int = 0  # sessions and plans still waiting afterwards

    @property
    def rows(self) -> int:
        return sum(self.sent.values())


def deliver(conn: Any, kiosk_id: str, batch: Batch) -> int:
    """Insert one batch inside the caller's transaction; returns the rows that were new."""
    new = 0
    with conn.cursor() as cur:
        # The kiosk records the batch as acknowledged after the COMMIT returns, so the COMMIT
        # must mean "on disk", whatever the server's default.
        cur.execute("SET LOCAL synchronous_commit = on")
        cur.execute(
            "INSERT INTO kiosks (kiosk_id) VALUES (%s) ON CONFLICT (kiosk_id) DO UPDATE SET last_sync = now()",
            (kiosk_id,),
        )
        for table, statement in INSERTS.items():
            rows = getattr(batch, table)
            if rows:
                cur.executemany(statement, rows)
                new += max(cur.rowcount, 0)
    return new


def send_batches(
    conn: Any,
    url: str,
    kiosk_id: str,
    batches: Iterable[Batch],
    result: SyncResult,
    acknowledge: Callable[[Batch], None],
    hook: Hook | None = None,
) -> None:
    for number, batch in enumerate(batches, start=1):
        try:
            with conn.transaction():
                result.new += deliver(conn, kiosk_id, batch)
                if hook:
                    hook("sent", number)
        except driver_errors() as exc:
            raise lost(exc, url) from None
        if hook:
            hook("committed", number)
        acknowledge(batch)
        result.batches += 1
        for table, n in batch.counts().items():
            result.sent[table] = result.sent.get(table, 0) + n


def sync(
    data_dir: Path | str,
    url: str,
    settings: CentralSettings | None = None,
    *,
    batch_rows: int = BATCH_ROWS,
    hook: Hook | None = None,
    outbox: Outbox | None = None,
) -> SyncResult:
    """Send everything ready that this central database has not acknowledged."""
    own = outbox is None
    outbox = outbox or Outbox(data_dir, settings)
    try:
        conn = connect(url)
        try:
            try:
                central = schema.ready(conn)
            except driver_errors() as exc:
                raise lost(exc, url) from None
            result = SyncResult()
            hint = redacted(url)
            send_batches(
                conn,
                url,
                outbox.kiosk_id,
                outbox.batches(central, batch_rows),
                result,
                lambda b: outbox.acknowledge(central, b, url_hint=hint),
                hook,
            )
            outbox.mark_synced(central, hint)
            result.waiting = outbox.waiting()
            return result
        finally:
            conn.close()
    finally:
        if own:
            outbox.close()


__all__ = ["CentralError", "SyncResult", "sync", "deliver", "send_batches"]
