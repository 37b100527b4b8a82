"""The README's kiosk set-up, run as written (as far as a container allows): root runs
the set-up lines, then the unit's command runs as a non-root service user in a real
terminal. ``nobody`` (group ``nogroup``) stands in for ``kiosk``, temporary folders for
/etc and /var/lib, and this checkout's run.py for the installed command."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

from tests.e2e.tmux import ROOT, TmuxSession, require_tmux

pytestmark = pytest.mark.e2e


def readme_setup_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Setting up a kiosk machine", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the set-up section has no shell block"
    return [line.strip() for line in block.group(1).splitlines() if line.strip()]


def unit_command() -> list[str]:
    unit = (ROOT / "deploy" / "innovationslek-kiosk.service").read_text(encoding="utf-8")
    return shlex.split(next(line for line in unit.splitlines() if line.startswith("ExecStart=")).split("=", 1)[1])


def localise(text: str, etc: Path, var: Path) -> str:
    program = f"{shlex.quote(sys.executable)} {shlex.quote(str(ROOT / 'run.py'))}"
    return (
        text.replace("/opt/innovationslek/.venv/bin/innovationslek", program)
        .replace("/etc/innovationslek", str(etc))
        .replace("/var/lib/innovationslek", str(var))
        .replace("-o kiosk", "-o nobody")
        .replace("-g kiosk", "-g nogroup")
    )


def service_python() -> tuple[str, str]:
    """An interpreter the service user may run, and the PYTHONPATH it needs. This test's
    own interpreter may live in root's home (pyenv); the system's python3 of the same minor
    version then runs the app with this virtualenv's packages (all pure Python)."""

    def allowed(path: str) -> bool:
        return subprocess.run(["runuser", "-u", "nobody", "--", "test", "-x", path]).returncode == 0

    if allowed(os.path.realpath(sys.executable)):
        return sys.executable, ""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    system = shutil.which(version, path="/usr/bin:/usr/local/bin")
    if system is None or not allowed(system):
        pytest.skip(f"no {version} that the service user may run")
    packages = [p for p in sys.path if p.endswith("site-packages") and p.startswith(sys.prefix)]
    return system, os.pathsep.join([str(ROOT), *packages])


@pytest.fixture
def scratch():
    # Not under pytest's tmp_path: its parent folders are private to root, and the service
    # user must be able to walk to its files, as it can to /etc and /var/lib.
    folder = Path(tempfile.mkdtemp(prefix="kiosk-setup-"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("runuser") is None, reason="needs root and runuser")
def test_readme_setup_then_the_service_user_runs_the_kiosk(scratch):
    require_tmux()
    etc, var = scratch / "etc", scratch / "var"
    for line in readme_setup_lines():
        result = subprocess.run(
            ["bash", "-c", localise(line, etc, var)],
            cwd=ROOT,
            input="4711\n",
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, f"{line}: {result.stderr}"
    config = etc / "kiosk.toml"
    info = os.stat(config)
    assert (stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid) == (0o640, 0, 65534)
    assert "# Write the PIN hash with" in config.read_text(encoding="utf-8")  # comments kept
    assert "pin_hash" in config.read_text(encoding="utf-8")

    command = [localise(part, etc, var) for part in unit_command()]
    program = shlex.split(command[0]) + command[1:]
    session = TmuxSession.__new__(TmuxSession)
    session.name, session.socket = f"kiosk-{uuid.uuid4().hex[:8]}", f"kiosk-test-{uuid.uuid4().hex[:8]}"
    python, python_path = service_python()
    program[0] = python
    shell = (
        f"runuser -u nobody -- env TERM=linux HOME=/nonexistent PYTHONPATH={shlex.quote(python_path)} "
        + " ".join(shlex.quote(p) for p in program)
        + "; echo EXITED:$?; sleep 30"
    )
    subprocess.run(
        [
            "tmux",
            "-L",
            session.socket,
            "new-session",
            "-d",
            "-s",
            session.name,
            "-x",
            "100",
            "-y",
            "30",
            "bash",
            "-c",
            f"cd {shlex.quote(str(ROOT))} && {shell}",
        ],
        check=True,
    )
    with session:
        screen = session.wait_for("Innovationslek", timeout=30)
        assert "EXITED" not in screen and "Permission denied" not in screen
    database = var / "innovationslek.sqlite3"
    assert database.exists() and os.stat(database).st_uid == 65534
