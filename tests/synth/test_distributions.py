"""The generated council matches each documented target within its stated tolerance."""

import pytest

from hearth.synth.targets import HEADCOUNT_TOLERANCE, TARGETS


def test_it_has_about_the_requested_number_in_care(measured):
    assert abs(measured["children_in_care"] - 750) <= 750 * HEADCOUNT_TOLERANCE


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_it_meets_the_target(measured, target):
    value = measured[target.name]
    assert abs(value - target.value) <= target.tolerance, (
        f"{target.name} = {value:.1f}, target {target.value} ± {target.tolerance} ({target.source})"
    )


def test_every_target_names_its_source_and_measure():
    for target in TARGETS:
        assert target.source and target.measure and target.tolerance > 0
