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


@pytest.mark.django_db
def test_every_table_lands_in_its_own_facts_and_only_for_its_own_child(child, pa):
    """The facts come from one query over every table (records/facts.py): each row must reach the
    right field of the right child, with its own columns."""
    other = m.Child.objects.create(la_child_id="C2002", sex="M", dob=D(2008, 3, 1), ethnic="WBRI")
    for someone in (child, other):
        m.Review.objects.create(child=someone, review=D(2025, 2, 1), review_code="PN1")
    m.Review.objects.create(child=child, review=D(2024, 8, 1), review_code="PN1")
    m.Episode.objects.create(child=child, decom=D(2024, 1, 5), rne="S", ls="C2", cin="N1", place="U4",
                             place_provider="PR1", pl_post="AB1 2CD")
    m.NeedsAssessment.objects.create(child=child, completed_on=D(2026, 8, 30))
    m.StayingPut.objects.create(child=child, start=D(2026, 8, 20), end=D(2027, 1, 1), carer="Mrs Price")
    m.SupportRequest.objects.create(child=child, received_on=D(2031, 9, 1), request="Help with rent",
                                    outcome="WITHDRAWN", outcome_on=D(2031, 9, 10))
    m.SupportRequest.objects.create(child=child, received_on=D(2031, 10, 1), request="A laptop")
    m.DutyRecord.objects.create(child=child, duty="PEP", completed_on=D(2025, 3, 1))
    m.DutyRecord.objects.create(child=child, duty="PEP", completed_on=D(2024, 11, 1))

    facts = facts_for(m.Child.objects.filter(pk=child.pk))

    assert list(facts) == [child.pk]  # the other child is not in scope
    mine = facts[child.pk]
    assert (mine.dob, mine.date_of_death) == (D(2010, 8, 20), None)
    assert mine.reviews == (D(2024, 8, 1), D(2025, 2, 1))  # in date order, the other child's left out
    assert [(e.reason_new, e.legal_status, e.placement_id) for e in mine.episodes] == [("S", "C2", "AB1 2CD")]
    assert mine.needs_assessments == (D(2026, 8, 30),)
    assert [(s.start, s.end) for s in mine.staying_put] == [(D(2026, 8, 20), D(2026, 12, 31))]
    assert [(r.requested_on, r.withdrawn_on) for r in mine.support_requests] == [
        (D(2031, 9, 1), D(2031, 9, 10)), (D(2031, 10, 1), None)]
    assert mine.peps == (D(2024, 11, 1), D(2025, 3, 1))
    assert facts_for(m.Child.objects.filter(pk__in=[])) == {}
