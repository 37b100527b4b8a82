"""``innovationslek export``: the facilitator's data as files that open cleanly.

CSV files are UTF-8 with a byte-order mark (so spreadsheet programs read å, ä, ö right)
and every cell that a spreadsheet could take for a formula is neutralised. Every file is
written atomically.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from .atomic import write_atomic
from .deck import Deck
from .modes import MODES, mode_spec
from .plan import Action, Plan
from .store import SessionRow, Store
from .votes import LEVEL_OPTIONS, LEVEL_QUESTION, PRINCIPLE_OPTIONS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Text for a CSV cell; a leading apostrophe keeps formula-like text as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return "\ufeff" + buffer.getvalue()


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    sessions: int
    ballots: int
    plans: int


def _duration(row: SessionRow) -> str:
    if not row.ended:
        return ""
    seconds = (datetime.fromisoformat(row.ended) - datetime.fromisoformat(row.started)).total_seconds()
    return str(round(seconds))


def principle_sums(entries) -> dict[str, tuple[int, int]]:
    """question -> (sum, n) over ballots and counts of hands (ordinal questions only)."""
    sums: dict[str, list[int]] = {}
    for entry in entries:
        if entry.kind == "ballot":
            for qid, value in entry.answers.items():
                if qid != LEVEL_QUESTION and isinstance(value, int):
                    acc = sums.setdefault(qid, [0, 0])
                    acc[0] += value
                    acc[1] += 1
        else:
            for qid, counts in entry.counts.items():
                if qid == LEVEL_QUESTION:
                    continue
                acc = sums.setdefault(qid, [0, 0])
                for option, count in counts.items():
                    acc[0] += int(option) * count
                    acc[1] += count
    return {q: (s, n) for q, (s, n) in sums.items()}


def export_all(store: Store, out: Path | str, *, since: str | None = None, deck: Deck | None = None,
               walkup_text: bool = False) -> ExportResult:
    """Write sessions.csv, votes.csv, plans/*.toml and summary.md into ``out``.
    ``since`` is an ISO date; ``deck`` gives principle and card names to the summary."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    sessions = store.sessions(since=since)
    principle_ids = list(deck.model.principle_ids) if deck and deck.model else []
    plans_by_session: dict[int, tuple[str, Plan]] = {}
    for code, session_id, _created, plan in store.plans(since=since):
        if session_id is not None:
            plans_by_session[session_id] = (code, plan)

    # -- sessions.csv -------------------------------------------------------------------
    session_rows, per_session_entries = [], {}
    for row in sessions:
        entries = store.entries(row.id)
        per_session_entries[row.id] = entries
        for qid in principle_sums(entries):
            if qid not in principle_ids:
                principle_ids.append(qid)
    header = ["session", "started", "ended", "mode", "deck", "language", "team", "duration_seconds", "status",
              "chosen_cards", "follow_up", "plan_code"] + [f"mean_{p}" for p in principle_ids]
    for row in sessions:
        means = principle_sums(per_session_entries[row.id])
        code, plan = plans_by_session.get(row.id, ("", None))
        status = "completed" if row.status == "completed" else "abandoned"
        session_rows.append([
            row.id, row.started, row.ended or "", row.mode, row.deck, row.language, row.team, _duration(row),
            status, " ".join(store.chosen_cards(row.id)),
            plan.follow_up.isoformat() if plan and plan.follow_up else "", code,
        ] + [f"{means[p][0] / means[p][1]:.2f}" if p in means and means[p][1] else "" for p in principle_ids])
    write_atomic(folder / "sessions.csv", csv_text(header, session_rows))

    # -- votes.csv: one row per ballot, anonymous ----------------------------------------
    questions = [LEVEL_QUESTION] + principle_ids
    vote_rows = []
    ballots = 0
    for ballot_id, session_id, mode, round_no, kind, answers, cast_at in store.ballot_rows(since=since):
        data = json.loads(answers)
        if kind == "ballot":
            cells = [data.get(q, "") for q in questions]
        else:  # a show of hands: the counts for every option in order, "0/1/2/3/0"
            cells = []
            for q in questions:
                counts = {option: n for option, n in data.get(q, [])}
                options = LEVEL_OPTIONS if q == LEVEL_QUESTION else PRINCIPLE_OPTIONS
                cells.append("/".join(str(counts.get(o, 0)) for o in options) if q in data else "")
        vote_rows.append([ballot_id, session_id, mode, round_no, kind, cast_at] + cells)
        ballots += 1
    write_atomic(folder / "votes.csv", csv_text(["ballot", "session", "mode", "round", "kind", "cast_at"] + questions,
                                                vote_rows))

    # -- plans/*.toml ----------------------------------------------------------------------
    plans = store.plans(since=since)
    for code, _sid, _created, plan in plans:
        if mode_spec(plan.mode).private_text and not walkup_text:
            # A visitor's own words stay on the kiosk unless the configuration allows them out.
            plan = replace(plan, actions=[Action(what="-", when=a.when) for a in plan.actions])
        write_atomic(folder / "plans" / f"{code}.toml", plan.to_toml())

    # -- summary.md ------------------------------------------------------------------------
    write_atomic(folder / "summary.md", summary_markdown(sessions, store, per_session_entries, deck, principle_ids))
    return ExportResult(folder, len(sessions), ballots, len(plans))


def summary_markdown(sessions: list[SessionRow], store: Store, entries_by_session: dict, deck: Deck | None,
                     principle_ids: list[str]) -> str:
    lines = ["# Innovationslek: summary", ""]
    if not sessions:
        lines += ["No sessions in this period.", ""]
    per_mode = Counter(s.mode for s in sessions)
    done = Counter(s.mode for s in sessions if s.status == "completed")
    lines += ["## Sessions", "", "| mode | sessions | completed | completion rate |", "|---|---|---|---|"]
    for mode in MODES:
        n = per_mode.get(mode.name, 0)
        rate = f"{100 * done.get(mode.name, 0) / n:.0f} %" if n else "-"
        lines.append(f"| {mode.name} | {n} | {done.get(mode.name, 0)} | {rate} |")
    chosen = Counter(c for s in sessions for c in store.chosen_cards(s.id))
    lines += ["", "## Most chosen cards", ""]
    if not chosen:
        lines.append("No cards chosen yet.")
    for card_id, n in chosen.most_common(10):
        title = card_id
        if deck is not None:
            try:
                title = getattr(deck.card(card_id), "title", card_id)
            except KeyError:
                pass
        lines.append(f"- {title} ({n})")
    lines += ["", "## The average ladder", "", "| principle | mean | 1 | 2 | 3 | 4 | 5 |", "|---|---|---|---|---|---|---|"]
    for pid in principle_ids:
        counts = [0] * 5
        for entries in entries_by_session.values():
            for entry in entries:
                if entry.kind == "ballot" and isinstance(entry.answers.get(pid), int):
                    counts[entry.answers[pid] - 1] += 1
                elif entry.kind == "hands":
                    for option, n in entry.counts.get(pid, {}).items():
                        counts[int(option) - 1] += n
        total = sum(counts)
        mean = f"{sum((i + 1) * c for i, c in enumerate(counts)) / total:.2f}" if total else "-"
        name = pid
        if deck is not None and deck.model is not None:
            try:
                name = deck.model.principle(pid).name
            except KeyError:
                pass
        lines.append(f"| {name} | {mean} | " + " | ".join(map(str, counts)) + " |")
    return "\n".join(lines) + "\n"
