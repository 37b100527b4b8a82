"""Inline SVG charts for the report: plain shapes and text, no scripts, black text on white
so that they print. Labels are escaped here; callers pass plain text."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

# Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), then two more.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442", "#7F7F7F", "#882255"]
FONT = 'font-family="sans-serif" font-size="10"'


def _short(name: str, most: int = 28) -> str:
    """A legend entry that fits beside the chart (the tables carry the full names)."""
    return name if len(name) <= most else name[: most - 3].rstrip() + "..."


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _x_positions(n: int, left: float, width: float) -> list[float]:
    if n == 1:
        return [left + width / 2]
    return [left + width * i / (n - 1) for i in range(n)]


def _x_labels(labels: list[str], xs: list[float], bottom: float) -> list[str]:
    room = (xs[-1] - xs[0]) / max(1, len(xs) - 1) if len(xs) > 1 else 999
    widest = max((len(label) for label in labels), default=1) * 6 + 8  # about 6 px per character at 10 px
    step = max(1, -(-widest // int(max(room, 1))))
    return [
        f'<text x="{x:.1f}" y="{bottom + 14:.1f}" text-anchor="middle" {FONT}>{escape(label)}</text>'
        for i, (label, x) in enumerate(zip(labels, xs, strict=True))
        if i % step == 0
    ]


def line_chart(
    series: list[tuple[str, list[float | None]]],
    labels: list[str],
    *,
    title: str,
    lo: float = 1,
    hi: float = 5,
    width: int = 680,
    height: int = 250,
) -> str:
    """One line per series over the labelled x positions; None leaves a gap."""
    left, right, top, bottom = 30, width - 170, 10, height - 30
    xs = _x_positions(len(labels), left + 10, right - left - 20)

    def y(v: float) -> float:
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} '
        f'{height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for step in range(int(lo), int(hi) + 1):
        parts.append(
            f'<line x1="{left}" x2="{right}" y1="{y(step):.1f}" y2="{y(step):.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y(step) + 3:.1f}" text-anchor="end" {FONT}>{step}</text>'
        )
    parts += _x_labels(labels, xs, bottom)
    for i, (name, values) in enumerate(series):
        c = colour(i)
        run: list[str] = []
        for x, v in zip(xs, values, strict=True):
            if v is None:
                if len(run) > 1:
                    parts.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="{" ".join(run)}"/>')
                run = []
                continue
            run.append(f"{x:.1f},{y(v):.1f}")
            parts.append(f'<circle cx="{x:.1f}" cy="{y(v):.1f}" r="2.5" fill="{c}"/>')
        if len(run) > 1:
            parts.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="{" ".join(run)}"/>')
        ly = top + 4 + i * 16
        parts.append(
            f'<rect x="{right + 12}" y="{ly}" width="10" height="10" fill="{c}"/>'
            f'<text x="{right + 26}" y="{ly + 9}" {FONT}>{escape(_short(name))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def stacked_bars(
    stacks: Sequence[tuple[str, Sequence[float]]],
    labels: list[str],
    *,
    title: str,
    width: int = 680,
    height: int = 200,
    percent: bool = False,
) -> str:
    """Bars per label, stacked by series; ``percent`` scales every bar to 100 %."""
    left, right, top, bottom = 36, width - 170, 10, height - 30
    totals = [sum(s[1][i] for s in stacks) for i in range(len(labels))]
    peak = 1.0 if percent else max(totals + [1])
    slot = (right - left) / max(1, len(labels))
    bar = min(28.0, slot * 0.7)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} '
        f'{height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="#999"/>',
        f'<text x="{left - 6}" y="{top + 8}" text-anchor="end" {FONT}>{"100 %" if percent else int(peak)}</text>',
    ]
    xs = [left + slot * (i + 0.5) for i in range(len(labels))]
    parts += _x_labels(labels, xs, bottom)
    for i, x in enumerate(xs):
        base = float(bottom)
        for j, (_, values) in enumerate(stacks):
            value = values[i] / totals[i] if percent and totals[i] else values[i]
            h = (bottom - top) * value / peak
            if h > 0:
                parts.append(
                    f'<rect x="{x - bar / 2:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'fill="{colour(j)}"/>'
                )
                base -= h
    for j, (name, _) in enumerate(stacks):
        ly = top + 4 + j * 16
        parts.append(
            f'<rect x="{right + 12}" y="{ly}" width="10" height="10" fill="{colour(j)}"/>'
            f'<text x="{right + 26}" y="{ly + 9}" {FONT}>{escape(_short(name))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def horizontal_bars(items: Sequence[tuple[str, float]], *, title: str, width: int = 680) -> str:
    row = 18
    height = row * len(items) + 10
    label_w, right = 260, width - 50
    peak = max([v for _, v in items] + [1])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} '
        f'{height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(items):
        y = 5 + i * row
        w = (right - label_w) * value / peak
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end" {FONT}>{escape(label[:48])}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" fill="{colour(0)}"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 12}" {FONT}>{value:g}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def sparkline(values: list[float | None], *, lo: float = 1, hi: float = 5, width: int = 48, height: int = 14) -> str:
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    if not points:
        return ""
    n = max(1, len(values) - 1)
    coords = " ".join(
        f"{2 + (width - 4) * i / n:.1f},{height - 2 - (v - lo) / (hi - lo) * (height - 4):.1f}" for i, v in points
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} '
        f'{height}" aria-hidden="true"><polyline fill="none" stroke="{colour(0)}" stroke-width="1.5" '
        f'points="{coords}"/></svg>'
    )
