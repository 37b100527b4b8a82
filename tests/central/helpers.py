"""Counting helpers: what a kiosk holds against what the central database holds for it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.core.store import DB_NAME

TABLES = ("sessions", "ballots", "card_events", "exercises", "plans")


def kiosk_rows(data_dir: Path) -> tuple[str, dict[str, set[int]]]:
    """(kiosk id, local ids per table) of one kiosk's database."""
    db = sqlite3.connect(Path(data_dir) / DB_NAME)
    try:
        kiosk = db.execute("SELECT id FROM kiosk_identity").fetchone()[0]
        return kiosk, {t: {r[0] for r in db.execute(f"SELECT id FROM {t}")} for t in TABLES}
    finally:
        db.close()


def central_rows(url: str) -> dict[str, list[tuple[str, int]]]:
    """Every (kiosk id, local id) per central table, as a list so that a double would show."""
    import psycopg

    with psycopg.connect(url) as conn:
        return {t: [(str(k), i) for k, i in conn.execute(f"SELECT kiosk_id, local_id FROM {t}")] for t in TABLES}


def assert_central_matches(url: str, data_dirs: list[Path]) -> dict[str, int]:
    """Central counts equal the sum of the kiosks' counts, every row is there, none twice."""
    central = central_rows(url)
    expected: dict[str, set[tuple[str, int]]] = {t: set() for t in TABLES}
    for folder in data_dirs:
        kiosk, rows = kiosk_rows(folder)
        for t in TABLES:
            expected[t] |= {(kiosk, i) for i in rows[t]}
    for t in TABLES:
        assert len(central[t]) == len(set(central[t])), f"{t}: a row stored twice"
        assert set(central[t]) == expected[t], f"{t}: central {len(central[t])} rows, kiosks {len(expected[t])}"
    return {t: len(central[t]) for t in TABLES}
