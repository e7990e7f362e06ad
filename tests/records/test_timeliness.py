from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from hearth.records import models as m

D = date


@pytest.mark.django_db
def test_timeliness_counts_due_and_on_time_per_duty(child):
    """Two relevant children (17, left care in June) move in September 2026; one is visited
    within 7 days (W8), one is not."""
    child.dob = D(2009, 1, 1)
    child.save()
    other = m.Child.objects.create(la_child_id="C1002", sex="M", dob=D(2009, 1, 1), ethnic="WBRI")
    for young_person in (child, other):
        m.Episode.objects.create(child=young_person, decom=D(2024, 1, 5), rne="S", ls="C2", cin="N1", place="U4",
                                 place_provider="PR1", dec=D(2026, 6, 1), rec="E5")
        m.Accommodation.objects.create(child=young_person, start=D(2026, 9, 4), accommodation_type="SUPPORTED_LODGINGS",
                                       suitable=True)
    m.Contact.objects.create(child=child, date=D(2026, 9, 9), kind="VISIT", seen_where="HOME", follows_move=True)

    out = StringIO()
    call_command("timeliness", "--from", "2026-09-01", "--to", "2026-09-30", "--as-at", "2026-10-31",
                 "--format", "csv", stdout=out)
    rows = {line.split(",")[0]: line.split(",") for line in out.getvalue().splitlines()[1:]}

    rule, _duty, _strength, due, on_time, late, missed, still_open, rate = rows["D26"]
    assert (due, on_time, late, missed, still_open, rate) == ("2", "1", "0", "0", "1", "0.500")


@pytest.mark.django_db
def test_timeliness_refuses_a_period_that_ends_before_it_starts():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--to is before --from"):
        call_command("timeliness", "--from", "2026-09-30", "--to", "2026-09-01")
