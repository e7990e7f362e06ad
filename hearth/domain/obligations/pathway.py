"""Needs assessment, pathway plan and its reviews: D20, D21, D23, D24, D34 (§3.C).

D20 assessment within 3 m of becoming eligible (CPPCR reg 42, S). D21 pathway plan: the engine
uses the D20 date as the legal due (reg 43 says "as soon as possible" after it, verify) and the
16th birthday as the default local target. D23 review 6 m after the previous actual review
(CLR reg 7, S). D24 extra reviews tied to council-provided accommodation (CLR reg 7(3), verify:
reported as N until the council confirms it). D34 support on request at 21-24 (CA 1989 s23CZB,
S; the timescales are local).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import assert_never

from hearth.domain.calendar import add_months, add_working_days
from hearth.domain.leaving_care import LeavingCareCategory, Tier
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import (
    Context,
    first_on_or_after,
    in_leaving_care_support,
    last_on_or_before,
    sorted_dates,
)
from hearth.domain.policy import PathwayPlanTarget

ONE_DAY = timedelta(days=1)
SUPPORT_TO_25 = date(2018, 4, 1)
ASSESSMENT = Rule("D20", "Needs assessment", "CPPCR reg 42", Strength.S, Role.SOCIAL_WORKER)
PATHWAY_PLAN = Rule("D21", "Pathway plan", "CPPCR reg 43; CLR Sch 1", Strength.S, Role.SOCIAL_WORKER)
PP_REVIEW = Rule("D23", "Pathway plan review", "CLR reg 7", Strength.S, Role.PERSONAL_ADVISER)
ACC_REVIEW_N = Rule(
    "D24",
    "Pathway plan review after new accommodation",
    "CLR reg 7(3) (verify)",
    Strength.N,
    Role.PERSONAL_ADVISER,
    version="unverified",
)
ACC_REVIEW_S = Rule(
    "D24",
    "Pathway plan review after new accommodation",
    "CLR reg 7(3)",
    Strength.S,
    Role.PERSONAL_ADVISER,
    version="confirmed",
)
REQ_PA = Rule(
    "D34.pa",
    "PA allocated after a request at 21-24",
    "CA 1989 s23CZB; local timescale",
    Strength.L,
    Role.COUNCIL,
    effective_from=SUPPORT_TO_25,
)
REQ_ASSESSMENT = Rule(
    "D34.assessment",
    "Needs assessment after a request at 21-24",
    "CA 1989 s23CZB; local timescale",
    Strength.L,
    Role.PERSONAL_ADVISER,
    effective_from=SUPPORT_TO_25,
)
REQ_PLAN = Rule(
    "D34.plan",
    "Pathway plan after a request at 21-24",
    "CA 1989 s23CZB; local timescale",
    Strength.L,
    Role.PERSONAL_ADVISER,
    effective_from=SUPPORT_TO_25,
)
RULES = (ASSESSMENT, PATHWAY_PLAN, PP_REVIEW, ACC_REVIEW_N, ACC_REVIEW_S, REQ_PA, REQ_ASSESSMENT, REQ_PLAN)


def leaving_care_start(ctx: Context) -> date | None:
    """When leaving-care planning starts: eligible_from, or first relevant day (CLR reg 3(2) route)."""
    if ctx.profile.eligible_from is not None:
        return ctx.profile.eligible_from
    for span in ctx.spans:
        if span.status.category is LeavingCareCategory.RELEVANT:
            return span.start
    return None


def _plan_target(ctx: Context, start: date) -> date | None:
    match ctx.policy.leaving_care.pathway_plan_target:
        case PathwayPlanTarget.BY_16TH_BIRTHDAY:
            return max(ctx.d16, start)
        case PathwayPlanTarget.REVIEW_NEAREST_16TH:
            reviews = ctx.facts.reviews
            return min(reviews, key=lambda r: abs((r - ctx.d16).days)) if reviews else None
        case PathwayPlanTarget.STATUTORY_ONLY:
            return None
        case _:
            assert_never(ctx.policy.leaving_care.pathway_plan_target)


def generate(ctx: Context) -> Iterator[Obligation]:
    lc = ctx.policy.leaving_care
    plans, pp_reviews = ctx.dates("pathway_plans"), ctx.dates("pathway_plan_reviews")
    assessments = ctx.dates("needs_assessments")
    start = leaving_care_start(ctx)
    if start is not None and start <= ctx.as_of:
        # Kept open after leaving care (W5 C); it can no longer be done once the duties end.
        closes = ctx.d21 if ctx.profile.former_relevant else ctx.d18
        if ctx.death is not None:
            closes = min(closes, ctx.death)
        due = add_months(start, lc.assessment_months)
        since = ctx.birthday(15)  # work started before eligibility counts
        rule = ctx.version((ASSESSMENT,), start)
        if rule:
            yield ctx.make(
                rule,
                trigger=start,
                legal_due=due,
                completed_on=first_on_or_after(assessments, since, closes),
                closes_on=closes,
            )
        rule = ctx.version((PATHWAY_PLAN,), start)
        if rule:
            yield ctx.make(
                rule,
                trigger=start,
                legal_due=due,
                target_due=_plan_target(ctx, start),
                completed_on=first_on_or_after(plans, since, closes),
                closes_on=closes,
            )
    yield from _reviews(ctx, plans, pp_reviews)
    yield from _accommodation_reviews(ctx, pp_reviews)
    yield from _requests(ctx, plans, assessments)


def _reviews(ctx: Context, plans: tuple[date, ...], pp_reviews: tuple[date, ...]) -> Iterator[Obligation]:
    lc = ctx.policy.leaving_care
    eligible_from = ctx.profile.eligible_from
    lac_reviews = [r for r in ctx.facts.reviews if eligible_from is not None and eligible_from <= r < ctx.d18]
    anchors = sorted_dates((*plans, *pp_reviews, *lac_reviews))  # a LAC review while eligible counts (W7)
    reviews = sorted_dates((*plans, *pp_reviews))
    for s, e, first in ctx.merged_spans(in_leaving_care_support):
        if first.status.tier is Tier.FR_21_24_ACTIVE:
            anchor = first_on_or_after(plans, s)  # the plan made after the request (W9)
        else:
            anchor = last_on_or_before(anchors, s) or first_on_or_after(anchors, s)
        rule = ctx.version((PP_REVIEW,), s)
        if anchor is None or rule is None or anchor > ctx.as_of:
            continue
        yield from ctx.recurring(
            rule,
            trigger=anchor,
            first_due=add_months(anchor, lc.pp_review_months),
            events=reviews,
            next_due=lambda d, n: add_months(d, lc.pp_review_months),
            closes_on=e + ONE_DAY if e is not None else None,
            not_before=anchor + ONE_DAY,
        )


def _accommodation_reviews(ctx: Context, pp_reviews: tuple[date, ...]) -> Iterator[Obligation]:
    lc = ctx.policy.leaving_care
    versions = (ACC_REVIEW_S,) if lc.acc_review_is_breach else (ACC_REVIEW_N,)
    for spell in ctx.facts.accommodation:
        span = ctx.status_on(spell.start)
        if not spell.council_provided or spell.start > ctx.as_of or span is None or not in_leaving_care_support(span):
            continue
        rule = ctx.version(versions, spell.start)
        if rule is None:
            continue
        period_end = spell.start + timedelta(days=lc.acc_review_days - 1)  # last of the first 28 days
        yield from ctx.recurring(
            rule,
            trigger=spell.start,
            first_due=add_working_days(period_end, lc.acc_review_grace_wd),
            events=pp_reviews,
            next_due=lambda d, n: add_months(d, lc.acc_review_then_months),
            closes_on=spell.end + ONE_DAY if spell.end is not None else None,
            not_before=period_end + ONE_DAY,
        )


def _requests(ctx: Context, plans: tuple[date, ...], assessments: tuple[date, ...]) -> Iterator[Obligation]:
    lc = ctx.policy.leaving_care
    if not ctx.facts.support_requests or not ctx.profile.former_relevant:  # the cheap test first
        return
    allocations = sorted(ctx.facts.pa_allocations, key=lambda a: a.start)
    for req in ctx.facts.support_requests:
        r = req.requested_on
        if r > ctx.as_of or r < ctx.d21 or r >= ctx.d25:
            continue
        closes = min(req.withdrawn_on or ctx.d25, ctx.d25)
        rule = ctx.version((REQ_PA,), r)
        if rule:
            pa = next((max(a.start, r) for a in allocations if a.end is None or a.end >= r), None)
            yield ctx.make(
                rule, trigger=r, legal_due=add_working_days(r, lc.req_pa_wd), completed_on=pa, closes_on=closes
            )
        assessed = first_on_or_after(assessments, r, closes)
        assessment_due = add_working_days(r, lc.req_assessment_wd)
        rule = ctx.version((REQ_ASSESSMENT,), r)
        if rule:
            yield ctx.make(rule, trigger=r, legal_due=assessment_due, completed_on=assessed, closes_on=closes)
        rule = ctx.version((REQ_PLAN,), r)
        if rule:
            base = assessed if assessed is not None and assessed <= ctx.as_of else assessment_due
            yield ctx.make(
                rule,
                trigger=r,
                legal_due=add_working_days(base, lc.req_plan_wd),
                completed_on=first_on_or_after(plans, r, closes),
                closes_on=closes,
            )
