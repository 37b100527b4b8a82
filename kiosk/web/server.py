"""The kiosk's own viewer server, for when no hosted viewer URL is configured.

It serves exactly one page, the viewer, at ``/`` (and ``/index.html``); everything else
is a 404. The plan itself is in the URL fragment, which browsers never send, so no plan
data reaches this server or its log.
"""

from __future__ import annotations

import logging
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

log = logging.getLogger("kiosk.viewer")
PAGES = ("/", "/index.html")


class ViewerServerError(RuntimeError):
    """The server cannot start; the message says why (a busy port, a wrong address)."""


def _handler(page: bytes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "innovationslek"
        sys_version = ""

        def _send(self, head_only: bool) -> None:
            path = self.path.split("?", 1)[0]
            if path not in PAGES:
                body = b"Not found\n"
                self.send_response(HTTPStatus.NOT_FOUND)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
            else:
                body = page
                self.send_response(HTTPStatus.OK)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Referrer-Policy", "no-referrer")
                self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            self._send(head_only=False)

        def do_HEAD(self) -> None:  # noqa: N802
            self._send(head_only=True)

        def log_message(self, format: str, *args: object) -> None:
            log.info("viewer %s", format % args)

    return Handler


class ViewerServer:
    def __init__(self, page: str, host: str = "0.0.0.0", port: int = 8765):
        self.page = page.encode("utf-8")
        self.host = host
        self.port = port
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> "ViewerServer":
        try:
            self._server = ThreadingHTTPServer((self.host, self.port), _handler(self.page))
        except OSError as exc:
            reason = "the port is busy" if exc.errno in (98, 48, 10048) else (exc.strerror or str(exc))
            raise ViewerServerError(f"cannot serve the viewer on {self.host}:{self.port}: {reason}") from None
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, name="viewer", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def url(self) -> str:
        """The address phones on the same network use."""
        host = self.host if self.host not in ("0.0.0.0", "", "::") else lan_address()
        return f"http://{host}:{self.port}/"


def lan_address() -> str:
    """This machine's address on the local network, from its own name (no traffic);
    127.0.0.1 when it has none."""
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            address = info[4][0]
            if not address.startswith("127."):
                return address
    except OSError:
        pass
    return "127.0.0.1"
