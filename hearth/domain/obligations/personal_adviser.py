"""Personal advisers: allocation (D25), visit after a move (D26), two-monthly visits (D27), §3.C.

D25: a PA from the day the young person becomes eligible or relevant (CA 1989 Sch 2 para 19C,
s23B(2), S); a council's later local target never hides the statutory date (§0.3 point 4).
D26: visit at the new accommodation within 7 days of a move (CLR reg 8(2)(a), S; the sources
disagree on which moves, `pa_visit_scope`). D27: a visit before the next pathway plan review,
then at most two months apart (CLR reg 8(2)(b)-(c), S).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from hearth.domain.calendar import age_date
from hearth.domain.leaving_care import LeavingCareCategory, StatusSpan, Tier
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context, first_on_or_after, in_leaving_care_support, sorted_dates
from hearth.domain.policy import PaVisitScope

ONE_DAY = timedelta(days=1)
PA_ALLOCATED = Rule(
    "D25", "Personal adviser allocated", "CA 1989 Sch 2 para 19C, s23B(2), s23CA", Strength.S, Role.COUNCIL
)
MOVE_VISIT = Rule("D26", "PA visit at the new accommodation", "CLR reg 8(2)(a)", Strength.S, Role.PERSONAL_ADVISER)
VISIT_BEFORE_REVIEW = Rule(
    "D27.before_review", "PA visit before the pathway plan review", "CLR reg 8(2)(b)", Strength.S, Role.PERSONAL_ADVISER
)
TWO_MONTHLY_VISIT = Rule("D27", "Two-monthly PA visit", "CLR reg 8(2)(c)", Strength.S, Role.PERSONAL_ADVISER)
RULES = (PA_ALLOCATED, MOVE_VISIT, VISIT_BEFORE_REVIEW, TWO_MONTHLY_VISIT)


def _needs_pa(span: StatusSpan) -> bool:
    """Eligible, relevant or former relevant with live duties; requests at 21-24 are D34."""
    if span.status.category is LeavingCareCategory.ELIGIBLE:
        return True
    return in_leaving_care_support(span) and span.status.tier is not Tier.FR_21_24_ACTIVE


def generate(ctx: Context) -> Iterator[Obligation]:
    yield from _allocation(ctx)
    yield from _visits(ctx)


def _allocation(ctx: Context) -> Iterator[Obligation]:
    lc = ctx.policy.leaving_care
    allocations = sorted(ctx.facts.pa_allocations, key=lambda a: a.start)
    for s, e, _ in ctx.merged_spans(_needs_pa):
        rule = ctx.version((PA_ALLOCATED,), s)
        if rule is None or s > ctx.as_of:
            continue
        legal_due = s
        if lc.sw_acts_as_pa_until_age is not None:
            # The council records that the social worker acts as PA until this age (Appendix A).
            legal_due = max(s, age_date(ctx.facts.dob, lc.sw_acts_as_pa_until_age, ctx.leap))
        target = None
        if lc.pa_local_target_age is not None:  # "or when eligible, if later" (W6)
            target = max(s, age_date(ctx.facts.dob, lc.pa_local_target_age, ctx.leap))
        closes = e + ONE_DAY if e is not None else None
        done = next((max(a.start, s) for a in allocations if a.end is None or a.end >= s), None)
        if done is not None and closes is not None and done >= closes:
            done = None
        yield ctx.make(rule, trigger=s, legal_due=legal_due, target_due=target, completed_on=done, closes_on=closes)


def _visits(ctx: Context) -> Iterator[Obligation]:
    lc = ctx.policy.leaving_care
    in_person = sorted_dates(c.on for c in ctx.facts.contacts if c.in_person or c.follows_move)
    reviews = ctx.dates("pathway_plan_reviews")
    for spell in ctx.facts.accommodation:
        span = ctx.status_on(spell.start)
        if spell.start > ctx.as_of or span is None or not in_leaving_care_support(span):
            continue
        if lc.pa_visit_scope is PaVisitScope.LA_PROVIDED_ONLY and not spell.council_provided:
            continue
        closes = spell.end + ONE_DAY if spell.end is not None else None
        run_end = ctx.support_run_end(spell.start)
        if run_end is not None:
            closes = min(closes, run_end + ONE_DAY) if closes is not None else run_end + ONE_DAY
        rule = ctx.version((MOVE_VISIT,), spell.start)
        first_visit = first_on_or_after(in_person, spell.start, closes)
        if rule:
            yield ctx.make(
                rule,
                trigger=spell.start,
                legal_due=spell.start + timedelta(days=lc.pa_move_visit_days),
                completed_on=first_visit,
                closes_on=closes,
            )
        review = first_on_or_after(reviews, spell.start, closes)
        if review is None or review > ctx.as_of:
            continue
        rule = ctx.version((VISIT_BEFORE_REVIEW,), spell.start)
        if rule:
            after = (first_visit + ONE_DAY) if first_visit is not None and first_visit < review else spell.start
            yield ctx.make(
                rule,
                trigger=spell.start,
                legal_due=review,
                completed_on=first_on_or_after(in_person, after, review + ONE_DAY),
                closes_on=review + ONE_DAY,
            )
        rule = ctx.version((TWO_MONTHLY_VISIT,), review)
        if rule:
            yield from ctx.recurring(
                rule,
                trigger=review,
                first_due=ctx.two_monthly(review),
                events=in_person,
                next_due=lambda d, n: ctx.two_monthly(d),
                closes_on=closes,
                not_before=review + ONE_DAY,
            )
