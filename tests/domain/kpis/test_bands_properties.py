"""Properties of band schemes (kpis.md §3.3, §3.5), over schemes hypothesis builds."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from hearth.domain.kpis.bands import (
    FOUR_BANDS,
    RAG,
    Band,
    BandScheme,
    errors,
    reading_for,
    round_to,
    scheme_from_cuts,
    validate,
    values_in,
)

START = date(2026, 4, 1)


@st.composite
def clean_schemes(draw):
    precision = draw(st.integers(0, 2))
    labels = draw(st.sampled_from([FOUR_BANDS, RAG, ("Not met", "Met")]))
    step = Decimal(1).scaleb(-precision)
    ticks = draw(st.lists(st.integers(1, 99 * 10**precision), min_size=len(labels) - 1, max_size=len(labels) - 1, unique=True))
    cuts = [t * step for t in sorted(ticks)]  # distinct cut points at the precision, inside (0, 100)
    open_ended = draw(st.booleans())
    return scheme_from_cuts(id="H", kpi_id="H-01", labels=labels, cuts=cuts,
                            polarity=draw(st.sampled_from(["up", "down"])), approved_by="hypothesis", effective_from=START,
                            domain_max=None if open_ended else 100, precision=precision, cut_goes_up=draw(st.booleans()))


@given(clean_schemes(), st.integers(0, 12_000))
def test_a_scheme_without_defects_puts_every_value_at_its_precision_in_exactly_one_band(scheme, n):
    assert errors(scheme) == []
    value = (Decimal(n) * Decimal(1).scaleb(-scheme.precision)).quantize(Decimal(1).scaleb(-scheme.precision))
    if scheme.domain_max is not None and value > scheme.domain_max:
        return
    hits = [b.label for b in scheme.bands if b.contains(value)]
    assert len(hits) == 1
    assert reading_for(scheme, value).label == hits[0]


@given(clean_schemes())
def test_better_bands_sit_where_the_polarity_says(scheme):
    lows = [b.lower for b in scheme.bands]
    assert lows == (sorted(lows) if scheme.polarity == "up" else sorted(lows, reverse=True))


@given(st.floats(0, 100, allow_nan=False), st.integers(0, 3))
def test_the_band_of_a_value_is_the_band_of_its_printed_figure(value, precision):
    scheme = scheme_from_cuts(id="H", kpi_id="H-01", labels=FOUR_BANDS, cuts=[25, 50, 75], polarity="up",
                              approved_by="h", effective_from=START, precision=precision)
    assert reading_for(scheme, value).label == reading_for(scheme, round_to(value, precision)).label


bounds = st.integers(0, 100).map(Decimal)


@st.composite
def any_band(draw, label):
    lo, hi = sorted([draw(bounds), draw(bounds)])
    return Band(label, lo, draw(st.booleans()), hi, draw(st.booleans()))


@st.composite
def any_schemes(draw):
    bands = tuple(draw(any_band(label)) for label in FOUR_BANDS[: draw(st.integers(1, 4))])
    return BandScheme("H", "H-01", 1, START, None, "h", "up", Decimal(0), Decimal(100), 0, bands)


@given(any_schemes(), st.integers(0, 100))
def test_validation_names_every_value_that_is_in_no_band_or_in_two(scheme, n):
    """Whatever the bands, a whole number in none of them lies inside a reported gap, and one in two
    of them inside a reported overlap: validation misses nothing at the KPI's precision."""
    value = Decimal(n)
    hits = [b for b in scheme.bands if b.contains(value)]
    found = validate(scheme)

    def inside(kinds):
        return any(d.kind in kinds and d.first is not None and d.first <= value and (d.last is None or value <= d.last)
                   for d in found)

    if not hits:
        assert inside({"gap"}) or any(d.kind == "empty_band" for d in found)
    if len(hits) > 1:
        assert inside({"point_overlap", "range_overlap"})
    if len(hits) == 1 and not inside({"gap", "point_overlap", "range_overlap"}):
        assert reading_for(scheme, value).label == hits[0].label


@given(st.integers(-500, 500), st.integers(-500, 500), st.booleans(), st.booleans(), st.integers(0, 2))
def test_values_in_returns_the_first_and_last_value_at_the_precision(a, b, lower_incl, upper_incl, precision):
    lo, hi = sorted([Decimal(a) / 10, Decimal(b) / 10])
    step = Decimal(1).scaleb(-precision)
    found = values_in(lo, lower_incl, hi, upper_incl, precision)
    inside = [v for v in (Decimal(i) * step for i in range(int(lo / step) - 2, int(hi / step) + 3))
              if (v > lo or (v == lo and lower_incl)) and (v < hi or (v == hi and upper_incl))]
    assert found == ((inside[0], inside[-1]) if inside else None)
