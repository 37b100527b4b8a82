"""Connecting to the central PostgreSQL. psycopg is imported here, on first use only, so a
kiosk that never syncs pays nothing for it at start-up.

Every failure becomes a ``CentralError`` with one line for a person: where (the URL without
its password), and what went wrong in plain words.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

CONNECT_TIMEOUT_SECONDS = 10
SCHEMES = ("postgresql", "postgres")
URL_SCHEMES_PREFIXES = ("postgresql://", "postgres://")


class CentralError(RuntimeError):
    """The central database cannot be used right now; the message says why, ``reason`` in
    a few words (for the facilitator menu)."""

    def __init__(self, message: str, reason: str = ""):
        super().__init__(message)
        self.reason = reason or message


def redacted(url: str) -> str:
    """The URL as it may be shown or logged: no password."""
    return re.sub(r"://([^:/@]*):[^@]*@", r"://\1:***@", url)


def check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        raise CentralError(f"'{redacted(url)}' is not a PostgreSQL URL ({exc})") from None
    if parts.scheme not in SCHEMES:
        raise CentralError(f"'{redacted(url)}' is not a PostgreSQL URL (it must start with postgresql://)")


def _reason(exc: BaseException) -> str:
    """The useful line of a libpq message, without the 'connection to server at ...' noise."""
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    if "connection refused" in str(exc).lower():
        return "connection refused (is the server running, and is this its address and port?)"
    for line in lines:
        low = line.lower()
        for known in (
            "password authentication failed",
            "connection refused",
            "does not exist",
            "no password supplied",
            "timeout expired",
            "could not translate host name",
            "no such file or directory",
            "server closed the connection",
            "terminating connection",
        ):
            if known in low:
                return line.split("FATAL:")[-1].strip().rstrip(".")
    return (lines[-1] if lines else type(exc).__name__).split("FATAL:")[-1].strip()


def connect(url: str) -> Any:
    """An open psycopg connection (autocommit off), or a CentralError."""
    check_url(url)
    try:
        import psycopg
    except ImportError:
        raise CentralError("the PostgreSQL driver is not installed (pip install 'psycopg[binary]')") from None
    try:
        return psycopg.connect(
            url, connect_timeout=CONNECT_TIMEOUT_SECONDS, application_name="innovationslek", autocommit=True
        )
    except psycopg.Error as exc:
        raise CentralError(f"cannot connect to {redacted(url)}: {_reason(exc)}", _reason(exc).split(" (")[0]) from None
    except ValueError as exc:  # e.g. a malformed option in the URL
        raise CentralError(f"'{redacted(url)}' is not a usable PostgreSQL URL ({exc})") from None


def lost(exc: BaseException, url: str) -> CentralError:
    """The error for a connection that failed half-way."""
    return CentralError(f"the central database at {redacted(url)} failed: {_reason(exc)}", _reason(exc).split(" (")[0])


def driver_errors() -> tuple[type[BaseException], ...]:
    import psycopg

    return (psycopg.Error,)
