"""Sync, bundles and the central schema against a real PostgreSQL server, with every fault of
issue 19: each ends with central counts equal to the kiosks' own, and no row twice."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kiosk.central import schema
from kiosk.central.bundle import import_bundle, write_bundle
from kiosk.central.demo import generate
from kiosk.central.outbox import Outbox
from kiosk.central.pg import CentralError
from kiosk.central.sync import sync
from kiosk.core.store import Store

from .helpers import assert_central_matches, central_rows
from .pg_server import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "kiosk.cli"]


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)


@pytest.fixture
def kiosk(tmp_path):
    folder = tmp_path / "kiosk"
    generate(folder, teams=3, months=6, seed=11)
    return folder


def test_sync_sends_everything_once_and_a_second_sync_sends_nothing(kiosk, central_url):
    first = sync(kiosk, central_url, batch_rows=60)
    assert first.batches > 3 and first.waiting == 0
    counts = assert_central_matches(central_url, [kiosk])
    assert first.new == sum(counts.values())
    second = sync(kiosk, central_url)
    assert second.batches == 0 and second.new == 0
    assert assert_central_matches(central_url, [kiosk]) == counts


def test_the_cli_syncs_and_says_what_it_did(kiosk, central_url):
    result = _cli("sync", "--to", central_url, "--data-dir", str(kiosk))
    assert result.returncode == 0, result.stderr
    assert "0 waiting" in result.stderr and "Traceback" not in result.stderr
    assert_central_matches(central_url, [kiosk])


def test_acknowledged_marks_survive_and_new_sessions_follow(kiosk, central_url):
    sync(kiosk, central_url)
    generate(kiosk, teams=1, months=1, seed=99)  # more activity on the same kiosk
    outbox = Outbox(kiosk)
    assert outbox.waiting() > 0
    outbox.close()
    result = sync(kiosk, central_url)
    assert result.new > 0 and result.waiting == 0
    assert_central_matches(central_url, [kiosk])


KILLER = textwrap.dedent("""
    import os, signal, sys
    from kiosk.central.sync import sync
    stage, number = sys.argv[3], int(sys.argv[4])
    def hook(at, n):
        if at == stage and n == number:
            os.kill(os.getpid(), signal.SIGKILL)
    sync(sys.argv[1], sys.argv[2], batch_rows=80, hook=hook)
