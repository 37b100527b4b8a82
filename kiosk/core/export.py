"""``innovationslek export``: the facilitator's data as files that open cleanly.

Three stages: ``collect`` reads what the store holds for the period (and keeps a walk-up
visitor's words at home unless allowed out), each format in ``FORMATS`` turns that into
files (name -> text), and ``write_files`` writes them, each one atomically.

CSV files are UTF-8 with a byte-order mark (so spreadsheet programs read å, ä, ö right)
and every cell that a spreadsheet could take for a formula is neutralised. The JSON files
(one per session and one per plan) follow the schema in the README.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from .atomic import PRIVATE_FILE, write_atomic
from .deck import SCALE_STEPS, Deck
from .i18n import t
from .modes import MODES, mode_spec
from .names import card_title, principle_name
from .plan import Action, Plan
from .store import BallotRecord, SessionRow, Store
from .tally import LEVEL_OPTIONS, LEVEL_QUESTION, Entry, add_ladders, ladders, mean_of, means

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
JSON_SCHEMA = 1


def safe_cell(value: object) -> str:
    """Text for a CSV cell; a leading apostrophe keeps formula-like text as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
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


@dataclass
class StoredPlan:
    code: str
    session_id: int | None
    plan: Plan


@dataclass
class ExportData:
    """Everything the formats need, read once from the store."""

    sessions: list[SessionRow]
    entries: dict[int, list[Entry]]  # session id -> live ballots and counts
    chosen: dict[int, list[str]]  # session id -> chosen card ids
    ballots: list[BallotRecord]
    plans: list[StoredPlan]  # walk-up text already removed unless allowed out
    deck: Deck | None
    steps: int  # the length of the scale
    principle_ids: list[str] = field(default_factory=list)
    language: str = "sv"  # the words of summary.md

    def plan_of(self, session_id: int) -> StoredPlan | None:
        return next((p for p in self.plans if p.session_id == session_id), None)


def collect(
    store: Store,
    *,
    since: str | None = None,
    deck: Deck | None = None,
    walkup_text: bool = False,
    language: str = "sv",
) -> ExportData:
    sessions = store.sessions(since=since)
    steps = len(deck.model.scale) if deck is not None and deck.model is not None else SCALE_STEPS
    entries = {row.id: store.entries(row.id) for row in sessions}
    plans = []
    for code, session_id, _created, plan in store.plans(since=since):
        if mode_spec(plan.mode).private_text and not walkup_text:
            # A visitor's own words stay on the kiosk unless the configuration allows them out.
            plan = replace(plan, actions=[Action(what="-", when=a.when) for a in plan.actions])
        plans.append(StoredPlan(code, session_id, plan))
    principle_ids = list(deck.model.principle_ids) if deck is not None and deck.model is not None else []
    for session_entries in entries.values():
        for qid in ladders(session_entries, steps):
            if qid not in principle_ids:
                principle_ids.append(qid)
    return ExportData(
        sessions=sessions,
        entries=entries,
        chosen={row.id: store.chosen_cards(row.id) for row in sessions},
        ballots=list(store.ballots(since=since)),
        plans=plans,
        deck=deck,
        steps=steps,
        principle_ids=principle_ids,
        language=language,
    )


def _duration(row: SessionRow) -> str:
    if not row.ended:
        return ""
    seconds = (datetime.fromisoformat(row.ended) - datetime.fromisoformat(row.started)).total_seconds()
    return str(round(seconds))


def _status(row: SessionRow) -> str:
    return "completed" if row.status == "completed" else "abandoned"


# -- formats: each turns the data into files (path inside the folder -> text) ---------------
def sessions_csv(data: ExportData) -> dict[str, str]:
    header = [
        "session",
        "started",
        "ended",
        "mode",
        "deck",
        "language",
        "team",
        "duration_seconds",
        "status",
        "chosen_cards",
        "follow_up",
        "plan_code",
    ] + [f"mean_{p}" for p in data.principle_ids]
    rows = []
    for row in data.sessions:
        session_means = means(data.entries[row.id], data.steps)
        stored = data.plan_of(row.id)
        follow_up = stored.plan.follow_up if stored else None
        rows.append(
            [
                row.id,
                row.started,
                row.ended or "",
                row.mode,
                row.deck,
                row.language,
                row.team,
                _duration(row),
                _status(row),
                " ".join(data.chosen[row.id]),
                follow_up.isoformat() if follow_up else "",
                stored.code if stored else "",
            ]
            + [f"{session_means[p]:.2f}" if p in session_means else "" for p in data.principle_ids]
        )
    return {"sessions.csv": csv_text(header, rows)}


def votes_csv(data: ExportData) -> dict[str, str]:
    """One row per ballot, anonymous; a show of hands gives the count per option, "0/1/2"."""
    questions = [LEVEL_QUESTION] + data.principle_ids
    scale = tuple(range(1, data.steps + 1))
    rows = []
    for ballot in data.ballots:
        entry = ballot.entry
        if entry.kind == "ballot":
            cells = [entry.answers.get(q, "") for q in questions]
        else:
            cells = []
            for q in questions:
                options = LEVEL_OPTIONS if q == LEVEL_QUESTION else scale
                counts = entry.counts.get(q)
                cells.append("/".join(str(counts.get(o, 0)) for o in options) if counts is not None else "")
        rows.append([ballot.id, ballot.session_id, ballot.mode, ballot.round, entry.kind, ballot.cast_at] + cells)
    return {"votes.csv": csv_text(["ballot", "session", "mode", "round", "kind", "cast_at"] + questions, rows)}


