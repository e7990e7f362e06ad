"""Direction of travel (hearth/domain/kpis/direction.py): one rule for the dashboard and the packs."""

from hearth.domain.kpis.direction import direction


def test_polarity_decides_better_or_worse():
    assert direction(now=91.7, then=85.6, polarity="up", precision=1).movement == "improved"
    assert direction(now=91.7, then=85.6, polarity="down", precision=1).movement == "worsened"
    assert direction(now=700, then=690, polarity="context", precision=0).movement == "up"


def test_values_are_compared_as_printed():
    # 89.96 and 90.04 both print as 90.0: no change, whatever the raw difference.
    assert direction(now=89.96, then=90.04, polarity="up", precision=1).movement == "no_change"


def test_a_missing_value_is_not_comparable():
    assert direction(now=None, then=50.0, polarity="up", precision=1).movement == "not_comparable"


def test_a_change_of_one_or_two_children_carries_a_caution():
    d = direction(now=52.0, then=50.0, polarity="up", precision=1, numerator_now=26, numerator_then=25)
    assert d.movement == "improved" and d.caution == "a change of one or two children"
    assert direction(now=60.0, then=50.0, polarity="up", precision=1, numerator_now=30, numerator_then=25).caution == ""
