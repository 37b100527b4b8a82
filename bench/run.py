"""Benchmarks: what a kiosk user feels, against a minimal Textual app measured the same way
in the same run. Prints one table; nothing here passes or fails.

    python bench/run.py            # everything, about two minutes on 2 cores
    python bench/run.py --quick    # fewer repetitions, for a smoke run
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pty_driver import PtyProgram  # noqa: E402

PY = sys.executable
RUN = [PY, str(ROOT / "run.py")]
MINIMAL = [PY, str(ROOT / "bench" / "minimal_app.py")]
MARKERS = {
    "start": ([], "Snabbkoll"),
    "walkup": (["--mode", "walkup"], "Tryck Enter"),
    "workshop": (["--mode", "workshop"], "Förbered workshopen"),
    "checkin": (["--mode", "checkin"], "Börja"),
    "followup": (["--mode", "followup"], "Hämta planen"),
}
RIGHT, LEFT, ENTER, CTRL_S = "\x1b[C", "\x1b[D", "\r", "\x13"
REVEAL = "\x12" + RIGHT + ENTER  # Ctrl+R, then Right and Enter: "yes" on the question


@dataclass
class Row:
    name: str
    values: list[float]
    unit: str
    baseline: float | None = None
    goal: str = ""
    ratios: list[float] | None = None  # per interleaved pair (subject / baseline), when measured so

    @property
    def median(self) -> float:
        return statistics.median(self.values)


def kiosk(args: list[str], data_dir: str, **kw) -> PtyProgram:
    return PtyProgram([*RUN, "--data-dir", data_dir, "--seed", "1", *args], cwd=ROOT, **kw)


# -- 1. start-up ------------------------------------------------------------------------
def bench_startup(pairs: int) -> list[Row]:
    """Exec to the end of the first complete screen (marker shown, then 0.3 s without output),
    120x40, the minimal app and each first screen interleaved run by run, so that a noisy
    moment hits both; the ratio is the median of the per-pair ratios."""

    def once(argv: list[str], marker: str) -> tuple[float, int]:
        prog = PtyProgram(argv, width=120, height=40, cwd=ROOT)
        try:
            seconds, paints = prog.settled(marker)
            return seconds * 1000, paints
        finally:
            prog.stop()

    results: dict[str, list[tuple[float, int, float]]] = {name: [] for name in MARKERS}
    baselines = []
    for _ in range(pairs):
        for name, (args, marker) in MARKERS.items():
            with tempfile.TemporaryDirectory() as data:
                base, _ = once(MINIMAL, "Minimal baseline app")
                subject, paints = once([*RUN, "--data-dir", data, *args], marker)
            baselines.append(base)
            results[name].append((subject, paints, subject / base))
    rows = []
    for name, runs in results.items():
        median_paints = statistics.median(p for _, p, _ in runs)
        title = f"start-up to first complete screen: {name} ({median_paints:g} paints)"
        rows.append(
            Row(
                title,
                [s for s, _, _ in runs],
                "ms",
                statistics.median(baselines),
                "<= 1.3x",
                ratios=[r for _, _, r in runs],
            )
        )
    return rows


# -- the workshop flow up to a running exercise, shared by the timer and memory figures ---
def open_exercise(prog: PtyProgram) -> None:
    prog.wait_for_text("Förbered workshopen")
    prog.send(CTRL_S)
    prog.wait_for_text("Sluten omröstning", settle=0.1)
    for n, ballot in enumerate(("3123451234", "1555512345"), 1):
        prog.send(ENTER)
        prog.wait_for_text(f"Röst nummer {n}", settle=0.1)
        prog.send(ballot + ENTER)
        prog.wait_for_text(f"{n} har röstat", settle=0.1)
    prog.send(REVEAL)
    prog.wait_for_text("Resultat")
    prog.send(ENTER)
    prog.wait_for_text("Metodkort för er")
    prog.send(ENTER)
    prog.wait_for_text("Så gör ni")
    prog.send("t")
    prog.wait_for_text("Steg 1 av")


# -- 2. timer CPU and 6. memory ------------------------------------------------------------
def bench_timer_and_memory(seconds: float) -> list[Row]:
    with tempfile.TemporaryDirectory() as data:
        prog = kiosk(["--mode", "workshop"], data, width=200, height=60)
        try:
            open_exercise(prog)
            prog.read_for(2.0)
            cpu0, t0 = prog.cpu_seconds(), time.perf_counter()
            prog.read_for(seconds)
            cpu = (prog.cpu_seconds() - cpu0) / (time.perf_counter() - t0) * 100
            rss = prog.peak_rss_kib() / 1024
        finally:
            prog.stop()
    base = PtyProgram(MINIMAL, width=200, height=60, cwd=ROOT)
    try:
        base.wait_for_text("Minimal baseline app")
        base.read_for(2.0)
        cpu0, t0 = base.cpu_seconds(), time.perf_counter()
        base.read_for(min(seconds, 10.0))
        base_cpu = (base.cpu_seconds() - cpu0) / (time.perf_counter() - t0) * 100
        base_rss = base.peak_rss_kib() / 1024
    finally:
        base.stop()
    return [
        Row(f"CPU while the exercise timer runs ({seconds:.0f} s, 200x60)", [cpu], "% of a core", base_cpu, "< 1 %"),
        Row("peak memory, full workshop flow", [rss], "MiB", base_rss, "<= 1.3x"),
    ]


# -- 3. key to screen ---------------------------------------------------------------------
def bench_keys(presses: int) -> list[Row]:
    rows = []
    base = PtyProgram(MINIMAL, width=120, height=40, cwd=ROOT)
    try:
        base.wait_for_text("Minimal baseline app")
        base.drain(0.3)
        baseline = statistics.median(base.first_output_after(" ") * 1000 for _ in range(presses))
    finally:
        base.stop()
    with tempfile.TemporaryDirectory() as data:
        prog = kiosk(["--mode", "workshop"], data, width=120, height=40)
        try:
            prog.wait_for_text("Förbered workshopen")
            prog.send(CTRL_S)
            prog.wait_for_text("Sluten omröstning")
            prog.send(ENTER)
            prog.wait_for_text("Röst nummer 1")
            prog.send("31234512")  # up to the last question
            prog.drain(0.3)
            vote = [prog.first_output_after("24"[i % 2]) * 1000 for i in range(presses)]
            rows.append(Row("key to screen: vote (digit on a ballot)", vote, "ms", baseline, "< 30 ms"))
            prog.send("3" + ENTER)
            prog.wait_for_text("1 har röstat")
            prog.send(REVEAL)
            prog.wait_for_text("Resultat")
            prog.send(ENTER)
            prog.wait_for_text("Metodkort för er")
            prog.drain(0.3)
            card = [prog.first_output_after(RIGHT) * 1000 for _ in range(presses)]
            rows.append(Row("key to screen: next card (arrow on the deal)", card, "ms", baseline, "< 30 ms"))
            prog.send(ENTER)
            prog.wait_for_text("Så gör ni")
            prog.send("t")
            prog.wait_for_text("Steg 1 av")
            prog.drain(0.3)
            pause = [prog.first_output_after(" ") * 1000 for _ in range(presses)]
            rows.append(Row("key to screen: pause timer (space)", pause, "ms", baseline, "< 30 ms"))
        finally:
            prog.stop()
    return rows


# -- 4. link and QR -------------------------------------------------------------------------
def free_text(plan) -> int:
    """Characters a group typed: team, challenge and every action field."""
    from kiosk.core.plan import Action

    return len(plan.team) + len(plan.challenge) + sum(len(getattr(a, f)) for a in plan.actions for f in Action.FIELDS)


def workshop_plan(plan):
    """A typical workshop plan: the example's cards and votes, the team's own challenge and two
    actions, about 240 characters of free text."""
    from kiosk.core.plan import Action, Plan

    actions = [
        Action(
            what="Kartlägg tre sökandes väg till beslut",
            how="Tjänsteresa med två handläggare",
            when="Vecka 50",
            who="Amina och Jonas",
        ),
        Action(
            what="Testa en checklista för kompletta ansökningar",
            how="Pappersprototyp i receptionen",
            when="Januari",
            who="Lena",
        ),
    ]
    return Plan(**{**plan.__dict__, "challenge": "Hur kan vi korta väntetiden för enkla bygglov?", "actions": actions})


def fuller_plan(plan):
    """The example plan plus a challenge and a second full action: a busy workshop's plan."""
    from kiosk.core.plan import Action, Plan

    extra = Action(
        what="Testa en checklista för kompletta ansökningar på webben",
        how="Pappersprototyp i receptionen, fem besökare per dag",
        when="Januari",
        who="Lena och en kollega från kundtjänst",
        competences="Klarspråk",
    )
    return Plan(
        **{
            **plan.__dict__,
            "challenge": "Hur kan vi korta väntetiden för enkla bygglov?",
            "actions": [*plan.actions, extra],
        }
    )


