"""Fixtures shared across the suite: a small hand-built record with named people in it."""

from datetime import date

import pytest

from hearth.records.models import Child, Team, Worker


@pytest.fixture
def team(db):
    return Team.objects.create(name="Leaving Care North", kind="LEAVING_CARE")


@pytest.fixture
def pa(team):
    """Priya, a personal adviser with three years' experience."""
    return Worker.objects.create(
        name="Priya Shah", role="PERSONAL_ADVISER", experience_band="Y3_5", team=team, sw_id="SW123456"
    )


@pytest.fixture
def child(db):
    """Ava, born 20 August 2010 (the reference's example date of birth)."""
    return Child.objects.create(la_child_id="C1001", sex="F", dob=date(2010, 8, 20), ethnic="WBRI", upn="UN2")
