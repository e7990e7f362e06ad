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
from hashlib import sha256
from itertools import groupby
from operator import itemgetter

from django.core.exceptions import EmptyResultSet
from django.db import connection
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


# Every table the rules read, as one UNION ALL of same-shaped rows: (table, child, two dates, five
# codes, a flag). One statement instead of thirteen keeps a worklist within its query budget and
# saves a round trip per table; the rows are the same ones thirteen queries would return.
_SLOTS = ("date", "date", "varchar(20)", "varchar(20)", "varchar(20)", "varchar(20)", "varchar(20)", "boolean")
_CHILD, _EPISODE, _REVIEW, _CONTACT, _ASSESSMENT, _PLAN, _PLAN_REVIEW, _PA, _HOME, _STAYING_PUT, _REQUEST, \
    _MISSING, _DUTY = range(13)


def _tables() -> list[tuple[int, type, tuple[str, ...], str]]:
    """(tag, model, columns in slot order (None skips a slot), extra condition) per table."""
    return [
        (_EPISODE, m.Episode, ("decom", "dec", "ls", "place", "rec", "rne", "pl_post"), ""),
        (_REVIEW, m.Review, ("review",), ""),
        (_CONTACT, m.Contact, ("date", None, "kind", None, None, None, None, "follows_move"), ""),
        (_ASSESSMENT, m.NeedsAssessment, ("completed_on",), ""),
        (_PLAN, m.PathwayPlan, ("agreed_on",), ""),
        (_PA, m.Allocation, ("start", "end"), "role = 'PERSONAL_ADVISER'"),
        (_HOME, m.Accommodation, ("start", "end", "accommodation_type"), ""),
        (_STAYING_PUT, m.StayingPut, ("start", "end"), ""),
        (_REQUEST, m.SupportRequest, ("received_on", "outcome_on", "outcome"), ""),
        (_MISSING, m.MissingEpisode, ("mis_end", None, None, None, None, None, None, "return_interview_offered"),
         "mis_end IS NOT NULL"),
        (_DUTY, m.DutyRecord, ("completed_on", None, "duty"), ""),
    ]


def _facts_rows(children: QuerySet[Child]) -> list[tuple]:
    """The children's rows of every table, ordered by table, child and first date."""
    q = connection.ops.quote_name
    try:
        scope_sql, params = children.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # the scope is known to be empty (e.g. pk__in=[])
        return []

    def select(tag: int, source: str, columns, where: str = "", child: str = "child_id") -> str:
        slots = [q(c) if c else f"CAST(NULL AS {kind})" for c, kind in
                 zip(list(columns) + [None] * (len(_SLOTS) - len(columns)), _SLOTS, strict=True)]
        condition = f"{child} IN (SELECT pk FROM scope)" + (f" AND {where}" if where else "")
        return f"SELECT {tag} AS tag, {child} AS child, {', '.join(slots)} FROM {source} WHERE {condition}"

    selects = [select(_CHILD, q(m.Child._meta.db_table), ("dob", "date_of_death"), child="id")]
    selects += [select(tag, q(model._meta.db_table), columns, where) for tag, model, columns, where in _tables()]
    # Plan reviews belong to a child through their plan.
    plans, reviews = q(m.PathwayPlan._meta.db_table), q(m.PathwayPlanReview._meta.db_table)
    selects.append(select(_PLAN_REVIEW, f"{reviews} JOIN {plans} ON {plans}.id = {reviews}.plan_id",
                          ("reviewed_on",), child=f"{plans}.child_id"))
    sql = f"WITH scope (pk) AS ({scope_sql}) {' UNION ALL '.join(selects)} ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if connection.vendor == "sqlite":  # SQLite may hand back dates as text and flags as 0/1
        rows = [(t, c, _day(d1), _day(d2), *codes, None if flag is None else bool(flag))
                for t, c, d1, d2, *codes, flag in rows]
    return rows


def _day(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def facts_for(children: QuerySet[Child]) -> dict[int, f.ChildFacts]:
    """Every child's facts for the deadline rules, keyed by the child's pk, from one query."""
    tables: dict[int, dict[int, list[tuple]]] = defaultdict(dict)
    for (tag, child_id), rows in groupby(_facts_rows(children), key=itemgetter(0, 1)):
        tables[tag][child_id] = [row[2:] for row in rows]
    episodes, reviews, contacts, assessments, plans, plan_reviews, pas, homes, staying_put, requests, missing, \
        duties = (tables[tag] for tag in range(1, 13))

    out = {}
    for pk, rows in tables[_CHILD].items():
        dob, died = rows[0][:2]
        done: dict[str, list[date]] = defaultdict(list)
        for on, _, duty, *_ in duties.get(pk, ()):
            done[_DUTY_FIELDS[duty]].append(on)
        child_contacts = contacts.get(pk, ())
        out[pk] = f.ChildFacts(
            dob=dob,
            date_of_death=died,
            episodes=tuple(
                f.Episode(start=decom, end=dec, legal_status=ls, placement=place, reason_ceased=rec or None,
                          reason_new=rne, placement_id=pl_post or None)
                for decom, dec, ls, place, rec, rne, pl_post, _ in episodes.get(pk, ())
            ),
            reviews=tuple(r[0] for r in reviews.get(pk, ())),
            visits=tuple(r[0] for r in child_contacts if r[2] == "VISIT"),
            contacts=tuple(f.Contact(on=r[0], in_person=r[2] in _IN_PERSON, follows_move=r[7])
                           for r in child_contacts),
            needs_assessments=tuple(r[0] for r in assessments.get(pk, ())),
            pathway_plans=tuple(r[0] for r in plans.get(pk, ())),
            pathway_plan_reviews=tuple(r[0] for r in plan_reviews.get(pk, ())),
            pa_allocations=tuple(f.PaAllocation(start=r[0], end=_last_day(r[1])) for r in pas.get(pk, ())),
            accommodation=tuple(f.AccommodationSpell(start=r[0], end=_last_day(r[1]), type_code=r[2])
                                for r in homes.get(pk, ())),
            staying_put=tuple(f.Span(r[0], _last_day(r[1])) for r in staying_put.get(pk, ())),
            support_requests=tuple(
                f.SupportRequest(requested_on=on, withdrawn_on=decided if outcome == "WITHDRAWN" else None)
                for on, decided, outcome, *_ in requests.get(pk, ())
            ),
            # The duty (D59) is to offer a return interview; the record holds whether one was
            # offered, not the date, so an offer is counted on the day the child returned.
            missing_episodes=tuple(f.MissingEpisode(returned_on=r[0], interview_on=r[0] if r[7] else None)
                                   for r in missing.get(pk, ())),
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
    return policy_and_key_on(day)[0]


def policy_and_key_on(day: date) -> tuple[Policy, str]:
    """The policy in force on a day, and a short key that changes whenever any policy row does (for
    results kept between requests: the same key in any process means the same settings)."""
    rows = list(CouncilPolicy.objects.all())
    versions = [PolicyVersion(row.effective_from, _as_policy(row)) for row in rows]
    settings = repr([[getattr(row, field.attname) for field in row._meta.concrete_fields] for row in rows])
    return policy_in_force(versions, day), sha256(settings.encode()).hexdigest()[:16]

