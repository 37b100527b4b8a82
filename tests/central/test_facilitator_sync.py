"""The kiosk's side of the sync in the real app: the facilitator menu's line (last synced,
how much waits) and a background sync that never holds up the screen, even when the
network hangs."""

from __future__ import annotations

import socket
from datetime import date

import pytest

from kiosk.central import background
from kiosk.central.settings import CentralSettings
from kiosk.central.sync import sync
from kiosk.core.config import Config
from kiosk.core.store import Store
from kiosk.ui.app import KioskApp
from tests.conftest import FakeClock


def _app(store: Store, tmp_path, central: CentralSettings | None) -> KioskApp:
    config = Config(mode="walkup", seed=42, viewer_host="127.0.0.1", viewer_port=0, central=central)
    return KioskApp(config, store, data_dir=tmp_path / "data", clock=FakeClock(), today=lambda: date(2026, 11, 24))


def _menu_line(app) -> str:
    return str(app.screen.query_one("#sync-status").render())


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


async def test_without_a_central_database_the_menu_says_so(store, tmp_path):
    app = _app(store, tmp_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert _menu_line(app) == "Ingen central databas inställd"


async def test_the_menu_shows_what_waits_and_when_the_kiosk_last_synced(store, tmp_path, central_url):
    sid = store.start_session("checkin", "innovationslek", "sv", team="Bygglov")
    store.end_session(sid)
    app = _app(store, tmp_path, CentralSettings(url=central_url, interval_minutes=0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert _menu_line(app) == "Aldrig synkad; 1 väntar"
        await pilot.press("escape")
        sync(tmp_path / "data", central_url)
        await pilot.press("f12")
        await pilot.pause()
        line = _menu_line(app)
        assert line.startswith("Senast synkad 20") and line.endswith("; 0 väntar")


async def test_a_hanging_network_never_holds_up_the_screen(store, tmp_path, monkeypatch):
    """The central address accepts the connection and then says nothing (a black hole):
    the background thread waits in it while the visitor votes at full speed."""
    monkeypatch.setattr(background, "FIRST_DELAY_SECONDS", 0.0)
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(8)
    url = f"postgresql://kiosk:pw@127.0.0.1:{hole.getsockname()[1]}/org"
    app = _app(store, tmp_path, CentralSettings(url=url, interval_minutes=1))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            hole.settimeout(10)
            caught, _ = hole.accept()  # the background sync is now stuck waiting for the server
            assert app.central_sync is not None and app.central_sync.rounds == 0
            await pilot.press("enter", *"123451234", "enter")
            await pilot.pause()
            # The visitor is on the results with the vote stored while the sync still hangs.
            assert type(app.screen).__name__ == "ResultsScreen"
            assert app.central_sync.rounds == 0
            assert store.db.execute("SELECT COUNT(*) FROM ballots").fetchone()[0] == 1
            await pilot.press("f12")
            await pilot.pause()
            assert _menu_line(app) == "Aldrig synkad; 0 väntar"  # the walk-up session is still open
            caught.close()
    finally:
        hole.close()


def test_a_failed_round_is_remembered_for_the_menu(tmp_path):
    store = Store.open(tmp_path / "data")
    store.end_session(store.start_session("checkin", "innovationslek", "sv"))
    store.close()
    runner = background.BackgroundSync(tmp_path / "data", CentralSettings(url="postgresql://k:pw@127.0.0.1:1/x"))
    runner.run_once()
    status = runner.status()
    assert "connection refused" in status.error and status.waiting == 1
    from kiosk.core.i18n import t

    text = background.status_text(status, t, "en")
    assert text == "Sync failed (connection refused); 1 waiting, nothing lost"
