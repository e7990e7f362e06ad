from datetime import date

import pytest

from hearth.casework.summary import child_summary
from hearth.casework.timeline import child_timeline
from hearth.domain.policy import Policy
from hearth.records import models as m

D = date


@pytest.fixture
def ava(child, pa):
    """Ava (born 20/08/2010): in care from 2024, moved in 2025, left at 18; now with a PA."""
    m.ChildName.objects.create(child=child, given_name="Ava", family_name="Hughes")
    m.Episode.objects.create(child=child, decom=D(2024, 1, 10), rne="S", ls="C2", cin="N1", place="U4",
                             place_provider="PR1", dec=D(2025, 2, 1), rec="X1")
    m.Episode.objects.create(child=child, decom=D(2025, 2, 1), rne="P", ls="C2", cin="N1", place="K2",
                             place_provider="PR4", dec=D(2028, 8, 20), rec="E5")
    m.Review.objects.create(child=child, review=D(2024, 2, 5), review_code="PN1")
    m.Allocation.objects.create(child=child, worker=pa, role="PERSONAL_ADVISER", start=D(2026, 8, 20))
    m.Accommodation.objects.create(child=child, start=D(2028, 8, 20), accommodation_type="SEMI_INDEPENDENT", suitable=True)
    m.Contact.objects.create(child=child, date=D(2028, 8, 25), kind="VISIT", worker=pa, seen_where="HOME", follows_move=True)
    plan = m.PathwayPlan.objects.create(child=child, agreed_on=D(2026, 8, 1))
    m.PathwayPlanReview.objects.create(plan=plan, reviewed_on=D(2027, 2, 1))
    return child


@pytest.mark.django_db
def test_the_timeline_lists_everything_newest_first(ava):
    events = [(e.on, e.kind, e.title) for e in child_timeline(ava)]
    assert events == [
        (D(2028, 8, 25), "Contact", "Visit in person by Priya Shah"),
        (D(2028, 8, 20), "Care", "Left care"),
        (D(2028, 8, 20), "Home", "Semi-independent or supported living"),
        (D(2027, 2, 1), "Plan", "Pathway plan reviewed"),
        (D(2026, 8, 20), "Worker", "Personal adviser allocated"),
        (D(2026, 8, 1), "Plan", "Pathway plan agreed"),
        (D(2025, 2, 1), "Care", "Placement changed"),
        (D(2024, 2, 5), "Review", "Looked-after review"),
        (D(2024, 1, 10), "Care", "Started to be looked after"),
    ]


@pytest.mark.django_db
def test_the_summary_on_a_day_in_care_and_a_day_after(ava):
    in_care = child_summary(ava, as_at=D(2026, 1, 1), policy=Policy())
    assert (in_care.name, in_care.age, in_care.in_care, in_care.status) == ("Ava Hughes", 15, True, "In care")
    assert in_care.placement == "Children's home subject to Children's Homes Regulations"
    assert in_care.personal_adviser == "None allocated"

    # At 16, in care for 13 weeks since 14: eligible. At 18, having left care then: former relevant.
    assert child_summary(ava, as_at=D(2027, 1, 1), policy=Policy()).status == "In care (eligible)"
    after = child_summary(ava, as_at=D(2028, 9, 1), policy=Policy())
    assert (after.age, after.in_care, after.legal_status, after.status) == (18, False, "Not looked after",
                                                                          "Former relevant")
    assert after.accommodation == "Semi-independent or supported living (suitable)"
    assert after.personal_adviser == "Priya Shah"
    assert after.pathway_plan == "Agreed 01/08/2026; last reviewed 01/02/2027"
