"""The seams hold: screens and widgets never reach the app or the router (no import
circle), and mode names are written only in the mode specs (and the link's wire table)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kiosk.core.modes import MODE_NAMES
from tests.conftest import ROOT

KIOSK = ROOT / "kiosk"


def imported_modules(path: Path) -> set[str]:
    """Absolute names of the kiosk modules a file imports (TYPE_CHECKING imports included)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize(
    "folder, forbidden",
    [
        ("ui/screens", ("kiosk.ui.app", "kiosk.ui.flow")),
        ("ui/widgets", ("kiosk.ui.app", "kiosk.ui.flow", "kiosk.ui.screens")),
        ("web", ("kiosk.ui",)),
    ],
)
def test_layers_do_not_reach_up(folder, forbidden):
    files = sorted((KIOSK / folder).glob("*.py"))
    assert files
    for path in files:
        bad = sorted(m for m in imported_modules(path) if m.startswith(forbidden))
        assert bad == [], f"{path.relative_to(ROOT)} imports {bad}"


def test_mode_names_are_written_only_in_the_specs():
    # The link formats keep their own wire tables of mode codes (a printed link must keep
    # its meaning whatever this list becomes).
    allowed = {KIOSK / "core" / name for name in ("modes.py", "link.py", "link_v1.py", "linkformat.py")}
    found = []
    for path in sorted(KIOSK.rglob("*.py")):
        if path in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        widget_ids = {id(k.value) for k in ast.walk(tree) if isinstance(k, ast.keyword) and k.arg == "id"}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in MODE_NAMES and id(node) not in widget_ids:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert found == []