def largest_plan(plan, deck):
    """The most a plan may hold: five actions with every field written to its limit, and a
    challenge of the group's own at its limit. The words are the deck's own card purposes,
    so they compress like real plan text, not like repeated filler."""
    from kiosk.core.plan import MAX_ACTIONS, TEXT_LIMITS, Action, Plan

    words = " ".join(card.purpose for card in deck.methods).split()
    start = 0

    def filled(limit: int) -> str:
        nonlocal start
        text = ""
        while len(text) + len(words[start % len(words)]) + 1 <= limit:
            text += words[start % len(words)] + " "
            start += 1
        return text.strip()

    challenge = filled(TEXT_LIMITS["challenge"])
    actions = [Action(**{f: filled(TEXT_LIMITS[f]) for f in Action.FIELDS}) for _ in range(MAX_ACTIONS)]
    return Plan(**{**plan.__dict__, "challenge": challenge, "actions": actions})


def bench_link(repeats: int) -> list[Row]:
    import tomllib

    from kiosk.core import link, linkformat, qr
    from kiosk.core.deck_loader import load_deck_strict
    from kiosk.core.plan import Plan

    plan = Plan.from_toml((ROOT / "examples" / "plan.toml").read_text(encoding="utf-8"))
    deck = load_deck_strict(ROOT / "decks" / f"{plan.deck}.{plan.language}.toml")
    codec = link.LinkCodec([deck])
    base = "http://192.168.1.20:8765/"
    encode, draw, decode, whole = [], [], [], []
    for _ in range(repeats):
        start = time.perf_counter()
        url = link.encode_link(plan, deck, base)
        encode.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        matrix = qr.make_qr(url, "L")
        whole.append((time.perf_counter() - start) * 1000 + encode[-1])
        qr.half_block_lines(matrix)
        start = time.perf_counter()
        qr.half_block_lines(qr.make_qr(url, "M"))
        draw.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        codec.decode_link(url)
        decode.append((time.perf_counter() - start) * 1000)
    rows = [
        Row("plan -> link -> QR matrix (example plan)", whole, "ms", None, "< 15 ms"),
        Row("plan -> link (example plan)", encode, "ms", None, "< 5 ms"),
        Row("link -> QR half-block lines (level M)", draw, "ms", None, "< 100 ms"),
        Row("link -> plan", decode, "ms", None, "< 5 ms"),
    ]
    # Sizes, format 2. Baselines: the example's real format-1 link (from the fixture, on the
    # same base), and format 2 without its preset dictionary.
    fixture = tomllib.loads((ROOT / "tests" / "fixtures" / "links-format1.toml").read_text(encoding="utf-8"))
    format1 = base + "#" + fixture["links"][0]["link"].split("#")[1]
    assert fixture["links"][0]["name"] == "examples/plan.toml"

    def without_dictionary(p) -> str:
        saved = linkformat.DICTIONARY_LANGUAGES
        linkformat.DICTIONARY_LANGUAGES = ()
        linkformat.dictionary.cache_clear()
        try:
            return link.encode_link(p, deck, base)
        finally:
            linkformat.DICTIONARY_LANGUAGES = saved
            linkformat.dictionary.cache_clear()

    cases: tuple[tuple[str, Plan, dict[str, str]], ...] = (
        ("example plan", plan, {"M": "<= 10"}),
        ("workshop plan", workshop_plan(plan), {"L": "<= 10"}),
        ("fuller plan", fuller_plan(plan), {}),
        ("largest plan (five full actions)", largest_plan(plan, deck), {}),
    )
    for name, p, goals in cases:
        url, plain = link.encode_link(p, deck, base), without_dictionary(p)
        label = f"{name}, {free_text(p)} chars of text"
        for level in "LM":
            before = qr.make_qr(format1, level).version if name == "example plan" else None
            suffix = " (baseline: format 1)" if before else ""
            rows.append(
                Row(
                    f"QR version, {label}, level {level}{suffix}",
                    [qr.make_qr(url, level).version],
                    "",
                    before,
                    goals.get(level, ""),
                )
            )
        rows.append(Row(f"link length, {label} (baseline: no dictionary)", [len(url)], "chars", len(plain), ""))
        if name == "example plan":
            rows.append(Row("link length, example plan (baseline: format 1)", [len(url)], "chars", len(format1), ""))
    return rows


