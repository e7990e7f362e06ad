"""Collection years, ages and the dates the 903 hangs on (ssda903.md §1.2, §4.5).

A collection year is named by the March it ends in: year 2025 runs from 1 April 2024 to
31 March 2025. Ages are whole calendar years from the date of birth.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=256)
def collection_start(year: int) -> date:
    return date(year - 1, 4, 1)


@lru_cache(maxsize=256)
def collection_end(year: int) -> date:
    return date(year, 3, 31)


def collection_year_of(day: date) -> int:
    """The collection year a day falls in."""
    return day.year + 1 if day.month >= 4 else day.year


def add_years(day: date, years: int) -> date:
    """The same day and month `years` later; 29 February becomes 1 March in a common year.

    In England a person born on 29 February attains an age on 1 March in a common year.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def add_months(day: date, months: int) -> date:
    """Calendar months later (or earlier), clipped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@lru_cache(maxsize=1 << 17)  # the same few birthdays are asked for over and over
def birthday(dob: date, age: int) -> date:
    return add_years(dob, age)


def age_on(dob: date, day: date) -> int:
    """Whole years of age on a day: 10 on the 10th birthday itself (a 29 February birthday counts
    from 1 March in a common year, as `add_years` does)."""
    years = day.year - dob.year
    if (day.month, day.day) < (dob.month, dob.day):
        years -= 1
    return years


def birthday_window(dob: date, age: int) -> tuple[date, date]:
    """Three months before to one month after a birthday: when OC3 is 'around the birthday' (§4.5)."""
    day = birthday(dob, age)
    return add_months(day, -3), add_months(day, 1)


@lru_cache(maxsize=1 << 16)
def fmt(day: date | None) -> str:
    """A 903 date: dd/mm/yyyy, or blank."""
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def days(n: int) -> timedelta:
    return timedelta(days=n)
