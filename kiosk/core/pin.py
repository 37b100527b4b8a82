"""The facilitator PIN: stored as a salted, slow hash; wrong guesses slow down.

scrypt makes each guess cost tens of milliseconds of CPU and memory, and the gate doubles
the wait after every wrong PIN (1, 2, 4 ... up to 5 minutes), so trying all 10,000 four-digit
PINs at a kiosk would take weeks.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

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


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        actual = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                                dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual.hex(), digest)


@dataclass
class PinGate:
    """Rate limiting for PIN attempts, on an injected monotonic clock."""

    stored: str
    failures: int = 0
    next_allowed: float = 0.0

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
            self.next_allowed = now + min(MAX_WAIT, 2.0 ** (self.failures - 1))
            return False
        self.failures = 0
        self.next_allowed = 0.0
        return True
