"""The organisation's report: its figures against the raw data (from a kiosk file and from
the central database), the fewer-than-three-ballots rule, and a page that is safe to open and
print (no scripts, inline SVG, escaped text)."""

from __future__ import annotations

import functools
import json
import sqlite3
import subprocess
import sys
from collections import defaultdict
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kiosk.central.demo import generate
from kiosk.central.figures import MIN_BALLOTS
from kiosk.central.report import write_report
from kiosk.central.sync import sync
from kiosk.core.store import DB_NAME, Store
from kiosk.core.votes import Entry

ROOT = Path(__file__).resolve().parents[2]


class Figures(HTMLParser):
    """data-figure -> the cell's text, plus whether the page has any script."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}
        self.scripts = 0
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.scripts += tag == "script" or any(k.startswith("on") for k in attrs)
        self._open = attrs.get("data-figure")
        if self._open:
            self.values[self._open] = ""

    def handle_data(self, data):
        if self._open:
            self.values[self._open] += data

    def handle_endtag(self, tag):
        self._open = None


def page(folder: Path) -> Figures:
    parser = Figures()
    parser.feed((folder / "report.html").read_text(encoding="utf-8"))
    return parser


def raw_means(files: list[Path]) -> dict[tuple[str, str], tuple[float, int]]:
    """(month, principle) -> (mean, n) straight from the kiosks' ballots, live ones only."""
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for file in files:
        db = sqlite3.connect(file / DB_NAME)
        for started, answers in db.execute(
            "SELECT s.started, b.answers FROM ballots b JOIN sessions s ON s.id = b.session_id "
            "WHERE b.undone_at IS NULL AND b.kind = 'ballot'"
        ):
            month = started[:7]
            for q, v in json.loads(answers).items():
                if q != "level":
                    sums[(month, q)][0] += v
                    sums[(month, q)][1] += 1
        db.close()
    return {k: (s / n, n) for k, (s, n) in sums.items()}


def check_ladder(figures: Figures, expected: dict) -> int:
    """Every month on the page agrees with the raw ballots; months missing from the page are
    only older ones (the table keeps the last twelve; the CSV has them all)."""
    checked = 0
    on_page = {key.split("|")[1] for key in figures.values if key.startswith("ladder|")}
    for (month, q), (mean, n) in expected.items():
        if month not in on_page:
            assert month < min(on_page), month
            continue
        shown = figures.values[f"ladder|{month}|{q}"]
        if n >= MIN_BALLOTS:
            assert shown == f"{mean:.2f}", (month, q)
            checked += 1
        else:
            assert shown == "", (month, q, n)
    return checked


def test_report_from_a_kiosk_file_matches_its_ballots(tmp_path):
    generate(tmp_path / "kiosk", teams=3, months=6, seed=5)
    result = write_report(str(tmp_path / "kiosk" / DB_NAME), tmp_path / "out")
    figures = page(tmp_path / "out")
    assert check_ladder(figures, raw_means([tmp_path / "kiosk"])) > 6 * 9 - 9
    assert result.teams == 3 and figures.scripts == 0
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and "size: A4" in html and "färre än 3 röster" in html
    for name in ("report.md", "ladder.csv", "team_trend.csv", "participation.csv", "cards.csv", "follow_through.csv"):
        assert (tmp_path / "out" / name).read_text(encoding="utf-8-sig").strip(), name


def test_report_from_the_central_database_matches_every_kiosk(tmp_path, central_url):
    folders = []
    for i in range(3):
        folder = tmp_path / f"kiosk{i}"
        generate(folder, teams=2, months=4, seed=40 + i, kiosk_no=i + 1)
        sync(folder, central_url)
        folders.append(folder)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "report", "--db", central_url, "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    figures = page(tmp_path / "out")
    assert check_ladder(figures, raw_means(folders)) > 20
    assert "3 kiosker" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    # The same data read from one kiosk's file gives that kiosk's own figures.
    single = write_report(str(folders[0]), tmp_path / "one")
    assert 0 < single.ballots < sum(n for _, n in raw_means(folders).values()) / 9
    assert check_ladder(page(tmp_path / "one"), raw_means(folders[:1])) > 5


def _the_moment(moment: datetime) -> datetime:
    return moment


def _checkins(store: Store, team: str, per_month: dict[str, int], value: int = 4) -> None:
    for month, n in per_month.items():
        moment = datetime.fromisoformat(f"{month}-10T10:00:00+00:00")
        store.now = functools.partial(_the_moment, moment)
        sid = store.start_session("checkin", "innovationslek", "sv", team=team)
        for _ in range(n):
            store.cast(sid, Entry("ballot", answers={"testa": value, "samverkan": 2}))
        store.end_session(sid)


