"""The share screen: the QR code on screen scans to the link, the link holds the saved
plan, the kiosk's own viewer page answers, and a small terminal gets the link as text."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request

from kiosk.core.link import LinkCodec, as_linked
from kiosk.ui.widgets.qr import QRWidget
from tests.qr_image import decode_lines


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def redirect_of(url: str) -> str:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        opener.open(url, timeout=5)
    except urllib.error.HTTPError as exc:
        assert exc.code == 303
        return exc.headers["Location"]
    raise AssertionError("no redirect")


def status_of(url: str) -> tuple[int, bytes]:
    try:
        return fetch(url)
    except urllib.error.HTTPError as exc:
        return exc.code, b""


async def walk_up_to_share(app, pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*"533134555", "enter")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("enter")  # the first card
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("down", "enter", "3")
    await pilot.pause()
    await pilot.press("enter")  # confirm the mini plan
    await pilot.pause()
    assert type(app.screen).__name__ == "ShareScreen"


async def test_qr_on_screen_scans_to_the_link_of_the_saved_plan(make_app, store):
    app = make_app(mode="walkup")
    async with app.run_test(size=(200, 60)) as pilot:
        await walk_up_to_share(app, pilot)
        widget = app.screen.query_one(QRWidget)
        drawn = widget.render().plain.split("\n")
        link = app.screen.link
        assert decode_lines(drawn) == [link]
        assert widget.code.level in "QM"  # room enough for a robust level
        saved = store.plan(app.session.plan_code)
        decks = app.shelf.all_decks()
        assert LinkCodec(decks).decode_link(link) == as_linked(saved)
        # The kiosk serves the viewer page on loopback here, and the link points at it.
        assert link.startswith(app.viewer_server.url() + "#")
        # The server runs in the app's own loop: fetch from a thread, as a phone would.
        status, body = await asyncio.to_thread(fetch, app.viewer_server.url())
        assert status == 200 and b"DecompressionStream" in body
        assert app.session.plan_code in app.screen.query_one("#code").render().plain
        app.clock.advance(2)  # past the moment in which keys still belong to the mini plan
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "AttractScreen"


async def share_example_plan(app, pilot) -> None:
    """A workshop's plan (the example: five cards, an action) on the share screen: too long
    for a full-plan QR code at 80x24 (a walk-up plan's code fits there since link format 2)."""
    from kiosk.core.plan import Plan
    from tests.conftest import ROOT

    await pilot.pause()
    plan = Plan.from_toml((ROOT / "examples" / "plan.toml").read_text(encoding="utf-8"))
    from kiosk.core.modes import mode_spec
    from kiosk.core.session import Session, SessionSettings

    app.language, app.deck_id = plan.language, plan.deck
    # The end of a workshop without walking it: a session holding the saved plan, and the
    # router opening its share step (the flow tests walk the whole way with keys).
    app.flow.spec = mode_spec("workshop")
    app.flow.session = Session(
        store=app.store, deck=app.deck(), settings=SessionSettings(mode="workshop", language=plan.language), now=app.now
    )
    app.flow.session.save_plan(plan)
    app.flow._open("share")
    await pilot.pause()
    assert type(app.screen).__name__ == "ShareScreen"


async def test_small_terminal_shows_a_short_link_that_opens_the_plan(make_app, store):
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await share_example_plan(app, pilot)
        widget = app.screen.query_one(QRWidget)
        drawn = widget.render().plain.split("\n")
        short = f"{app.viewer_server.url()}p/{app.session.plan_code}"
        assert widget.showing_short and widget.code.version <= 3
        assert decode_lines(drawn) == [short]  # a phone's decoder reads the short link
        # The full link is written out on the screen.
        assert app.screen.query_one("#link").render().plain.replace("\n", "") == app.screen.link
        # Over loopback the short link leads to the full link, and on to the viewer page.
        location = await asyncio.to_thread(redirect_of, short)
        assert location == app.screen.link
        status, body = await asyncio.to_thread(fetch, short)
        assert status == 200 and b"DecompressionStream" in body
        status, _ = await asyncio.to_thread(status_of, f"{app.viewer_server.url()}p/AAAAAA")
        assert status == 404


async def test_small_terminal_with_a_hosted_viewer_shows_the_link_as_text(make_app):
    # A hosted viewer (viewer_url) means no server of our own, so no short link either.
    app = make_app(mode="workshop", viewer_url="https://innovationslek.example.org/visa")
    async with app.run_test(size=(80, 24)) as pilot:
        await share_example_plan(app, pilot)
        widget = app.screen.query_one(QRWidget)
        drawn = widget.render().plain
        assert widget.code is None
        assert app.screen.link in drawn.replace("\n", "")
        assert drawn.startswith(app.screen.t("share.too_small"))


async def test_no_qr_when_phones_cannot_reach_the_machine(make_app):
    app = make_app(mode="walkup", advertise_host="")  # listening on loopback only
    async with app.run_test(size=(200, 60)) as pilot:
        await walk_up_to_share(app, pilot)
        assert not app.screen.query(QRWidget)
        said = app.screen.query_one("#qr-side").render().plain
        assert said == app.screen.t("phone.unreachable")
        assert "viewer_url" in said
        hint = app.screen.query_one("#plan-side .hint").render().plain
        assert hint == app.screen.t("polish.share_hint_saved")  # nothing to scan


async def test_configured_viewer_url_starts_no_server(make_app):
    app = make_app(mode="walkup", viewer_url="https://innovationslek.example.org/visa")
    async with app.run_test(size=(200, 60)) as pilot:
        await walk_up_to_share(app, pilot)
        assert app.screen.link.startswith("https://innovationslek.example.org/visa#")
        assert app.viewer_server is None


async def test_walkup_share_screen_times_out_to_the_attract_screen(make_app):
    app = make_app(mode="walkup", share_idle_seconds=20)
    async with app.run_test(size=(200, 60)) as pilot:
        await walk_up_to_share(app, pilot)
        app.clock.advance(21)
        app.check_visitor_idle()
        await pilot.pause()
        assert type(app.screen).__name__ == "AttractScreen"


async def test_follow_up_from_a_pasted_link(make_app):
    from textual.widgets import Input

    from kiosk.core.link import encode_link
    from kiosk.core.plan import Plan
    from tests.conftest import ROOT

    plan = Plan.from_toml((ROOT / "examples" / "plan.toml").read_text(encoding="utf-8"))
    app = make_app()
    link = encode_link(plan, app.shelf.get("innovationslek", "sv"), "http://192.168.1.20:8765/")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("4")
        field = app.screen.query_one("#reference", Input)
        field.value = link[:-10]  # a link that lost its end on the way
        await pilot.press("enter")
        await pilot.pause()
        message = app.screen.status
        assert message == app.screen.t("link.damaged")
        field.value = link
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "LobbyScreen"
        assert app.flow.follows == as_linked(plan)
