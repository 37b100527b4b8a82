"""Pilot fixtures: a real store in a temporary data directory and an app factory with
injected clock, minute length and today's date."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.core.config import Config
from kiosk.core.store import Store
from kiosk.ui.app import KioskApp
from tests.conftest import FakeClock

TODAY = date(2026, 11, 24)


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def make_app(store, tmp_path):
    def make(**config) -> KioskApp:
        config.setdefault("seed", 42)
        config.setdefault("viewer_host", "127.0.0.1")  # tests only ever touch loopback
        config.setdefault("viewer_port", 0)
        config.setdefault("advertise_host", "127.0.0.1")  # links name loopback, as phones would the LAN address
        app = KioskApp(
            Config(**config),
            store,
            data_dir=tmp_path / "data",
            clock=FakeClock(),
            seconds_per_minute=60.0,
            today=lambda: TODAY,
        )
        return app

    return make


# Three secret ballots in a workshop, so the results show a spread (weakest, divided, the rest).
BALLOTS = ["2342312312", "1325214135", "2431325242"]


async def to_results(app, pilot):
    """From the workshop's setup: three ballots, the reveal confirmed; the results screen."""
    await pilot.press("2", "ctrl+s")
    await pilot.pause()
    for ballot in BALLOTS:
        await pilot.press("enter", *ballot, "enter")
        await pilot.pause()
    await pilot.press("ctrl+r", "right", "enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "ResultsScreen"
    return app.screen
