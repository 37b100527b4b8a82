"""The kiosk's one web server, on aiohttp, inside the app's own asyncio loop.

It serves the plan viewer (``/``), short plan links (``/p/{CODE}``) and the phone ballot
(``/v/{room}`` and its JSON interface, in ``phone_api``). Anyone on the network can
reach it, so it is built to survive the room:

- the listening socket is bound at once (a busy port is an error the screen can show);
- a connection has ``idle_timeout`` seconds to send a complete request after it opened
  or after its last answer (slow and idle clients are closed, a slow trickle included);
- at most ``max_connections`` at a time: a new one pushes out the longest-idle one,
  and is refused only when every connection is busy (event streams count as busy);
- request lines, headers and bodies are bounded; only known routes and methods;
- every answer (404 and 501 included) carries the security headers;
- nothing is logged per request, and the log itself is rotated and escaped.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import resource
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from aiohttp import web
from aiohttp.http_exceptions import BadHttpMethod
from aiohttp.web_protocol import RequestHandler

from ..core.i18n import t
from .address import base_url, public_host

if TYPE_CHECKING:  # phone_api imports this module; it is imported when a room opens
    from ..core.ballotbox import BallotBox
    from .phone_api import PhoneRoom

log = logging.getLogger("kiosk.web")

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Server": "innovationslek",
}
METHODS = ("GET", "HEAD", "POST")
FD_RESERVE = 64  # descriptors kept for the database, plan files and the log


class ViewerServerError(RuntimeError):
    """The server cannot start; the message says why (a busy port, a wrong address) in
    English for the log and the command line, ``reason`` in the session's language."""

    def __init__(self, message: str, *, host: str = "", port: int = 0, busy: bool = False):
        super().__init__(message)
        self.host, self.port, self.busy = host, port, busy

    def reason(self, language: str) -> str:
        if self.busy:
            return t(language, "trial.port_busy", port=self.port)
        if self.host:
            return t(language, "trial.address_unusable", address=self.host)
        return str(self)


@dataclass(frozen=True)
class Limits:
    max_connections: int = 1500
    idle_timeout: float = 15.0  # seconds to send a whole request (head and body)
    max_line: int = 2048  # request line: method, path, version
    max_field: int = 4096  # one header line
    max_headers: int = 40
    max_body: int = 4096  # a phone's ballot is about 200 bytes
    sweep_every: float = 1.0


@dataclass
class _Connection:
    idle_since: float
    busy: int = 0  # requests being answered on it right now


@dataclass
class ConnectionGuard:
    """Open connections, which of them are idle and since when; closes the ones that
    wait too long and makes room under the cap."""

    limits: Limits
    clock: Callable[[], float]
    open: dict[RequestHandler, _Connection] = field(default_factory=dict)
    refused: int = 0
    timed_out: int = 0

    def opened(self, handler: RequestHandler) -> bool:
        """Admit a new connection (True), pushing out the longest-idle one if at the cap."""
        if len(self.open) >= self.limits.max_connections:
            idle = [(c.idle_since, id(h), h) for h, c in self.open.items() if not c.busy]
            if not idle:
                self.refused += 1
                return False
            _, _, oldest = min(idle)
            self._drop(oldest)
        self.open[handler] = _Connection(self.clock())
        return True

    def closed(self, handler: RequestHandler) -> None:
        self.open.pop(handler, None)

    def started(self, handler: RequestHandler) -> None:
        conn = self.open.get(handler)
        if conn is not None:
            conn.busy += 1

    def finished(self, handler: RequestHandler) -> None:
        conn = self.open.get(handler)
        if conn is not None:
            conn.busy = max(0, conn.busy - 1)
            conn.idle_since = self.clock()

    def sweep(self) -> None:
        limit = self.clock() - self.limits.idle_timeout
        for handler, conn in list(self.open.items()):
            if not conn.busy and conn.idle_since < limit:
                self.timed_out += 1
                self._drop(handler)

    def _drop(self, handler: RequestHandler) -> None:
        self.open.pop(handler, None)
        handler.force_close()
        transport = handler.transport
        if transport is not None:
            transport.abort()


