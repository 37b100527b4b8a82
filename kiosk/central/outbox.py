"""What is ready to leave the kiosk, in batches, and the record of what a central database
acknowledged.

A session leaves once it is over (completed or abandoned), or once it has been open longer
than ``STALE_HOURS`` (a workshop nobody finished), together with its ballots, card events,
exercises and plans; a session is never sent while it can still change. A row's global id is
(this kiosk's id, its local id). Acknowledgements are kept per central database (by that
database's own id), so a kiosk can feed a second database from the start.

The outbox uses its own SQLite connection, so a background sync never shares the screen's.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..core.modes import WALKUP
from ..core.plan import Action, Plan, PlanError
from ..core.store import DB_NAME, SCHEMA_VERSION, Store, StoreError
from .settings import CentralSettings

STALE_HOURS = 24
BATCH_ROWS = 2000  # rows per transaction: small enough to retry cheaply, large enough to be fast

log = logging.getLogger(__name__)


@dataclass
class Batch:
    """Rows for one central transaction. Tuples are in the central tables' column order."""

    sessions: list[tuple] = field(default_factory=list)
    ballots: list[tuple] = field(default_factory=list)
    card_events: list[tuple] = field(default_factory=list)
    exercises: list[tuple] = field(default_factory=list)
    plans: list[tuple] = field(default_factory=list)
    session_ids: list[int] = field(default_factory=list)
    plan_ids: list[int] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(len(t) for t in (self.sessions, self.ballots, self.card_events, self.exercises, self.plans))

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in TABLES}


TABLES = ("sessions", "ballots", "card_events", "exercises", "plans")


def redact_plan(document: str, mode: str, settings: CentralSettings) -> str:
    """The plan as it may leave the kiosk: without the names in "who" unless allowed, and a
    walk-up visitor's own words only where the kiosk allows them out."""
    try:
        plan = Plan.from_toml(document)
    except (PlanError, ValueError) as exc:  # cannot tell what is in it: send none of its text
        log.warning("a stored plan could not be read for redaction (%s); its text stays on the kiosk", exc)
        return ""
    actions = plan.actions
    if plan.mode == WALKUP.name and not settings.send_walkup_text:
        actions = [Action(what="-", when=a.when) for a in actions]
    if not settings.send_who:
        actions = [replace(a, who="") for a in actions]
    return replace(plan, actions=actions).to_toml()


