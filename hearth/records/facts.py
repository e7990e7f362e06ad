"""The record as the statutory-deadline rules see it: rows in, hearth.domain facts out.

The record keeps spells as [start, end): an accommodation, allocation or Staying Put spell ends
on the day the next begins. The rules take the last day a state held, so those ends are moved
back a day here. Episodes keep the 903's DEC, which the rules read as the 903 does (an episode
ending on the day the next starts joins it into one period of care).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from django.db.models import QuerySet

from hearth.domain.obligations import facts as f
from hearth.domain.policy import (
    Policy,
    PolicyVersion,
    TermWindow,
    TwoMonthly,
    policy_in_force,
)
from hearth.records import models as m
from hearth.records.models import Child, CouncilPolicy
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


def _by_child(queryset, *fields: str, key: str = "child_id") -> dict[int, list[tuple]]:
    """Rows of one table as plain tuples, grouped by child: far quicker than model instances."""
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for child_id, *values in queryset.values_list(key, *fields).iterator(chunk_size=5000):
        grouped[child_id].append(tuple(values))
    return grouped


def facts_for(children: QuerySet[Child]) -> dict[int, f.ChildFacts]:
    """Every child's facts for the deadline rules, keyed by the child's pk: one query per table."""
    ids = children.values("pk")
    scoped = {"child__in": ids}
    episodes = _by_child(m.Episode.objects.filter(**scoped).order_by("decom"), "decom", "dec", "ls", "place", "rec", "rne", "pl_post")
    reviews = _by_child(m.Review.objects.filter(**scoped), "review")
    contacts = _by_child(m.Contact.objects.filter(**scoped).order_by("date"), "date", "kind", "follows_move")
    assessments = _by_child(m.NeedsAssessment.objects.filter(**scoped), "completed_on")
    plans = _by_child(m.PathwayPlan.objects.filter(**scoped), "agreed_on")
    plan_reviews = _by_child(m.PathwayPlanReview.objects.filter(plan__child__in=ids), "reviewed_on", key="plan__child_id")
    pas = _by_child(m.Allocation.objects.filter(role="PERSONAL_ADVISER", **scoped).order_by("start"), "start", "end")
    homes = _by_child(m.Accommodation.objects.filter(**scoped).order_by("start"), "start", "end", "accommodation_type")
    staying_put = _by_child(m.StayingPut.objects.filter(**scoped), "start", "end")
    requests = _by_child(m.SupportRequest.objects.filter(**scoped), "received_on", "outcome", "outcome_on")
    missing = _by_child(m.MissingEpisode.objects.filter(mis_end__isnull=False, **scoped), "mis_end", "return_interview_offered")
    duties = _by_child(m.DutyRecord.objects.filter(**scoped), "duty", "completed_on")

    out = {}
    for pk, dob, died in children.values_list("pk", "dob", "date_of_death").iterator(chunk_size=5000):
        done: dict[str, list[date]] = defaultdict(list)
        for duty, on in duties.get(pk, ()):
            done[_DUTY_FIELDS[duty]].append(on)
        child_contacts = contacts.get(pk, ())
        out[pk] = f.ChildFacts(
            dob=dob,
            date_of_death=died,
            episodes=tuple(
                f.Episode(start=decom, end=dec, legal_status=ls, placement=place, reason_ceased=rec or None,
                          reason_new=rne, placement_id=pl_post or None)
                for decom, dec, ls, place, rec, rne, pl_post in episodes.get(pk, ())
            ),
            reviews=tuple(sorted(r for (r,) in reviews.get(pk, ()))),
            visits=tuple(on for on, kind, _ in child_contacts if kind == "VISIT"),
            contacts=tuple(f.Contact(on=on, in_person=kind in _IN_PERSON, follows_move=moved)
                           for on, kind, moved in child_contacts),
            needs_assessments=tuple(sorted(d for (d,) in assessments.get(pk, ()))),
            pathway_plans=tuple(sorted(d for (d,) in plans.get(pk, ()))),
            pathway_plan_reviews=tuple(sorted(d for (d,) in plan_reviews.get(pk, ()))),
            pa_allocations=tuple(f.PaAllocation(start=s, end=_last_day(e)) for s, e in pas.get(pk, ())),
            accommodation=tuple(f.AccommodationSpell(start=s, end=_last_day(e), type_code=t) for s, e, t in homes.get(pk, ())),
            staying_put=tuple(f.Span(s, _last_day(e)) for s, e in staying_put.get(pk, ())),
            support_requests=tuple(
                f.SupportRequest(requested_on=on, withdrawn_on=decided if outcome == "WITHDRAWN" else None)
                for on, outcome, decided in requests.get(pk, ())
            ),
            # The duty (D59) is to offer a return interview; the record holds whether one was
            # offered, not the date, so an offer is counted on the day the child returned.
            missing_episodes=tuple(f.MissingEpisode(returned_on=back, interview_on=back if offered else None)
                                   for back, offered in missing.get(pk, ())),
            **{name: tuple(sorted(days)) for name, days in done.items()},
        )
    return out


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