class _GuardedHandler(RequestHandler):
    """aiohttp's connection handler, reporting to the guard."""

    def __init__(self, *args: Any, guard: ConnectionGuard, **kwargs: Any) -> None:  # aiohttp's own arguments
        super().__init__(*args, **kwargs)
        self._guard = guard

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if not self._guard.opened(self):
            # every slot is busy answering: no room for one more
            transport.abort() if isinstance(transport, asyncio.Transport) else transport.close()
            return
        super().connection_made(transport)

    def connection_lost(self, exc: BaseException | None) -> None:
        self._guard.closed(self)
        if self._manager is not None and self.transport is not None:
            super().connection_lost(exc)

    def handle_error(
        self, request: web.BaseRequest, status: int = 500, exc: BaseException | None = None, message: str | None = None
    ) -> web.StreamResponse:
        """Answers to requests that never reached a route (a request the parser refused)
        and to our own failures: a short text with the security headers. Refused
        requests are not logged (they are the room's noise, and the log would name the
        sender); a failure of ours is, without the client's address."""
        if isinstance(exc, BadHttpMethod):
            status = 501
        if status >= 500 and status != 501:
            log.error("web request failed", exc_info=exc)
        if request.writer.output_size > 0:
            raise ConnectionError("the answer was partly sent already")
        phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
        response = web.Response(status=status, text=f"{status} {phrase}\n")
        response.headers.update(SECURITY_HEADERS)
        response.force_close()
        return response


