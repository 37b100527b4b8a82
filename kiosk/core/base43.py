"""Base43: bytes as characters of the QR code's alphanumeric mode that are also safe in a
URL fragment (the 45 QR characters minus space and %).

Like Base45 (RFC 9285), two bytes become three characters (43^3 = 79,507 > 65,535) and a
last single byte becomes two. In a QR code's alphanumeric mode a character costs 5.5 bits,
so a byte costs 8.25 bits, against 10.7 bits for base64 in byte mode: the same plan fits
a smaller, easier-to-scan code.
"""

from __future__ import annotations

import struct

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:"
BASE = len(ALPHABET)
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
# Latin-1 character -> its value as a byte, BASE or more for characters outside the alphabet
# (so a whole text is checked and mapped at C speed; links are decoded on every paste).
_VALUES = str.maketrans({chr(b): chr(_INDEX.get(chr(b), 255)) for b in range(256)})


def encode(data: bytes) -> str:
    whole = len(data) // 2 * 2
    out = []
    for n in struct.unpack(f">{whole // 2}H", data[:whole]):
        out += [ALPHABET[n % BASE], ALPHABET[n // BASE % BASE], ALPHABET[n // BASE // BASE]]
    if len(data) % 2:
        n = data[-1]
        out += [ALPHABET[n % BASE], ALPHABET[n // BASE]]
    return "".join(out)


def decode(text: str) -> bytes:
    """Raises ValueError on a character outside the alphabet or an impossible group."""
    try:
        values = text.translate(_VALUES).encode("latin-1")
    except UnicodeEncodeError:
        raise ValueError("a character is not base43") from None
    if values and max(values) >= BASE:
        raise ValueError("a character is not base43")
    if len(values) % 3 == 1:
        raise ValueError("base43 text has a stray character at the end")
    whole = len(values) // 3 * 3
    groups = [
        a + b * BASE + c * BASE * BASE
        for a, b, c in zip(values[0:whole:3], values[1:whole:3], values[2:whole:3], strict=True)
    ]
    if groups and max(groups) > 0xFFFF:
        raise ValueError("base43 group out of range")
    out = struct.pack(f">{len(groups)}H", *groups)
    if whole < len(values):
        n = values[whole] + values[whole + 1] * BASE
        if n > 0xFF:
            raise ValueError("base43 group out of range")
        out += bytes([n])
    return out