""")


@pytest.mark.parametrize("stage", ["sent", "committed"])
def test_a_sync_killed_mid_batch_is_completed_by_the_next(kiosk, central_url, stage):
    """SIGKILL inside batch 3's transaction (nothing of it arrives) or just after its COMMIT
    and before the kiosk recorded it (it arrives, and is sent again by the next sync)."""
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(kiosk), central_url, stage, "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == -signal.SIGKILL
    outbox = Outbox(kiosk)
    acked = outbox.db.execute("SELECT COUNT(*) FROM central_acks WHERE kind = 'session'").fetchone()[0]
    outbox.close()
    sessions_there = len(central_rows(central_url)["sessions"])
    assert acked > 0
    if stage == "sent":
        assert sessions_there == acked  # batches 1-2 arrived and were recorded; nothing of batch 3
    else:
        assert sessions_there > acked  # batch 3 arrived but the kiosk never recorded it
    result = sync(kiosk, central_url, batch_rows=80)
    assert result.waiting == 0
    assert_central_matches(central_url, [kiosk])


def test_the_server_stopped_mid_sync_loses_nothing(kiosk, central_url, pg_server):
    def stop_during_batch(stage, number):
        if stage == "sent" and number == 2:
            pg_server.stop("immediate")

    try:
        with pytest.raises(CentralError) as caught:
            sync(kiosk, central_url, batch_rows=80, hook=stop_during_batch)
        assert "\n" not in str(caught.value) and PASSWORD not in str(caught.value)
        with pytest.raises(CentralError, match="refused"):
            sync(kiosk, central_url)  # still down
    finally:
        pg_server.start()
    assert len(central_rows(central_url)["sessions"]) > 0  # batch 1 is there
    sync(kiosk, central_url)
    assert_central_matches(central_url, [kiosk])


def test_a_refused_connection_changes_nothing(kiosk, pg_server):
    url = f"postgresql://central:{PASSWORD}@127.0.0.1:1/nothing"
    result = _cli("sync", "--to", url, "--data-dir", str(kiosk))
    assert result.returncode == 1
    assert "connection refused" in result.stderr and PASSWORD not in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    outbox = Outbox(kiosk)
    assert outbox.db.execute("SELECT COUNT(*) FROM central_acks").fetchone()[0] == 0
    outbox.close()


def test_ten_kiosks_syncing_at_once(tmp_path, central_url):
    folders = [tmp_path / f"k{i}" for i in range(10)]
    for i, folder in enumerate(folders):
        generate(folder, teams=1, months=3, seed=100 + i, kiosk_no=i + 1)
    procs = [
        subprocess.Popen(
            [*CLI, "sync", "--to", central_url, "--data-dir", str(f), "--batch-rows", "60"],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in folders
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    counts = assert_central_matches(central_url, folders)
    assert counts["ballots"] > 300


def test_the_same_bundle_imported_twice_stores_every_row_once(kiosk, central_url, tmp_path):
    bundle = tmp_path / "kiosk.bundle"
    # The data directory may be named before or after the command; both give the same bundle.
    after = _cli("export", "--bundle", str(tmp_path / "after.bundle"), "--data-dir", str(kiosk))
    assert after.returncode == 0, after.stderr
    exported = _cli("--data-dir", str(kiosk), "export", "--bundle", str(bundle))
    assert exported.returncode == 0, exported.stderr
    first = _cli("import", str(bundle), "--to", central_url)
    assert first.returncode == 0, first.stderr
    counts = assert_central_matches(central_url, [kiosk])
    second = import_bundle(bundle, central_url, batch_rows=50)
    assert second.new == 0 and second.rows == sum(counts.values())
    assert assert_central_matches(central_url, [kiosk]) == counts
    # A sync after the bundle finds everything there already.
    assert sync(kiosk, central_url).new == 0


def test_an_import_interrupted_half_way_is_completed_by_importing_again(kiosk, central_url, tmp_path):
    bundle = tmp_path / "kiosk.bundle"
    write_bundle(kiosk, bundle)

    def fail(stage, number):
        if stage == "sent" and number == 3:
            raise CentralError("the network went away")

    with pytest.raises(CentralError):
        import_bundle(bundle, central_url, batch_rows=60, hook=fail)
    assert len(central_rows(central_url)["sessions"]) > 0
    import_bundle(bundle, central_url, batch_rows=60)
    assert_central_matches(central_url, [kiosk])


def test_a_corrupt_bundle_writes_nothing(kiosk, central_url, tmp_path):
    bundle = tmp_path / "kiosk.bundle"
    write_bundle(kiosk, bundle)
    raw = bundle.read_bytes()
    bundle.write_bytes(raw[: len(raw) - 40])
    result = _cli("import", str(bundle), "--to", central_url)
    assert result.returncode == 1 and "damaged" in result.stderr and "nothing was imported" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert all(not rows for rows in central_rows(central_url).values())


def test_central_init_creates_then_upgrades_nothing(empty_url):
    first = _cli("central", "init", "--db", empty_url)
    assert first.returncode == 0 and "upgraded from schema 0 to schema 1" in first.stderr
    again = _cli("central", "init", "--db", empty_url)
    assert again.returncode == 0 and "already at schema 1" in again.stderr


def test_two_inits_at_once_take_turns(empty_url):
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: schema.init(empty_url), range(4)))
    assert sorted(r[0] for r in results) == [0, 1, 1, 1]


def test_a_sync_into_a_database_without_the_schema_says_what_to_do(kiosk, empty_url):
    result = _cli("sync", "--to", empty_url, "--data-dir", str(kiosk))
    assert result.returncode == 1 and "central init" in result.stderr


def test_a_newer_central_schema_is_refused_and_left_alone(kiosk, central_url):
    import psycopg

    with psycopg.connect(central_url, autocommit=True) as conn:
        conn.execute("UPDATE central_meta SET value = '99' WHERE key = 'schema_version'")
    for args in (["sync", "--to", central_url, "--data-dir", str(kiosk)], ["central", "init", "--db", central_url]):
        result = _cli(*args)
        assert result.returncode == 1 and "newer version" in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1
    with psycopg.connect(central_url) as conn:
        version = conn.execute("SELECT value FROM central_meta WHERE key = 'schema_version'").fetchone()
        assert version is not None and version[0] == "99"
    assert all(not rows for rows in central_rows(central_url).values())


@pytest.mark.parametrize(
    "url, expected",
    [
        ("mysql://central@127.0.0.1/x", "not a PostgreSQL URL"),
        ("postgresql://central:x@127.0.0.1:notaport/x", "not a PostgreSQL URL"),
        ("postgresql://central@127.0.0.1:{port}/x?sslmode=bogus", "sslmode"),
        ("postgresql://central:wrong-password@127.0.0.1:{port}/postgres", "password authentication failed"),
        ("postgresql://central:{password}@127.0.0.1:{port}/no_such_db", "does not exist"),
    ],
)
def test_bad_urls_and_passwords_are_one_line_messages(kiosk, pg_server, url, expected):
    url = url.format(port=pg_server.port, password=PASSWORD)
    for args in (
        ["sync", "--to", url, "--data-dir", str(kiosk)],
        ["central", "init", "--db", url],
        ["report", "--db", url, "--out", str(kiosk / "report")],
    ):
        result = _cli(*args)
        assert result.returncode == 1, result.stderr
        assert expected in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert PASSWORD not in result.stderr
    assert not (kiosk / "report").exists()
    store = Store.open(kiosk)
    assert store.db.execute("SELECT COUNT(*) FROM central_acks").fetchone()[0] == 0
    store.close()


def test_psycopg_is_not_imported_by_the_app_or_a_plain_export(tmp_path):
    code = (
        "import sys, kiosk.cli, kiosk.ui.app, kiosk.central.settings, kiosk.core.config\n"
        "print('psycopg' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
