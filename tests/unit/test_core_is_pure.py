"""The core never imports Textual: importing every kiosk.core module in a fresh
interpreter leaves textual (and rich) out of sys.modules."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import kiosk.core


def test_core_imports_no_textual():
    modules = [f"kiosk.core.{m.name}" for m in pkgutil.iter_modules(kiosk.core.__path__)]
    assert len(modules) >= 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') or m.startswith('kiosk.ui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