class Outbox:
    def __init__(
        self,
        data_dir: Path | str,
        settings: CentralSettings | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        timeout: float = 10.0,
    ):
        # Its own connection, not Store.open: the running kiosk may hold the data directory.
        self.path = Path(data_dir) / DB_NAME
        if not self.path.is_file():
            raise StoreError(f"no kiosk database in {Path(data_dir)} (give the kiosk's --data-dir)")
        try:
            self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA synchronous=FULL")
            if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                Store(self.db, self.path).migrate()  # an older database gets its global ids here
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable kiosk database ({exc})") from None
        self.settings = settings or CentralSettings()
        self.now = now
        self.kiosk_id = self.db.execute("SELECT id FROM kiosk_identity").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def _stale_before(self) -> str:
        return (self.now() - timedelta(hours=STALE_HOURS)).astimezone(UTC).isoformat(timespec="milliseconds")

    # -- what waits -------------------------------------------------------------------------
    def pending_sessions(self, central: str) -> list[int]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM sessions s WHERE (status != 'open' OR started < ?) AND NOT EXISTS ("
                " SELECT 1 FROM central_acks a WHERE a.central = ? AND a.kind = 'session' AND a.local_id = s.id)"
                " ORDER BY id",
                (self._stale_before(), central),
            )
        ]

    def pending_plans(self, central: str) -> list[int]:
        """Plans not acknowledged whose session has gone (or that have none)."""
        return [
            r[0]
            for r in self.db.execute(
                "SELECT p.id FROM plans p WHERE NOT EXISTS ("
                " SELECT 1 FROM central_acks a WHERE a.central = ? AND a.kind = 'plan' AND a.local_id = p.id)"
                " AND (p.session_id IS NULL OR EXISTS (SELECT 1 FROM central_acks a WHERE a.central = ?"
                "  AND a.kind = 'session' AND a.local_id = p.session_id)) ORDER BY p.id",
                (central, central),
            )
        ]

    def last_central(self) -> tuple[str, str] | None:
        """(central id, when) of the most recent successful sync, if any."""
        row = self.db.execute(
            "SELECT central, last_synced FROM central_syncs ORDER BY last_synced DESC LIMIT 1"
        ).fetchone()
        return (row[0], row[1]) if row else None

    def waiting(self) -> int:
        """Sessions and stand-alone plans not yet acknowledged by the last central database."""
        last = self.last_central()
        central = last[0] if last else ""
        return len(self.pending_sessions(central)) + len(self.pending_plans(central))

    # -- batches ----------------------------------------------------------------------------
    def batches(self, central: str, batch_rows: int = BATCH_ROWS) -> Iterator[Batch]:
        """Batches of whole sessions (a session is never split), then stand-alone plans."""
        batch = Batch()
        for session_id in self.pending_sessions(central):
            self._add_session(batch, session_id)
            if batch.rows >= batch_rows:
                yield batch
                batch = Batch()
        if batch.rows:
            yield batch
        batch = Batch()
        for plan_id in self.pending_plans(central):
            batch.plans.extend(self._plans("id = ?", plan_id))
            batch.plan_ids.append(plan_id)
            if batch.rows >= batch_rows:
                yield batch
                batch = Batch()
        if batch.rows:
            yield batch

    def _add_session(self, batch: Batch, session_id: int) -> None:
        k = self.kiosk_id
        row = self.db.execute(
            "SELECT id, mode, deck, language, team, challenge, started, ended, status, state"
            " FROM sessions WHERE id = ?",
            (session_id,),
        ).fetchone()
        batch.sessions.append((k, *row[:9], row[9] or "{}"))
        batch.session_ids.append(session_id)
        batch.ballots.extend(
            (k, *r)
            for r in self.db.execute(
                "SELECT id, session_id, round, kind, answers, cast_at, undone_at"
                " FROM ballots WHERE session_id = ? ORDER BY id",
                (session_id,),
            )
        )
        batch.card_events.extend(
            (k, *r)
            for r in self.db.execute(
                "SELECT id, session_id, card_id, event, slot, at FROM card_events WHERE session_id = ? ORDER BY id",
                (session_id,),
            )
        )
        batch.exercises.extend(
            (k, *r)
            for r in self.db.execute(
                "SELECT id, session_id, card_id, started, ended, planned_seconds, actual_seconds FROM exercises "
                "WHERE session_id = ? ORDER BY id",
                (session_id,),
            )
        )
        plans = self._plans("session_id = ?", session_id)
        batch.plans.extend(plans)
        batch.plan_ids.extend(p[1] for p in plans)

    def _plans(self, where: str, value: int) -> list[tuple]:
        rows = self.db.execute(
            "SELECT p.id, p.session_id, p.code, p.created, p.team, p.document, COALESCE(s.mode, '') FROM plans p "
            f"LEFT JOIN sessions s ON s.id = p.session_id WHERE p.{where} ORDER BY p.id",
            (value,),
        )
        return [
            (self.kiosk_id, pid, sid, code, created, team, redact_plan(doc, mode, self.settings))
            for pid, sid, code, created, team, doc, mode in rows
        ]

    # -- acknowledgements -------------------------------------------------------------------
    def acknowledge(self, central: str, batch: Batch, *, url_hint: str = "") -> None:
        stamp = self.now().astimezone(UTC).isoformat(timespec="milliseconds")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.executemany(
                "INSERT OR IGNORE INTO central_acks (central, kind, local_id, acked_at) VALUES (?, ?, ?, ?)",
                [(central, "session", i, stamp) for i in batch.session_ids]
                + [(central, "plan", i, stamp) for i in batch.plan_ids],
            )
            self.mark_synced(central, url_hint, stamp)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def mark_synced(self, central: str, url_hint: str, stamp: str | None = None) -> None:
        stamp = stamp or self.now().astimezone(UTC).isoformat(timespec="milliseconds")
        self.db.execute(
            "INSERT INTO central_syncs (central, url_hint, last_synced) VALUES (?, ?, ?) "
            "ON CONFLICT (central) DO UPDATE SET url_hint = excluded.url_hint, last_synced = excluded.last_synced",
            (central, url_hint, stamp),
        )

    # -- the kiosk's own counts (what the central database must hold for this kiosk) --------
    def counts(self) -> dict[str, int]:
        return {name: self.db.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0] for name in TABLES}
