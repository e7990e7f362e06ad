"""Small-number suppression: what a members' pack may print (hearth/domain/packs/suppression.py)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hearth.domain.packs.suppression import (
    SmallNumberRule,
    count_cell,
    ratio_cell,
    recoverable_cells,
    suppress_breakdown,
)

RULE = SmallNumberRule(threshold=5, min_base=10)


def test_a_count_below_the_threshold_says_fewer_than_5():
    assert count_cell(4, RULE).text == "fewer than 5"
    assert count_cell(1, RULE).value is None
    assert count_cell(5, RULE).value == 5
    assert count_cell(0, RULE).value == 0  # zero describes nobody


def test_the_threshold_is_configurable():
    assert count_cell(9, SmallNumberRule(threshold=10)).text == "fewer than 10"


def test_no_rule_means_nothing_is_suppressed():
    assert count_cell(2, None).value == 2
    assert ratio_cell(50.0, 1, 2, None).value == 50.0
    assert suppress_breakdown({"a": 1, "b": 30}, None).withheld == set()


def test_a_percentage_on_a_small_base_is_withheld():
    assert ratio_cell(62.5, 5, 8, RULE).state == "withheld"
    assert ratio_cell(60.0, 6, 10, RULE).value == 60.0


def test_a_percentage_whose_numerator_is_small_is_withheld():
    # 3 of 200 is 1.5%: printing it with the base of 200 gives the 3 away.
    assert ratio_cell(1.5, 3, 200, RULE).state == "withheld"
    # An average's numerator is a sum of days, not children: only the base matters.
    assert ratio_cell(310.0, 3, 40, RULE, numerator_is_count=False).value == 310.0


def test_a_missing_value_is_no_data_not_zero():
    assert count_cell(None, RULE).text == "no data"
    assert ratio_cell(None, None, 0, RULE).state == "no_data"


def test_bad_rules_are_refused():
    with pytest.raises(ValueError):
        SmallNumberRule(threshold=0)


def test_one_small_cell_takes_the_next_smallest_with_it():
    # 12 + 3 + 40 = 55 is printed: showing 12 and 40 would give away the 3.
    out = suppress_breakdown({"0 to 4": 12, "5 to 9": 3, "10 to 15": 40}, RULE)
    assert out.cells["5 to 9"].text == "fewer than 5"
    assert out.cells["0 to 4"].text == "withheld"
    assert out.cells["10 to 15"].value == 40
    assert out.total.value == 55


def test_two_small_cells_that_pin_each_other_take_a_third():
    # 1 + 1 = 2 and both are "1 to 4": each must be 1 unless another cell is withheld too.
    out = suppress_breakdown({"a": 1, "b": 1, "c": 20, "d": 30}, RULE)
    assert out.withheld == {"a", "b", "c"}


def test_a_zero_is_not_enough_cover_for_a_one():
    # Withholding the zero beside a 1 would leave 1 = (1 to 4) + (0 or more) with only one answer.
    out = suppress_breakdown({"a": 1, "b": 0, "c": 30, "d": 31}, RULE)
    assert out.withheld == {"a", "c"}


def test_a_small_total_withholds_the_whole_breakdown():
    out = suppress_breakdown({"a": 3, "b": 0}, RULE)
    assert out.total.text == "fewer than 5" and out.withheld == {"a", "b"}


def test_when_withholding_every_cell_is_not_enough_the_total_goes_too():
    # Four cells of "1 to 4" adding to 16 can only be 4 each.
    out = suppress_breakdown({"a": 4, "b": 4, "c": 4, "d": 4}, RULE)
    assert out.withheld == {"a", "b", "c", "d"} and out.total.text == "withheld"


def test_nothing_small_means_nothing_withheld():
    out = suppress_breakdown({"a": 5, "b": 0, "c": 9}, RULE)
    assert out.withheld == set() and out.total.value == 14


# ---- properties ---------------------------------------------------------------------------------

def feasible_values(values, shown, withheld_primary, cell, total, threshold):
    """Every value `cell` could hold, worked out by brute force over the reader's knowledge: the
    printed total, the printed cells, 1..threshold-1 for 'fewer than', 0..total for 'withheld'.
    Independent of the interval reasoning in the module under test."""
    hidden = [k for k in values if k not in shown]
    remainder = total - sum(values[k] for k in shown)
    ranges = {k: range(1, threshold) if k in withheld_primary else range(0, remainder + 1) for k in hidden}
    # Sums the other hidden cells can reach (dynamic programming over their ranges).
    reachable = {0}
    for k in hidden:
        if k == cell:
            continue
        reachable = {s + v for s in reachable for v in ranges[k] if s + v <= remainder}
    return {remainder - s for s in reachable if (remainder - s) in ranges[cell]}


breakdowns = st.dictionaries(st.sampled_from("abcdefg"), st.integers(min_value=0, max_value=25), min_size=1,
                             max_size=6)


@settings(max_examples=300, deadline=None)
@given(counts=breakdowns, threshold=st.integers(min_value=2, max_value=10))
def test_no_withheld_cell_can_be_worked_out_from_the_total_and_the_shown_cells(counts, threshold):
    rule = SmallNumberRule(threshold=threshold, min_base=10)
    out = suppress_breakdown(counts, rule)
    # Every small count is withheld, and what is shown is the true value.
    for k, v in counts.items():
        if 0 < v < threshold:
            assert out.cells[k].text == f"fewer than {threshold}"
        if out.cells[k].shown:
            assert out.cells[k].value == v
    if not out.total.shown:
        return  # with no total printed, the withheld cells are unconstrained
    assert out.total.value == sum(counts.values())
    shown = {k for k, c in out.cells.items() if c.shown}
    primary = {k for k, c in out.cells.items() if c.state == "fewer_than"}
    for k in counts:
        if k not in shown:
            possible = feasible_values(counts, shown, primary, k, out.total.value, threshold)
            assert counts[k] in possible
            assert len(possible) >= 2, (k, counts, out)


@settings(max_examples=200, deadline=None)
@given(counts=breakdowns)
def test_suppression_withholds_only_what_it_must_when_nothing_is_small(counts):
    if any(0 < v < 5 for v in counts.values()):
        return
    assert suppress_breakdown(counts, RULE).withheld == set()


def test_the_interval_check_spots_a_lone_withheld_cell():
    assert recoverable_cells({"a": 3, "b": 10}, {"a"}, set(), 13, 5) == {"a"}
    assert recoverable_cells({"a": 3, "b": 10}, {"a"}, {"b"}, 13, 5) == set()
