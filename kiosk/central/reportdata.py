"""The report's input, read alike from the central PostgreSQL or from one kiosk's SQLite file:
sessions, live ballots (undone ones left out), chosen cards and plans, filtered by date and
team in the query."""

from __future__ import annotations

import json
import sqlite3
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..core.modes import FOLLOWUP
from ..core.store import DB_NAME
from .pg import URL_SCHEMES_PREFIXES, connect, driver_errors, lost


class ReportError(ValueError):
    """The report's source cannot be read; the message says why."""


@dataclass(frozen=True)
class SessionRecord:
    key: tuple[str, int]  # (kiosk id, local id)
    mode: str
    deck: str
    team: str
    started: datetime
    status: str
    review: tuple[str, ...]  # a follow-up's status per earlier action


@dataclass(frozen=True)
class BallotRecord:
    session: tuple[str, int]
    kind: str  # ballot | hands
    answers: dict  # ballot: question -> value; hands: question -> [[option, count], ...]


@dataclass(frozen=True)
class PlanRecord:
    session: tuple[str, int] | None
    team: str
    actions: int


@dataclass
class Dataset:
    sessions: dict[tuple[str, int], SessionRecord] = field(default_factory=dict)
    ballots: list[BallotRecord] = field(default_factory=list)
    card_events: list[tuple[tuple[str, int], str, str]] = field(default_factory=list)  # (session, card, event)
    plans: list[PlanRecord] = field(default_factory=list)
    kiosks: set[str] = field(default_factory=set)


def _moment(value: datetime | str) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _json(value: dict | str | None) -> dict:
    """A JSON column: PostgreSQL hands back the object, SQLite the text."""
    if isinstance(value, dict):
        return value
    if not isinstance(value, str | None):
        return {}
    try:
        return json.loads(value or "{}")
    except ValueError:
        return {}


def _actions(document: str) -> int:
    try:
        return len(tomllib.loads(document).get("actions", [])) if document else 0
    except tomllib.TOMLDecodeError:
        return 0


def _filters(since: str | None, team: str | None, placeholder: str, prefix: str = "s.") -> tuple[str, list]:
    where, values = "", []
    if since:
        where += f" AND {prefix}started >= {placeholder}"
        values.append(since)
    if team is not None:
        where += f" AND {prefix}team = {placeholder}"
        values.append(team)
    return where, values


# Rows as either database driver returns them.
Rows = Iterable[tuple[Any, ...]]


def _fill(
    data: Dataset, kiosk_of: Callable[[Any], str], sessions: Rows, ballots: Rows, events: Rows, plans: Rows
) -> Dataset:
    for kiosk, sid, mode, deck, team, started, status, state in sessions:
        key = (kiosk_of(kiosk), sid)
        review = _json(state).get("review", []) if mode == FOLLOWUP.name else []
        data.sessions[key] = SessionRecord(
            key, mode, deck, team, _moment(started), status, tuple(r for r in review if isinstance(r, str))
        )
        data.kiosks.add(key[0])
    data.ballots = [BallotRecord((kiosk_of(k), s), kind, _json(a)) for k, s, kind, a in ballots]
    data.card_events = [((kiosk_of(k), s), card, event) for k, s, card, event in events]
    data.plans = [
        PlanRecord((kiosk_of(k), s) if s is not None else None, team, _actions(doc)) for k, s, team, doc in plans
    ]
    return data


QUERIES = {
    "sessions": "SELECT {ks}, s.{id}, s.mode, s.deck, s.team, s.started, s.status, s.state FROM sessions s "
    "WHERE 1=1{where} ORDER BY s.started",
    "ballots": "SELECT {kb}, b.session_id, b.kind, b.answers FROM ballots b JOIN sessions s ON s.{id} = "
    "b.session_id{same} WHERE b.undone_at IS NULL{where} ORDER BY b.{id}",
    "events": "SELECT {kc}, c.session_id, c.card_id, c.event FROM card_events c JOIN sessions s ON s.{id} = "
    "c.session_id{same_c} WHERE c.event IN ('chosen', 'unchosen'){where} ORDER BY c.{id}",
    "plans": "SELECT {kp}, p.session_id, p.team, p.document FROM plans p LEFT JOIN sessions s ON s.{id} = "
    "p.session_id{same_p} WHERE 1=1{where_p} ORDER BY p.{id}",
}


def _query(name: str, *, central: bool, where: str, where_p: str) -> str:
    if central:
        parts = {
            "id": "local_id",
            "same": " AND s.kiosk_id = b.kiosk_id",
            "same_c": " AND s.kiosk_id = c.kiosk_id",
            "same_p": " AND s.kiosk_id = p.kiosk_id",
            **{f"k{a}": f"{a}.kiosk_id::text" for a in "sbcp"},
        }
    else:  # a kiosk file has no kiosk column: every row is this kiosk's
        parts = {"id": "id", "same": "", "same_c": "", "same_p": "", **{f"k{a}": "''" for a in "sbcp"}}
    return QUERIES[name].format(where=where, where_p=where_p, **parts)


def load(source: str, *, since: str | None = None, team: str | None = None) -> Dataset:
    if source.startswith(URL_SCHEMES_PREFIXES) or "://" in source:
        return _load_central(source, since, team)
    return _load_file(Path(source), since, team)


def _load_central(url: str, since: str | None, team: str | None) -> Dataset:
    from .schema import ready

    conn = connect(url)
    try:
        ready(conn)
        where, values = _filters(since, team, "%s")
        # Plans follow their session's filters; stand-alone plans only by their own team.
        where_p, values_p = _plans_filter(since, team, "%s")
        with conn.cursor() as cur:
            rows = {}
            for name in ("sessions", "ballots", "events"):
                cur.execute(_query(name, central=True, where=where, where_p=""), values)
                rows[name] = cur.fetchall()
            cur.execute(_query("plans", central=True, where="", where_p=where_p), values_p)
            rows["plans"] = cur.fetchall()
        return _fill(Dataset(), str, rows["sessions"], rows["ballots"], rows["events"], rows["plans"])
    except driver_errors() as exc:
        raise lost(exc, url) from None
    finally:
        conn.close()


def _plans_filter(since: str | None, team: str | None, placeholder: str) -> tuple[str, list]:
    where, values = "", []
    if since:
        where += f" AND p.created >= {placeholder}"
        values.append(since)
    if team is not None:
        where += f" AND p.team = {placeholder}"
        values.append(team)
    return where, values


def _load_file(path: Path, since: str | None, team: str | None) -> Dataset:
    if path.is_dir():
        path = path / DB_NAME
    if not path.is_file():
        raise ReportError(f"{path} is neither a postgresql:// URL nor a kiosk database file")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            has_id = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'kiosk_identity'").fetchone()
            kiosk = db.execute("SELECT id FROM kiosk_identity").fetchone()[0] if has_id else "local"
            where, values = _filters(since, team, "?")
            where_p, values_p = _plans_filter(since, team, "?")
            rows = {
                name: db.execute(_query(name, central=False, where=where, where_p=""), values).fetchall()
                for name in ("sessions", "ballots", "events")
            }
            rows["plans"] = db.execute(_query("plans", central=False, where="", where_p=where_p), values_p).fetchall()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise ReportError(f"{path} is not a readable kiosk database ({exc})") from None
    return _fill(Dataset(), lambda _: kiosk, rows["sessions"], rows["ballots"], rows["events"], rows["plans"])