def test_fewer_than_three_ballots_are_merged_or_hidden_and_the_page_says_so(tmp_path):
    store = Store.open(tmp_path / "kiosk")
    _checkins(store, "Stort team", {"2026-01": 4, "2026-02": 5})
    _checkins(store, "Litet team", {"2026-01": 1, "2026-02": 2, "2026-03": 3, "2026-04": 1}, value=2)
    _checkins(store, "Två personer", {"2026-02": 2}, value=5)
    store.close()
    write_report(str(tmp_path / "kiosk"), tmp_path / "out", now=datetime(2026, 5, 1, tzinfo=UTC))
    figures = page(tmp_path / "out").values
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    # Litet team: January and February merge to reach three; April joins March.
    assert figures["team|Litet team|2026-01 - 2026-02|testa"] == "2.00"
    assert figures["team|Litet team|2026-01 - 2026-02|n"] == "3"
    assert figures["team|Litet team|2026-03 - 2026-04|n"] == "4"
    assert not any(k.startswith("team|Två personer|") for k in figures)
    assert "Två personer" in html and "visas inte" in html
    # The organisation's months: every month has at least 3 ballots here except April (1).
    assert figures["ladder|2026-04|testa"] == "" and figures["ladder|2026-04|n"] == "<3"
    assert figures["ladder|2026-02|testa"] == f"{(5 * 4 + 2 * 2 + 2 * 5) / 9:.2f}"
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "färre än 3 röster" in md and "Två personer" in md


def test_team_names_are_text_not_markup_and_the_team_filter_works(tmp_path):
    store = Store.open(tmp_path / "kiosk")
    _checkins(store, "<script>alert(1)</script> & co", {"2026-01": 3})
    _checkins(store, "Andra", {"2026-01": 3})
    store.close()
    write_report(str(tmp_path / "kiosk"), tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert page(tmp_path / "out").scripts == 0
    write_report(str(tmp_path / "kiosk"), tmp_path / "andra", team="Andra")
    assert "alert" not in (tmp_path / "andra" / "report.html").read_text(encoding="utf-8")
    assert "ladder|2026-01|testa" in page(tmp_path / "andra").values


def test_since_leaves_out_earlier_months(tmp_path):
    store = Store.open(tmp_path / "kiosk")
    _checkins(store, "A", {"2026-01": 3, "2026-03": 3})
    store.close()
    write_report(str(tmp_path / "kiosk"), tmp_path / "out", since="2026-02-01")
    assert not any("2026-01" in k for k in page(tmp_path / "out").values)


@pytest.mark.parametrize("source", ["missing.sqlite3", "not-a-db.sqlite3"])
def test_a_bad_report_source_is_a_one_line_message(tmp_path, source):
    (tmp_path / "not-a-db.sqlite3").write_text("hello")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "report", "--db", str(tmp_path / source), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.e2e
def test_the_page_renders_in_chromium(tmp_path):
    from tests.e2e.chromium import FLAGS, chromium

    generate(tmp_path / "kiosk", teams=2, months=6, seed=8)
    write_report(str(tmp_path / "kiosk"), tmp_path / "out")
    shot = tmp_path / "report.png"
    result = subprocess.run(
        [
            chromium(),
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--hide-scrollbars",
            "--window-size=794,1400",
            f"--screenshot={shot}",
            (tmp_path / "out" / "report.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr[-1000:]
    from PIL import Image

    image = Image.open(shot).convert("L")
    colours = image.getcolors(maxcolors=1 << 20)
    assert image.size == (794, 1400) and colours is not None and len(colours) > 50  # text and charts, not a blank page
    # Printed, every page is A4 (595 x 842 points).
    pdf = tmp_path / "report.pdf"
    result = subprocess.run(
        [
            chromium(),
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            (tmp_path / "out" / "report.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr[-1000:]
    import re

    boxes = re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert len(boxes) >= 2 and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes)


def test_demo_is_reproducible_and_the_cli_reports_on_it(tmp_path):
    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "kiosk.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
        )

    for name in ("a", "b"):
        made = run("demo", "--data-dir", str(tmp_path / name), "--teams", "2", "--months", "3", "--seed", "7")
        assert made.returncode == 0, made.stderr
    rows = []
    for name in ("a", "b"):
        db = sqlite3.connect(tmp_path / name / DB_NAME)
        rows.append(
            db.execute(
                "SELECT s.team, s.mode, b.answers FROM ballots b JOIN sessions s ON s.id = b.session_id ORDER BY b.id"
            ).fetchall()
        )
        db.close()
    assert rows[0] == rows[1] and len(rows[0]) > 20
    assert {r[1] for r in rows[0]} >= {"checkin", "walkup"}
    report = run(
        "--lang",
        "en",
        "report",
        "--db",
        str(tmp_path / "a"),
        "--out",
        str(tmp_path / "out"),
        "--team",
        rows[0][0][0] or rows[0][-1][0],
    )
    assert report.returncode == 0, report.stderr
    assert "The organisation&#x27;s ladder" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
