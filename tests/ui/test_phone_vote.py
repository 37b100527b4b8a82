"""The room votes from its phones, through the real server in the app's own loop: the
lobby's QR code scans to the join address, 300 simulated phones vote at once over
loopback, the keyboard still votes in the same round, and after the reveal nothing
ties a ballot to a phone (database, log, export)."""

from __future__ import annotations

import asyncio
import json

import aiohttp

from kiosk.core.export import export_all
from kiosk.core.logfile import configure_logging, log_path
from kiosk.ui.widgets.bigdigits import BigDigits
from kiosk.ui.widgets.phonejoin import PhoneJoin, wifi_qr_text
from kiosk.ui.widgets.qr import QRWidget
from tests.qr_image import decode_lines

PHONE_AGENT = "PhoneBrowser/9.9 (distinctive)"


def answers_for(app, n: int) -> dict[str, int]:
    """A phone's answers: steps that vary from phone to phone."""
    out = {}
    for i, question in enumerate(app.session.round.questions):
        out[question.id] = 1 + (n + i) % len(question.options)
    return out


async def to_lobby(app, pilot, group_size: int) -> None:
    """From the workshop's setup, as a facilitator does: the group size, then start."""
    from textual.widgets import Input

    await pilot.pause()
    app.screen.query_one("#group", Input).value = str(group_size)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert type(app.screen).__name__ == "LobbyScreen"


async def join(client, base: str, body: dict | None = None) -> tuple[int, dict]:
    async with client.post(f"{base}/join", json=body or {}) as response:
        return response.status, await response.json()


async def vote(client, base: str, token: str, answers: dict) -> int:
    async with client.post(f"{base}/ballot", data=json.dumps({"token": token, "answers": answers})) as response:
        await response.read()
        return response.status


async def wait_for(pilot, condition, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


async def test_lobby_join_code_scans_to_the_room(make_app):
    app = make_app(mode="workshop", wifi_ssid="Verkstad", wifi_password="hemligt;123")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_lobby(app, pilot, 15)
        box = app.phone_box
        qr = app.screen.query_one("#join-qr", QRWidget)
        url = f"HTTP://127.0.0.1:{app.viewer_server.port}/V/{box.room}"
        assert decode_lines(qr.render().plain.split("\n")) == [url]
        assert qr.code.version <= 3
        address = app.screen.query_one("#join-address").render().plain
        assert address == f"127.0.0.1:{app.viewer_server.port}/V/{box.room}"
        label = app.screen.query_one("#count-label").render().plain
        assert label == app.screen.t("phone.count", n=0, total=15)
        tokens = app.screen.query_one("#join-tokens").render().plain
        assert "0 av 18" in tokens  # 15 in the group and a margin of 3, shown
        # At 80x24 the Wi-Fi code gives way to its name and password written out.
        wifi = app.screen.query_one("#wifi-qr", QRWidget).render().plain
        assert "Verkstad" in wifi and "hemligt;123" in wifi
    assert wifi_qr_text("Verkstad", "hemligt;123") == "WIFI:T:WPA;S:Verkstad;P:hemligt\\;123;;"


async def test_tall_screen_draws_the_wifi_code(make_app):
    app = make_app(mode="workshop", wifi_ssid="Verkstad", wifi_password="hemligt123")
    async with app.run_test(size=(120, 50)) as pilot:
        await to_lobby(app, pilot, 15)
        await pilot.pause()
        wifi = app.screen.query_one("#wifi-qr", QRWidget)
        drawn = wifi.render().plain.split("\n")
        assert decode_lines(drawn) == ["WIFI:T:WPA;S:Verkstad;P:hemligt123;;"]


async def test_300_phones_vote_at_once_and_the_keyboard_too(make_app, store):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, 301)
        base = f"{app.viewer_server.local_url()}v/{app.phone_box.room}"
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as client:
            joined = await asyncio.gather(*(join(client, base) for _ in range(300)))
            assert all(status == 200 for status, _ in joined)
            tokens = [body["token"] for _, body in joined]
            assert len(set(tokens)) == 300
            statuses = await asyncio.gather(*(vote(client, base, t, answers_for(app, n)) for n, t in enumerate(tokens)))
            assert statuses == [200] * 300
            again = await asyncio.gather(*(vote(client, base, t, answers_for(app, 0)) for t in tokens[:50]))
            assert again == [409] * 50
        # One person without a phone votes at the keyboard, in the same round.
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"3123451234", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "LobbyScreen"
        await wait_for(pilot, lambda: "301" in app.screen.query_one("#count-label").render().plain)
        assert app.screen.query_one("#count", BigDigits).value == "301"
        assert app.screen.query_one("#count-label").render().plain == app.screen.t("phone.count", n=301, total=301)
        assert "300 har röstat" in app.screen.query_one("#join-tokens").render().plain
        # Stored exactly once each: 301 rows in the database, the phones' answers among them.
        rows = store.db.execute(
            "SELECT answers FROM ballots WHERE session_id = ? AND undone_at IS NULL", (app.session.id,)
        ).fetchall()
        assert len(rows) == 301
        assert app.session.votes_cast == 301
        # Undo at the keyboard takes back the keyboard's ballot, never a phone's.
        await pilot.press("ctrl+u", "right", "enter")
        await pilot.pause()
        assert app.session.votes_cast == 300 and app.phone_box.phone_ballots == 300
        await pilot.press("ctrl+u", "right", "enter")
        await pilot.pause()
        assert app.session.votes_cast == 300
        live = store.db.execute(
            "SELECT COUNT(*) FROM ballots WHERE session_id = ? AND undone_at IS NULL", (app.session.id,)
        ).fetchone()[0]
        assert live == 300


