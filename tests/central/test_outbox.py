"""The kiosk side of the organisation's view, without a server: global ids by migration,
what is ready to leave, what the configuration lets out, bundles that are refused."""

from __future__ import annotations

import gzip
import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.central.bundle import BundleError, read_bundle, write_bundle
from kiosk.central.outbox import Outbox, redact_plan
from kiosk.central.settings import CentralSettings, load_central
from kiosk.core.plan import Action, Plan
from kiosk.core.store import DB_NAME, MIGRATIONS, SCHEMA_VERSION, Store
from kiosk.core.votes import Entry


def _plan(mode="checkin", who="Anna och Erik"):
    return Plan(
        deck="innovationslek",
        language="sv",
        mode=mode,
        created=datetime(2026, 11, 1, tzinfo=UTC),
        actions=[Action(what="Intervjua fem brukare", how="Korta samtal", when="i december", who=who)],
        team="Bygglov" if mode != "walkup" else "",
    )


def test_an_existing_database_gets_a_kiosk_id_and_keeps_its_rows(tmp_path):
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    db.execute(
        "INSERT INTO sessions (mode, deck, language, started) VALUES ('checkin', 'innovationslek', 'sv', "
        "'2026-01-01T10:00:00+00:00')"
    )
    db.commit()
    db.close()
    store = Store.open(tmp_path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert len(store.kiosk_id) == 36 and store.kiosk_id[14] == "4"
    row = store.session(1)
    assert row is not None and row.mode == "checkin"
    kiosk = store.kiosk_id
    store.close()
    assert Store.open(tmp_path).kiosk_id == kiosk  # stable across openings


def test_every_kiosk_gets_its_own_id(tmp_path):
    ids = {Store.open(tmp_path / str(i)).kiosk_id for i in range(20)}
    assert len(ids) == 20


def test_only_finished_or_stale_sessions_leave(tmp_path):
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    clock = [now - timedelta(hours=30)]
    store = Store.open(tmp_path, now=lambda: clock[0])
    stale = store.start_session("workshop", "innovationslek", "sv")  # never finished, 30 hours old
    clock[0] = now - timedelta(hours=1)
    done = store.start_session("checkin", "innovationslek", "sv")
    store.cast(done, Entry("ballot", answers={"testa": 3}))
    store.end_session(done)
    store.start_session("checkin", "innovationslek", "sv")  # still open: it can still change
    store.close()
    outbox = Outbox(tmp_path, now=lambda: now)
    assert outbox.pending_sessions("x") == [stale, done]
    (batch,) = list(outbox.batches("x"))
    assert [s[1] for s in batch.sessions] == [stale, done] and len(batch.ballots) == 1
    assert all(row[0] == outbox.kiosk_id for row in batch.sessions + batch.ballots)
    outbox.acknowledge("x", batch)
    assert outbox.pending_sessions("x") == [] and outbox.waiting() == 0
    assert outbox.pending_sessions("another central") == [stale, done]  # acks are per central database
    outbox.close()


def test_names_in_who_stay_on_the_kiosk_by_default():
    document = _plan().to_toml()
    assert "Anna" not in redact_plan(document, "checkin", CentralSettings())
    assert "Intervjua fem brukare" in redact_plan(document, "checkin", CentralSettings())
    assert "Anna och Erik" in redact_plan(document, "checkin", CentralSettings(send_who=True))


def test_walkup_text_leaves_only_where_the_kiosk_allows_it():
    document = _plan(mode="walkup", who="").to_toml()
    assert "Intervjua" not in redact_plan(document, "walkup", CentralSettings())
    assert "Intervjua" in redact_plan(document, "walkup", CentralSettings(send_walkup_text=True))


def test_plans_in_a_batch_are_redacted(tmp_path):
    store = Store.open(tmp_path)
    sid = store.start_session("checkin", "innovationslek", "sv", team="Bygglov")
    store.save_plan(_plan(), sid)
    store.end_session(sid)
    store.close()
    outbox = Outbox(tmp_path)
    (batch,) = list(outbox.batches("x"))
    assert len(batch.plans) == 1 and "Anna" not in batch.plans[0][6] and "Intervjua" in batch.plans[0][6]
    outbox.close()


def test_central_settings_from_kiosk_toml(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(
        'export_walkup_text = true\n[central]\nurl = "postgresql://k:p@db.example/org"\n'
        "interval_minutes = 5\nsend_who = true\n",
        encoding="utf-8",
    )
    settings, problems = load_central(path)
    assert problems == []
    assert settings == CentralSettings("postgresql://k:p@db.example/org", 5, True, True)
    path.write_text('[central]\nurl = "http://x"\nintervall = 5\n', encoding="utf-8")
    settings, problems = load_central(path)
    assert settings.url == "" and len(problems) == 2
    assert "must start with postgresql://" in str(problems[0]) and "intervall" in str(problems[1])


def test_the_kiosk_config_accepts_and_checks_the_central_table(tmp_path):
    from kiosk.core.config import load_config

    path = tmp_path / "kiosk.toml"
    path.write_text('[central]\nurl = "postgresql://k@db/org"\ninterval_minutes = 0\n', encoding="utf-8")
    config, problems = load_config(path)
    assert problems == [] and config.central.url == "postgresql://k@db/org" and not config.central.background
    path.write_text('[central]\ninterval_minutes = "often"\n', encoding="utf-8")
    _, problems = load_config(path)
    assert any("interval_minutes" in str(p) for p in problems)


def _demo_bundle(tmp_path):
    from kiosk.central.demo import generate

    generate(tmp_path / "kiosk", teams=1, months=2, seed=3)
    write_bundle(tmp_path / "kiosk", tmp_path / "b.bundle")
    return tmp_path / "b.bundle"


def test_a_bundle_reads_back_what_was_written(tmp_path):
    path = _demo_bundle(tmp_path)
    kiosk, tables = read_bundle(path)
    store = Store.open(tmp_path / "kiosk")
    assert kiosk == store.kiosk_id
    assert len(tables["ballots"]) == store.db.execute("SELECT COUNT(*) FROM ballots").fetchone()[0]
    store.close()


@pytest.mark.parametrize("damage", ["cut", "flip", "foreign", "edited", "not gzip"])
def test_a_damaged_bundle_is_refused_with_a_reason(tmp_path, damage):
    path = _demo_bundle(tmp_path)
    raw = path.read_bytes()
    if damage == "cut":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "flip":
        path.write_bytes(raw[:100] + bytes([raw[100] ^ 0xFF]) + raw[101:])
    elif damage == "foreign":
        path.write_bytes(gzip.compress(b'{"hello": "world"}'))
    elif damage == "edited":  # valid gzip and JSON, but a row changed after writing
        doc = json.loads(gzip.decompress(raw))
        doc["tables"]["ballots"][0][4] = "hands"
        path.write_bytes(gzip.compress(json.dumps(doc).encode()))
    else:
        path.write_text("sessions;ballots\n1;2\n")
    with pytest.raises(BundleError) as caught:
        read_bundle(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
