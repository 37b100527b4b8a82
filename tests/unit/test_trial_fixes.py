"""Defects found by trying the program as a new user would (issue 15): the command line and
``check``. Each test failed on the code before its fix."""

from __future__ import annotations

import socket
import stat
import subprocess
import sys

import pytest

from kiosk.core.checking import check_paths
from kiosk.core.text import text_problem
from kiosk.web.server import KioskServer, ViewerServerError
from tests.conftest import ROOT, run_program


def run(*args: str) -> subprocess.CompletedProcess:
    return run_program(*args, timeout=120)


CENTRAL_CONFIG = """\
language = "sv"
private_exports = true

[network]
port = 8765

[central]
url = "postgresql://kiosk:secret@db.example.org/innovationslek"
interval_minutes = 15
"""


def test_a_config_with_the_tables_the_readme_documents_is_checked_as_a_config(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text(CENTRAL_CONFIG, encoding="utf-8")
    result = run("check", str(config))
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_a_typo_in_a_config_is_reported_as_a_typo_with_its_line(tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text('language = "sv"\nlang = "en"\n', encoding="utf-8")
    problems = check_paths([str(config)])
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(2, "config, field 'lang'")]
    assert "unknown key (a typo?)" in problems[0].message


def test_a_kiosk_toml_is_a_config_whatever_it_holds(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("idle = 90\n", encoding="utf-8")
    problems = check_paths([str(config)])
    assert len(problems) == 1 and "config, field 'idle': unknown key" in problems[0].message


def test_a_file_of_no_known_kind_names_what_a_config_holds(tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('colour = "blue"\n', encoding="utf-8")
    message = check_paths([str(other)])[0].message
    assert "not a deck, theme, plan or config file" in message and "a config language" in message


def test_a_control_character_is_named_as_one():
    assert text_problem("Team\x1b[31m") == "control character U+001B is not allowed"
    assert text_problem("Team\u202eNorr") == "control character U+202E is not allowed"
    assert "emoji U+1F680" in (text_problem("Team \U0001f680") or "")


def test_a_data_directory_that_is_a_file_is_said_so(tmp_path):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("", encoding="utf-8")
    result = run("--data-dir", str(not_a_folder), "export", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"innovationslek: the data directory {not_a_folder} is a file, not a folder"


def test_plan_show_names_the_challenge_by_its_title_in_the_plans_language(tmp_path):
    text = (ROOT / "examples" / "plan.toml").read_text(encoding="utf-8")
    with_challenge = tmp_path / "plan.toml"
    with_challenge.write_text(
        text.replace(
            'team = "Bygglovsenheten"\n', 'team = "Bygglovsenheten"\nchallenge = "halvera-handlaggningstid"\n'
        ),
        encoding="utf-8",
    )
    result = run("plan", "show", str(with_challenge))
    assert result.returncode == 0, result.stderr
    assert "Utmaning: Hur kan vi halvera tiden från ansökan till beslut, med samma rättssäkerhet?\n" in result.stdout
    assert "halvera-handlaggningstid" not in result.stdout


def test_a_busy_port_is_explained_in_the_sessions_language():
    """The share screen and the lobby say why the viewer cannot start in the session's
    language; the English message stays for the log and the command line."""
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(ViewerServerError) as caught:
            KioskServer("<html></html>", "127.0.0.1", port).open()
    finally:
        taken.close()
    assert "busy" in str(caught.value)
    assert caught.value.reason("sv") == f"port {port} används redan av ett annat program"
    assert caught.value.reason("en") == f"port {port} is already used by another program"
    assert caught.value.reason("da") == f"port {port} bruges allerede af et andet program"
    for language in ("sv", "nb", "da"):
        assert "busy" not in caught.value.reason(language) and "listen" not in caught.value.reason(language)


def test_an_address_that_cannot_be_used_is_explained_in_the_sessions_language():
    with pytest.raises(ViewerServerError) as caught:
        KioskServer("<html></html>", "192.0.2.254", 0).open()  # a documentation address no interface has
    assert caught.value.reason("sv") == "adressen 192.0.2.254 går inte att använda"
    assert caught.value.reason("nb") == "adressen 192.0.2.254 kan ikke brukes"


def test_check_names_the_line_of_each_problem_in_a_plan(tmp_path):
    lines = (ROOT / "examples" / "plan.toml").read_text(encoding="utf-8").splitlines()
    team = next(i for i, line in enumerate(lines) if line.startswith("team ="))
    when = next(i for i, line in enumerate(lines) if line.startswith("when ="))
    lines[team] = 'team = "Bygglov \U0001f680"'
    lines[when] = 'when = "Vecka 50\\u001b[31m"'
    broken = tmp_path / "plan.toml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_paths([str(broken)])
    assert [(p.line, p.message) for p in problems] == [
        (team + 1, "plan: team: emoji U+1F680 is not allowed (the Linux console cannot show it)"),
        (when + 1, "plan: action 1 when: control character U+001B is not allowed"),
    ]


def long_plan(tmp_path) -> str:
    """A plan with five full actions of varied words: a QR code of about 100 columns."""
    words = [
        "kartlägg",
        "sökandes",
        "väg",
        "första",
        "fråga",
        "beslut",
        "tjänsteresa",
        "handläggare",
        "ärende",
        "intervjua",
        "invånare",
    ]
    text = (ROOT / "examples" / "plan.toml").read_text(encoding="utf-8").split("[[actions]]")[0]
    for i in range(5):
        fields = {"what": 118, "how": 158, "who": 78, "competences": 118}
        text += "[[actions]]\n" + f'when = "Vecka {50 + i}"\n'
        for n, (name, size) in enumerate(fields.items()):
            value = " ".join(words[(i * 7 + n * 3 + k * k) % len(words)] + str(k) for k in range(40))[:size].strip()
            text += f'{name} = "{value}"\n'
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_plan_qr_wider_than_the_terminal_says_so(tmp_path, monkeypatch):
    plan = long_plan(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    result = run("plan", "qr", plan, "--base", "https://example.org/plan/")
    assert result.returncode == 0
    width = len(result.stdout.splitlines()[0].split("m", 1)[1].rsplit("\x1b", 1)[0])
    assert width > 80
    assert f"the QR code is {width} columns wide and the terminal 80" in result.stderr
    monkeypatch.setenv("COLUMNS", str(width))
    assert "columns wide" not in run("plan", "qr", plan, "--base", "https://example.org/plan/").stderr


def test_the_help_tells_a_newcomer_how_to_quit_and_what_every_option_is():
    result = run("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "Ctrl+C or Ctrl+Q quits" in text and "F1 shows the keys" in text
    assert "validate decks, themes, plan files and config files" in text
    assert "without --mode: the walk-up" in text
    for option in ("--theme NAME|PATH", "--data-dir DIR", "--idle SECONDS"):
        described = text.rsplit(option, 1)[1].split("--", 1)[0].strip()  # the text after the last mention
        assert described, option


def test_set_pin_makes_a_new_config_readable_by_its_owner_only(tmp_path):
    """A four-digit PIN's hash is quickly guessed by anyone who can read it."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "set-pin", "--data-dir", str(tmp_path)],
        input="2468\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "kiosk.toml").stat().st_mode) == 0o600
    # An existing file keeps the mode its administrator gave it (0640 for root:kiosk).
    (tmp_path / "kiosk.toml").chmod(0o640)
    subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "set-pin", "--data-dir", str(tmp_path)],
        input="1357\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert stat.S_IMODE((tmp_path / "kiosk.toml").stat().st_mode) == 0o640


def test_export_into_a_file_says_it_is_not_a_folder(tmp_path):
    target = tmp_path / "export.csv"
    target.write_text("keep me", encoding="utf-8")
    result = run("--data-dir", str(tmp_path / "data"), "export", "--out", str(target))
    assert result.returncode == 1
    assert result.stderr.strip() == f"innovationslek: --out {target} is a file; name a folder for the export"
    assert target.read_text(encoding="utf-8") == "keep me"


def test_the_whole_word_language_is_taken_like_lang(tmp_path):
    done = run("--data-dir", str(tmp_path), "--language", "en", "cards")
    assert done.returncode == 0, done.stderr
    assert "invalid choice" not in done.stderr
    wrong = run("--data-dir", str(tmp_path), "--language", "fi", "cards")
    assert wrong.returncode != 0 and "--lang" in wrong.stderr and "Traceback" not in wrong.stderr
