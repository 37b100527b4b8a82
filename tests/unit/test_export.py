from __future__ import annotations

import csv
import subprocess
import sys
from datetime import UTC, date, datetime

from kiosk.core.deck_loader import load_deck_strict
from kiosk.core.export import export_all, safe_cell
from kiosk.core.plan import Action
from kiosk.core.session import Session, SessionSettings
from kiosk.core.store import Store
from tests.conftest import ROOT

DECK = load_deck_strict(ROOT / "decks" / "innovationslek.sv.toml")


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_neutralises_formulas():
    assert safe_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    for start in "+-@\t\r":
        assert safe_cell(start + "1") == "'" + start + "1"
    assert safe_cell("Åsa") == "Åsa" and safe_cell(3) == "3" and safe_cell(None) == ""


def test_export_opens_with_csv_module(tmp_path):
    store = Store.open(tmp_path / "data")
    ids = DECK.require_model().principle_ids
    ws = Session(store=store, deck=DECK, settings=SessionSettings(mode="workshop", team="=cmd|' /C calc'!A0"))
    ws.cast({"level": "both", **{p: 2 for p in ids}})
    ws.cast({"level": "limited", **{p: 4 for p in ids}})
    ws.add_hands({"testa": {1: 2, 5: 1}})
    hand = ws.deal()
    ws.choose(hand[0].id)
    plan = ws.make_plan([Action(what="@SUM(A1) räkna åäö", who="Øystein")], date(2027, 1, 1))
    code = ws.save_plan(plan)
    walk = Session(store=store, deck=DECK, settings=SessionSettings(mode="walkup", with_level=False))
    walk.cast({p: 1 for p in ids})
    walk.choose(DECK.methods[0].id)
    walk.save_plan(walk.make_plan([Action(what="Mitt hemliga steg", when="Inom en vecka")], date(2026, 12, 1)))
    abandoned = Session(store=store, deck=DECK, settings=SessionSettings(mode="checkin"))
    abandoned.abandon()

    result = export_all(store, tmp_path / "out", deck=DECK)
    assert (result.sessions, result.ballots, result.plans) == (3, 4, 2)
    sessions = read_csv(tmp_path / "out" / "sessions.csv")
    assert [s["mode"] for s in sessions] == ["workshop", "walkup", "checkin"]
    assert sessions[0]["team"].startswith("'=cmd")
    assert sessions[0]["status"] == "completed" and sessions[2]["status"] == "abandoned"
    assert sessions[0]["chosen_cards"] == hand[0].id and sessions[0]["plan_code"] == code
    assert sessions[0]["follow_up"] == "2027-01-01"
    assert float(sessions[0]["mean_testa"]) == (2 + 4 + 2 * 1 + 5) / 5
    assert float(sessions[0]["mean_nyfikenhet"]) == 3.0
    votes = read_csv(tmp_path / "out" / "votes.csv")
    assert len(votes) == 4
    assert votes[0]["level"] == "both" and votes[0]["testa"] == "2"
    assert votes[2]["kind"] == "hands" and votes[2]["testa"] == "2/0/0/0/1"
    assert "team" not in votes[0] and "Øystein" not in (tmp_path / "out" / "votes.csv").read_text(encoding="utf-8-sig")
    plans = sorted((tmp_path / "out" / "plans").glob("*.toml"))
    assert len(plans) == 2
    texts = "".join(p.read_text(encoding="utf-8") for p in plans)
    assert "räkna åäö" in texts and "Mitt hemliga steg" not in texts  # walk-up words stay home
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert "| Workshop | 1 | 1 | 100 % |" in summary and "| Teamavstämning | 1 | 0 | 0 % |" in summary
    assert "| Uppföljning | 0 | 0 | - |" in summary  # summary.md speaks the configured language
    assert "| Testa |" in summary
    store.close()


def test_walkup_text_when_allowed(tmp_path):
    store = Store.open(tmp_path / "data")
    walk = Session(store=store, deck=DECK, settings=SessionSettings(mode="walkup", with_level=False))
    walk.save_plan(walk.make_plan([Action(what="Mitt steg")], None))
    export_all(store, tmp_path / "out", walkup_text=True)
    assert "Mitt steg" in next((tmp_path / "out" / "plans").glob("*.toml")).read_text(encoding="utf-8")
    store.close()


