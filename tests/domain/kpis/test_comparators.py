"""Comparator periods, bases, direction of travel and the choice of figure to print (kpis.md §4)."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearth.domain.kpis.comparators import (
    BenchmarkFact,
    PeriodError,
    basis_note,
    choose,
    direction,
    parse_period,
    parse_value,
)


class TestPeriods:
    @pytest.mark.parametrize("text, kind, start, end, label", [
        ("2015-16", "dfe_year", date(2015, 4, 1), date(2016, 3, 31), "year to 31 Mar 2016"),
        ("1999-00", "dfe_year", date(1999, 4, 1), date(2000, 3, 31), "year to 31 Mar 2000"),
        ("2016-03-31", "snapshot", date(2016, 3, 31), date(2016, 3, 31), "31 Mar 2016"),
        ("2016-12", "month", date(2016, 12, 1), date(2016, 12, 31), "Dec 2016"),
        ("2017", "year", date(2017, 1, 1), date(2017, 12, 31), "2017"),
        ("2011–2016", "span", date(2011, 1, 1), date(2016, 12, 31), "2011–2016"),
        ("n/s", "not_stated", None, None, "period not stated"),
    ])
    def test_each_form_of_the_benchmark_file(self, text, kind, start, end, label):
        p = parse_period(text)
        assert (p.kind, p.start, p.end, p.label) == (kind, start, end, label)

    @pytest.mark.parametrize("text", ["2015/15", "2015-15", "2016-13-01", "2016-02-30", "Dec 2016", "", "2016–2011", "16-17"])
    def test_it_refuses_what_does_not_parse(self, text):
        with pytest.raises(PeriodError):
            parse_period(text)


class TestDirection:
    @pytest.mark.parametrize("before, after, polarity, arrow, judgement", [
        (41.2, 48.3, "up", "up", "better"), (48.3, 48.2, "up", "down", "worse"),
        (22.3, 19.1, "down", "down", "better"), (19.1, 22.0, "down", "up", "worse"),
        (690, 695, "context", "up", "context"), (90.04, 89.96, "up", "same", "no change"),
    ])
    def test_the_arrow_and_whether_it_is_good_news(self, before, after, polarity, arrow, judgement):
        d = direction(before, after, polarity)
        assert (d.arrow, d.judgement) == (arrow, judgement)

    def test_the_change_is_between_the_printed_figures(self):
        assert direction(41.2, 48.3, "up").change == Decimal("7.1")
        assert direction(41.2, 48.3, "up").words == "Up (better)"
        assert direction(None, 48.3, "up") is None

    @given(st.floats(0, 1000, allow_nan=False), st.floats(0, 1000, allow_nan=False), st.sampled_from(["up", "down"]))
    def test_swapping_the_two_values_swaps_better_and_worse(self, a, b, polarity):
        there, back = direction(a, b, polarity), direction(b, a, polarity)
        assert {there.judgement, back.judgement} in ({"no change"}, {"better", "worse"})


class TestBasis:
    @pytest.mark.parametrize("ours, theirs, note", [
        ("all", "all", ""),
        ("all", "known", 'different basis: "known", not "all"'),
        ("all", "in touch and data provided", 'different basis: "in touch and data provided", not "all"'),
        ("all", "all?", 'basis "all" not confirmed'),
        ("all", "?", "basis not stated: illustrative only"),
        ("all", "", "basis not stated: illustrative only"),
    ])
    def test_a_comparison_across_bases_is_labelled(self, ours, theirs, note):
        assert basis_note(ours, theirs) == note


def fact(group, period, value, kpi_id="CL-04", basis="all", release=""):
    return BenchmarkFact("E92000001", "England", kpi_id, period, parse_value(value), group, basis, "test", "", release)


FACTS = [
    fact("england", "2014-15", "85.62"), fact("england", "2014-15", "88", basis="in touch and data provided"),
    fact("england", "2015-16", "87.32"), fact("region", "2015-16", "90.64", basis="all?"),
    fact("region", "2014-15", ""), fact("statistical_neighbours", "n/s", "89.00", basis="all?"),
    fact("england", "2015-16", "90", kpi_id="CL-04.known", basis="known"),
]


class TestChoose:
    def test_the_nearest_period_of_the_same_basis_for_each_group(self):
        got = choose(FACTS, kpi_id="CL-04", on=date(2016, 3, 31), polarity="up", our_value=86.75)
        assert [(c.label, c.value_text, c.period, c.comparable) for c in got] == [
            ("England", "87.32", "year to 31 Mar 2016", True),
            ("Region", "90.64", "year to 31 Mar 2016", True),
            ("Statistical neighbours", "89", "period not stated", False),
        ]
        assert got[0].against_us.words == "Down (worse)" and got[1].basis_note == 'basis "all" not confirmed'
        assert got[2].refusal == "period not stated" and got[2].against_us is None

    def test_the_same_basis_is_preferred_within_a_period(self):
        [england] = choose(FACTS, kpi_id="CL-04", on=date(2015, 3, 31), groups=("england",))
        assert (england.value_text, england.basis_note) == ("85.62", "")

    def test_a_blank_is_not_available_never_zero(self):
        [region] = choose([fact("region", "2014-15", "")], kpi_id="CL-04", on=date(2015, 3, 31), groups=("region",))
        assert (region.value, region.value_text, region.comparable) == (None, "not available", False)

    def test_a_distant_period_is_shown_but_not_compared_unless_forced(self):
        [england] = choose(FACTS, kpi_id="CL-04", on=date(2026, 3, 31), groups=("england",), our_value=80, polarity="up")
        assert (england.comparable, england.refusal) == (False, "year to 31 Mar 2016 is 120 months from 31 Mar 2026")
        [forced] = choose(FACTS, kpi_id="CL-04", on=date(2026, 3, 31), groups=("england",), our_value=80, polarity="up", force=True)
        assert forced.comparable and forced.against_us.judgement == "worse"

    def test_a_variant_is_a_different_kpi(self):
        [england] = choose(FACTS, kpi_id="CL-04.known", on=date(2016, 3, 31), kpi_basis="known", groups=("england",))
        assert england.value_text == "90"
        assert choose(FACTS, kpi_id="CL-07", on=date(2016, 3, 31)) == []

    def test_the_latest_release_wins_a_tie(self):
        facts = [fact("england", "2015-16", "87", release="2016-09"), fact("england", "2015-16", "87.32", release="2017-11")]
        assert choose(facts, kpi_id="CL-04", on=date(2016, 3, 31), groups=("england",))[0].value_text == "87.32"
