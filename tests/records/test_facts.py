"""The record as the deadline rules see it."""

from datetime import date

import pytest

from hearth.records import models as m
from hearth.records.facts import facts_for

D = date


@pytest.mark.django_db
def test_the_record_maps_to_the_rules_facts(child, pa):
    m.Episode.objects.create(child=child, decom=D(2024, 1, 5), rne="S", ls="C2", cin="N1", place="U4",
                             place_provider="PR1", dec=D(2025, 3, 1), rec="X1")
    m.Episode.objects.create(child=child, decom=D(2025, 3, 1), rne="P", ls="C2", cin="N1", place="K2",
                             place_provider="PR4")
    m.MissingEpisode.objects.create(child=child, missing="M", mis_start=D(2025, 4, 1), mis_end=D(2025, 4, 2),
                                    return_interview_offered=True)
    m.MissingEpisode.objects.create(child=child, missing="A", mis_start=D(2025, 5, 1), mis_end=D(2025, 5, 3),
                                    return_interview_offered=False)
    m.MissingEpisode.objects.create(child=child, missing="M", mis_start=D(2025, 6, 1))  # still missing
    m.Accommodation.objects.create(child=child, start=D(2026, 9, 4), end=D(2026, 10, 1), accommodation_type="HOSTEL",
                                   suitable=True)
    m.Allocation.objects.create(child=child, worker=pa, role="PERSONAL_ADVISER", start=D(2026, 8, 20))
    m.Contact.objects.create(child=child, date=D(2026, 9, 9), kind="VISIT", seen_where="HOME", follows_move=True)
    m.Contact.objects.create(child=child, date=D(2026, 9, 20), kind="PHONE", seen_where="NOT_SEEN")
    m.DutyRecord.objects.create(child=child, duty="HEALTH_ASSESSMENT", completed_on=D(2024, 2, 1))
    plan = m.PathwayPlan.objects.create(child=child, agreed_on=D(2026, 8, 1))
    m.PathwayPlanReview.objects.create(plan=plan, reviewed_on=D(2027, 2, 1))

    facts = facts_for(m.Child.objects.all())[child.pk]

    assert [(e.start, e.end, e.placement, e.reason_ceased) for e in facts.episodes] == [
        (D(2024, 1, 5), D(2025, 3, 1), "U4", "X1"), (D(2025, 3, 1), None, "K2", None)]
    # Offered interviews count on the day of return; an episode still open has no return yet.
    assert [(x.returned_on, x.interview_on) for x in facts.missing_episodes] == [
        (D(2025, 4, 2), D(2025, 4, 2)), (D(2025, 5, 3), None)]
    # The record's [start, end) spells become the rules' last day.
    assert [(a.start, a.end, a.type_code) for a in facts.accommodation] == [(D(2026, 9, 4), D(2026, 9, 30), "HOSTEL")]
    assert facts.visits == (D(2026, 9, 9),)
    assert [(c.on, c.in_person, c.follows_move) for c in facts.contacts] == [
        (D(2026, 9, 9), True, True), (D(2026, 9, 20), False, False)]
    assert facts.health_assessments == (D(2024, 2, 1),)
    assert (facts.pathway_plans, facts.pathway_plan_reviews) == ((D(2026, 8, 1),), (D(2027, 2, 1),))
    assert [(a.start, a.end) for a in facts.pa_allocations] == [(D(2026, 8, 20), None)]
