"""Snapshots of the main screens at 80x24 and at a kiosk size, 200x60.

Update after a deliberate change with ``pytest tests/ui/test_snapshots.py --snapshot-update``
and look at the report before committing.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from kiosk.core.config import Config
from kiosk.core.store import Store
from kiosk.ui.app import KioskApp
from tests.conftest import FakeClock
from tests.ui.conftest import TODAY

SIZES = [(80, 24), (200, 60)]

# Keys that lead from a mode's first screen to the screen in question.
ROUTES = {
    "start": (None, []),
    "setup": ("workshop", []),
    "ballot": ("workshop", ["ctrl+s", "enter"]),
    "lobby": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter"]),
    "results": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "enter", *"1555512345", "enter", "r"]),
    "deal": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "r", "enter"]),
    "card": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "r", "enter", "enter"]),
    "card_more": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "r", "enter", "enter", "m"]),
    "exercise": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "r", "enter", "enter", "t"]),
    "plan": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "r", "enter", "space", "c"]),
    "hands": ("workshop", []),
    "team": ("checkin", []),
    "attract": ("walkup", []),
    "walkup_deal": ("walkup", ["enter", *"123451234", "enter", "enter"]),
    "miniplan": ("walkup", ["enter", *"123451234", "enter", "enter", "enter", "enter"]),
    "help": ("workshop", ["ctrl+s", "enter", "f1"]),
    "share": ("walkup", ["enter", *"123451234", "enter", "enter", "enter", "enter", "down", "enter", "3"]),
}


def make(tmp_path, mode) -> KioskApp:
    store = Store.open(tmp_path / "data")
    return KioskApp(
        Config(mode=mode or "", seed=7, viewer_url="https://innovationslek.example.org/",
               viewer_host="127.0.0.1", viewer_port=0), store,  # loopback only: the lobby says phones cannot join data_dir=tmp_path / "data", clock=FakeClock(),
        today=lambda: TODAY, now=lambda: datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc),
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(ROUTES))
def test_screen(name, size, tmp_path, snap_compare, monkeypatch):
    import random

    from kiosk.core import store as store_module

    monkeypatch.setattr(store_module, "secrets", random.Random(1))  # plan codes repeat in snapshots
    mode, keys = ROUTES[name]
    app = make(tmp_path, mode)

    async def run_before(pilot) -> None:
        if name == "hands":
            app.screen.query_one("#secret").value = "hands"
            await pilot.press("ctrl+s")
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
