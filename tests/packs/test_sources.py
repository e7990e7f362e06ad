"""The pack's view of comparators and band schemes (hearth/packs/sources.py)."""

from datetime import date

import pytest

from hearth.analytics.band_schemes import lancashire_demo_load
from hearth.packs.sources import band_reading, band_schemes


@pytest.fixture
def schemes(db):
    """The council's schemes: here the Lancashire demonstration schemes, as `./run demo` loads them."""
    lancashire_demo_load()
    return band_schemes()


def test_a_kpi_with_a_band_scheme_reads_its_band_on_the_printed_value(schemes):
    # Lancashire's CL-L04 scheme (kpis.md §3.2): 98.6% is Good, 100% Outstanding, 92.0% in the 90-95 gap.
    assert band_reading(schemes, "CL-L04", 98.6, date(2026, 3, 31))[0] == "Good"
    assert band_reading(schemes, "CL-L04", 100.0, date(2026, 3, 31))[0] == "Outstanding"
    label, warning, scheme = band_reading(schemes, "CL-L04", 92.0, date(2026, 3, 31))
    assert label == "Unbanded" and "gap" in warning and scheme == "LCC-IB-2016-CL-L04"


def test_a_withheld_figure_is_not_banded_and_a_kpi_without_a_scheme_has_no_band(schemes):
    assert band_reading(schemes, "CL-L04", None, date(2026, 3, 31), suppressed=True)[0].startswith("Suppressed")
    assert band_reading(schemes, "POP-01", 700, date(2026, 3, 31)) == ("", "", "")
