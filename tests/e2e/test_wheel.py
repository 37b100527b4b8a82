"""The README's kiosk set-up installs the app with `pip install .`: a wheel built from this
checkout, installed into a fresh virtual environment, must carry its decks and themes, start
and deal cards (an installed kiosk with nothing to deal was a real defect)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import venv

import pytest

from tests.e2e.tmux import ROOT, TmuxSession

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    wheels = base / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("*.whl")
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    pip = subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], capture_output=True, text=True
    )
    if pip.returncode != 0 and "Could not find a version" in pip.stderr:
        pytest.skip("no package index reachable to install the wheel's dependencies")
    assert pip.returncode == 0, pip.stderr
    return env_dir


def test_wheel_carries_decks_and_themes(installed, tmp_path):
    # Run from an empty folder, so nothing of the checkout can be picked up by accident.
    probe = (
        "import json, kiosk; from kiosk.core.shelf import Shelf; from kiosk.ui.themes import shipped_specs;"
        "s = Shelf(); d = s.get('innovationslek', 'sv');"
        "print(json.dumps({'where': kiosk.__file__, 'decks': s.ids(), 'themes': [t.name for t in shipped_specs()],"
        "'titles': [c.title for c in d.methods]}))"
    )
    out = subprocess.run(
        [str(installed / "bin" / "python"), "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    found = json.loads(out)
    assert str(installed) in found["where"]
    assert "innovationslek" in found["decks"] and "utmaningar" in found["decks"]
    assert {"kiosk-dark", "kiosk-light", "console"} <= set(found["themes"])
    assert len(found["titles"]) >= 40


def test_installed_app_starts_and_deals(installed, tmp_path):
    titles = json.loads(
        subprocess.run(
            [
                str(installed / "bin" / "python"),
                "-c",
                "import json; from kiosk.core.shelf import Shelf;"
                "print(json.dumps([c.title for c in Shelf().get('innovationslek', 'sv').methods]))",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    program = [str(installed / "bin" / "innovationslek")]
    with TmuxSession(
        ["--mode", "walkup", "--data-dir", str(tmp_path / "data"), "--seed", "3"], width=120, height=40, program=program
    ) as term:
        term.wait_for("Enter")
        term.send("Enter")
        term.wait_for("1")
        term.send(*"123451234")
        term.send("Enter")
        term.wait_for("Resultat")
        term.send("Enter")
        screen = ""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            screen = term.screen()
            if any(title[:20] in screen for title in titles):
                break
            time.sleep(0.1)
        assert any(title[:20] in screen for title in titles), screen
        assert "Traceback" not in screen
