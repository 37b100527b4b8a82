"""The plan on the command line: its link, its QR code read back by a real decoder, the
viewer page, and clear messages for bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.core.deck_loader import load_deck_strict
from kiosk.core.link import LinkCodec, as_linked
from kiosk.core.plan import Plan
from kiosk.core.qr import ansi_lines, half_block_lines, make_qr
from tests.conftest import ROOT
from tests.qr_image import decode_lines

EXAMPLE = ROOT / "examples" / "plan.toml"
BASE = "https://innovationslek.example.org/"


def run(*args: str, data_dir) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def codec() -> LinkCodec:
    return LinkCodec([load_deck_strict(ROOT / "decks" / "innovationslek.sv.toml")])


def test_link_of_the_example_plan_decodes_to_the_same_plan(tmp_path):
    result = run("plan", "link", str(EXAMPLE), "--base", BASE, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    link = result.stdout.strip()
    assert link.startswith(BASE + "#")
    plan = Plan.from_toml(EXAMPLE.read_text(encoding="utf-8"))
    assert codec().decode_link(link) == as_linked(plan)
    assert make_qr(link, "L").version <= 10  # the example is a typical plan


def test_printed_qr_code_scans_to_the_printed_link(tmp_path):
    link = run("plan", "link", str(EXAMPLE), "--base", BASE, data_dir=tmp_path).stdout.strip()
    result = run("plan", "qr", str(EXAMPLE), "--base", BASE, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.rstrip("\n").split("\n")
    assert all(line.startswith("\x1b[38;5;16;48;5;231m") for line in lines)  # black on white
    assert decode_lines(lines) == [link]
    assert "QR version" in result.stderr


def test_the_kiosk_viewer_is_the_default_base(tmp_path):
    from kiosk.web.address import lan_address

    if lan_address() is None:
        pytest.skip("this machine has no network address")
    (tmp_path / "kiosk.toml").write_text("viewer_port = 9999\n", encoding="utf-8")
    link = run("plan", "link", str(EXAMPLE), data_dir=tmp_path).stdout.strip()
    assert link.startswith("http://") and ":9999/#" in link


def test_half_block_lines_scan_at_every_level_and_quiet_zone():
    link = BASE + "#" + "K7M2QX" * 40
    for level in "LMQH":
        code = make_qr(link, level)
        for quiet in (4, 2):
            assert decode_lines(half_block_lines(code, quiet)) == [link]
    assert decode_lines(ansi_lines(make_qr(link), basic_colours=True)) == [link]


def test_viewer_page_is_written(tmp_path):
    out = tmp_path / "site" / "index.html"
    result = run("plan", "viewer", "--out", str(out), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "DecompressionStream" in page and "innovationslek" in page
    assert out.stat().st_mode & 0o777 == 0o644  # a web server running as another user can read it


def test_bad_input_gets_a_clear_message(tmp_path):
    missing = run("plan", "link", str(tmp_path / "nope.toml"), data_dir=tmp_path)
    assert missing.returncode == 1 and "cannot read" in missing.stderr and "Traceback" not in missing.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\ndeck = "innovationslek"\n', encoding="utf-8")
    result = run("plan", "qr", str(broken), data_dir=tmp_path)
    assert result.returncode == 1 and "broken.toml" in result.stderr and "Traceback" not in result.stderr
    other = tmp_path / "other.toml"
    other.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace('deck = "innovationslek"', 'deck = "okand"'), encoding="utf-8"
    )
    result = run("plan", "link", str(other), data_dir=tmp_path)
    assert result.returncode == 1 and "no deck 'okand'" in result.stderr
    result = run("plan", "link", str(EXAMPLE), "--base", "ftp://x/", data_dir=tmp_path)
    assert result.returncode == 2 and "--base" in result.stderr
    result = run("plan", data_dir=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
