"""The dates a KPI is evaluated at and the periods ending on them (kpis.md §1.2 rule 1)."""

from __future__ import annotations

from datetime import date, timedelta

from hearth.domain.calendar import add_months

ONE_DAY = timedelta(days=1)


def period_start(d: date, months: int = 12) -> date:
    """The first day of the rolling period of `months` ending on d (§1.2 rule 1). A period ending
    on a month's last day starts on a month's first day (30 Jun back 3 months is 1 Apr)."""
    if (d + ONE_DAY).day == 1:
        return add_months(d.replace(day=1), 1 - months)
    return add_months(d, -months) + ONE_DAY


def month_ends(as_at: date, months: int = 24) -> list[date]:
    """`months` points, oldest first: the last day of each earlier month, then as_at itself."""
    first_of_month = as_at.replace(day=1)
    points = [add_months(first_of_month, 1 - i) - ONE_DAY for i in range(months - 1, 0, -1)]
    return points + [as_at]
