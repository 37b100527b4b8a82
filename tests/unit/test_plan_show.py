"""``innovationslek plan show LINK|FILE|CODE`` and the one plan renderer behind it."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from kiosk.core.deck_loader import load_deck_strict
from kiosk.core.i18n import labels
from kiosk.core.link import encode_link
from kiosk.core.plan import Plan
from kiosk.core.plan_text import plan_lines, plan_markdown, plan_text
from kiosk.core.store import Store
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "plan.toml"
PLAN = Plan.from_toml(EXAMPLE.read_text(encoding="utf-8"))
DECK = load_deck_strict(ROOT / "decks" / "innovationslek.sv.toml")
FIXTURE = tomllib.loads((ROOT / "tests" / "fixtures" / "links-format1.toml").read_text(encoding="utf-8"))["links"]


def run(*args: str, data_dir) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_renderer_says_everything_in_the_plans_language():
    text = plan_text(PLAN, DECK, labels("sv"))
    assert text.startswith("Vår handlingsplan\n")
    assert "Team: Bygglovsenheten" in text and "Uppföljning: 2027-02-16" in text
    assert "1. Kartlägg tre sökandes väg från första fråga till beslut" in text
    assert "   Vem: Amina och Jonas" in text
    assert f"- {DECK.method('tjansteresa').title}" in text
    assert f"{DECK.require_model().principle('samverkan').name}" in text and "3.7  (0 1 3 4 2)" in text
    english = plan_text(PLAN, DECK, labels("en"))
    assert english.startswith("Our action plan\n") and "Who: Amina och Jonas" in english
    markdown = plan_markdown(PLAN, DECK, labels("sv"))
    assert markdown.startswith("# Vår handlingsplan") and "1. **Kartlägg" in markdown


def test_renderer_keeps_plan_text_as_it_is():
    plan = Plan(**{**PLAN.__dict__, "team": "[bold]Team[/] [@click=app.quit]x[/]"})
    lines = plan_lines(plan, None, labels("sv"))
    assert any(line.value == "[bold]Team[/] [@click=app.quit]x[/]" for line in lines)
    assert "samverkan" in plan_text(plan, None, labels("sv"))  # without the deck: ids


def test_show_a_file_a_link_a_fragment_and_a_code(tmp_path):
    expected = plan_text(PLAN, DECK, labels("sv"))
    link = encode_link(PLAN, DECK, "https://viewer.example/")
    store = Store.open(tmp_path)
    code = store.save_plan(PLAN)
    store.close()
    for reference in (str(EXAMPLE), link, link.split("#")[1], code, code.lower()):
        result = run("plan", "show", reference, data_dir=tmp_path)
        assert result.returncode == 0, (reference, result.stderr)
        assert result.stdout == expected, reference


def test_show_a_format_1_link(tmp_path):
    entry = next(e for e in FIXTURE if e["plan"]["language"] == "en" and e["plan"].get("actions"))
    result = run("plan", "show", entry["link"], data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Our action plan\n")
    assert entry["plan"]["actions"][0]["what"] in result.stdout


def test_show_refuses_clearly(tmp_path):
    cases = {
        "http://k/#.90PCCLEO/+T6C08T1000": "impossible date",
        "https://v/#" + encode_link(PLAN, DECK, "https://v/").split("#")[1][:-9]: "link",
        "ABCDEF": "no plans are stored",
        str(tmp_path / "missing.toml"): "cannot read",
        "not-a-plan": "damaged",
    }
    for reference, words in cases.items():
        result = run("plan", "show", reference, data_dir=tmp_path)
        assert result.returncode == 1, reference
        assert words in result.stderr and "Traceback" not in result.stderr, (reference, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
    Store.open(tmp_path).close()
    result = run("plan", "show", "ABCDEF", data_dir=tmp_path)
    assert result.returncode == 1 and "no plan with the code ABCDEF" in result.stderr
