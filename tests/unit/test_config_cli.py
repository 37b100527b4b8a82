from __future__ import annotations

import subprocess
import sys

from kiosk.cli import build_parser, resolve_config
from kiosk.core.config import Config, load_config
from kiosk.core.theme_file import load_theme
from tests.conftest import ROOT, run_program


def run(*args: str) -> subprocess.CompletedProcess:
    return run_program(*args)


def test_config_file_and_flags(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('mode = "walkup"\nkiosk = true\nlanguage = "nb"\nidle_seconds = 60\n', encoding="utf-8")
    config, problems = load_config(path)
    assert problems == []
    assert (config.mode, config.kiosk, config.language, config.idle_seconds) == ("walkup", True, "nb", 60)
    args = build_parser().parse_args(["--config", str(path), "--lang", "da", "--idle", "30"])
    merged, messages = resolve_config(args)
    assert messages == []
    assert (merged.mode, merged.language, merged.idle_seconds, merged.kiosk) == ("walkup", "da", 30, True)


def test_config_problems_name_the_line(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('mode = "walkup"\nidle_secs = 60\nkiosk = "yes"\nviewer_url = "ftp://x"\n', encoding="utf-8")
    _, problems = load_config(path)
    text = [str(p) for p in problems]
    assert any(t.startswith(f"{path}:2:") and "unknown key" in t for t in text)
    assert any(t.startswith(f"{path}:3:") and "true or false" in t for t in text)
    assert any(t.startswith(f"{path}:4:") and "https://" in t for t in text)


def test_defaults():
    assert Config().language == "sv" and Config().idle_seconds == 90


def test_wrong_flag_is_a_clear_message():
    result = run("--mode", "party")
    assert result.returncode == 2
    assert "invalid choice: 'party'" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("--idle", "soon")
    assert result.returncode == 2 and "not a whole number" in result.stderr


def test_broken_config_stops_before_the_screen(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("mode = \n", encoding="utf-8")
    result = run("--config", str(path), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}:1: TOML syntax error")


def test_unusable_data_dir_stops_with_a_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("--data-dir", str(blocker / "data"))
    assert result.returncode == 1
    assert "cannot create the data directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_theme_file_checks(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text('name = "mine"\nprimary = "#112233"\ndark = false\n[variables]\nborder = "#ffffff"\n')
    spec, problems = load_theme(good)
    assert problems == [] and spec is not None
    assert spec.colours == {"primary": "#112233"} and spec.dark is False
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "Mine!"\nprimary = "blurple?"\nforegound = "#fff"\n')
    _, problems = load_theme(bad)
    text = [str(p) for p in problems]
    assert any(":1:" in t and "'name'" in t for t in text)
    assert any(":2:" in t and "not a colour" in t for t in text)
    assert any(":3:" in t and "unknown key" in t for t in text)


def test_set_pin_writes_a_hash_the_app_reads(tmp_path):
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--data-dir", str(data), "set-pin"],
        input="2468\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    text = (data / "kiosk.toml").read_text()
    assert "pin_hash" in text and "2468" not in text
    args = build_parser().parse_args(["--data-dir", str(data)])
    config, messages = resolve_config(args)
    assert messages == []
    from kiosk.core.pin import verify_pin

    assert verify_pin("2468", config.pin_hash)
    bad = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--data-dir", str(data), "set-pin"],
        input="12\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert bad.returncode == 1 and "4 to 12 digits" in bad.stderr
    assert (data / "kiosk.toml").read_text() == text


def test_global_options_work_after_the_command(tmp_path):
    data = tmp_path / "after"
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "set-pin", "--data-dir", str(data)],
        input="1357\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "pin_hash" in (data / "kiosk.toml").read_text()
    args = build_parser().parse_args(["--lang", "en", "export", "--out", "x", "--data-dir", "d"])
    assert (args.language, args.data_dir, args.out) == ("en", "d", "x")
    args = build_parser().parse_args(["--data-dir", "before", "plan", "link", "f.toml"])
    assert args.data_dir == "before"  # an option typed only before the command is kept
