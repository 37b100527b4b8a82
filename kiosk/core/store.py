"""The store of record: one SQLite database (WAL) in the data directory.

Every ballot is committed the moment it is cast, before the screen says it counted, with
``synchronous=FULL`` so that neither a killed process nor a power cut loses it. The
schema is versioned with ``PRAGMA user_version``; ``MIGRATIONS[i]`` upgrades version i to
i + 1, so an old database is upgraded in place when a newer kiosk opens it.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from .tally import Entry
from .teams import team_key

if TYPE_CHECKING:  # plans are read back only after start-up: their module loads then
    from .plan import Plan

DB_NAME = "innovationslek.sqlite3"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed
CODE_LENGTH = 6

MIGRATIONS: list[str] = [
    # 0 -> 1
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        mode TEXT NOT NULL,
        deck TEXT NOT NULL,
        language TEXT NOT NULL,
        team TEXT NOT NULL DEFAULT '',
        challenge TEXT NOT NULL DEFAULT '',
        started TEXT NOT NULL,
        ended TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'abandoned')),
        state TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX sessions_team ON sessions (team, started);
    CREATE TABLE ballots (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        round INTEGER NOT NULL DEFAULT 1,
        kind TEXT NOT NULL CHECK (kind IN ('ballot', 'hands')),
        answers TEXT NOT NULL,
        cast_at TEXT NOT NULL,
        undone_at TEXT
    );
    CREATE INDEX ballots_session ON ballots (session_id, round);
    CREATE TABLE card_events (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        card_id TEXT NOT NULL,
        event TEXT NOT NULL CHECK (event IN ('dealt', 'chosen', 'unchosen')),
        slot INTEGER,
        at TEXT NOT NULL
    );
    CREATE INDEX card_events_session ON card_events (session_id);
    CREATE TABLE exercises (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        card_id TEXT NOT NULL,
        started TEXT NOT NULL,
        ended TEXT,
        planned_seconds REAL NOT NULL,
        actual_seconds REAL
    );
    CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions (id),
        code TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL,
        team TEXT NOT NULL DEFAULT '',
        document TEXT NOT NULL
    );
    """,
    # 1 -> 2: ids unique across kiosks (this kiosk's id plus each row's local id) and the
    # record of what a central database acknowledged (see kiosk/central/outbox.py).
    """
    CREATE TABLE kiosk_identity (
        id TEXT NOT NULL PRIMARY KEY,
        created TEXT NOT NULL
    );
    INSERT INTO kiosk_identity (id, created) VALUES (
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
        || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2)
        || '-' || lower(hex(randomblob(6))),
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    );
    CREATE TABLE central_acks (
        central TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('session', 'plan')),
        local_id INTEGER NOT NULL,
        acked_at TEXT NOT NULL,
        PRIMARY KEY (central, kind, local_id)
    ) WITHOUT ROWID;
    CREATE TABLE central_syncs (
        central TEXT NOT NULL PRIMARY KEY,
        url_hint TEXT NOT NULL DEFAULT '',
        last_synced TEXT NOT NULL
    );
    """,
    # 2 -> 3: phones as ballots. A room per session (its address), and the one-time
    # tokens phones hold, stored hashed and with nothing that ties a token to a ballot;
    # a session's tokens are deleted when its results are revealed.
    """
    CREATE TABLE phone_rooms (
        session_id INTEGER PRIMARY KEY REFERENCES sessions (id),
        room TEXT NOT NULL UNIQUE
    );
    CREATE TABLE phone_tokens (
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        token_hash TEXT NOT NULL,
        used INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (session_id, token_hash)
    ) WITHOUT ROWID;
    ALTER TABLE ballots ADD COLUMN source TEXT NOT NULL DEFAULT 'keyboard';
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(RuntimeError):
    """The data directory or database cannot be used; the message says why and what to do."""


class StoreDamaged(StoreError):
    """The database file is damaged: it will not get better by starting again, so the kiosk
    says where it is and how to move it aside, and systemd does not restart it."""

    def __init__(self, path: Path, detail: str):
        self.path = path
        super().__init__(
            f"{path} is not a usable database, it is damaged ({detail}). Move it aside and the kiosk starts "
            "with an empty one: "
            f"mv {path} {path}.damaged (and its -wal and -shm files, if there are any); keep the moved file, "
            "its votes and plans may be recoverable"
        )


TABLES = ("sessions", "ballots", "card_events", "exercises", "plans")


@dataclass(frozen=True)
class SessionRow:
    id: int
    mode: str
    deck: str
    language: str
    team: str
    challenge: str
    started: str
    ended: str | None
    status: str
    state: dict


def utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


class Store:
    def __init__(self, connection: sqlite3.Connection, path: Path, now: Callable[[], datetime] = utc_now):
        self.db = connection
        self.path = path
        self.now = now

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path | str, *, now: Callable[[], datetime] = utc_now, timeout: float = 5.0) -> Store:
        folder = Path(data_dir)
        if folder.exists() and not folder.is_dir():
            raise StoreError(f"the data directory {folder} is a file, not a folder")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the data directory {folder}: {exc.strerror or exc}") from None
        path = folder / DB_NAME
        try:
            db = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            store = cls(db, path, now)
            store.migrate()
            store.check_health()
            # Prove we can write now, not at the first vote.
            db.execute("BEGIN IMMEDIATE")
            db.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            reason = str(exc)
            if "readonly" in reason or "unable to open" in reason:
                raise StoreError(
                    f"cannot write to the data directory {folder} ({reason}); "
                    "choose another with --data-dir or fix its permissions"
                ) from None
            if "locked" in reason or "busy" in reason:
                raise StoreError(
                    f"the database in {folder} is locked by another program ({reason}); "
                    "is another kiosk running on the same data directory?"
                ) from None
            raise StoreError(f"cannot open the database {path}: {reason}") from None
        except sqlite3.DatabaseError as exc:
            raise StoreDamaged(path, str(exc)) from None
        return store

    def check_health(self) -> None:
        """Refuse a damaged database at the start, with a message saying what to do,
        instead of failing on the first screen that reads the broken part (and again at
        every restart)."""
        found = self.db.execute("PRAGMA quick_check(5)").fetchall()
        if [row[0] for row in found] != ["ok"]:
            raise StoreDamaged(self.path, "; ".join(str(row[0]) for row in found)[:200])
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [name for name in TABLES if name not in tables]
        if missing:
            raise StoreDamaged(self.path, f"table {', '.join(missing)} is missing")
        for table, column in (("sessions", "state"), ("ballots", "answers")):
            bad = self.db.execute(f"SELECT id FROM {table} WHERE json_valid({column}) = 0 LIMIT 1").fetchone()
            if bad is not None:
                raise StoreDamaged(self.path, f"{table} row {bad[0]} holds broken data in '{column}'")

    def migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the database {self.path} was made by a newer kiosk"
                f" (schema {version}, this one knows {SCHEMA_VERSION})"
            )
        for target in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _statements(MIGRATIONS[target]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {target + 1}")

    def close(self) -> None:
        self.db.close()

    @property
    def kiosk_id(self) -> str:
        """This kiosk's id (a UUID made by the schema migration); with a row's local id it
        names the row uniquely across every kiosk of an organisation."""
        return self.db.execute("SELECT id FROM kiosk_identity").fetchone()[0]

    # -- helpers ---------------------------------------------------------------------------
    class _Tx:
        def __init__(self, db: sqlite3.Connection):
            self.db = db

        def __enter__(self) -> sqlite3.Connection:
            self.db.execute("BEGIN IMMEDIATE")
            return self.db

        def __exit__(
            self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
        ) -> None:
            if kind is not None:
                self.db.execute("ROLLBACK")
                return
            try:
                self.db.execute("COMMIT")
            except sqlite3.Error:
                # A commit that fails (a full disk) leaves the transaction open; end it, so
                # that the next write does not fail on "a transaction within a transaction".
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise

    def transaction(self) -> Store._Tx:
        return Store._Tx(self.db)

    def _stamp(self) -> str:
        return _iso(self.now())

    # -- sessions --------------------------------------------------------------------------
    def start_session(self, mode: str, deck: str, language: str, *, team: str = "", challenge: str = "") -> int:
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO sessions (mode, deck, language, team, challenge, started) VALUES (?, ?, ?, ?, ?, ?)",
                (mode, deck, language, team, challenge, self._stamp()),
            )
            return _inserted_id(cur)

    def update_session(
        self, session_id: int, *, team: str | None = None, challenge: str | None = None, state: dict | None = None
    ) -> None:
        sets, values = [], []
        for column, value in (("team", team), ("challenge", challenge)):
            if value is not None:
                sets.append(f"{column} = ?")
                values.append(value)
        if state is not None:
            sets.append("state = ?")
            values.append(json.dumps(state, ensure_ascii=False, sort_keys=True))
        if sets:
            with self.transaction() as db:
                db.execute(f"UPDATE sessions SET {', '.join(sets)} WHERE id = ?", (*values, session_id))

    def end_session(self, session_id: int, status: str = "completed") -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE sessions SET status = ?, ended = ? WHERE id = ? AND status = 'open'",
                (status, self._stamp(), session_id),
            )

    def session(self, session_id: int) -> SessionRow | None:
        row = self.db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return _session_row(row) if row else None

    def sessions(
        self,
        *,
        status: str | None = None,
        modes: tuple[str, ...] = (),
        team: str | None = None,
        since: str | None = None,
    ) -> list[SessionRow]:
        query, values = "SELECT * FROM sessions WHERE 1=1", []
        if status:
            query += " AND status = ?"
            values.append(status)
        if modes:
            query += f" AND mode IN ({','.join('?' * len(modes))})"
            values.extend(modes)
        if since:
            query += " AND started >= ?"
            values.append(since)
        rows = [_session_row(r) for r in self.db.execute(query + " ORDER BY started, id", values)]
        if team is not None:  # compared as people mean it: case and spaces do not split a team
            rows = [r for r in rows if team_key(r.team) == team_key(team)]
        return rows

    def known_teams(self, modes: tuple[str, ...] = ()) -> list[str]:
        """Team names used so far, one per team (its latest spelling), the most recent first."""
        query = "SELECT team FROM sessions WHERE team != ''"
        values: list[str] = []
        if modes:
            query += f" AND mode IN ({','.join('?' * len(modes))})"
            values.extend(modes)
        names: dict[str, str] = {}
        for (name,) in self.db.execute(query + " ORDER BY started DESC, id DESC", values):
            names.setdefault(team_key(name), " ".join(name.split()))
        return list(names.values())

    # -- ballots ---------------------------------------------------------------------------
    def cast(self, session_id: int, entry: Entry, *, round_no: int = 1) -> int:
        """Store one ballot or count of hands; returns its row id once committed."""
        payload: dict[str, object]
        if entry.kind == "ballot":
            payload = dict(entry.answers)
        else:
            payload = {q: [[opt, n] for opt, n in counts.items()] for q, counts in entry.counts.items()}
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO ballots (session_id, round, kind, answers, cast_at) VALUES (?, ?, ?, ?, ?)",
                (session_id, round_no, entry.kind, json.dumps(payload, ensure_ascii=False), self._stamp()),
            )
            return _inserted_id(cur)

    def undo_last(self, session_id: int, *, round_no: int = 1) -> int | None:
        """Mark the session's last live ballot or count as undone (kept for the record).
        A phone's ballot is never undone from the keyboard."""
        with self.transaction() as db:
            row = db.execute(
                "SELECT id FROM ballots WHERE session_id = ? AND round = ? AND undone_at IS NULL "
                "AND source != 'phone' ORDER BY id DESC LIMIT 1",
                (session_id, round_no),
            ).fetchone()
            if row is None:
                return None
            db.execute("UPDATE ballots SET undone_at = ? WHERE id = ?", (self._stamp(), row[0]))
            return int(row[0])

    def entries(self, session_id: int, *, round_no: int = 1) -> list[Entry]:
        """The live ballots of a session, in the order cast (for resuming a vote)."""
        rows = self.db.execute(
            "SELECT kind, answers, source FROM ballots WHERE session_id = ? AND round = ? AND undone_at IS NULL "
            "ORDER BY id",
            (session_id, round_no),
        )
        return [_entry(kind, answers, source) for kind, answers, source in rows]

    def ballots(self, *, since: str | None = None) -> Iterator[BallotRecord]:
        """Every live ballot or count of hands (cast since ``since``), oldest first."""
        query = (
            "SELECT b.id, b.session_id, s.mode, b.round, b.cast_at, b.kind, b.answers FROM ballots b "
            "JOIN sessions s ON s.id = b.session_id WHERE b.undone_at IS NULL"
        )
        values = []
        if since:
            query += " AND b.cast_at >= ?"
            values.append(since)
        for ballot_id, session_id, mode, round_no, cast_at, kind, answers in self.db.execute(
            query + " ORDER BY b.id", values
        ):
            yield BallotRecord(ballot_id, session_id, mode, round_no, cast_at, _entry(kind, answers))

    # -- phone ballots ---------------------------------------------------------------------
    def phone_room(self, session_id: int, new_room: str) -> str:
        """The session's phone room; ``new_room`` becomes it if it has none yet."""
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO phone_rooms (session_id, room) VALUES (?, ?)", (session_id, new_room))
            return db.execute("SELECT room FROM phone_rooms WHERE session_id = ?", (session_id,)).fetchone()[0]

    def issue_token(self, session_id: int, token_hash: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO phone_tokens (session_id, token_hash) VALUES (?, ?)", (session_id, token_hash))

    def phone_tokens(self, session_id: int) -> dict[str, bool]:
        """token hash -> already used, for a round resumed after a restart."""
        return {
            h: bool(u)
            for h, u in self.db.execute("SELECT token_hash, used FROM phone_tokens WHERE session_id = ?", (session_id,))
        }

    def cast_with_tokens(self, session_id: int, ballots: list[tuple[str, Entry]], *, round_no: int = 1) -> list[bool]:
        """Store phone ballots in one transaction (one disk sync for the batch). Each
        spends its token; a ballot whose token is unknown or spent is not stored (False)."""
        stored: list[bool] = []
        stamp = self._stamp()
        with self.transaction() as db:
            for token_hash, entry in ballots:
                spent = db.execute(
                    "UPDATE phone_tokens SET used = 1 WHERE session_id = ? AND token_hash = ? AND used = 0",
                    (session_id, token_hash),
                ).rowcount
                if spent:
                    db.execute(
                        "INSERT INTO ballots (session_id, round, kind, answers, cast_at, source) "
                        "VALUES (?, ?, 'ballot', ?, ?, 'phone')",
                        (session_id, round_no, json.dumps(entry.answers, ensure_ascii=False), stamp),
                    )
                stored.append(bool(spent))
        return stored

    def forget_tokens(self, session_id: int) -> None:
        """After the reveal: nothing may tie a ballot to a phone any more."""
        self.db.execute("PRAGMA secure_delete = ON")  # overwrite the freed pages, not just unlink them
        with self.transaction() as db:
            db.execute("DELETE FROM phone_tokens WHERE session_id = ?", (session_id,))
        # The write-ahead log still holds the frames of every ballot's transaction (token
        # and ballot side by side): fold it into the database and empty it.
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- cards and exercises ---------------------------------------------------------------
    def card_event(self, session_id: int, card_id: str, event: str, slot: int | None = None) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO card_events (session_id, card_id, event, slot, at) VALUES (?, ?, ?, ?, ?)",
                (session_id, card_id, event, slot, self._stamp()),
            )

    def chosen_cards(self, session_id: int) -> list[str]:
        """Cards chosen and not un-chosen, in the order first chosen."""
        chosen: dict[str, None] = {}
        for card_id, event in self.db.execute(
            "SELECT card_id, event FROM card_events"
            " WHERE session_id = ? AND event IN ('chosen', 'unchosen') ORDER BY id",
            (session_id,),
        ):
            if event == "chosen":
                chosen.setdefault(card_id, None)
            else:
                chosen.pop(card_id, None)
        return list(chosen)

    def current_hand(self, session_id: int) -> list[str]:
        """The cards on the table: the last card dealt into each slot, by slot."""
        slots: dict[int, str] = {}
        for card_id, slot in self.db.execute(
            "SELECT card_id, slot FROM card_events WHERE session_id = ? AND event = 'dealt' ORDER BY id",
            (session_id,),
        ):
            if slot is not None:
                slots[slot] = card_id
        return [slots[k] for k in sorted(slots)]

    def latest_open(self, modes: tuple[str, ...], *, since: str | None = None) -> SessionRow | None:
        """The most recent session of these modes that never finished and holds something
        (for resuming). An open session that holds nothing (set up, then the program was
        closed) is not worth going on with: it is closed as abandoned on the way."""
        for row in reversed(self.sessions(status="open", modes=modes, since=since)):
            if self.holds_something(row.id):
                return row
            self.end_session(row.id, "abandoned")
        return None

    def holds_something(self, session_id: int) -> bool:
        """A live ballot or count, a chosen card or a typed plan field: something a group
        would lose."""
        live = self.db.execute(
            "SELECT 1 FROM ballots WHERE session_id = ? AND undone_at IS NULL LIMIT 1", (session_id,)
        ).fetchone()
        if live is not None or self.chosen_cards(session_id):
            return True
        row = self.session(session_id)
        return row is not None and bool(row.state.get("plan_draft"))

    def close_open(self, modes: tuple[str, ...], status: str = "abandoned") -> int:
        """Close every open session of these modes (a walk-up visitor who walked away)."""
        with self.transaction() as db:
            cur = db.execute(
                "UPDATE sessions SET status = ?, ended = ?"
                f" WHERE status = 'open' AND mode IN ({','.join('?' * len(modes))})",
                (status, self._stamp(), *modes),
            )
            return cur.rowcount

    def dealt_cards(self, session_id: int) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT card_id FROM card_events WHERE session_id = ? AND event = 'dealt' ORDER BY id", (session_id,)
            )
        ]

    def exercise_started(self, session_id: int, card_id: str, planned_seconds: float) -> int:
        with self.transaction() as db:
            cur = db.execute(
                "INSERT INTO exercises (session_id, card_id, started, planned_seconds) VALUES (?, ?, ?, ?)",
                (session_id, card_id, self._stamp(), planned_seconds),
            )
            return _inserted_id(cur)

    def exercise_ended(self, exercise_id: int, actual_seconds: float) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE exercises SET ended = ?, actual_seconds = ? WHERE id = ?",
                (self._stamp(), actual_seconds, exercise_id),
            )

    def exercises(self, session_id: int) -> list[tuple[str, float, float | None]]:
        return list(
            self.db.execute(
                "SELECT card_id, planned_seconds, actual_seconds FROM exercises WHERE session_id = ? ORDER BY id",
                (session_id,),
            )
        )

    # -- plans -----------------------------------------------------------------------------
    def save_plan(
        self,
        plan: Plan,
        session_id: int | None = None,
        *,
        before_commit: Callable[[str], None] | None = None,
        complete_session: bool = False,
    ) -> str:
        """Store the plan under a new short code (e.g. ``K7M2QX``) and return the code.

        One transaction: ``before_commit(code)`` (writing the plan's file) runs inside it,
        and the session is marked completed in it; if either fails, nothing is stored."""
        plan.check()
        document = plan.to_toml()
        for _ in range(20):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            try:
                with self.transaction() as db:
                    db.execute(
                        "INSERT INTO plans (session_id, code, created, team, document) VALUES (?, ?, ?, ?, ?)",
                        (session_id, code, self._stamp(), plan.team, document),
                    )
                    if complete_session and session_id is not None:
                        db.execute(
                            "UPDATE sessions SET status = 'completed', ended = ? WHERE id = ? AND status = 'open'",
                            (self._stamp(), session_id),
                        )
                    if before_commit is not None:
                        before_commit(code)
                return code
            except sqlite3.IntegrityError:
                continue
        raise StoreError("could not find a free plan code")

    def plan(self, code: str) -> Plan | None:
        row = self.db.execute("SELECT document FROM plans WHERE code = ?", (code.strip().upper(),)).fetchone()
        from .plan import Plan

        return Plan.from_toml(row[0]) if row else None

    def group_size_of_plan(self, code: str) -> int | None:
        """How many people the session that made plan ``code`` was set up for, if known."""
        row = self.db.execute(
            "SELECT s.state FROM plans p JOIN sessions s ON s.id = p.session_id WHERE p.code = ?",
            (code.strip().upper(),),
        ).fetchone()
        try:
            size = json.loads(row[0]).get("settings", {}).get("group_size") if row else None
        except (ValueError, AttributeError):  # a state written by another version: not known
            return None
        return size if isinstance(size, int) and size > 0 else None

    def plans(self, *, since: str | None = None) -> list[tuple[str, int | None, str, Plan]]:
        query, values = "SELECT code, session_id, created, document FROM plans", []
        if since:
            query += " WHERE created >= ?"
            values.append(since)
        from .plan import Plan

        return [(c, s, cr, Plan.from_toml(doc)) for c, s, cr, doc in self.db.execute(query + " ORDER BY id", values)]


def _inserted_id(cur: sqlite3.Cursor) -> int:
    if cur.lastrowid is None:  # sqlite3 sets it after every INSERT
        raise StoreError("the database gave the new row no id")
    return cur.lastrowid


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _session_row(row: tuple) -> SessionRow:
    session_id, mode, deck, language, team, challenge, started, ended, status, state = row[:10]
    return SessionRow(
        session_id, mode, deck, language, team, challenge, started, ended, status, state=json.loads(state or "{}")
    )


@dataclass(frozen=True)
class BallotRecord:
    """A stored ballot or count of hands with where and when it was cast."""

    id: int
    session_id: int
    mode: str
    round: int
    cast_at: str
    entry: Entry


def _entry(kind: str, payload: str, source: str = "keyboard") -> Entry:
    """An entry from its stored JSON (hands are kept as [option, count] pairs, because JSON
    object keys would turn the numbered options into strings)."""
    data = json.loads(payload)
    if kind == "ballot":
        return Entry("ballot", answers=data, source=source)
    return Entry("hands", counts={q: {opt: n for opt, n in pairs} for q, pairs in data.items()})
