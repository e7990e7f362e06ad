"""The quick UK date presenters give exactly what Django's date formats give."""

from datetime import date

from django.utils.formats import date_format
from hypothesis import given
from hypothesis import strategies as st

from hearth.casework.presenters import uk_date, uk_date_short


def test_worked_examples():
    assert uk_date(date(2024, 9, 3)) == "3 September 2024"
    assert uk_date_short(date(2024, 9, 3)) == "3 Sep 2024"
    assert uk_date_short(date(2026, 11, 22)) == "22 Nov 2026"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_they_match_djangos_formats(d):
    assert uk_date(d) == date_format(d, "j F Y")
    assert uk_date_short(d) == date_format(d, "j M Y")
