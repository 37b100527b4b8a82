"""QR codes for the terminal: the module matrix, and text lines of half blocks.

One module per column and two per text row (▀ ▄ █), so modules are square in a terminal
whose cells are about twice as tall as wide. The caller paints them black on white,
whatever the theme: phone cameras want dark modules on a light background.
"""

from __future__ import annotations

from dataclasses import dataclass

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q
from qrcode.exceptions import DataOverflowError

LEVELS = {"L": ERROR_CORRECT_L, "M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}
QUIET = 4  # modules of white border a scanner wants; 2 is the least we draw
MIN_QUIET = 2


@dataclass(frozen=True)
class QRCode:
    text: str
    level: str
    version: int
    modules: list[list[bool]]  # True = dark, without quiet zone

    @property
    def size(self) -> int:
        return len(self.modules)


def make_qr(text: str, level: str = "M") -> QRCode:
    """The smallest QR code for ``text`` at ``level``. Long runs of QR-alphanumeric
    characters (a base43 plan) are coded in alphanumeric mode, the rest in byte mode."""
    qr = qrcode.QRCode(error_correction=LEVELS[level], border=0)
    qr.add_data(text, optimize=20)
    try:
        qr.make(fit=True)
    except DataOverflowError:
        raise ValueError("the text is too long for any QR code") from None
    modules = [[bool(cell) for cell in row] for row in qr.get_matrix()]
    return QRCode(text, level, qr.version, modules)


def best_qr(text: str, max_width: int, max_height: int, levels: str = "QML") -> tuple[QRCode, int] | None:
    """The most robust code (error-correction level in ``levels`` order) that fits in
    ``max_width`` x ``max_height`` terminal cells with a quiet zone, and that quiet zone;
    None when not even the least robust one fits."""
    for level in levels:
        try:
            code = make_qr(text, level)
        except ValueError:
            return None
        for quiet in (QUIET, 3, MIN_QUIET):
            side = code.size + 2 * quiet
            if side <= max_width and (side + 1) // 2 <= max_height:
                return code, quiet
    return None


MAX_SCALE = 4  # beyond this a code only gets harder to frame with a phone held close


def largest_scale(code: QRCode, quiet: int, max_width: int, max_height: int) -> int:
    """How many cells wide (and half-cells tall) each module can be drawn in that space:
    a bigger code reads from further away. 1 when the code only just fits."""
    side = code.size + 2 * quiet
    scale = 1
    while scale < MAX_SCALE and side * (scale + 1) <= max_width and (side * (scale + 1) + 1) // 2 <= max_height:
        scale += 1
    return scale


def half_block_lines(code: QRCode, quiet: int = QUIET, scale: int = 1) -> list[str]:
    """Text lines: each character is two modules stacked, dark drawn as the character's
    ink. Paint them black on white. ``scale`` draws each module as that many columns and
    half-rows (square again in a cell twice as tall as wide)."""
    side = (code.size + 2 * quiet) * scale
    margin = quiet * scale
    rows = [[False] * side for _ in range(margin)]
    for row in code.modules:
        wide = [dark for dark in row for _ in range(scale)]
        rows += [[False] * margin + wide + [False] * margin for _ in range(scale)]
    rows += [[False] * side for _ in range(margin)]
    if len(rows) % 2:
        rows.append([False] * side)
    glyph = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
    return [
        "".join(glyph[t, b] for t, b in zip(top, bottom, strict=True))
        for top, bottom in zip(rows[::2], rows[1::2], strict=True)
    ]


def ansi_lines(code: QRCode, quiet: int = QUIET, *, basic_colours: bool = False) -> list[str]:
    """Half-block lines painted black on white with ANSI escapes, for printing the code in
    any terminal, light or dark. ``basic_colours`` for the Linux console (eight colours;
    its white is light grey, which scanners still read)."""
    paint = "\x1b[30;47m" if basic_colours else "\x1b[38;5;16;48;5;231m"
    return [f"{paint}{line}\x1b[0m" for line in half_block_lines(code, quiet)]
