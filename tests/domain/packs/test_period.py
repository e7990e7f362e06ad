"""Reading the period a pack covers (hearth/domain/packs/period.py)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearth.domain.kpis.periods import month_ends
from hearth.domain.packs.period import PeriodError, parse_period


def test_a_quarter_is_a_financial_quarter():
    q4 = parse_period("2025-Q4")
    assert (q4.start, q4.end, q4.label) == (date(2026, 1, 1), date(2026, 3, 31), "2025-26-Q4")
    assert q4.describe() == "Quarter 4 of 2025-26: 1 January to 31 March 2026"
    q1 = parse_period("2025-26-Q1")
    assert (q1.start, q1.end) == (date(2025, 4, 1), date(2025, 6, 30))
    assert parse_period("2025-q3").describe() == "Quarter 3 of 2025-26: 1 October to 31 December 2025"


def test_a_financial_year_and_a_month():
    year = parse_period("2025-26")
    assert (year.start, year.end, year.kind) == (date(2025, 4, 1), date(2026, 3, 31), "year")
    assert parse_period("2025/26").label == "2025-26"
    month = parse_period("2024-02")
    assert (month.start, month.end) == (date(2024, 2, 1), date(2024, 2, 29))
    assert month.describe() == "February 2024: 1 February to 29 February 2024"


@pytest.mark.parametrize("text", ["", "2025", "2025-Q5", "2025-27", "2025-13", "Q4 2025", "2025-27-Q1", "next quarter"])
def test_it_refuses_what_it_cannot_read(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_the_previous_period_is_of_the_same_kind():
    assert parse_period("2025-Q1").previous().label == "2024-25-Q4"
    assert parse_period("2025-Q4").previous().label == "2025-26-Q3"
    assert parse_period("2025-26").previous().label == "2024-25"
    assert parse_period("2025-01").previous().label == "2024-12"


@given(st.integers(min_value=2000, max_value=2090), st.integers(min_value=1, max_value=4))
def test_quarters_tile_the_financial_year(fy, quarter):
    q = parse_period(f"{fy}-Q{quarter}")
    year = parse_period(f"{fy}/{(fy + 1) % 100:02d}")  # 2000-01 would read as January 2000
    assert year.start <= q.start < q.end <= year.end
    assert (q.end - q.start).days in (89, 90, 91)
    nxt = parse_period(f"{fy}-Q{quarter + 1}") if quarter < 4 else parse_period(f"{fy + 1}-Q1")
    assert (nxt.start - q.end).days == 1


def test_month_ends_run_oldest_first():
    assert month_ends(date(2026, 3, 31), 3) == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]
    assert len(month_ends(date(2026, 3, 31), 24)) == 24
