"""The phone ballot's web side: the page and its small JSON interface.

    GET  /v/{room}           the phone page
    POST /v/{room}/join      -> {"token", "voted", "language", "questions", "scale", "state", "voted_count"}
    POST /v/{room}/ballot    {"token", "answers": {"<question id>": <step 1..n>}} -> {"accepted": true}
    GET  /v/{room}/state     -> {"state": "open|closed|revealed", "voted": n, "results"?: [...]}
    GET  /v/{room}/events    the same as server-sent events, a few times a second at most

A ballot is answered 200 only after its transaction is committed. Ballots that arrive
together are committed together (one disk sync for the lot), which keeps a room of
phones voting at once fast on a slow disk.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiohttp import web

from ..core.ballotbox import BallotBox, PhoneRefusal, phone_questions
from ..core.i18n import labels

if TYPE_CHECKING:
    from .server import KioskServer, Limits

log = logging.getLogger("kiosk.web")
PAGE = Path(__file__).with_name("phone.html")
TICK = 0.25  # seconds between checks for a changed count: at most four updates a second
KEEPALIVE = 15.0  # seconds between comments on a quiet event stream (finds dead phones)


class PhoneRoom:
    """One open round on the network: its ballot box, a batching writer and the
    coalesced change feed for the event streams."""

    def __init__(self, box: BallotBox):
        self.box = box
        self.queue: asyncio.Queue[tuple[str, Any, asyncio.Future]] = asyncio.Queue()
        self.changed = asyncio.Event()
        self.last_view: tuple = ()
        self.streams = 0
        self.stopped = False
        loop = asyncio.get_running_loop()
        self.tasks = [
            loop.create_task(self._write(), name="phone-writer"),
            loop.create_task(self._watch(), name="phone-watch"),
        ]

    def stop(self) -> None:
        self.stopped = True
        self.changed.set()  # wakes the event streams, which then end
        for task in self.tasks:
            task.cancel()
        self.tasks.clear()

    async def submit(self, hashed: str, entry: Any) -> bool:
        done: asyncio.Future = asyncio.get_running_loop().create_future()
        await self.queue.put((hashed, entry, done))
        return await done

    async def _write(self) -> None:
        while True:
            batch = [await self.queue.get()]
            while not self.queue.empty():
                batch.append(self.queue.get_nowait())
            try:
                stored = self.box.commit([(hashed, entry) for hashed, entry, _ in batch])
            except Exception as exc:  # a full disk, a broken database: nobody gets a 200
                log.error("phone ballots not stored: %s", exc)
                for _, _, done in batch:
                    if not done.done():
                        done.set_exception(PhoneRefusal(503, "the ballot could not be stored; try again"))
                continue
            for (_, _, done), ok in zip(batch, stored, strict=True):
                if not done.done():
                    done.set_result(ok)

    async def _watch(self) -> None:
        """Coalesce: whatever changed in a tick (many ballots, a keyboard vote, the
        reveal) goes out as one update."""
        while True:
            await asyncio.sleep(TICK)
            try:
                self.box.after_reveal()
                view = (self.box.state, self.box.session.votes_cast)
            except Exception:
                log.exception("phone room check failed")
                continue
            if view != self.last_view:
                self.last_view = view
                previous, self.changed = self.changed, asyncio.Event()
                previous.set()


def add_phone_routes(app: web.Application, server: KioskServer) -> None:
    def room_of(request: web.Request) -> PhoneRoom:
        room = server.rooms.get(request.match_info["room"].upper())
        if room is None:
            raise _refusal(404, "no vote at this address")
        return room

    async def page(request: web.Request) -> web.Response:
        room = server.rooms.get(request.match_info["room"].upper())
        if room is None:  # a person, not a program, asked: say it in words
            return web.Response(status=404, body=unknown_room_page(), content_type="text/html", charset="utf-8")
        return web.Response(body=phone_page(room.box), content_type="text/html", charset="utf-8")

    async def join(request: web.Request) -> web.Response:
        room = room_of(request)
        payload = await _json_body(request, server.limits, allow_empty=True)
        payload = payload if isinstance(payload, dict) else {}
        try:
            joined = room.box.join(payload.get("token"), payload.get("admission"))
        except PhoneRefusal as exc:
            raise _refusal(exc.status, exc.reason) from None
        box = room.box
        model = box.session.deck.require_model()
        return web.json_response(
            {
                "token": joined.token,
                "voted": joined.voted,
                "language": box.session.settings.language,
                "questions": phone_questions(model, box.session),
                "scale": list(model.scale),
                "state": box.state,
                "voted_count": box.session.votes_cast,
            }
        )

    async def ballot(request: web.Request) -> web.Response:
        room = room_of(request)
        payload = await _json_body(request, server.limits)
        try:
            hashed, entry = room.box.check(payload)
            stored = await room.submit(hashed, entry)
        except PhoneRefusal as exc:
            raise _refusal(exc.status, exc.reason) from None
        if not stored:
            if room.box.state != "open":
                raise _refusal(410, "voting is closed")
            raise _refusal(409, "this phone has already voted")
        return web.json_response({"accepted": True})

    async def state(request: web.Request) -> web.Response:
        return web.json_response(room_of(request).box.snapshot())

    async def events(request: web.Request) -> web.StreamResponse:
        room = room_of(request)
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"})
        await response.prepare(request)
        room.streams += 1
        try:
            while not room.stopped:
                waiting = room.changed
                await response.write(f"data: {json.dumps(room.box.snapshot())}\n\n".encode())
                while not room.stopped:
                    try:
                        async with asyncio.timeout(KEEPALIVE):  # no extra task per phone, unlike wait_for
                            await waiting.wait()
                        break
                    except TimeoutError:
                        await response.write(b": still here\n\n")
        except (ConnectionError, asyncio.CancelledError, RuntimeError):
            pass  # the phone went away (or the server stops)
        finally:
            room.streams -= 1
        return response

    # The join QR's address is in capitals (the QR code's compact mode): /V/ROOM, and in
    # the strict variant /V/ROOM/ADMISSION; the page reads the admission code from its path.
    for prefix in ("/v", "/V"):
        app.router.add_get(prefix + "/{room}", page)
        app.router.add_get(prefix + "/{room}/{admission:[A-Z0-9]{6}}", page)
    app.router.add_post("/v/{room}/join", join)
    app.router.add_post("/v/{room}/ballot", ballot)
    app.router.add_get("/v/{room}/state", state)
    app.router.add_get("/v/{room}/events", events)


def _refusal(status: int, reason: str) -> web.HTTPException:
    kinds = {
        400: web.HTTPBadRequest,
        403: web.HTTPForbidden,
        404: web.HTTPNotFound,
        409: web.HTTPConflict,
        410: web.HTTPGone,
        413: web.HTTPRequestEntityTooLarge,
        429: web.HTTPTooManyRequests,
        503: web.HTTPServiceUnavailable,
    }
    body = json.dumps({"error": reason})
    if status == 413:
        return web.HTTPRequestEntityTooLarge(max_size=0, actual_size=0, text=body, content_type="application/json")
    return kinds[status](text=body, content_type="application/json")


async def _json_body(request: web.Request, limits: Limits, *, allow_empty: bool = False) -> Any:
    if request.content_length is not None and request.content_length > limits.max_body:
        raise _refusal(413, f"the body is over {limits.max_body} bytes")

    async def read_capped() -> bytes:
        chunks, total = [], 0
        while total <= limits.max_body:
            chunk = await request.content.read(limits.max_body + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)

    try:
        raw = await asyncio.wait_for(read_capped(), limits.idle_timeout)
    except TimeoutError:
        raise _refusal(400, "the body came too slowly") from None
    if len(raw) > limits.max_body:
        raise _refusal(413, f"the body is over {limits.max_body} bytes")
    if not raw.strip() and allow_empty:
        return {}
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise _refusal(400, "the body is not JSON") from None


def phone_page(box: BallotBox) -> bytes:
    """The page with the session language's texts filled in as JSON."""
    texts = {
        k.removeprefix("phone."): v for k, v in labels(box.session.settings.language).items() if k.startswith("phone.")
    }
    page = PAGE.read_text(encoding="utf-8")
    page = page.replace("/*TEXTS*/{}", json.dumps(texts, ensure_ascii=False).replace("</", "<\\/"), 1)
    page = page.replace('lang="sv"', f'lang="{box.session.settings.language}"', 1)
    return page.encode("utf-8")


def unknown_room_page() -> bytes:
    """A short page for an old or mistyped join address, in Swedish and English."""
    sv, en = labels("sv")["phone.unknown"], labels("en")["phone.unknown"]
    return (
        f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" '
        f'content="width=device-width, initial-scale=1"><title>Innovationslek</title></head><body><main>'
        f'<h1>{html.escape(sv)}</h1><p lang="en">{html.escape(en)}</p></main></body></html>'
    ).encode()