def _raise_fd_limit() -> int:
    """Raise the soft limit of open files towards the hard one; returns the soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 65536
    wanted = min(wanted, 65536)
    if soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    return soft


def _bind(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise ViewerServerError(
            f"cannot listen on {host}:{port}: {getattr(exc, 'strerror', None) or exc}", host=host or "*", port=port
        ) from None
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(512)
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        busy = exc.errno in (errno.EADDRINUSE, 48, 10048)
        reason = "the port is busy" if busy else (exc.strerror or str(exc))
        raise ViewerServerError(
            f"cannot listen on {host}:{port}: {reason}", host=host or "*", port=port, busy=busy
        ) from None
    return sock


class KioskServer:
    """Bind with ``open()`` (synchronous: the real port is known at once), then the
    server runs as a task in the running loop; ``close()`` stops it."""

    def __init__(
        self,
        viewer_page: str,
        host: str = "0.0.0.0",
        port: int = 8765,
        *,
        limits: Limits = Limits(),
        plan_link: Callable[[str], str | None] | None = None,
        probes: tuple[str, ...] | None = None,
        advertise: str = "",
    ):
        self.viewer_page = viewer_page.encode("utf-8")
        self.host = host
        self.port = port
        self.limits = limits
        self.plan_link = plan_link  # a plan's code -> its full link (None: no such plan)
        self.probes = probes  # tests may point the address lookup elsewhere
        self.advertise = advertise  # a host the configuration names for phones: used as given
        self.rooms: dict[str, PhoneRoom] = {}  # room id -> its phone page and API
        self._sock: socket.socket | None = None
        self._runner: web.AppRunner | None = None
        self._server: asyncio.AbstractServer | None = None
        self._tasks: list[asyncio.Task] = []
        self.guard: ConnectionGuard | None = None
        self.ready = asyncio.Event()

    # -- life cycle ------------------------------------------------------------------------
    def open(self) -> KioskServer:
        """Bind the socket now; serving starts in the running asyncio loop."""
        fd_limit = _raise_fd_limit()
        self.limits = Limits(
            **{
                **self.limits.__dict__,
                "max_connections": max(8, min(self.limits.max_connections, fd_limit - FD_RESERVE)),
            }
        )
        self._sock = _bind(self.host, self.port)
        self.port = self._sock.getsockname()[1]
        loop = asyncio.get_running_loop()
        self.guard = ConnectionGuard(self.limits, loop.time)
        self._tasks.append(loop.create_task(self._serve(), name="kiosk-web"))
        return self

    async def _serve(self) -> None:
        from .phone_api import add_phone_routes

        app = web.Application(middlewares=[self._middleware], client_max_size=self.limits.max_body)
        app.on_response_prepare.append(_secure)
        app.router.add_get("/", self._viewer)
        app.router.add_get("/index.html", self._viewer)
        app.router.add_get("/p/{code}", self._short_link)
        add_phone_routes(app, self)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        manager = self._runner.server
        assert manager is not None and self.guard is not None
        guard, limits, loop = self.guard, self.limits, asyncio.get_running_loop()

        def protocol() -> RequestHandler:
            return _GuardedHandler(
                manager,
                loop=loop,
                guard=guard,
                access_log=None,
                keepalive_timeout=limits.idle_timeout,
                max_line_size=limits.max_line,
                max_field_size=limits.max_field,
                max_headers=limits.max_headers,
                lingering_time=1.0,
            )

        if self._sock is None:
            raise ViewerServerError("the server's socket is not bound")
        self._server = await loop.create_server(protocol, sock=self._sock, backlog=512)
        self._tasks.append(loop.create_task(self._sweep(), name="kiosk-web-sweep"))
        self.ready.set()

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(self.limits.sweep_every)
            try:
                if self.guard is not None:
                    self.guard.sweep()
            except Exception:  # never let the sweeper die: log and go on
                log.exception("connection sweep failed")

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()
        if self._server is not None:
            self._server.close()
            self._server = None
        for room in list(self.rooms.values()):
            room.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    # -- phone rooms -----------------------------------------------------------------------
    def add_room(self, box: BallotBox) -> PhoneRoom:
        """Open a ballot box to phones at ``/v/{box.room}``; returns its PhoneRoom."""
        from .phone_api import PhoneRoom

        room = self.rooms.get(box.room)
        if room is None or room.box is not box:
            if room is not None:
                room.stop()
            room = self.rooms[box.room] = PhoneRoom(box)
        return room

    def remove_room(self, room_id: str) -> None:
        room = self.rooms.pop(room_id, None)
        if room is not None:
            room.stop()

    # -- addresses -------------------------------------------------------------------------
    def public_url(self) -> str | None:
        """The address phones use; None when they cannot reach this machine."""
        host = self.advertise or public_host(self.host, *(() if self.probes is None else (self.probes,)))
        return base_url(host, self.port) if host else None

    def local_url(self) -> str:
        host = "127.0.0.1" if self.host in ("", "0.0.0.0") else ("::1" if self.host == "::" else self.host)
        return base_url(host, self.port)

    def url(self) -> str:
        """The public address if there is one, else the local one (for this machine only)."""
        return self.public_url() or self.local_url()

    # -- requests --------------------------------------------------------------------------
    @web.middleware
    async def _middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        guard, protocol = self.guard, request.protocol
        if guard is None:  # set by start() before the first request can arrive
            raise web.HTTPServiceUnavailable(text="starting\n")
        guard.started(protocol)
        try:
            if request.method not in METHODS:
                raise web.HTTPNotImplemented(text="method not implemented\n")
            return await handler(request)
        finally:
            guard.finished(protocol)

    async def _viewer(self, request: web.Request) -> web.Response:
        return web.Response(body=self.viewer_page, content_type="text/html", charset="utf-8")

    async def _short_link(self, request: web.Request) -> web.Response:
        code = request.match_info["code"].strip().upper()
        link = self.plan_link(code) if (self.plan_link and len(code) <= 12 and code.isalnum()) else None
        if link is None:
            raise web.HTTPNotFound(text="no plan with this code\n")
        # The plan travels in the fragment, which a redirect carries to the browser and
        # which the browser never sends back to any server.
        raise web.HTTPSeeOther(link)


async def _secure(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
