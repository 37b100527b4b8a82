"""Snapshots of every screen at 80x24 and at a kiosk size, 200x60 (the too-small screen at
a size that is too small).

Update after a deliberate change with ``pytest tests/ui/test_snapshots.py --snapshot-update``
and look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from kiosk.core.config import Config
from kiosk.core.pin import hash_pin
from kiosk.core.plan import Action
from kiosk.core.session import Session, SessionSettings
from kiosk.core.shelf import Shelf
from kiosk.core.store import Store
from kiosk.ui.app import KioskApp
from kiosk.ui.widgets.choice import Choice
from tests.conftest import FakeClock
from tests.ui.conftest import TODAY

SIZES = [(80, 24), (200, 60)]

# Keys that lead from a mode's first screen to the screen in question.
ROUTES = {
    "start": (None, []),
    "setup": ("workshop", []),
    "ballot": ("workshop", ["ctrl+s", "enter"]),
    "lobby": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter"]),
    "results": (
        "workshop",
        ["ctrl+s", "enter", *"3123451234", "enter", "enter", *"1555512345", "enter", "ctrl+r", "right", "enter"],
    ),
    "deal": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter"]),
    "card": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter", "enter"]),
    "card_more": (
        "workshop",
        ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter", "enter", "m"],
    ),
    "exercise": (
        "workshop",
        ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter", "enter", "t"],
    ),
    "plan": (
        "workshop",
        ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter", "space", "c"],
    ),
    "hands": ("workshop", []),
    "team": ("checkin", []),
    "attract": ("walkup", []),
    "walkup_deal": ("walkup", ["enter", *"123451234", "enter", "enter"]),
    "miniplan": ("walkup", ["enter", *"123451234", "enter", "enter", "enter", "enter"]),
    "miniplan_confirm": ("walkup", ["enter", *"123451234", "enter", "enter", "enter", "enter", "down", "enter", "3"]),
    "help": ("workshop", ["ctrl+s", "enter", "f1"]),
    "share": ("walkup", ["enter", *"123451234", "enter", "enter", "enter", "enter", "down", "enter", "3", "enter"]),
}


def earlier_workshop(store: Store, *, open_at: list[str] | None = None) -> str:
    """A workshop of two ballots in the store: ended with a plan (its code returned), or
    left open at the steps ``open_at`` as after a crash."""
    deck = Shelf().get("innovationslek", "sv")
    ids = deck.require_model().principle_ids
    store.now = lambda: datetime(2026, 11, 24, 8, 0, tzinfo=UTC)  # the screens show when it began
    session = Session(
        store=store,
        deck=deck,
        settings=SessionSettings(mode="workshop", team="Bygglov"),
        now=lambda: datetime(2026, 11, 24, 8, 0, tzinfo=UTC),
    )
    session.cast({"level": "both", **{p: 2 for p in ids}})
    session.cast({"level": "limited", **{p: 4 for p in ids}})
    if open_at is not None:
        session.save_state(open_at)
        session.deal()
        return ""
    return session.save_plan(
        session.make_plan(
            [Action(what="Prova nytt formulär"), Action(what="Bjud in invånare")], TODAY.replace(year=TODAY.year + 1)
        )
    )


def plan_then(*keys: str):
    """A store preparation: an earlier plan, then its code typed and ``keys``."""
    return lambda store: [*earlier_workshop(store).lower(), *keys]


def workshop_done(store: Store) -> list[str]:
    earlier_workshop(store)
    return []


def workshop_open(store: Store) -> list[str]:
    earlier_workshop(store, open_at=["vote", "results", "deal"])
    return []


# Screens outside the main path: (mode, keys, config, store preparation returning more keys).
FOLLOW_UP_VOTE = ["enter", "enter", "2", *"444444444", "enter", "ctrl+r", "right", "enter"]
MORE: dict[str, tuple[str, list[str], dict[str, object], Callable[[Store], list[str]] | None]] = {
    "facilitator": ("workshop", ["f12"], {}, None),
    "dayview": ("workshop", ["f12", "shift+tab", "shift+tab", "shift+tab", "enter"], {}, workshop_done),
    "pin": ("walkup", ["f12", "1", "2"], {"kiosk": True, "pin_hash": hash_pin("2468")}, None),
    "followup": ("followup", [], {}, None),
    "followup_results": ("followup", [], {}, plan_then(*FOLLOW_UP_VOTE)),
    "review": ("followup", [], {}, plan_then(*FOLLOW_UP_VOTE, "enter", "space", "c")),
    "resume": ("workshop", [], {}, workshop_open),
    "stillthere": ("walkup", ["enter", "1"], {"idle_seconds": 20}, None),
    # The questions asked before something cannot be taken back.
    "reveal_confirm": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+r"], {}, None),
    "leave_round": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "escape"], {}, None),
    "quit": ("workshop", ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+c"], {}, None),
}


def make(tmp_path, mode, **config) -> KioskApp:
    store = Store.open(tmp_path / "data")
    return KioskApp(
        # Loopback only: the lobby says phones cannot join (no address of the machine in a picture).
        Config(
            mode=mode or "",
            seed=7,
            viewer_url="https://innovationslek.example.org/",
            viewer_host="127.0.0.1",
            viewer_port=0,
            **config,
        ),
        store,
        data_dir=tmp_path / "data",
        clock=FakeClock(),
        today=lambda: TODAY,
        now=lambda: datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
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
        await pilot.pause()  # the first screen is the app's own: it mounts just after the app is ready
        if name == "hands":
            app.screen.query_one("#secret", Choice).value = "hands"
            await pilot.press("ctrl+s")
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(MORE))
def test_more_screens(name, size, tmp_path, snap_compare, monkeypatch):
    import random
    import time

    monkeypatch.setenv("TZ", "UTC")  # the resume screen shows a local time
    time.tzset()

    from kiosk.core import store as store_module

    monkeypatch.setattr(store_module, "secrets", random.Random(1))
    mode, keys, config, prepare = MORE[name]
    extra: list[str] = []
    if prepare is not None:
        store = Store.open(tmp_path / "data")
        extra = prepare(store)
        store.close()
    app = make(tmp_path, mode, **config)

    async def run_before(pilot) -> None:
        await pilot.pause()  # the first screen mounts just after the app is ready
        for key in [*extra, *keys]:
            await pilot.press(key)
            await pilot.pause()
        if name == "stillthere":
            assert isinstance(app.clock, FakeClock)
            app.clock.advance(21)
            app.check_visitor_idle()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_too_small(tmp_path, snap_compare):
    assert snap_compare(make(tmp_path, "walkup"), terminal_size=(50, 14))
