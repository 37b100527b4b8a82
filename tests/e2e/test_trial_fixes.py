"""Defects found by trying the program as a new user would (issue 15), shown in real
headless Chromium (the viewer page's messages follow the plan's language) and in a real
terminal (an unattended kiosk never offers the start screen)."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest

from kiosk.core.i18n import labels
from kiosk.core.link import encode_link
from kiosk.core.plan import Action, Plan
from kiosk.core.shelf import Shelf
from kiosk.web.viewer import viewer_html
from tests.conftest import ROOT
from tests.e2e.chromium import dump_dom
from tests.e2e.tmux import TmuxSession

pytestmark = pytest.mark.e2e
SHELF = Shelf()
DECK = SHELF.get("innovationslek", "sv")


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("viewer") / "index.html"
    path.write_text(viewer_html(SHELF), encoding="utf-8")
    return path


def plan_in(language: str) -> Plan:
    return Plan(
        deck=DECK.id,
        language=language,
        mode="workshop",
        created=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        cards=[DECK.methods[3].id],
        actions=[Action(what="Testa blanketten med fem invånare " * 3, who="Åsa")],
        team="Bygglov Kiruna",
    )


# Swedish and English both: whatever the browser's own language, one of them differs from it.
@pytest.mark.parametrize("language", ["sv", "en", "nb", "da"])
@pytest.mark.parametrize("cut", [10, 11, 12])  # cut within and between base43's three-character groups
def test_a_damaged_link_is_explained_in_the_plans_language(page_file, language, cut):
    link = encode_link(plan_in(language), DECK, page_file.as_uri())
    dom = dump_dom(link[:-cut])  # the header (with the language) survives, the texts do not
    assert shown_error(dom) == labels(language)["viewer.damaged"]
    assert re.search(rf'<html lang="{language}"', dom)


def test_a_link_with_no_plan_falls_back_to_a_known_language(page_file):
    dom = dump_dom(page_file.as_uri() + "#")
    assert shown_error(dom) in {labels(lang)["viewer.empty"] for lang in ("sv", "en", "nb", "da")}


def shown_error(dom: str) -> str:
    """The message on the page (the page's script holds every language's labels too)."""
    found = re.search(r'<p class="error">(.*?)</p>', dom)
    assert found, dom[-2000:]
    return html.unescape(found.group(1))


def test_kiosk_without_a_mode_starts_the_walk_up_not_the_start_screen(tmp_path):
    """A visitor at an unattended kiosk must not be able to start a workshop."""
    with TmuxSession(["--data-dir", str(tmp_path), "--kiosk"], width=80, height=24) as term:
        screen = term.wait_for("Tryck Enter")
        assert "Workshop" not in screen and "Teamavstämning" not in screen
        assert "Traceback" not in screen


def test_kiosk_without_a_mode_flag_follows_the_configured_mode(tmp_path):
    (tmp_path / "kiosk.toml").write_text('mode = "checkin"\n', encoding="utf-8")
    with TmuxSession(["--data-dir", str(tmp_path), "--kiosk"], width=80, height=24) as term:
        screen = term.wait_for("Teamavstämning")
        assert "Snabbkoll" not in screen and "Workshop" not in screen


def test_the_editable_install_of_make_run_prints_no_setuptools_warning(tmp_path):
    """``make run`` installs the app with ``pip install -e .``: a newcomer should see no
    warning blocks from the build backend."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "--no-deps",
            "-e",
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "BuildBackendWarning" not in result.stderr and "SetuptoolsDeprecationWarning" not in result.stderr
    found = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import kiosk; print(kiosk.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert found.stdout.strip() == str(ROOT / "kiosk" / "__init__.py")  # the checkout itself


@pytest.mark.parametrize(
    ("language", "name"),
    [("sv", "uppfoljning"), ("en", "follow-up"), ("nb", "oppfolging"), ("da", "opfolgning")],
)
def test_the_calendar_file_is_named_in_the_plans_language(page_file, tmp_path, language, name):
    plan = plan_in(language)
    plan.follow_up = date(2027, 1, 15)
    fragment = encode_link(plan, DECK, "https://example.org/").split("#", 1)[1]
    # The page itself renders the plan and its button saves the file; the anchor's click
    # is caught so the browser downloads nothing.
    script = f"""
HTMLAnchorElement.prototype.click = function () {{ document.title = "saved " + this.download; }};
decodePlan({json.dumps(fragment)}).then((plan) => {{ render(plan); document.getElementById("ics").click(); }});"""
    page = page_file.read_text(encoding="utf-8").replace("\nmain();\n", "\n" + script + "\n", 1)
    probe = tmp_path / "probe.html"
    probe.write_text(page, encoding="utf-8")
    dom = dump_dom(probe.as_uri())
    assert html.unescape(dom.split("<title>")[1].split("</title>")[0]) == f"saved {name}-2027-01-15.ics"
