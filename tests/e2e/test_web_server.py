"""The kiosk's web server on loopback: what it answers, with which headers, and that the
room cannot take it down (idle and slow clients, a connection flood, a log flood)."""

from __future__ import annotations

import asyncio
import time

import pytest

from kiosk.core.logfile import configure_logging, log_path
from kiosk.web.server import SECURITY_HEADERS, KioskServer, Limits, ViewerServerError
from kiosk.web.viewer import viewer_html

PAGE = viewer_html()


async def request(port: int, raw: bytes, timeout: float = 5.0) -> tuple[int, dict[str, str], bytes]:
    """Send one raw HTTP request and read the whole answer (the connection is closed after)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


def get(path: str, method: str = "GET") -> bytes:
    return f"{method} {path} HTTP/1.1\r\nHost: kiosk\r\nConnection: close\r\n\r\n".encode()


@pytest.fixture
async def server():
    s = KioskServer(PAGE, "127.0.0.1", 0, plan_link=lambda code: "http://k/#PLAN" if code == "K7M2QX" else None)
    s.open()
    await s.ready.wait()
    yield s
    await s.close()


async def test_serves_the_page_and_short_links_and_nothing_else(server):
    status, headers, body = await request(server.port, get("/"))
    assert status == 200 and b"DecompressionStream" in body
    assert (await request(server.port, get("/index.html")))[0] == 200
    status, headers, _ = await request(server.port, get("/p/k7m2qx"))
    assert status == 303 and headers["location"] == "http://k/#PLAN"
    for path in (
        "/etc/passwd",
        "/../README.md",
        "/viewer.html",
        "/favicon.ico",
        "/p/NOPE12",
        "/v/unknown",
        "/%2e%2e/%2e%2e/etc/passwd",
        "//etc/passwd",
    ):
        assert (await request(server.port, get(path)))[0] == 404, path


async def test_every_answer_carries_the_security_headers(server):
    answers = {
        "200": await request(server.port, get("/")),
        "404": await request(server.port, get("/nothing")),
        "405": await request(server.port, get("/", "POST")),
        "501": await request(server.port, get("/", "BREW")),
        "501 PUT": await request(server.port, get("/nothing", "PUT")),
    }
    assert answers["501"][0] == 501 and answers["501 PUT"][0] == 501 and answers["405"][0] == 405
    for name, (_, headers, _) in answers.items():
        for header, value in SECURITY_HEADERS.items():
            assert headers.get(header.lower()) == value, (name, header)
    # The page refuses to be framed, in both the old and the new way.
    csp = answers["200"][1]["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and answers["200"][1]["x-frame-options"] == "DENY"


async def test_port_zero_and_busy_port(server):
    assert server.port > 0 and server.local_url() == f"http://127.0.0.1:{server.port}/"
    with pytest.raises(ViewerServerError, match="busy"):
        KioskServer(PAGE, "127.0.0.1", server.port).open()


async def test_loopback_listener_has_no_public_address():
    s = KioskServer(PAGE, "127.0.0.1", 0).open()
    try:
        assert s.public_url() is None and s.url() == s.local_url()
    finally:
        await s.close()


async def test_bounded_request_line_and_headers(server):
    assert (await request(server.port, get("/" + "a" * 5000)))[0] in (400, 414)
    many = "GET / HTTP/1.1\r\nHost: k\r\n" + "".join(f"X-{n}: v\r\n" for n in range(100)) + "\r\n"
    assert (await request(server.port, many.encode()))[0] in (400, 431)
    huge = "GET / HTTP/1.1\r\nHost: k\r\nX-Big: " + "v" * 10_000 + "\r\n\r\n"
    assert (await request(server.port, huge.encode()))[0] in (400, 431)
    # The server still answers.
    assert (await request(server.port, get("/")))[0] == 200


async def idle_connections(port: int, n: int) -> list[asyncio.StreamWriter]:
    """``n`` clients that send half a request and then nothing."""
    writers = []
    for _ in range(n):
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET / HTTP/1.1\r\n")
        writers.append(writer)
    await asyncio.gather(*(w.drain() for w in writers))
    return writers


async def test_thousand_idle_connections_then_an_honest_client_is_served(server):
    writers = await idle_connections(server.port, 1000)
    try:
        started = time.monotonic()
        status, _, body = await request(server.port, get("/"), timeout=2.0)
        assert status == 200 and b"DecompressionStream" in body
        assert time.monotonic() - started < 2.0
    finally:
        for w in writers:
            w.close()


async def test_at_the_cap_the_longest_idle_connection_makes_room():
    s = KioskServer(PAGE, "127.0.0.1", 0, limits=Limits(max_connections=50)).open()
    await s.ready.wait()
    writers = await idle_connections(s.port, 1000)
    try:
        await asyncio.sleep(0.2)
        assert s.guard is not None and len(s.guard.open) <= 50
        status, _, _ = await request(s.port, get("/"), timeout=2.0)
        assert status == 200
    finally:
        for w in writers:
            w.close()
        await s.close()


async def test_idle_and_slow_clients_are_closed():
    s = KioskServer(PAGE, "127.0.0.1", 0, limits=Limits(idle_timeout=0.5, sweep_every=0.1)).open()
    await s.ready.wait()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", s.port)
        slow_reader, slow_writer = await asyncio.open_connection("127.0.0.1", s.port)
        started = time.monotonic()

        async def trickle() -> None:  # one byte every 0.1 s never completes a request
            for byte in b"GET / HTTP/1.1\r\nHost: k\r\nX-Slow: " + b"v" * 100:
                slow_writer.write(bytes([byte]))
                await asyncio.sleep(0.1)

        trickling = asyncio.create_task(trickle())
        assert await asyncio.wait_for(reader.read(), 3.0) == b""  # closed by the server
        assert await asyncio.wait_for(slow_reader.read(), 3.0) == b""
        assert time.monotonic() - started < 2.5
        trickling.cancel()
        writer.close()
        slow_writer.close()
    finally:
        await s.close()


async def test_ten_thousand_long_paths_barely_grow_the_log(server, tmp_path):
    configure_logging(tmp_path)
    log = log_path(tmp_path)
    before = log.stat().st_size if log.exists() else 0
    path = "/" + "x" * 1500  # long, but within the bounds: a 404 each
    per_connection = 1000

    async def pipelined() -> int:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        one = f"GET {path} HTTP/1.1\r\nHost: k\r\n\r\n".encode("latin-1")
        writer.write(one * per_connection)
        await writer.drain()
        seen, data = 0, b""
        while seen < per_connection:
            chunk = await asyncio.wait_for(reader.read(65536), 10)
            if not chunk:
                break
            data += chunk
            seen = data.count(b"HTTP/1.1 ")
        writer.close()
        return data.count(b"HTTP/1.1 400") + data.count(b"HTTP/1.1 404")

    answered = sum(await asyncio.gather(*(pipelined() for _ in range(10))))
    # Over-long request lines, and escape sequences aimed at whoever reads the log.
    hostile = [get("/" + "y" * 70_000), get("/\x1b[2J\x1b[31mFAKE-ERROR\x1b]0;pwned\x07")] * 50
    answers = await asyncio.gather(*(request(server.port, raw) for raw in hostile), return_exceptions=True)
    statuses = [a[0] for a in answers if isinstance(a, tuple)]
    assert answered == 10_000
    assert statuses and all(code in (400, 414) for code in statuses)
    grown = (log.stat().st_size if log.exists() else 0) - before
    assert grown < 1_000_000
    if log.exists():
        assert b"\x1b" not in log.read_bytes()
