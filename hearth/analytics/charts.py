"""Charts of a KPI's trend, drawn as SVG on the server (no JavaScript; they print in the PDF).

A line chart sits beside a table of the same figures, so the table is the accessible version and
the chart is a picture of it; a month with no figure (no data, or withheld in a members' pack) is a
break in the line, never a zero. A sparkline is the dashboard tile's small version, with no axes
(the tile prints the figure).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from html import escape

WIDTH, HEIGHT = 340, 170
LEFT, RIGHT, TOP, BOTTOM = 44, 22, 10, 26
MONTHS = "JFMAMJJASOND"
LINE = "#1d70b8"  # GOV.UK blue
AXIS = "#505a5f"
GRID = "#b1b4b6"


def _nice_step(span: float, ticks: int = 4) -> float:
    raw = span / ticks if span > 0 else 1
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if raw <= mult * power:
            return mult * power
    return 10 * power


def _scale(values: Sequence[float], unit: str) -> tuple[float, float, float]:
    lo, hi = min(values), max(values)
    if lo == hi:
        lo, hi = lo - max(1, abs(lo) * 0.1), hi + max(1, abs(hi) * 0.1)
    step = _nice_step(hi - lo)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    if lo < 0 <= min(values):
        lo = 0
    if unit == "percent" and min(values) >= 0:
        lo, hi = max(lo, 0), min(hi, 100) if max(values) <= 100 else hi
    return lo, hi, step


def _label(value: float, step: float) -> str:
    return f"{value:,.0f}" if step >= 1 else f"{value:,.1f}"


def line_chart(points: Sequence[tuple[date, float | None]], *, unit: str, title: str) -> str:
    """An SVG line chart. `points` are month ends, oldest first."""
    known = [v for _, v in points if v is not None]
    label = escape(title)
    if not known:
        return (f'<svg class="pack-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}: no figures">'
                f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="{AXIS}" font-size="12">'
                "No figures to chart</text></svg>")
    lo, hi, step = _scale(known, unit)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = len(points)

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return TOP + plot_h * (1 - (v - lo) / (hi - lo))

    parts = [f'<svg class="pack-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}: '
             f'line chart of the figures in the table beside it" font-family="Arial, Liberation Sans, sans-serif">']
    tick = lo
    while tick <= hi + step / 1000:
        ty = y(tick)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="{GRID}" '
                     'stroke-width="0.5"/>')
        parts.append(f'<text x="{LEFT - 4}" y="{ty + 3.5:.1f}" text-anchor="end" font-size="10" fill="{AXIS}">'
                     f'{_label(tick, step)}{"%" if unit == "percent" else ""}</text>')
        tick += step
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="{AXIS}"/>')
    for i, (day, _) in enumerate(points):
        if day.month in (3, 9) or i == n - 1:  # end of each half of the financial year, and the latest
            parts.append(f'<line x1="{x(i):.1f}" x2="{x(i):.1f}" y1="{TOP + plot_h}" y2="{TOP + plot_h + 3}" '
                         f'stroke="{AXIS}"/>')
            if i < n - 2 or i == n - 1:
                parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="9.5" '
                             f'fill="{AXIS}">{day.strftime("%b %y")}</text>')
    # The line, broken where a month has no figure.
    run: list[str] = []
    for i, (_, value) in enumerate(points):
        if value is None:
            if len(run) > 1:
                parts.append(f'<polyline fill="none" stroke="{LINE}" stroke-width="2" points="{" ".join(run)}"/>')
            run = []
            continue
        run.append(f"{x(i):.1f},{y(value):.1f}")
    if len(run) > 1:
        parts.append(f'<polyline fill="none" stroke="{LINE}" stroke-width="2" points="{" ".join(run)}"/>')
    for i, (_, value) in enumerate(points):
        if value is not None:
            r = 3.5 if i == n - 1 else 1.8
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="{r}" fill="{LINE}"/>')
    parts.append("</svg>")
    return "".join(parts)


# --- Sparklines ---------------------------------------------------------------------------

W, H, PAD = 120, 32, 3


def sparkline(values: list[float | None], label: str) -> str:
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(known) < 2:
        return ""
    lo, hi = min(v for _, v in known), max(v for _, v in known)
    span = (hi - lo) or 1.0
    n = len(values) - 1 or 1

    def xy(i: int, v: float) -> str:
        return f"{PAD + (W - 2 * PAD) * i / n:.1f},{H - PAD - (H - 2 * PAD) * (v - lo) / span:.1f}"

    points = " ".join(xy(i, v) for i, v in known)
    last_i, last_v = known[-1]
    x, y = xy(last_i, last_v).split(",")
    return (f'<svg class="hearth-sparkline" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" '
            f'aria-label="{escape(label)}"><polyline fill="none" stroke="{LINE}" stroke-width="2" points="{points}"/>'
            f'<circle cx="{x}" cy="{y}" r="3" fill="{LINE}"/></svg>')