async def test_after_the_reveal_nothing_ties_a_ballot_to_a_phone(make_app, store, tmp_path):
    configure_logging(tmp_path / "data")
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, 10)
        base = f"{app.viewer_server.local_url()}v/{app.phone_box.room}"
        async with aiohttp.ClientSession(headers={"User-Agent": PHONE_AGENT}) as client:
            tokens = [(await join(client, base))[1]["token"] for _ in range(6)]
            for n, token in enumerate(tokens[:5]):
                assert await vote(client, base, token, answers_for(app, n)) == 200
            async with client.post(f"{base}/ballot", data=b"{broken") as response:
                assert response.status == 400  # a bad request, for the log to (not) record
            await wait_for(pilot, lambda: app.phone_box.phone_ballots == 5)
            await pilot.press("ctrl+r", "right", "enter")  # reveal
            await pilot.pause()
            assert type(app.screen).__name__ == "ResultsScreen"
            await wait_for(pilot, lambda: app.phone_box is None or app.phone_box.forgotten)
            async with client.get(f"{base}/state") as response:
                state = await response.json()
            assert state["state"] == "revealed" and state["voted"] == 5 and len(state["results"]) == 10
        export = export_all(store, tmp_path / "export")
        assert export.ballots >= 5
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    from kiosk.core.ballotbox import token_hash

    secrets = [t.encode() for t in tokens] + [token_hash(t).encode() for t in tokens]
    secrets += [PHONE_AGENT.encode(), b"127.0.0.1"]
    files = [p for p in (tmp_path / "data").iterdir() if p.is_file()]
    files += [p for p in (tmp_path / "export").rglob("*") if p.is_file()]
    assert log_path(tmp_path / "data") in files or not log_path(tmp_path / "data").exists()
    for path in files:
        content = path.read_bytes()
        for secret in secrets:
            assert secret not in content, (path.name, secret[:20])
    assert store.db.execute("SELECT COUNT(*) FROM phone_tokens").fetchone()[0] == 0
    columns = [row[1] for row in store.db.execute("PRAGMA table_info(ballots)")]
    # No column could hold a token, an address or a browser.
    assert columns == ["id", "session_id", "round", "kind", "answers", "cast_at", "undone_at", "source"]


async def test_reconnect_restores_the_state_and_refuses_a_second_ballot(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, 5)
        base = f"{app.viewer_server.local_url()}v/{app.phone_box.room}"
        async with aiohttp.ClientSession() as phone:
            token = (await join(phone, base))[1]["token"]
            assert await vote(phone, base, token, answers_for(app, 1)) == 200
            stream = await phone.get(f"{base}/events")
            assert (await asyncio.wait_for(stream.content.readline(), 2)).startswith(b"data: ")
            stream.close()  # the phone sleeps: its connection is gone
        async with aiohttp.ClientSession() as woken:  # a new connection, the same stored token
            status, again = await join(woken, base, {"token": token})
            assert status == 200 and again["token"] == token and again["voted"] is True
            assert again["voted_count"] == 1
            assert await vote(woken, base, token, answers_for(app, 2)) == 409
        assert app.session.votes_cast == 1


async def test_strict_join_code_admits_one_phone_then_changes(make_app):
    app = make_app(mode="workshop", strict_join=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, 5)
        box = app.phone_box
        first_code = box.admission
        qr = app.screen.query_one("#join-qr", QRWidget)
        assert decode_lines(qr.render().plain.split("\n"))[0].endswith(f"/V/{box.room}/{first_code}")
        base = f"{app.viewer_server.local_url()}v/{box.room}"
        async with aiohttp.ClientSession() as client:
            assert (await join(client, base))[0] == 403  # no code: refused
            assert (await join(client, base, {"admission": first_code}))[0] == 200
            assert (await join(client, base, {"admission": first_code}))[0] == 403  # spent
            await wait_for(pilot, lambda: box.admission in app.screen.query_one("#join-address").render().plain)
            redrawn = decode_lines(app.screen.query_one("#join-qr", QRWidget).render().plain.split("\n"))[0]
            assert redrawn.endswith(f"/{box.admission}") and box.admission != first_code
            assert (await join(client, base, {"admission": box.admission}))[0] == 200
        assert box.issued == 2
        assert app.screen.query_one(PhoneJoin)


async def test_lobby_says_phones_cannot_join_on_loopback_only(make_app):
    app = make_app(mode="workshop", advertise_host="")  # listening on 127.0.0.1: no address for phones
    async with app.run_test(size=(80, 24)) as pilot:
        await to_lobby(app, pilot, 5)
        assert not app.screen.query("#join-qr")
        said = app.screen.query_one("#join-note").render().plain
        assert said == app.screen.t("phone.lobby_unreachable")
        await pilot.press("enter")  # the keyboard vote goes on
        await pilot.pause()
        await pilot.press(*"3123451234", "enter")
        await pilot.pause()
        assert app.session.votes_cast == 1


async def test_busy_port_is_a_message_on_the_lobby(make_app):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        app = make_app(mode="workshop", viewer_port=taken.getsockname()[1])
        async with app.run_test(size=(80, 24)) as pilot:
            await to_lobby(app, pilot, 5)
            said = app.screen.query_one("#join-note").render().plain
            busy = app.screen.t("trial.port_busy", port=taken.getsockname()[1])
            assert said.startswith(app.screen.t("phone.no_server", reason="")[:20]) and busy in said
            assert app.viewer_server is None
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "BallotScreen"
