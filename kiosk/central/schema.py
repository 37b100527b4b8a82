"""The central database's schema, versioned like the kiosk's: ``MIGRATIONS[i]`` upgrades
version i to i + 1, and ``central_meta`` holds the version and the database's own id (which
the kiosks use to remember what this database has acknowledged).

Rows keep the kiosk's id and their local id as the primary key, so a row sent twice is
recognised (``ON CONFLICT DO NOTHING``) and never stored twice.
"""

from __future__ import annotations

from typing import Any

from .pg import CentralError, connect, driver_errors, lost

LOCK_KEY = 7_104_221_019  # pg_advisory_xact_lock: two `central init` at once take turns

MIGRATIONS: list[str] = [
    # 0 -> 1
    """
    CREATE TABLE central_meta (
        key text PRIMARY KEY,
        value text NOT NULL
    );
    INSERT INTO central_meta (key, value) VALUES ('database_id', gen_random_uuid()::text);
    CREATE TABLE kiosks (
        kiosk_id uuid PRIMARY KEY,
        first_seen timestamptz NOT NULL DEFAULT now(),
        last_sync timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE sessions (
        kiosk_id uuid NOT NULL REFERENCES kiosks,
        local_id bigint NOT NULL,
        mode text NOT NULL,
        deck text NOT NULL,
        language text NOT NULL,
        team text NOT NULL DEFAULT '',
        challenge text NOT NULL DEFAULT '',
        started timestamptz NOT NULL,
        ended timestamptz,
        status text NOT NULL,
        state jsonb NOT NULL DEFAULT '{}',
        received timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kiosk_id, local_id)
    );
    CREATE INDEX sessions_team_started ON sessions (team, started);
    CREATE TABLE ballots (
        kiosk_id uuid NOT NULL,
        local_id bigint NOT NULL,
        session_id bigint NOT NULL,
        round integer NOT NULL,
        kind text NOT NULL,
        answers jsonb NOT NULL,
        cast_at timestamptz NOT NULL,
        undone_at timestamptz,
        PRIMARY KEY (kiosk_id, local_id),
        FOREIGN KEY (kiosk_id, session_id) REFERENCES sessions (kiosk_id, local_id)
    );
    CREATE INDEX ballots_session ON ballots (kiosk_id, session_id);
    CREATE TABLE card_events (
        kiosk_id uuid NOT NULL,
        local_id bigint NOT NULL,
        session_id bigint NOT NULL,
        card_id text NOT NULL,
        event text NOT NULL,
        slot integer,
        at timestamptz NOT NULL,
        PRIMARY KEY (kiosk_id, local_id),
        FOREIGN KEY (kiosk_id, session_id) REFERENCES sessions (kiosk_id, local_id)
    );
    CREATE INDEX card_events_session ON card_events (kiosk_id, session_id);
    CREATE TABLE exercises (
        kiosk_id uuid NOT NULL,
        local_id bigint NOT NULL,
        session_id bigint NOT NULL,
        card_id text NOT NULL,
        started timestamptz NOT NULL,
        ended timestamptz,
        planned_seconds double precision NOT NULL,
        actual_seconds double precision,
        PRIMARY KEY (kiosk_id, local_id),
        FOREIGN KEY (kiosk_id, session_id) REFERENCES sessions (kiosk_id, local_id)
    );
    CREATE TABLE plans (
        kiosk_id uuid NOT NULL REFERENCES kiosks,
        local_id bigint NOT NULL,
        session_id bigint,
        code text NOT NULL,
        created timestamptz NOT NULL,
        team text NOT NULL DEFAULT '',
        document text NOT NULL,
        PRIMARY KEY (kiosk_id, local_id),
        FOREIGN KEY (kiosk_id, session_id) REFERENCES sessions (kiosk_id, local_id)
    )
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Any) -> int:
    """The schema version of an open connection's database (0: nothing there yet)."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('central_meta') IS NOT NULL")
        if not cur.fetchone()[0]:
            return 0
        cur.execute("SELECT value FROM central_meta WHERE key = 'schema_version'")
        row = cur.fetchone()
    return int(row[0]) if row else 0


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def init(url: str) -> tuple[int, int]:
    """Create or upgrade the central schema in one transaction; returns (before, after)."""
    conn = connect(url)
    try:
        with conn.transaction():
            with conn.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            before = current_version(conn)
            if before > SCHEMA_VERSION:
                raise newer(before)
            with conn.cursor() as cur:
                for target in range(before, SCHEMA_VERSION):
                    for statement in _statements(MIGRATIONS[target]):
                        cur.execute(statement)
                    cur.execute(
                        "INSERT INTO central_meta (key, value) VALUES ('schema_version', %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                        (str(target + 1),),
                    )
        return before, SCHEMA_VERSION
    except driver_errors() as exc:
        raise lost(exc, url) from None
    finally:
        conn.close()


def newer(version: int) -> CentralError:
    return CentralError(
        f"the central database has schema {version}, made by a newer version of innovationslek "
        f"(this one knows {SCHEMA_VERSION}); update this kiosk's software"
    )


def ready(conn: Any) -> str:
    """Check that the schema is this version's; returns the database id."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise newer(version)
    if version < SCHEMA_VERSION:
        raise CentralError(
            f"the central database has schema {version}, this kiosk needs {SCHEMA_VERSION}; "
            "run: innovationslek central init --db URL"
        )
    with conn.cursor() as cur:
        cur.execute("SELECT value FROM central_meta WHERE key = 'database_id'")
        database_id = cur.fetchone()[0]
    return database_id