def test_empty_data_dir_exports_headers(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "run.py"),
            "--data-dir",
            str(tmp_path / "empty"),
            "export",
            "--out",
            str(tmp_path / "out"),
            "--since",
            "2026-01-01",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert read_csv(tmp_path / "out" / "sessions.csv") == []
    header = (tmp_path / "out" / "votes.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("ballot,session,mode,round,kind,cast_at,level,osakerhetstolerans")
    assert "Inga sessioner under perioden." in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")


def test_since_filters_sessions(tmp_path):
    clock = [datetime(2026, 11, 1, tzinfo=UTC)]
    store = Store.open(tmp_path / "data", now=lambda: clock[0])
    Session(store=store, deck=DECK, settings=SessionSettings(mode="checkin"))
    clock[0] = datetime(2026, 11, 20, tzinfo=UTC)
    Session(store=store, deck=DECK, settings=SessionSettings(mode="workshop"))
    assert export_all(store, tmp_path / "out", since="2026-11-10").sessions == 1
    store.close()


def test_bad_since_is_a_clear_message(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "export", "--out", str(tmp_path), "--since", "igår"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2 and "not a date" in result.stderr


def test_json_has_one_file_per_session_and_plan(tmp_path):
    import json

    store = Store.open(tmp_path / "data")
    ids = DECK.require_model().principle_ids
    ws = Session(store=store, deck=DECK, settings=SessionSettings(mode="workshop", team="Norr"))
    ws.cast({"level": "both", **{p: 2 for p in ids}})
    ws.add_hands({"testa": {1: 2, 5: 1}})
    code = ws.save_plan(ws.make_plan([Action(what="Prova")], date(2027, 1, 1)))
    walk = Session(store=store, deck=DECK, settings=SessionSettings(mode="walkup", with_level=False))
    walk.cast({p: 4 for p in ids})
    walk_code = walk.save_plan(walk.make_plan([Action(what="Mitt hemliga steg", when="Inom en vecka")], None))
    export_all(store, tmp_path / "out", deck=DECK, formats=("json",))
    out = tmp_path / "out"
    assert not (out / "sessions.csv").exists()  # only the format asked for
    sessions = sorted((out / "json" / "sessions").glob("*.json"))
    assert [p.name for p in sessions] == [f"{ws.id}.json", f"{walk.id}.json"]
    doc = json.loads(sessions[0].read_text(encoding="utf-8"))
    assert doc["schema"] == 1 and doc["mode"] == "workshop" and doc["team"] == "Norr"
    assert doc["status"] == "completed" and doc["plan_code"] == code
    assert doc["entries"][1] == {"kind": "hands", "counts": {"testa": [[1, 2], [5, 1]]}}
    assert doc["ladders"]["testa"] == [2, 1, 0, 0, 1] and doc["means"]["testa"] == (2 + 2 + 5) / 4
    plan = json.loads((out / "json" / "plans" / f"{code}.json").read_text(encoding="utf-8"))
    assert plan["code"] == code and plan["session"] == ws.id
    assert plan["plan"]["follow_up"] == "2027-01-01" and plan["plan"]["actions"][0]["what"] == "Prova"
    walk_plan = (out / "json" / "plans" / f"{walk_code}.json").read_text(encoding="utf-8")
    assert "Mitt hemliga steg" not in walk_plan  # walk-up words stay home here too
    store.close()


def test_options_after_the_command_and_readable_files(tmp_path):
    # Typed the way people type it: the data directory after the subcommand.
    data = tmp_path / "data"
    store = Store.open(data)
    Session(store=store, deck=DECK, settings=SessionSettings(mode="workshop"))
    store.close()
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "export", "--out", str(tmp_path / "out"), "--data-dir", str(data)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "exported 1 sessions" in result.stderr
    for name in ("sessions.csv", "votes.csv", "summary.md"):
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o644


def test_private_exports_stay_private(tmp_path):
    (tmp_path / "kiosk.toml").write_text("private_exports = true\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--data-dir", str(tmp_path), "export", "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "sessions.csv").stat().st_mode & 0o777 == 0o600
