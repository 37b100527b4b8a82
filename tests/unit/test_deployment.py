"""The documented kiosk set-up keeps working: set-pin keeps the settings file as it was
set up, new files are readable as any program's would be, and the unit raises the limits."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib

from kiosk.core.atomic import write_atomic
from kiosk.core.config import load_config, set_top_level_key
from kiosk.core.pin import verify_pin
from tests.conftest import ROOT

EXAMPLE = ROOT / "deploy" / "kiosk.toml.example"


def set_pin(config, pin: str = "4711") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "set-pin", "--config", str(config)],
        input=pin + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_set_pin_keeps_comments_mode_owner_and_group(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    os.chmod(config, 0o640)
    if os.geteuid() == 0:  # as in the README: root:kiosk (here nobody's group stands in)
        os.chown(config, 0, 65534)
    before = os.stat(config)
    result = set_pin(config)
    assert result.returncode == 0, result.stderr
    after = os.stat(config)
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    text = config.read_text(encoding="utf-8")
    old_lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert [line for line in text.splitlines() if not line.startswith("pin_hash")] == old_lines
    loaded, problems = load_config(config)
    assert problems == [] and verify_pin("4711", loaded.pin_hash)

    # A second PIN replaces the line instead of adding one.
    assert set_pin(config, "2468").returncode == 0
    text = config.read_text(encoding="utf-8")
    assert text.count("\npin_hash") == 1
    assert verify_pin("2468", tomllib.loads(text)["pin_hash"])


def test_set_pin_puts_the_key_above_the_first_table():
    text = '# settings\nmode = "walkup"\n\n[extra]\nx = 1\n'
    result = set_top_level_key(text, "pin_hash", "scrypt$abc")
    assert tomllib.loads(result) == {"mode": "walkup", "pin_hash": "scrypt$abc", "extra": {"x": 1}}
    assert result.startswith("# settings\n")


def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path):
    old = os.umask(0o022)
    try:
        page = write_atomic(tmp_path / "index.html", "<p>viewer</p>")
        assert stat.S_IMODE(os.stat(page).st_mode) == 0o644  # a web server can read it
        os.chmod(page, 0o600)
        write_atomic(page, "<p>again</p>")
        assert stat.S_IMODE(os.stat(page).st_mode) == 0o600
    finally:
        os.umask(old)
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]  # no temporary file left


def test_viewer_page_is_readable_by_a_web_server(tmp_path):
    out = tmp_path / "index.html"
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "plan", "viewer", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert os.stat(out).st_mode & stat.S_IROTH


def test_the_unit_raises_the_open_files_limit():
    unit = (ROOT / "deploy" / "innovationslek-kiosk.service").read_text(encoding="utf-8")
    limits = [line.split("=", 1)[1] for line in unit.splitlines() if line.startswith("LimitNOFILE=")]
    assert limits and int(limits[0]) >= 4096
