"""Collection years, ages and the OC3 birthday window."""

from datetime import date

from hearth.domain.ssda903.years import (
    add_months,
    age_on,
    birthday,
    birthday_window,
    collection_end,
    collection_start,
    collection_year_of,
    fmt,
)


def test_a_collection_year_runs_from_april_to_the_march_it_is_named_by():
    assert collection_start(2025) == date(2024, 4, 1)
    assert collection_end(2025) == date(2025, 3, 31)
    assert collection_year_of(date(2024, 4, 1)) == 2025
    assert collection_year_of(date(2025, 3, 31)) == 2025


def test_a_child_is_ten_on_their_tenth_birthday():
    assert age_on(date(2010, 8, 20), date(2020, 8, 19)) == 9
    assert age_on(date(2010, 8, 20), date(2020, 8, 20)) == 10


def test_a_leap_day_birthday_falls_on_1_march_in_a_common_year():
    assert birthday(date(2008, 2, 29), 17) == date(2025, 3, 1)
    assert birthday(date(2008, 2, 29), 16) == date(2024, 2, 29)


def test_the_window_runs_three_months_before_to_one_month_after_the_birthday():
    assert birthday_window(date(2007, 5, 31), 18) == (date(2025, 2, 28), date(2025, 6, 30))


def test_months_clip_to_the_end_of_a_short_month():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_dates_are_written_dd_mm_yyyy_and_none_as_blank():
    assert fmt(date(2025, 4, 1)) == "01/04/2025"
    assert fmt(None) == ""