# -- 5. decks ---------------------------------------------------------------------------------
def generated_deck(cards: int) -> str:
    head = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8").split("SMALL_DECK = '''")[1]
    head = head.split("[[cards]]")[0]
    body = []
    for i in range(cards):
        body.append(
            f'[[cards]]\nid = "card-{i}"\ntitle = "Kort {i}"\nphase = "ide"\npurpose = "Ett genererat kort."\n'
            f'minutes = 10\ngroup_min = 1\ngroup_max = 8\nparallel = true\nprinciples = ["testa"]\n'
            f'question = "Vad?"\noutcome = "Ett resultat."\ntip = "Ett tips."\nsource = "Egen form"\n\n'
            f'[[cards.steps]]\ntext = "Gör det"\nminutes = 4\n\n[[cards.steps]]\ntext = "Prata om det"\nminutes = 6\n'
        )
    return head + "\n".join(body)


def bench_decks(repeats: int) -> list[Row]:
    from kiosk.core.deck_loader import load_decks

    shipped = sorted((ROOT / "decks").glob("*.toml"))
    values = []
    for _ in range(repeats):
        start = time.perf_counter()
        _, problems = load_decks(shipped)
        values.append((time.perf_counter() - start) * 1000)
    rows = [Row(f"load and check the {len(shipped)} shipped deck files", values, "ms", None, "< 50 ms")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sv.toml"
        path.write_text(generated_deck(2000), encoding="utf-8")
        values = []
        for _ in range(max(3, repeats // 4)):
            start = time.perf_counter()
            decks, problems = load_decks([path])
            values.append((time.perf_counter() - start) * 1000)
        assert not problems and len(decks[0].methods) == 2000, problems[:3]
    rows.append(Row("load and check a generated deck of 2,000 cards", values, "ms", None, "< 300 ms"))
    return rows


# -- 7. store ---------------------------------------------------------------------------------
def bench_store(ballots: int) -> list[Row]:
    from kiosk.core.store import Store
    from kiosk.core.votes import Entry, Option

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(tmp)
        sid = store.start_session("workshop", "innovationslek", "sv")
        answers: dict[str, Option] = {"level": "both", **{f"p{i}": 3 for i in range(9)}}
        start = time.perf_counter()
        for _ in range(ballots):
            store.cast(sid, Entry("ballot", answers=answers))
        ours = ballots / (time.perf_counter() - start)
        store.close()
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(os.path.join(tmp, "raw.db"), isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, answers TEXT)")
        start = time.perf_counter()
        for _ in range(ballots):
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO t (answers) VALUES (?)", ('{"level": "both"}',))
            db.execute("COMMIT")
        raw = ballots / (time.perf_counter() - start)
        db.close()
    return [Row("ballots committed per second (WAL, synchronous=FULL)", [ours], "per s", raw, "> 1000")]


def print_table(rows: list[Row]) -> None:
    header = ("benchmark", "median", "min", "max", "unit", "baseline", "ratio", "goal")
    lines = []
    for r in rows:
        if r.ratios:
            ratio = f"{statistics.median(r.ratios):.2f} ({min(r.ratios):.2f}-{max(r.ratios):.2f})"
        else:
            ratio = f"{r.median / r.baseline:.2f}" if r.baseline else "-"
        base = f"{r.baseline:.2f}" if r.baseline is not None else "-"
        lines.append(
            (r.name, f"{r.median:.2f}", f"{min(r.values):.2f}", f"{max(r.values):.2f}", r.unit, base, ratio, r.goal)
        )
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines, strict=True)]
    for line in (header, tuple("-" * w for w in widths), *lines):
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument(
        "--only",
        action="append",
        choices=["startup", "keys", "timer", "link", "decks", "store"],
        help="run only these (repeatable)",
    )
    args = parser.parse_args()
    quick = args.quick
    benches = {
        "startup": lambda: bench_startup(3 if quick else 10),
        "keys": lambda: bench_keys(20 if quick else 100),
        "timer": lambda: bench_timer_and_memory(5 if quick else 30),
        "link": lambda: bench_link(20 if quick else 200),
        "decks": lambda: bench_decks(5 if quick else 20),
        "store": lambda: bench_store(200 if quick else 1000),
    }
    started = time.perf_counter()
    rows: list[Row] = []
    for name, bench in benches.items():
        if not args.only or name in args.only:
            rows += bench()
    print_table(rows)
    print(
        f"\n{len(rows)} figures in {time.perf_counter() - started:.0f} s on {os.cpu_count()} cores; "
        f"python {sys.version.split()[0]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
