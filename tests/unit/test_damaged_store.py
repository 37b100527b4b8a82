"""A damaged database is refused at the start with a message that says where it is and how
to move it aside, and an exit code that systemd does not restart on; before, a damaged page,
a dropped table or broken JSON gave "unexpected error" at every start, in a loop."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from kiosk.core.session import Session, SessionSettings
from kiosk.core.shelf import Shelf
from kiosk.core.store import DB_NAME, Store, StoreDamaged
from tests.conftest import ROOT


def filled(folder) -> None:
    store = Store.open(folder)
    deck = Shelf().get("innovationslek", "sv")
    for n in range(40):
        session = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team=f"Team {n}"))
        session.save_state(["vote"])
        session.cast({"level": "limited", **{p: 3 for p in deck.require_model().principle_ids}})
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def overwrite_a_page(folder) -> None:
    db = sqlite3.connect(folder / DB_NAME)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.close()
    assert pages >= 5
    with open(folder / DB_NAME, "r+b") as fh:
        fh.seek(page_size * 3)
        fh.write(os.urandom(page_size))


def run_sql(sql: str):
    def damage(folder) -> None:
        db = sqlite3.connect(folder / DB_NAME, isolation_level=None)
        db.execute(sql)
        db.close()

    return damage


DAMAGE = {
    "page": overwrite_a_page,
    "dropped-table": run_sql("DROP TABLE ballots"),
    "bad-state": run_sql("UPDATE sessions SET state = '{broken' WHERE id = 7"),
    "bad-answers": run_sql("UPDATE ballots SET answers = 'not json' WHERE id = 3"),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_database_is_refused_with_where_and_how(tmp_path, kind):
    folder = tmp_path / "data"
    filled(folder)
    DAMAGE[kind](folder)
    with pytest.raises(StoreDamaged) as caught:
        Store.open(folder)
    message = str(caught.value)
    assert str(folder / DB_NAME) in message and f"mv {folder / DB_NAME} {folder / DB_NAME}.damaged" in message
    for _ in range(2):  # the same clear answer at every start; systemd does not restart on 11
        result = subprocess.run(
            [sys.executable, str(ROOT / "run.py"), "--mode", "workshop", "--data-dir", str(folder)],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 11, result.stderr
        assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "is damaged" in result.stderr
    unit = (ROOT / "deploy" / "innovationslek-kiosk.service").read_text(encoding="utf-8")
    assert "11" in next(line for line in unit.splitlines() if line.startswith("RestartPreventExitStatus="))


def test_moving_it_aside_as_told_gives_a_fresh_start(tmp_path):
    folder = tmp_path / "data"
    filled(folder)
    run_sql("DROP TABLE plans")(folder)
    with pytest.raises(StoreDamaged):
        Store.open(folder)
    for suffix in ("", "-wal", "-shm"):
        if (folder / f"{DB_NAME}{suffix}").exists():
            (folder / f"{DB_NAME}{suffix}").rename(folder / f"{DB_NAME}{suffix}.damaged")
    store = Store.open(folder)
    assert store.sessions() == []
    store.close()
