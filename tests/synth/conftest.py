"""One generated council shared by the synth tests (generating it takes a few seconds)."""

from datetime import date

import pytest

from hearth.synth.measures import measure
from hearth.synth.simulate import simulate_council

AS_AT = date(2026, 11, 22)


@pytest.fixture(scope="session")
def council():
    return simulate_council(seed=1, children_in_care=750, as_at=AS_AT)


@pytest.fixture(scope="session")
def measured(council):
    return measure(council)
