"""The PIN back-off survives a restart: a crash or a kill (systemd restarts the kiosk in two
seconds) must not reset the waits after wrong PINs to one second."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.core.config import Config
from kiosk.core.pin import hash_pin
from kiosk.ui.app import KioskApp
from tests.conftest import FakeClock
from tests.ui.conftest import TODAY

PIN = hash_pin("2468")


def kiosk(store, tmp_path, wall: list[datetime]) -> KioskApp:
    return KioskApp(
        Config(mode="walkup", kiosk=True, pin_hash=PIN, viewer_host="127.0.0.1", viewer_port=0),
        store,
        data_dir=tmp_path / "data",
        clock=FakeClock(),
        today=lambda: TODAY,
        now=lambda: wall[0],
    )


def fake_clock(app: KioskApp) -> FakeClock:
    assert isinstance(app.clock, FakeClock)
    return app.clock


def shown(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


async def test_wrong_pins_keep_counting_after_a_restart(store, tmp_path):
    wall = [datetime(2026, 11, 24, 12, 0, tzinfo=UTC)]
    app = kiosk(store, tmp_path, wall)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        for guess in ("0000", "1111", "2222", "3333"):
            await pilot.press(*guess, "enter")
            await pilot.pause()
            wait = app.pin_gate.wait(app.clock())
            fake_clock(app).advance(wait)
            wall[0] += timedelta(seconds=wait)
        assert app.pin_gate.failures == 4
        await pilot.press(*"4444", "enter")  # the fifth: wait 16 s
        await pilot.pause()
    wall[0] += timedelta(seconds=3)  # the kiosk was killed and came back 3 s later
    again = kiosk(store, tmp_path, wall)
    assert again.pin_gate.failures == 5 and again.pin_gate.wait(again.clock()) == 13
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12", *"2468", "enter")  # right, but the wait is not over
        await pilot.pause()
        assert type(again.screen).__name__ == "PinScreen" and "Vänta" in shown(again)
        assert again.pin_gate.failures == 6
        fake_clock(again).advance(again.pin_gate.wait(again.clock()))
        wall[0] += timedelta(seconds=40)
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        assert type(again.screen).__name__ == "FacilitatorScreen"
    third = kiosk(store, tmp_path, wall)
    assert third.pin_gate.failures == 0 and third.pin_gate.wait(third.clock()) == 0  # a right PIN clears it


async def test_a_broken_backoff_file_is_no_lockout(store, tmp_path):
    (tmp_path / "data" / "pin-backoff.json").write_text("{not json", encoding="utf-8")
    wall = [datetime(2026, 11, 24, 12, 0, tzinfo=UTC)]
    app = kiosk(store, tmp_path, wall)
    assert app.pin_gate.failures == 0 and app.pin_gate.wait(app.clock()) == 0
