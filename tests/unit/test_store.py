from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, date, datetime

import pytest

from kiosk.core.plan import Action, Plan
from kiosk.core.store import DB_NAME, SCHEMA_VERSION, Store, StoreError
from kiosk.core.votes import Entry


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path)
    yield s
    s.close()


def test_ballot_is_readable_from_a_second_connection_at_once(store, tmp_path):
    sid = store.start_session("workshop", "innovationslek", "sv", team="Bygglov")
    store.cast(sid, Entry("ballot", answers={"level": "both", "testa": 2}))
    other = sqlite3.connect(tmp_path / DB_NAME)
    rows = other.execute("SELECT session_id, kind, answers FROM ballots").fetchall()
    other.close()
    assert rows == [(sid, "ballot", '{"level": "both", "testa": 2}')]


def test_wal_and_full_sync(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_undo_keeps_a_record_but_hides_the_ballot(store):
    sid = store.start_session("checkin", "innovationslek", "sv")
    store.cast(sid, Entry("ballot", answers={"testa": 1}))
    store.cast(sid, Entry("ballot", answers={"testa": 5}))
    store.undo_last(sid)
    assert [e.answers for e in store.entries(sid)] == [{"testa": 1}]
    assert store.db.execute("SELECT COUNT(*) FROM ballots").fetchone()[0] == 2
    store.undo_last(sid)
    assert store.undo_last(sid) is None


def test_hands_round_trip_keeps_option_types(store):
    sid = store.start_session("workshop", "innovationslek", "sv")
    store.cast(sid, Entry("hands", counts={"testa": {1: 2, 5: 1}, "level": {"both": 3}}))
    (entry,) = store.entries(sid)
    assert entry.counts == {"testa": {1: 2, 5: 1}, "level": {"both": 3}}


def test_sessions_cards_exercises(store):
    sid = store.start_session("workshop", "innovationslek", "sv")
    store.update_session(sid, team="Team A", state={"screen": "deal"})
    for slot, cid in enumerate(["a", "b", "c"]):
        store.card_event(sid, cid, "dealt", slot)
    store.card_event(sid, "b", "chosen")
    store.card_event(sid, "c", "chosen")
    store.card_event(sid, "b", "unchosen")
    assert store.dealt_cards(sid) == ["a", "b", "c"]
    assert store.chosen_cards(sid) == ["c"]
    ex = store.exercise_started(sid, "c", 600)
    store.exercise_ended(ex, 655.5)
    assert store.exercises(sid) == [("c", 600.0, 655.5)]
    row = store.session(sid)
    assert row.team == "Team A" and row.state == {"screen": "deal"} and row.status == "open"
    assert [s.id for s in store.sessions(status="open", modes=("workshop",))] == [sid]
    store.end_session(sid)
    assert store.session(sid).status == "completed"
    store.end_session(sid, "abandoned")  # a closed session stays as it was
    assert store.session(sid).status == "completed"


def test_plan_saved_under_a_short_code(store):
    plan = Plan(
        deck="innovationslek",
        language="sv",
        mode="walkup",
        created=datetime(2026, 11, 24, 10, 0, tzinfo=UTC),
        cards=["pdsa"],
        actions=[Action(what="Prova PDSA")],
        follow_up=date(2026, 12, 24),
    )
    code = store.save_plan(plan)
    assert len(code) == 6 and code.isalnum() and code.upper() == code
    assert store.plan(code.lower()) == plan
    assert store.plan("NOPE00") is None


def test_reopen_keeps_everything_and_schema_version(tmp_path):
    first = Store.open(tmp_path)
    sid = first.start_session("workshop", "d", "sv")
    first.cast(sid, Entry("ballot", answers={"a": 3}))
    first.close()
    second = Store.open(tmp_path)
    assert second.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [e.answers for e in second.entries(sid)] == [{"a": 3}]
    second.close()


def test_newer_database_is_refused(tmp_path):
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer kiosk"):
        Store.open(tmp_path)


def test_not_a_database(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable database"):
        Store.open(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_directory(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    with pytest.raises(StoreError, match="cannot write"):
        Store.open(folder)


def test_data_dir_that_is_a_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the data directory"):
        Store.open(blocker / "sub")


def test_locked_database_is_a_clear_message(tmp_path):
    Store.open(tmp_path).close()
    holder = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked by another program"):
            Store.open(tmp_path, timeout=0.1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
