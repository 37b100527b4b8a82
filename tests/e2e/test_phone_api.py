"""The phone ballot's interface over loopback, against a real store: join, ballot, state,
the event stream, and every refusal with its status code."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from kiosk.core.ballotbox import BallotBox
from kiosk.core.session import Session, SessionSettings
from kiosk.core.shelf import Shelf
from kiosk.core.store import Store
from kiosk.web.server import SECURITY_HEADERS, KioskServer

DECK = Shelf().get("innovationslek", "sv")
ANSWERS = {"level": 3, **{p.id: 4 for p in DECK.require_model().principles}}


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
async def room(store):
    session = Session(store=store, deck=DECK, settings=SessionSettings(mode="workshop", group_size=5))
    box = BallotBox(session, margin=2)
    server = KioskServer("page", "127.0.0.1", 0).open()
    await server.ready.wait()
    server.add_room(box)
    async with aiohttp.ClientSession(f"http://127.0.0.1:{server.port}") as client:
        yield box, client
    await server.close()


async def post(client, path: str, body) -> tuple[int, dict]:
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    async with client.post(path, data=data, headers={"Content-Type": "application/json"}) as response:
        text = await response.text()
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, name
        return response.status, (json.loads(text) if text.startswith("{") else {})


async def test_room_address_is_unguessable(room):
    import math

    from kiosk.core.ballotbox import ID_ALPHABET

    box, _ = room
    assert len(box.room) * math.log2(len(ID_ALPHABET)) >= 64
    assert set(box.room) <= set(ID_ALPHABET)


async def test_join_vote_and_state(room, store):
    box, client = room
    v = f"/v/{box.room}"
    status, joined = await post(client, f"{v}/join", {})
    assert status == 200 and joined["language"] == "sv" and joined["state"] == "open" and not joined["voted"]
    assert [q["id"] for q in joined["questions"]] == ["level", *DECK.require_model().principle_ids]
    assert joined["questions"][1]["name"] == DECK.require_model().principles[0].name
    assert joined["scale"] == list(DECK.require_model().scale)
    assert joined["questions"][0]["statements"][0] == list(DECK.require_model().levels[0].statements)
    token = joined["token"]
    status, answer = await post(client, f"{v}/ballot", {"token": token, "answers": ANSWERS})
    assert (status, answer) == (200, {"accepted": True})
    # Committed before the 200: a second connection to the database sees it.
    assert len(Store.open(store.path.parent).entries(box.session.id)) == 1
    assert (await post(client, f"{v}/ballot", {"token": token, "answers": ANSWERS}))[0] == 409
    async with client.get(f"{v}/state") as response:
        assert await response.json() == {"state": "open", "voted": 1}  # no results before the reveal
    # The same phone back again (a reload) gets its token and learns it has voted.
    status, again = await post(client, f"{v}/join", {"token": token})
    assert status == 200 and again["token"] == token and again["voted"]


async def test_refusals(room):
    box, client = room
    v = f"/v/{box.room}"
    token = (await post(client, f"{v}/join", {}))[1]["token"]
    bad = [
        b"{not json",
        b"[]",
        {"token": token},
        {"token": 5, "answers": ANSWERS},
        {"token": token, "answers": {**ANSWERS, "nonsense": 1}},
        {"token": token, "answers": {k: v for k, v in ANSWERS.items() if k != "level"}},
        {"token": token, "answers": {**ANSWERS, "level": 4}},  # the level question has three options
        {"token": token, "answers": {**ANSWERS, "level": 0}},
        {"token": token, "answers": {**ANSWERS, "level": True}},
        {"token": token, "answers": {**ANSWERS, "level": "2"}},
        b"[" * 3000 + b"]" * 1000,
    ]
    for body in bad:
        assert (await post(client, f"{v}/ballot", body))[0] == 400, body
    assert (await post(client, f"{v}/ballot", {"token": "stolen", "answers": ANSWERS}))[0] == 403
    assert (await post(client, f"{v}/ballot", b"{" + b" " * 10_000 + b"}"))[0] == 413
    assert (await post(client, "/v/nosuchroom/join", {}))[0] == 404
    assert box.session.votes_cast == 0  # nothing was stored
    assert (await post(client, f"{v}/ballot", {"token": token, "answers": ANSWERS}))[0] == 200


async def test_cap_is_group_size_plus_margin(room):
    box, client = room
    assert box.cap == 7
    statuses = [(await post(client, f"/v/{box.room}/join", {}))[0] for _ in range(9)]
    assert statuses == [200] * 7 + [429] * 2
    assert box.issued == 7


async def test_after_the_reveal_results_and_410(room, store):
    box, client = room
    v = f"/v/{box.room}"
    tokens = [(await post(client, f"{v}/join", {}))[1]["token"] for _ in range(3)]
    for token in tokens[:2]:
        assert (await post(client, f"{v}/ballot", {"token": token, "answers": ANSWERS}))[0] == 200
    box.session.round.reveal()
    assert (await post(client, f"{v}/ballot", {"token": tokens[2], "answers": ANSWERS}))[0] == 410
    assert (await post(client, f"{v}/join", {}))[0] == 410
    async with client.get(f"{v}/state") as response:
        state = await response.json()
    assert state["state"] == "revealed" and state["voted"] == 2
    first = state["results"][1]
    assert first["name"] == DECK.require_model().principles[0].name and first["counts"] == [0, 0, 0, 2, 0]
    assert first["mean"] == 4.0
    await asyncio.sleep(0.4)  # the room's watcher deletes the tokens once it sees the reveal
    assert store.phone_tokens(box.session.id) == {}


async def test_event_stream_sends_coalesced_counts(room):
    box, client = room
    v = f"/v/{box.room}"
    tokens = [(await post(client, f"{v}/join", {}))[1]["token"] for _ in range(5)]
    async with client.get(f"{v}/events") as stream:
        assert stream.headers["Content-Type"] == "text/event-stream"
        first = await asyncio.wait_for(stream.content.readline(), 2)
        assert json.loads(first.removeprefix(b"data: ")) == {"state": "open", "voted": 0}
        await asyncio.gather(*(post(client, f"{v}/ballot", {"token": t, "answers": ANSWERS}) for t in tokens))
        seen: list[dict] = []
        while not seen or seen[-1]["voted"] < 5:
            line = await asyncio.wait_for(stream.content.readline(), 2)
            if line.startswith(b"data: "):
                seen.append(json.loads(line.removeprefix(b"data: ")))
        assert len(seen) <= 2  # five ballots at once: one or two updates, not five
