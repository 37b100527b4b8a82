"""Benchmarks of the organisation's view against a real PostgreSQL server (started here,
fsync on, in a temporary directory), each against an interleaved baseline measured the
same way in the same run. Prints one table; nothing here passes or fails.

    python bench/central.py            # about a minute on 2 cores
    python bench/central.py --quick    # fewer repetitions and kiosks

- sync: 10,000 ballots (1,000 finished check-ins of ten) from one kiosk into an empty
  central database, connection and acknowledgements included. Baseline: the same session
  and ballot rows inserted with bare psycopg ``executemany`` into tables without keys.
- report: report.html, report.md and the CSVs over 50 demo kiosks x 12 months in the central
  database. Baseline: fetching the same sessions and ballots with one SELECT each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.central import schema  # noqa: E402
from kiosk.central.demo import generate  # noqa: E402
from kiosk.central.outbox import Outbox  # noqa: E402
from kiosk.central.report import write_report  # noqa: E402
from kiosk.central.sync import sync  # noqa: E402
from kiosk.core.store import Store  # noqa: E402
from kiosk.core.votes import Entry, Option  # noqa: E402
from tests.central.pg_server import PgServer, find_bin  # noqa: E402


def ten_thousand_ballots(folder: Path) -> None:
    moment = [datetime(2026, 1, 1, tzinfo=UTC)]
    store = Store.open(folder, now=lambda: moment[0])
    store.db.execute("PRAGMA synchronous=OFF")
    answers: dict[str, Option] = {"level": "both", **{f"p{i}": 1 + i % 5 for i in range(9)}}
    for _ in range(1000):
        sid = store.start_session("checkin", "innovationslek", "sv", team="Team")
        for _ in range(10):
            store.cast(sid, Entry("ballot", answers=answers))
        store.end_session(sid)
        moment[0] += timedelta(hours=7)
    store.close()


def bare_insert(url: str, folder: Path) -> None:
    import psycopg

    outbox = Outbox(folder)
    batches = list(outbox.batches("baseline", batch_rows=10**9))
    outbox.close()
    with psycopg.connect(url) as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS s (k uuid, i bigint, mode text, deck text, lang text, team text, "
            "ch text, started timestamptz, ended timestamptz, status text, state jsonb)"
        )
        conn.execute(
            "CREATE TABLE IF NOT EXISTS b (k uuid, i bigint, s bigint, r int, kind text, a jsonb, "
            "cast_at timestamptz, undone timestamptz)"
        )
        with conn.cursor() as cur:
            for batch in batches:
                cur.executemany("INSERT INTO s VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", batch.sessions)
                cur.executemany("INSERT INTO b VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", batch.ballots)


def bare_select(url: str) -> None:
    import psycopg

    with psycopg.connect(url) as conn:
        conn.execute("SELECT * FROM sessions").fetchall()
        conn.execute("SELECT * FROM ballots").fetchall()


def timed(fn: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeats, kiosks = (2, 10) if args.quick else (5, 50)
    bin_dir = find_bin()
    if bin_dir is None:
        print("PostgreSQL server binaries are not installed (apt-get install postgresql)", file=sys.stderr)
        return 1
    server = PgServer(bin_dir, durable=True)
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            ten_thousand_ballots(tmp / "kiosk")
            sync_times, base_times = [], []
            for _ in range(repeats):  # interleaved: ours, then the baseline, on fresh databases
                url = server.new_database()
                schema.init(url)
                store = Store.open(tmp / "kiosk")
                store.db.execute("DELETE FROM central_acks")  # the same kiosk, as if it never synced
                store.close()
                sync_times.append(timed(sync, tmp / "kiosk", url))
                base = server.new_database()
                base_times.append(timed(bare_insert, base, tmp / "kiosk"))
            central = server.new_database()
            schema.init(central)
            ballots = 0
            for i in range(kiosks):
                folder = tmp / f"k{i}"
                ballots += generate(folder, teams=1, months=12, seed=500 + i, kiosk_no=i + 1).ballots
                sync(folder, central)
            report_times, select_times = [], []
            for r in range(repeats):
                report_times.append(timed(write_report, central, tmp / f"report{r}"))
                select_times.append(timed(bare_select, central))
    finally:
        server.close()
    rows = [
        ("Sync of 10,000 ballots (1,000 sessions), one kiosk", sync_times, base_times, "under 10 s"),
        (f"Report over {kiosks} kiosks x 12 months ({ballots:,} ballots)", report_times, select_times, "under 5 s"),
    ]
    print("| What | Median | Baseline | Ratio | Goal |\n|---|---|---|---|---|")
    for name, ours, baseline, goal in rows:
        m, b = statistics.median(ours), statistics.median(baseline)
        print(f"| {name} | {m:.2f} s (max {max(ours):.2f}) | {b:.2f} s | {m / b:.1f} | {goal} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
