"""Read QR codes the way a phone would: terminal half-block lines become a picture that a
real decoder (zxing-cpp) reads."""

from __future__ import annotations

import re

import zxingcpp
from PIL import Image

ANSI = re.compile(r"\x1b\[[0-9;]*m")
TOP_INK = set("█▀")
BOTTOM_INK = set("█▄")


QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def lines_to_image(lines: list[str], scale: int = 6, margin: int = 4) -> Image.Image:
    """One module per character column, two per line: dark where the glyph has ink."""
    rows: list[list[bool]] = []
    for line in lines:
        plain = ANSI.sub("", line)
        rows.append([ch in TOP_INK for ch in plain])
        rows.append([ch in BOTTOM_INK for ch in plain])
    width = max((len(r) for r in rows), default=0) + 2 * margin
    height = len(rows) + 2 * margin
    image = Image.new("L", (width, height), 255)
    pixels = image.load()
    assert pixels is not None  # a new image is always loaded
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + margin, y + margin] = 0
    return image.resize((width * scale, height * scale), Image.Resampling.NEAREST)


def decode_lines(lines: list[str]) -> list[str]:
    """The texts of every QR code found in the drawn lines."""
    return [b.text for b in zxingcpp.read_barcodes(lines_to_image(lines), formats=QR_ONLY)]
