"""The record as the statutory-deadline rules see it: rows in, hearth.domain facts out.

The record keeps spells as [start, end): an accommodation, allocation or Staying Put spell ends
on the day the next begins. The rules take the last day a state held, so those ends are moved
back a day here. Episodes keep the 903's DEC, which the rules read as the 903 does (an episode
ending on the day the next starts joins it into one period of care).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from django.db.models import Prefetch, QuerySet

from hearth.domain.obligations import facts as f
from hearth.domain.policy import (
    Policy,
    PolicyVersion,
    TermWindow,
    TwoMonthly,
    policy_in_force,
)
from hearth.records.models import Allocation, Child, CouncilPolicy
from hearth.records.models.policy import parse_dates, parse_terms

_IN_PERSON = ("VISIT", "OFFICE")
_DUTY_FIELDS = {
    "CARE_PLAN": "care_plans", "PLACEMENT_PLAN": "placement_plans", "PLACEMENT_NOTICE": "placement_notices",
    "IRO_APPOINTED": "iro_appointments", "ADVOCACY_INFO": "advocacy_information",
    "HEALTH_ASSESSMENT_REQUEST": "health_assessment_requests", "HEALTH_ASSESSMENT": "health_assessments",
    "SDQ": "sdqs", "DENTAL_CHECK": "dental_checks", "HEALTH_PASSPORT": "health_passports", "PEP": "peps",
    "STAYING_PUT_DECISION": "staying_put_decisions", "POST21_DISCUSSION": "post21_discussions",
    "EXIT_EVALUATION": "exit_evaluations",
}


def _last_day(end: date | None) -> date | None:
    return end - timedelta(days=1) if end is not None else None


def _dates(rows: Iterable, attr: str) -> tuple[date, ...]:
    return tuple(sorted(getattr(r, attr) for r in rows))


def with_facts(children: QuerySet[Child]) -> QuerySet[Child]:
    """Children with every relation the rules read, fetched in one query per relation."""
    return children.prefetch_related(
        "episodes", "reviews", "contacts", "needs_assessments", "pathway_plans__reviews", "accommodation",
        "staying_put", "support_requests", "missing_episodes", "duty_records",
        Prefetch("allocations", queryset=Allocation.objects.filter(role="PERSONAL_ADVISER"), to_attr="pa_allocations"),
    )


def child_facts(child: Child) -> f.ChildFacts:
    """One child's facts, from a child fetched through `with_facts`."""
    duties: dict[str, list[date]] = defaultdict(list)
    for record in child.duty_records.all():
        duties[_DUTY_FIELDS[record.duty]].append(record.completed_on)
    plans = list(child.pathway_plans.all())
    contacts = sorted(child.contacts.all(), key=lambda c: c.date)
    return f.ChildFacts(
        dob=child.dob,
        date_of_death=child.date_of_death,
        episodes=tuple(
            f.Episode(start=e.decom, end=e.dec, legal_status=e.ls, placement=e.place, reason_ceased=e.rec or None,
                      reason_new=e.rne, placement_id=e.pl_post or None)
            for e in sorted(child.episodes.all(), key=lambda e: e.decom)
        ),
        reviews=_dates(child.reviews.all(), "review"),
        visits=tuple(c.date for c in contacts if c.kind == "VISIT"),
        contacts=tuple(f.Contact(on=c.date, in_person=c.kind in _IN_PERSON, follows_move=c.follows_move) for c in contacts),
        needs_assessments=_dates(child.needs_assessments.all(), "completed_on"),
        pathway_plans=_dates(plans, "agreed_on"),
        pathway_plan_reviews=tuple(sorted(r.reviewed_on for p in plans for r in p.reviews.all())),
        pa_allocations=tuple(
            f.PaAllocation(start=a.start, end=_last_day(a.end)) for a in sorted(child.pa_allocations, key=lambda a: a.start)
        ),
        accommodation=tuple(
            f.AccommodationSpell(start=a.start, end=_last_day(a.end), type_code=a.accommodation_type)
            for a in sorted(child.accommodation.all(), key=lambda a: a.start)
        ),
        staying_put=tuple(f.Span(s.start, _last_day(s.end)) for s in child.staying_put.all()),
        support_requests=tuple(
            f.SupportRequest(requested_on=r.received_on, withdrawn_on=r.outcome_on if r.outcome == "WITHDRAWN" else None)
            for r in child.support_requests.all()
        ),
        # The record holds whether a return interview was taken, not its date: a taken interview
        # is counted on the day the child returned.
        missing_episodes=tuple(
            f.MissingEpisode(returned_on=m.mis_end, interview_on=m.mis_end if m.return_interview_taken else None)
            for m in child.missing_episodes.all() if m.mis_end
        ),
        **{name: tuple(sorted(days)) for name, days in duties.items()},
    )


def _as_policy(row: CouncilPolicy) -> Policy:
    base = Policy()
    return replace(
        base,
        calendar=replace(base.calendar, extra_closure_days=frozenset(parse_dates(row.closure_days))),
        dates=replace(base.dates, two_monthly=TwoMonthly(row.two_monthly)),
        looked_after=replace(base.looked_after, visit_interval_days=row.visit_interval_days,
                              longterm_interval_months=row.longterm_interval_months),
        health_education=replace(base.health_education,
                                  pep_terms=tuple(TermWindow(s, e) for s, e in parse_terms(row.pep_terms))),
        leaving_care=replace(base.leaving_care, contact_fallback_months=row.contact_frequency_months,
                              pa_local_target_age=float(row.pa_allocation_age) if row.pa_allocation_age else None),
        disabled_rules=frozenset(r.strip().upper() for r in row.disabled_rules.split(",") if r.strip()),
    )


def policy_on(day: date) -> Policy:
    """The council's policy in force on a day (the reference's defaults before any is set)."""
    versions = [PolicyVersion(row.effective_from, _as_policy(row)) for row in CouncilPolicy.objects.all()]
    return policy_in_force(versions, day)

