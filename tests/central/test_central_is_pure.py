"""kiosk.central is core-like: importing every module of it pulls in neither Textual nor
the UI, and not psycopg either (it is imported only when a central database is used)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import kiosk.central


def test_central_imports_no_textual_and_no_driver():
    modules = [f"kiosk.central.{m.name}" for m in pkgutil.iter_modules(kiosk.central.__path__)]
    assert len(modules) >= 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'psycopg')"
        " or m.startswith('kiosk.ui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
