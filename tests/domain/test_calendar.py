"""Working days, months and birthdays: every example in statutory-duties.md §4."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hearth.domain.calendar import (
    LeapDay,
    add_months,
    add_working_days,
    age_date,
    age_on,
    birthday,
    duration_limit_last_day,
    is_working_day,
    plan_by,
    working_days_after,
    working_days_in,
)

D = date

NON_WORKING_WEEKDAYS = {
    2025: [
        D(2025, 1, 1),
        D(2025, 4, 18),
        D(2025, 4, 21),
        D(2025, 5, 5),
        D(2025, 5, 26),
        D(2025, 8, 25),
        D(2025, 12, 25),
        D(2025, 12, 26),
    ],
    2026: [
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    ],
    2027: [
        D(2027, 1, 1),
        D(2027, 3, 26),
        D(2027, 3, 29),
        D(2027, 5, 3),
        D(2027, 5, 31),
        D(2027, 8, 30),
        D(2027, 12, 27),
        D(2027, 12, 28),
    ],
    2028: [
        D(2028, 1, 3),
        D(2028, 4, 14),
        D(2028, 4, 17),
        D(2028, 5, 1),
        D(2028, 5, 29),
        D(2028, 8, 28),
        D(2028, 12, 25),
        D(2028, 12, 26),
    ],
}


@pytest.mark.parametrize("year", sorted(NON_WORKING_WEEKDAYS))
def test_it_knows_exactly_the_non_working_weekdays_of_the_worked_example_years(year: int) -> None:
    days = [D(year, 1, 1) + timedelta(days=i) for i in range(366)]
    found = [d for d in days if d.year == year and d.weekday() < 5 and not is_working_day(d)]
    assert found == NON_WORKING_WEEKDAYS[year]


@pytest.mark.parametrize(
    "day",
    [
        D(2011, 4, 29),
        D(2012, 6, 4),
        D(2012, 6, 5),
        D(2020, 5, 8),
        D(2022, 6, 2),
        D(2022, 6, 3),
        D(2022, 9, 19),
        D(2023, 5, 8),
    ],
)
def test_it_knows_one_off_bank_holidays(day: date) -> None:
    assert not is_working_day(day)


@pytest.mark.parametrize("day", [D(2020, 5, 4), D(2022, 5, 30), D(2026, 12, 24), D(2026, 12, 31)])
def test_it_treats_moved_holidays_and_christmas_and_new_years_eve_as_working_days(day: date) -> None:
    assert is_working_day(day)


@pytest.mark.parametrize(
    ("event", "n", "expected"),
    [
        (D(2026, 1, 7), 20, D(2026, 2, 4)),
        (D(2026, 1, 7), 10, D(2026, 1, 21)),
        (D(2026, 1, 7), 5, D(2026, 1, 14)),
        (D(2026, 4, 1), 5, D(2026, 4, 10)),
        (D(2026, 4, 1), 20, D(2026, 5, 1)),
        (D(2026, 3, 2), 20, D(2026, 3, 30)),
        (D(2026, 12, 23), 2, D(2026, 12, 29)),
        (D(2026, 12, 23), 5, D(2027, 1, 4)),
        (D(2026, 11, 27), 5, D(2026, 12, 4)),
        (D(2027, 1, 5), 20, D(2027, 2, 2)),
    ],
)
def test_it_counts_working_days_with_the_event_as_day_zero(event: date, n: int, expected: date) -> None:
    assert add_working_days(event, n) == expected


def test_it_makes_the_first_working_day_after_a_weekend_event_day_one() -> None:
    assert add_working_days(D(2026, 1, 10), 1) == D(2026, 1, 12)  # Saturday entry -> Monday


def test_it_counts_the_event_as_day_one_when_asked_to() -> None:
    assert add_working_days(D(2026, 1, 7), 5, inclusive=True) == D(2026, 1, 13)


def test_it_measures_a_bnb_stay_over_a_bank_holiday_weekend_inclusively() -> None:
    # §4.3 / W11: Fri 22 (1), Tue 26 (2); still there on Wed 27 May 2026 is a breach.
    assert duration_limit_last_day(D(2026, 5, 22), 2) == D(2026, 5, 26)
    assert working_days_in(D(2026, 5, 22), D(2026, 5, 26)) == 2
    assert working_days_in(D(2026, 5, 22), D(2026, 5, 27)) == 3


def test_it_measures_a_bnb_stay_exclusively_when_asked_to() -> None:
    assert duration_limit_last_day(D(2026, 5, 22), 2, inclusive=False) == D(2026, 5, 27)  # breach Thu 28


def test_it_measures_a_bnb_stay_over_easter() -> None:
    assert duration_limit_last_day(D(2026, 4, 2), 2) == D(2026, 4, 7)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 8, 31), 3, D(2026, 11, 30)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
        (D(2027, 8, 31), 6, D(2028, 2, 29)),
        (D(2026, 2, 3), 3, D(2026, 5, 3)),
    ],
)
def test_it_adds_months_by_the_corresponding_date_clamped_to_month_end(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_it_ends_26_weeks_beginning_with_a_date_on_the_day_before_the_26th_week_anniversary() -> None:
    assert D(2026, 1, 12) + timedelta(weeks=26) - timedelta(days=1) == D(2026, 7, 12)


def test_it_plans_a_sunday_due_date_for_the_last_working_day_before_it() -> None:
    # §4.5: 2nd LAC review due Sun 3 May 2026; Mon 4 May is a bank holiday.
    assert plan_by(D(2026, 5, 3)) == D(2026, 5, 1)


def test_it_never_moves_plan_by_later_and_keeps_the_legal_date_when_told_to() -> None:
    assert plan_by(D(2026, 4, 6)) == D(2026, 4, 2)  # Easter Monday and Good Friday
    assert plan_by(D(2026, 5, 3), keep=True) == D(2026, 5, 3)


def test_it_lets_council_closure_days_move_plan_by_but_not_working_day_arithmetic() -> None:
    closed = {D(2026, 12, 24)}
    assert plan_by(D(2026, 12, 24), closed) == D(2026, 12, 23)
    assert add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 24)


def test_it_measures_lateness_in_working_days() -> None:
    assert working_days_after(D(2026, 2, 4), D(2026, 2, 9)) == 3  # W2 (b)


def test_it_puts_a_leap_day_birthday_on_1_march_by_default_and_28_february_if_chosen() -> None:
    dob = D(2008, 2, 29)
    assert birthday(dob, 16) == D(2024, 2, 29)
    assert birthday(dob, 18) == D(2026, 3, 1)
    assert birthday(dob, 18, LeapDay.FEB28) == D(2026, 2, 28)
    assert birthday(dob, 21) == D(2029, 3, 1)
    assert birthday(dob, 25) == D(2033, 3, 1)
    assert age_on(dob, D(2026, 2, 28)) == 17
    assert age_on(dob, D(2026, 3, 1)) == 18
    assert age_on(dob, D(2026, 2, 28), LeapDay.FEB28) == 18


def test_it_finds_a_half_birthday_six_months_after_the_birthday() -> None:
    assert age_date(D(2010, 8, 20), 16.5) == D(2027, 2, 20)


def test_it_reaches_an_age_at_the_start_of_the_birthday() -> None:
    assert age_on(D(2010, 3, 15), D(2026, 3, 14)) == 15
    assert age_on(D(2010, 3, 15), D(2026, 3, 15)) == 16


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))


@settings(max_examples=150, deadline=None)
@given(event=dates, n=st.integers(min_value=1, max_value=40), inclusive=st.booleans())
def test_it_never_puts_a_working_day_deadline_on_a_weekend_or_bank_holiday(
    event: date, n: int, inclusive: bool
) -> None:
    due = add_working_days(event, n, inclusive=inclusive)
    assert due.weekday() < 5 and is_working_day(due)
    assert due >= event


@settings(max_examples=150, deadline=None)
@given(due=dates)
def test_it_plans_by_a_working_day_never_after_the_legal_date(due: date) -> None:
    planned = plan_by(due)
    assert planned <= due and is_working_day(planned)
    assert all(not is_working_day(d) for d in (planned + timedelta(days=i) for i in range(1, (due - planned).days + 1)))


def _reference_add_working_days(event: date, n: int) -> date:
    """The §4.7 sketch, day by day: the fast implementation must agree with it."""
    d, k = event, 0
    while k < n:
        d += timedelta(days=1)
        if is_working_day(d):
            k += 1
    return d


@settings(max_examples=150, deadline=None)
@given(event=dates, n=st.integers(min_value=0, max_value=400), later=st.integers(min_value=0, max_value=4000))
def test_it_agrees_with_the_day_by_day_reference_counting(event: date, n: int, later: int) -> None:
    assert add_working_days(event, n) == _reference_add_working_days(event, n)
    end = event + timedelta(days=later)
    assert working_days_after(event, end) == sum(is_working_day(event + timedelta(days=i)) for i in range(1, later + 1))
