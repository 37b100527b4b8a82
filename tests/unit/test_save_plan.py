"""A plan is saved as one step: the database row, the plan's file and the closed session
together, or nothing (three tries on a failing disk used to leave three rows and codes)."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.core.plan import Action
from kiosk.core.session import Session, SessionSettings
from kiosk.core.shelf import Shelf
from kiosk.core.store import Store


def plan_rows(store: Store) -> int:
    return store.db.execute("SELECT COUNT(*) FROM plans").fetchone()[0]


def test_a_plan_file_that_cannot_be_written_stores_nothing(tmp_path):
    store = Store.open(tmp_path / "data")
    deck = Shelf().get("innovationslek", "sv")
    session = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team="Norr"))
    session.cast({"level": "limited", **{p: 3 for p in deck.require_model().principle_ids}})
    plans_dir = tmp_path / "data" / "plans"
    plans_dir.write_text("a file where the folder should be", encoding="utf-8")  # as a full or broken disk
    plan = session.make_plan([Action(what="Prova")], date(2027, 1, 10))
    for _ in range(3):
        with pytest.raises(OSError):
            session.save_plan(plan, plans_dir)
    assert plan_rows(store) == 0
    row = store.session(session.id)
    assert row is not None and row.status == "open"
    assert session.plan is None and session.plan_code == ""
    assert not list((tmp_path / "data").glob(".plans*"))  # no temporary files left

    plans_dir.unlink()
    code = session.save_plan(plan, plans_dir)
    saved = store.plan(code)
    assert plan_rows(store) == 1 and saved is not None and saved.actions[0].what == "Prova"
    assert [p.name.endswith(f"-{code}.toml") for p in plans_dir.iterdir()] == [True]
    row = store.session(session.id)
    assert row is not None and row.status == "completed"
    store.close()
