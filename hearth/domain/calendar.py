"""Working days, months and birthdays for statutory date arithmetic (statutory-duties.md §4).

A working day is any day except Saturday, Sunday and a bank holiday in England and Wales
(Christmas Day and Good Friday are in the holiday list). The regulations use this one
definition, so every English council uses the England & Wales calendar, even for a child placed
in Scotland or Northern Ireland (§4.1).

Council closure days (Christmas Eve closures and the like) are *not* non-working days in law:
they may only pull a `plan_by` date earlier, never move a legal due date (§4.1, Appendix A).

Nothing here reads the clock: every function takes the dates it needs.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from bisect import bisect_left
from collections.abc import Collection
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache
from itertools import accumulate
from typing import assert_never

import holidays

ONE_DAY = timedelta(days=1)
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # by month number, common year


class LeapDay(Enum):
    """Which day a 29 February birthday falls on in a common year (§4.6)."""

    MAR1 = "mar1"  # default: the person has not reached the age until 28 Feb is over
    FEB28 = "feb28"


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> frozenset[date]:
    """England & Wales bank holidays for one year (one-off holidays such as 2022's included)."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


@lru_cache(maxsize=512)
def _year_table(year: int) -> tuple[int, bytes, tuple[int, ...]]:
    """(ordinal of 1 Jan, working-day flag per day of the year, running count of working days).

    Lets lateness in working days be counted in constant time, however long overdue.
    """
    jan1 = date(year, 1, 1)
    days = 366 if _stdlib_calendar.isleap(year) else 365
    first_weekday = jan1.weekday()
    holiday_days = {d.timetuple().tm_yday - 1 for d in bank_holidays(year) if d.year == year}  # days since 1 Jan
    flags = bytes(
        1 if (first_weekday + i) % 7 < 5 and i not in holiday_days else 0  # Monday-Friday, not a bank holiday
        for i in range(days)
    )
    return jan1.toordinal(), flags, tuple(accumulate(flags))


_YEAR_OFFSETS: dict[int, int] = {}
_EPOCH_YEAR = 1900


def _working_days_before_year(year: int) -> int:
    """Working days from 1 Jan 1900 up to the end of the previous year (cached, filled in order)."""
    if year <= _EPOCH_YEAR:
        return 0
    if year not in _YEAR_OFFSETS:
        known = max((y for y in _YEAR_OFFSETS if y < year), default=_EPOCH_YEAR)
        total = _YEAR_OFFSETS.get(known, 0)
        for y in range(known, year):
            total += _year_table(y)[2][-1]
            _YEAR_OFFSETS[y + 1] = total
    return _YEAR_OFFSETS[year]


_INDEX_CACHE: dict[date, int] = {}


def _working_index(d: date) -> int:
    """Working days from 1 Jan 1900 to d inclusive (memoised: obligations ask for the same dates often)."""
    found = _INDEX_CACHE.get(d)
    if found is None:
        jan1, _, running = _year_table(d.year)
        found = _working_days_before_year(d.year) + running[d.toordinal() - jan1]
        if len(_INDEX_CACHE) < 200_000:
            _INDEX_CACHE[d] = found
    return found


def is_working_day(d: date) -> bool:
    """A statutory working day: not a weekend and not an England & Wales bank holiday."""
    jan1, flags, _ = _year_table(d.year)
    return flags[d.toordinal() - jan1] == 1


def is_council_working_day(d: date, closure_days: Collection[date] = ()) -> bool:
    """A day the council's offices are open: used for plan_by only, never for legal dates."""
    return is_working_day(d) and d not in closure_days


@lru_cache(maxsize=65_536)  # pure; the same few event dates are asked about by several duties
def add_working_days(event: date, n: int, *, inclusive: bool = False) -> date:
    """The nth working day counting from `event`.

    Default (`count_start = exclusive`, §4.2): the event is day 0 and never counts, even when it
    is a working day; if it falls on a non-working day the next working day is day 1.
    `inclusive=True` counts the event itself as day 1 when it is a working day (local
    procedures and the B&B duration rule, §4.3). n = 0 returns the event unchanged.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    if n == 0:
        return event
    if inclusive and is_working_day(event):
        n -= 1
        if n == 0:
            return event
    # The nth working day after `event` is the first day whose running count reaches count(event) + n.
    needed = _working_index(event) + n
    year = event.year
    while True:
        jan1, _, running = _year_table(year)
        within = needed - _working_days_before_year(year)
        if within <= running[-1]:
            return date.fromordinal(jan1 + bisect_left(running, within))
        year += 1


def working_days_after(start: date, end: date) -> int:
    """Working days d with start < d <= end: lateness in working days (§4.6), 0 if end <= start."""
    if end <= start:
        return 0
    return _working_index(end) - _working_index(start)


def working_days_in(first: date, last: date) -> int:
    """Working days d with first <= d <= last: how long a condition held (B&B rule, §4.3)."""
    return working_days_after(first - ONE_DAY, last)


def duration_limit_last_day(first: date, max_working_days: int, *, inclusive: bool = True) -> date:
    """The last day a condition that began on `first` may still hold under an N-working-day limit.

    §4.3: by default the first day counts if it is a working day; the limit is breached if the
    condition still holds on the next working day after the Nth. Non-working days after the
    Nth working day (a weekend) are not themselves breaches, but we report the Nth working day
    as the move-out deadline, as the reference does.
    """
    return add_working_days(first, max_working_days, inclusive=inclusive)


def plan_by(legal_due: date, closure_days: Collection[date] = (), *, keep: bool = False) -> date:
    """The last council working day on or before `legal_due` (§4.5). Never later than legal_due.

    `keep=True` is `weekend_due_policy = keep`: the legal date is shown as it stands.
    """
    if keep:
        return legal_due
    if not closure_days:
        return previous_working_day(legal_due)
    d = legal_due
    while not is_council_working_day(d, closure_days):
        d -= ONE_DAY
    return d


_PREVIOUS_CACHE: dict[date, date] = {}


def previous_working_day(d: date) -> date:
    """The last statutory working day on or before d.

    Memoised in a plain dict: every obligation asks for its plan_by date, and a dict lookup costs
    a fraction of an lru_cache hit (which wraps a date argument in a tuple key).
    """
    found = _PREVIOUS_CACHE.get(d)
    if found is None:
        found = d
        while not is_working_day(found):
            found -= ONE_DAY
        if len(_PREVIOUS_CACHE) < 200_000:
            _PREVIOUS_CACHE[d] = found
    return found


def add_months(d: date, months: int) -> date:
    """The corresponding date `months` later (or earlier), clamped to the end of a short month.

    §4.4: 31 Aug + 6 m is 28 Feb (29 Feb in a leap year); never 30 days per month.
    """
    y, m0 = divmod(d.month - 1 + months, 12)
    year, month, day = d.year + y, m0 + 1, d.day
    if day > 28:  # only the 29th-31st can fall off the end of a month
        last = 29 if month == 2 and _stdlib_calendar.isleap(year) else _MONTH_DAYS[month]
        day = min(day, last)
    return date(year, month, day)


def add_years(d: date, years: int, leap_day: LeapDay = LeapDay.MAR1) -> date:
    """The anniversary `years` later; 29 Feb maps per the leap-day policy (§4.6)."""
    year = d.year + years
    if d.month == 2 and d.day == 29 and not _stdlib_calendar.isleap(year):
        match leap_day:
            case LeapDay.MAR1:
                return date(year, 3, 1)
            case LeapDay.FEB28:
                return date(year, 2, 28)
            case _:
                assert_never(leap_day)
    return date(year, d.month, d.day)


def birthday(dob: date, age: int, leap_day: LeapDay = LeapDay.MAR1) -> date:
    """The day the person reaches `age`: the start of the anniversary of their birth (§4.6)."""
    return add_years(dob, age, leap_day)


def age_date(dob: date, age_years: float, leap_day: LeapDay = LeapDay.MAR1) -> date:
    """The day a person reaches a possibly fractional age: 16.5 is the 16th birthday + 6 m (§4.4)."""
    whole = int(age_years)
    months = round((age_years - whole) * 12)
    return add_months(birthday(dob, whole, leap_day), months)


def age_on(dob: date, on: date, leap_day: LeapDay = LeapDay.MAR1) -> int:
    """Age in whole years on `on`, with birthdays as in §4.6."""
    years = on.year - dob.year
    if years > 0 and on < birthday(dob, years, leap_day):
        years -= 1
    return years
