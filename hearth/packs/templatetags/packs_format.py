"""Presenters for the pack document: UK dates, signed changes, the trend table's two columns."""

from __future__ import annotations

from datetime import date, datetime

from django import template

from hearth.casework.presenters import MONTHS_SHORT, uk_date_short
from hearth.domain.kpis.bands import format_value
from hearth.packs.build import definition_text

register = template.Library()


@register.filter
def uk_date(day: date | None) -> str:
    return uk_date_short(day) if day else ""


@register.filter
def uk_month(day: date | None) -> str:
    return f"{MONTHS_SHORT[day.month - 1]} {day.year}" if day else ""


@register.filter
def uk_datetime(value: str | datetime | None) -> str:
    """An ISO timestamp as '22 Nov 2026 at 14:05'; text that is not one is shown as it is."""
    if not value:
        return "not recorded"
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    return f"{uk_date(value.date())} at {value:%H:%M}"


@register.filter
def signed_short(change, kpi) -> str:
    """As `signed`, with 'points' for percentage points, for the summary's narrow column."""
    return signed(change, kpi).replace(" percentage points", " points")


@register.filter
def signed(change, kpi) -> str:
    """A change at the KPI's precision with its sign and unit: '+2.5 points', '−3'."""
    if change is None:
        return ""
    text = format_value(abs(change), kpi.precision if kpi.unit != "count" else 0)
    sign = "+" if change > 0 else "−" if change < 0 else ""
    unit = {"percent": " percentage points", "rate10k": " per 10,000", "days": " days", "weeks": " weeks",
            "years": " years"}.get(kpi.unit, "")
    return f"{sign}£{text}" if kpi.unit == "money" else f"{sign}{text}{unit}"


@register.filter
def comparator(value, kpi) -> str:
    text = format_value(value, kpi.precision)
    return text + ("%" if kpi.unit == "percent" else "")


@register.filter
def pairs(items):
    """A list split into two halves side by side: [(items[0], items[h]), (items[1], items[h+1]), ...]."""
    items = list(items)
    half = (len(items) + 1) // 2
    left, right = items[:half], items[half:]
    return [(a, right[i] if i < len(right) else None) for i, a in enumerate(left)]


@register.filter
def trend_lines(points) -> str:
    """The trend as two aligned columns of 'Mon YYYY  figure' lines, for a monospaced block."""
    rows = []
    for left, right in pairs(points):
        cell = f"{uk_month(left.month_end):<8}{left.text:>11}"
        if right is not None:
            cell += f"   {uk_month(right.month_end):<8}{right.text:>11}"
        rows.append(cell)
    return "\n".join(rows)


@register.filter
def definition(kpi) -> str:
    return definition_text(kpi)
