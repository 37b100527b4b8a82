"""Issue 19's "done when": fifty demo kiosks with twelve months each sync into one
PostgreSQL through interruptions (connections killed by the server mid-batch, kiosks
killed with SIGKILL, the server restarted) and the central database ends up with every row
of every kiosk, none twice. The report over it then agrees with the data."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.central.demo import generate
from kiosk.central.pg import CentralError
from kiosk.central.sync import sync

from .helpers import assert_central_matches

ROOT = Path(__file__).resolve().parents[2]
KIOSKS, MONTHS = 50, 12


def _terminate_syncs(admin_url: str) -> None:
    """Kill the kiosk's connection from the server side, as a network cut would."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'innovationslek' AND pid <> pg_backend_pid()"
        )


@pytest.fixture(scope="module")
def fifty(tmp_path_factory):
    root = tmp_path_factory.mktemp("fifty")
    folders = []
    for i in range(KIOSKS):
        folder = root / f"kiosk{i:02d}"
        generate(folder, teams=1, months=MONTHS, seed=1000 + i, kiosk_no=i + 1)
        folders.append(folder)
    return folders


def test_fifty_kiosks_sync_through_interruptions(fifty, central_url, pg_server):
    rng = random.Random(19)
    admin = pg_server.url()
    interrupted = {"server cut": 0, "sigkill": 0, "restart": 0}
    restart_at = rng.randrange(KIOSKS)
    for i, folder in enumerate(fifty):
        fault = rng.choice(["none", "server cut", "server cut", "sigkill"])
        if i == restart_at:
            fault = "restart"
        at = rng.randint(1, 3)
        if fault == "sigkill":
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "kiosk.cli",
                    "sync",
                    "--to",
                    central_url,
                    "--data-dir",
                    str(folder),
                    "--batch-rows",
                    "40",
                ],
                cwd=ROOT,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(0.3, 0.9))  # start-up takes about half of this: killed before, during or after
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            interrupted["sigkill"] += 1
            continue

        def hook(stage, number, fault=fault, at=at):
            if stage == "sent" and number == at:
                if fault == "server cut":
                    _terminate_syncs(admin)
                elif fault == "restart":
                    pg_server.stop("immediate")

        try:
            sync(folder, central_url, batch_rows=40, hook=hook if fault != "none" else None)
        except CentralError:
            interrupted[fault] += 1
        finally:
            if fault == "restart":
                pg_server.start()
    assert interrupted["server cut"] > 5 and interrupted["restart"] == 1
    # The next round completes everything; nothing is lost and nothing doubled.
    for folder in fifty:
        assert sync(folder, central_url).waiting == 0
    counts = assert_central_matches(central_url, fifty)
    assert counts["sessions"] > KIOSKS * 30 and counts["ballots"] > KIOSKS * 150
    # A third round is a no-op.
    assert sum(sync(folder, central_url).new for folder in fifty[:5]) == 0


def test_the_report_over_fifty_kiosks_agrees_with_their_ballots(fifty, central_url, tmp_path):
    from kiosk.central.report import write_report

    from .test_report import check_ladder, page, raw_means

    for folder in fifty:
        sync(folder, central_url)
    result = write_report(central_url, tmp_path / "out")
    assert result.teams == KIOSKS
    assert check_ladder(page(tmp_path / "out"), raw_means(fifty)) >= 12 * 9