def plans_toml(data: ExportData) -> dict[str, str]:
    return {f"plans/{p.code}.toml": p.plan.to_toml() for p in data.plans}


def summary_md(data: ExportData) -> str:
    """The period in words for people, in the configured language."""
    sessions, deck = data.sessions, data.deck

    def say(key: str, **values: object) -> str:
        return t(data.language, f"room_followup.{key}", **values)

    lines = [f"# {say('summary_title')}", ""]
    if not sessions:
        lines += [say("summary_none"), ""]
    per_mode = Counter(s.mode for s in sessions)
    done = Counter(s.mode for s in sessions if s.status == "completed")
    head = [say("summary_col_mode"), say("summary_col_sessions"), say("summary_col_completed"), say("summary_col_rate")]
    lines += [f"## {say('summary_sessions')}", "", "| " + " | ".join(head) + " |", "|---|---|---|---|"]
    for mode in MODES:
        n = per_mode.get(mode.name, 0)
        rate = f"{100 * done.get(mode.name, 0) / n:.0f} %" if n else "-"
        lines.append(f"| {t(data.language, 'mode.' + mode.name)} | {n} | {done.get(mode.name, 0)} | {rate} |")
    chosen = Counter(c for s in sessions for c in data.chosen[s.id])
    lines += ["", f"## {say('summary_cards')}", ""]
    if not chosen:
        lines.append(say("summary_no_cards"))
    for card_id, n in chosen.most_common(10):
        lines.append(f"- {card_title(deck, card_id)} ({n})")
    reviewed = [p for p in data.plans if p.plan.review]
    if reviewed:
        # What got done: each follow-up's review of the plan it followed up.
        lines += ["", f"## {say('summary_reviews')}", ""]
        for stored in reviewed:
            plan = stored.plan
            key = "summary_review_team" if plan.team else "summary_review"
            lines.append("- " + say(key, code=stored.code, follows=plan.follows or "-", team=plan.team))
            lines += [f"  - {item.what}: {say('review_' + item.status)}" for item in plan.review]
    steps = range(1, data.steps + 1)
    lines += [
        "",
        f"## {say('summary_ladder')}",
        "",
        f"| {say('summary_col_principle')} | {say('summary_col_mean')} | " + " | ".join(map(str, steps)) + " |",
        "|---|---|" + "---|" * data.steps,
    ]
    total: dict[str, list[int]] = {}
    for session_entries in data.entries.values():
        add_ladders(total, ladders(session_entries, data.steps))
    for pid in data.principle_ids:
        counts = total.get(pid, [0] * data.steps)
        mean = mean_of(counts)
        shown = "-" if mean is None else f"{mean:.2f}"
        lines.append(f"| {principle_name(deck, pid)} | {shown} | " + " | ".join(map(str, counts)) + " |")
    return "\n".join(lines) + "\n"


def _jsonable(value: object) -> object:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _json(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2, default=_jsonable) + "\n"


def json_files(data: ExportData) -> dict[str, str]:
    """One JSON file per session and one per plan (schema in the README)."""
    files = {}
    for row in data.sessions:
        entries = data.entries[row.id]
        stored = data.plan_of(row.id)
        files[f"json/sessions/{row.id}.json"] = _json(
            {
                "schema": JSON_SCHEMA,
                "session": row.id,
                "mode": row.mode,
                "deck": row.deck,
                "language": row.language,
                "team": row.team,
                "started": row.started,
                "ended": row.ended,
                "status": _status(row),
                "chosen_cards": data.chosen[row.id],
                "plan_code": stored.code if stored else None,
                "entries": [
                    {"kind": "ballot", "answers": e.answers}
                    if e.kind == "ballot"
                    else {"kind": "hands", "counts": {q: [[o, n] for o, n in c.items()] for q, c in e.counts.items()}}
                    for e in entries
                ],
                "ladders": ladders(entries, data.steps),
                "means": means(entries, data.steps),
            }
        )
    for stored in data.plans:
        files[f"json/plans/{stored.code}.json"] = _json(
            {
                "schema": JSON_SCHEMA,
                "code": stored.code,
                "session": stored.session_id,
                "plan": stored.plan.to_dict(),
            }
        )
    return files


FORMATS: dict[str, Callable[[ExportData], dict[str, str]]] = {
    "sessions": sessions_csv,
    "votes": votes_csv,
    "plans": plans_toml,
    "summary": lambda data: {"summary.md": summary_md(data)},
    "json": json_files,
}


def write_files(folder: Path, files: dict[str, str], *, mode: int | None = None) -> None:
    for name, text in files.items():
        write_atomic(folder / name, text, mode=mode)


def export_all(
    store: Store,
    out: Path | str,
    *,
    since: str | None = None,
    deck: Deck | None = None,
    walkup_text: bool = False,
    formats: tuple[str, ...] = tuple(FORMATS),
    private: bool = False,
    language: str = "sv",
) -> ExportResult:
    """Write the chosen ``formats`` (all by default) into ``out``. ``since`` is an ISO
    date; ``deck`` gives principle and card names and the scale's length. The files are
    readable by others (0644 with the usual umask) unless ``private`` asks for 0600;
    summary.md is written in ``language``."""
    file_mode = PRIVATE_FILE if private else None  # None: 0666 less the umask
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    data = collect(store, since=since, deck=deck, walkup_text=walkup_text, language=language)
    for name in formats:
        write_files(folder, FORMATS[name](data), mode=file_mode)
    return ExportResult(folder, len(data.sessions), len(data.ballots), len(data.plans))
