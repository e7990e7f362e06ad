"""Sparklines for the dashboard's tiles: a small SVG of the trend, with no axes (the tile prints
the figure; the KPI page has the full chart and its table)."""

from __future__ import annotations

from html import escape

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
            f'aria-label="{escape(label)}"><polyline fill="none" stroke="#1d70b8" stroke-width="2" points="{points}"/>'
            f'<circle cx="{x}" cy="{y}" r="3" fill="#1d70b8"/></svg>')
