"""Base43: bytes as characters of the QR code's alphanumeric mode that are also safe in a
URL fragment (the 45 QR characters minus space and %).

Like Base45 (RFC 9285), two bytes become three characters (43^3 = 79,507 > 65,535) and a
last single byte becomes two. In a QR code's alphanumeric mode a character costs 5.5 bits,
so a byte costs 8.25 bits, against 10.7 bits for base64 in byte mode: the same plan fits
a smaller, easier-to-scan code.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:"
BASE = len(ALPHABET)
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}


def encode(data: bytes) -> str:
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        out += [ALPHABET[n % BASE], ALPHABET[n // BASE % BASE], ALPHABET[n // BASE // BASE]]
    if len(data) % 2:
        n = data[-1]
        out += [ALPHABET[n % BASE], ALPHABET[n // BASE]]
    return "".join(out)


def decode(text: str) -> bytes:
    """Raises ValueError on a character outside the alphabet or an impossible group."""
    try:
        values = [_INDEX[ch] for ch in text]
    except KeyError as exc:
        raise ValueError(f"character {exc.args[0]!r} is not base43") from None
    if len(values) % 3 == 1:
        raise ValueError("base43 text has a stray character at the end")
    out = bytearray()
    for i in range(0, len(values), 3):
        group = values[i:i + 3]
        if len(group) == 3:
            n = group[0] + group[1] * BASE + group[2] * BASE * BASE
            if n > 0xFFFF:
                raise ValueError("base43 group out of range")
            out += bytes((n >> 8, n & 0xFF))
        else:
            n = group[0] + group[1] * BASE
            if n > 0xFF:
                raise ValueError("base43 group out of range")
            out.append(n)
    return bytes(out)
