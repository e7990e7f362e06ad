"""The reporting period a pack covers, read from what a person types.

Councils report on the financial year (1 April to 31 March; DfE's collection year is the same
span) and on its quarters: Durham's panel takes "Q2 2019/20" (July to September 2019) in January
(002-notes.md, P2). So Hearth reads a quarter as a *financial* quarter:

    2025-Q4, 2025-26-Q4   quarter 4 of 2025-26: 1 January to 31 March 2026
    2025-Q1               quarter 1 of 2025-26: 1 April to 30 June 2025
    2025-26               the financial year: 1 April 2025 to 31 March 2026
    2025-11               a calendar month: 1 to 30 November 2025

(2011-12 reads as December 2011; type the financial year 2011-12 as 2011/12.)

The cover of every pack prints the dates, so nobody has to know the convention to read one.
A pack's figures are taken at the period's last day (`end`); its trend runs back 24 month ends.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

Kind = Literal["quarter", "year", "month"]
_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


class PeriodError(ValueError):
    """The text is not a period Hearth can read. The message says what to type instead."""


@dataclass(frozen=True, slots=True)
class ReportingPeriod:
    label: str  # the canonical spelling: 2025-26-Q4, 2025-26 or 2025-11
    kind: Kind
    start: date
    end: date

    @property
    def financial_year(self) -> str:
        first = self.start.year if self.start.month >= 4 else self.start.year - 1
        return f"{first}-{(first + 1) % 100:02d}"

    def describe(self) -> str:
        """Words for the cover, e.g. 'Quarter 4 of 2025-26: 1 January to 31 March 2026'."""
        span = f"{_day(self.start, with_year=self.start.year != self.end.year)} to {_day(self.end)}"
        if self.kind == "quarter":
            return f"Quarter {self.label[-1]} of {self.financial_year}: {span}"
        if self.kind == "year":
            return f"Financial year {self.financial_year}: {span}"
        return f"{_MONTHS[self.start.month]} {self.start.year}: {span}"

    def previous(self) -> ReportingPeriod:
        """The period before, of the same kind (the 'previous reporting point' of kpis.md §1.2)."""
        if self.kind == "month":
            year, month = (self.start.year, self.start.month - 1) if self.start.month > 1 else (self.start.year - 1, 12)
            return parse_period(f"{year}-{month:02d}")
        if self.kind == "year":
            return parse_period(f"{self.start.year - 1}/{self.start.year % 100:02d}")
        quarter = int(self.label[-1])
        fy = int(self.label[:4])
        return parse_period(f"{fy - 1}-Q4" if quarter == 1 else f"{fy}-Q{quarter - 1}")


def _day(day: date, *, with_year: bool = True) -> str:
    return f"{day.day} {_MONTHS[day.month]}" + (f" {day.year}" if with_year else "")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_QUARTER = re.compile(r"^(\d{4})(?:-(\d{2}))?-?Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})[-/](\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_period(text: str) -> ReportingPeriod:
    """Read 2025-Q4, 2025-26-Q4, 2025-26 (or 2025/26) or 2025-11. Raises PeriodError otherwise."""
    raw = (text or "").strip()
    if m := _QUARTER.match(raw):
        fy, second, quarter = int(m[1]), m[2], int(m[3])
        if second is not None and int(second) != (fy + 1) % 100:
            raise PeriodError(f"{raw} is not a financial year: the second year must follow the first, like 2025-26-Q4")
        first_month = 4 + 3 * (quarter - 1)
        year = fy if first_month <= 12 else fy + 1
        first_month = first_month if first_month <= 12 else first_month - 12
        return ReportingPeriod(f"{fy}-{(fy + 1) % 100:02d}-Q{quarter}", "quarter", date(year, first_month, 1),
                               _month_end(year, first_month + 2))
    # 2025-11 is a month and 2025-26 a year: a two-digit part above 12 can only be a year.
    if (m := _MONTH.match(raw)) and 1 <= int(m[2]) <= 12:
        year, month = int(m[1]), int(m[2])
        return ReportingPeriod(f"{year}-{month:02d}", "month", date(year, month, 1), _month_end(year, month))
    if m := _YEAR.match(raw):
        fy = int(m[1])
        if int(m[2]) != (fy + 1) % 100:
            raise PeriodError(f"{raw} is not a financial year: the second year must follow the first, like 2025-26")
        return ReportingPeriod(f"{fy}-{(fy + 1) % 100:02d}", "year", date(fy, 4, 1), date(fy + 1, 3, 31))
    raise PeriodError(
        f"'{raw}' is not a period Hearth can read. Type a financial quarter like 2025-Q4 or 2025-26-Q4, "
        "a financial year like 2025-26, or a month like 2025-11"
    )
