"""The facilitator PIN: stored as a salted, slow hash; wrong guesses slow down.

scrypt makes each guess cost tens of milliseconds of CPU and memory, and the gate doubles
the wait after every wrong PIN (1, 2, 4 ... up to 5 minutes), so trying all 10,000 four-digit
PINs at a kiosk would take weeks.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .atomic import write_atomic

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1
MAX_WAIT = 300.0
PIN_RE = re.compile(r"^[0-9]{4,12}$")


class PinError(ValueError):
    pass


def check_pin_format(pin: str) -> None:
    if not PIN_RE.match(pin):
        raise PinError("a PIN is 4 to 12 digits")


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    check_pin_format(pin)
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"{SCHEME}${N}${R}${P}${salt.hex()}${digest.hex()}"


MAX_N = 2**20  # more makes a single check take seconds and hundreds of MiB


def hash_problem(stored: str) -> str | None:
    """Why ``stored`` can never match a PIN (so the facilitator would be locked out), or None."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return "is not a PIN hash as set-pin writes it (scrypt$N$r$p$salt$hash)"
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        return "has a part that is not a number or not hexadecimal"
    if not (2 <= n <= MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        return f"has scrypt settings that cannot be used (N={n}, r={r}, p={p})"
    if len(salt) < 8 or len(digest) < 16:
        return "has a salt or hash that is too short"
    if (n, r, p) == (N, R, P):
        return None  # what set-pin writes: known to work
    try:
        hashlib.scrypt(b"0000", salt=salt, n=n, r=r, p=p, dklen=len(digest))
    except (ValueError, MemoryError) as exc:
        return f"has scrypt settings this machine cannot compute ({exc})"
    return None


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        actual = hashlib.scrypt(
            pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=len(bytes.fromhex(digest))
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual.hex(), digest)


@dataclass
class PinGate:
    """Rate limiting for PIN attempts, on an injected monotonic clock. ``record`` is told
    the failures and the wait after every attempt, so a restart does not reset them."""

    stored: str
    failures: int = 0
    next_allowed: float = 0.0
    record: Callable[[int, float], None] | None = None

    def wait(self, now: float) -> float:
        """Seconds until the next attempt is allowed (0 when it is)."""
        return max(0.0, self.next_allowed - now)

    def attempt(self, pin: str, now: float) -> bool:
        """True when the PIN is right. A wrong PIN, or any attempt while waiting, counts
        as a failure and makes the next wait longer."""
        if not self.stored:
            return False
        if self.wait(now) > 0 or not verify_pin(pin, self.stored):
            self.failures += 1
            self.next_allowed = now + min(MAX_WAIT, 2.0 ** (min(self.failures, 30) - 1))
            ok = False
        else:
            self.failures = 0
            self.next_allowed = 0.0
            ok = True
        if self.record is not None:
            self.record(self.failures, self.wait(now))
        return ok


class BackoffFile:
    """The gate's failures and the moment (wall clock, UTC) the next try is allowed, in a
    small JSON file in the data directory. A crash, a kill or a restart by systemd would
    otherwise start the waits again from one second."""

    def __init__(self, path: Path):
        self.path = path

    def load(self, now: datetime) -> tuple[int, float]:
        """(failures, seconds still to wait); (0, 0) when there is nothing usable."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            failures = int(data["failures"])
            until = datetime.fromisoformat(data["until"])
            if until.tzinfo is None:
                raise ValueError("no time zone")
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0
        wait = (until - now).total_seconds()
        return max(0, failures), min(MAX_WAIT, max(0.0, wait))  # a clock set back cannot lock out for long

    def save(self, failures: int, wait: float, now: datetime) -> None:
        until = (now + timedelta(seconds=wait)).astimezone(UTC).isoformat()
        write_atomic(self.path, json.dumps({"failures": failures, "until": until}) + "\n")
