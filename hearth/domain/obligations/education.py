"""Education: PEPs (D17 S+G, D18 L) and EHC plans (D19 S), §3.B.

The PEP starts with the care plan, is in place by the first review, and is reviewed at least
once in every school term. Councils load their own term dates; without them we use autumn
(Sep-Dec), spring (Jan-Mar) and summer (Apr-Jul) windows.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from typing import assert_never

from hearth.domain.calendar import add_working_days
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context, first_on_or_after
from hearth.domain.policy import PepAgeScope, TermWindow

ONE_DAY = timedelta(days=1)
FOUR_WEEKS = timedelta(days=28)  # look back this far for a PEP held just before the window opens
PEP_START = Rule("D17.start", "PEP started", "CPPCR reg 5 and Sch 1; PELAC 2018", Strength.S, Role.SOCIAL_WORKER)
PEP_IN_PLACE = Rule(
    "D17.in_place", "PEP in place for the first review", "CPPCR reg 5; PELAC 2018", Strength.S, Role.SOCIAL_WORKER
)
PEP_TERM = Rule("D17.term", "PEP review this term", "PELAC 2018", Strength.G, Role.VIRTUAL_SCHOOL)
PEP_POST16 = Rule(
    "D18", "PEP / ePEP review this term (16-18)", "local practice (Worcestershire)", Strength.L, Role.VIRTUAL_SCHOOL
)
EHCP = Rule(
    "D19", "EHC plan issued or refused", "SEND Regs 2014", Strength.S, Role.COUNCIL, effective_from=date(2014, 9, 1)
)
RULES = (PEP_START, PEP_IN_PLACE, PEP_TERM, PEP_POST16, EHCP)


@lru_cache(maxsize=1024)  # the same few year ranges for every child
def default_terms(first_year: int, last_year: int) -> tuple[TermWindow, ...]:
    terms: list[TermWindow] = []
    for y in range(first_year, last_year + 1):
        terms += [
            TermWindow(date(y, 1, 1), date(y, 3, 31)),
            TermWindow(date(y, 4, 1), date(y, 7, 31)),
            TermWindow(date(y, 9, 1), date(y, 12, 31)),
        ]
    return tuple(terms)


def _scope(ctx: Context) -> tuple[date, date]:
    """First day in scope and first day out of scope for PEPs."""
    he = ctx.policy.health_education
    match he.pep_age_scope:
        case PepAgeScope.COMPULSORY_SCHOOL_AGE:
            start = ctx.birthday(5)  # approximation: compulsory school age starts the term after 5
        case PepAgeScope.FROM_EARLY_YEARS:
            start = ctx.birthday(3)
        case _:
            assert_never(he.pep_age_scope)
    return start, ctx.birthday(he.pep_until_age if he.pep_post16 else 16)


def generate(ctx: Context) -> Iterator[Obligation]:
    f, la = ctx.facts, ctx.policy.looked_after
    peps = ctx.dates("peps")
    scope_start, scope_end = _scope(ctx)
    terms = ctx.policy.health_education.pep_terms
    for p in ctx.periods:
        if p.start > ctx.as_of or p.short_breaks_only:
            continue
        w_start, w_close = max(p.start, scope_start), min(p.closes_on, scope_end)
        if w_start >= w_close or w_start > ctx.as_of:
            continue
        in_place_due = add_working_days(w_start, la.first_review_wd)
        first_pep = first_on_or_after(peps, w_start - FOUR_WEEKS, w_close)
        for rule_, due in ((PEP_START, add_working_days(w_start, la.care_plan_wd)), (PEP_IN_PLACE, in_place_due)):
            rule = ctx.version((rule_,), w_start)
            if rule:
                yield ctx.make(rule, trigger=w_start, legal_due=due, completed_on=first_pep, closes_on=w_close)
        windows = terms or default_terms(w_start.year, min(w_close, ctx.as_of).year)
        for term in windows:
            trigger = max(term.start, w_start)
            if trigger > term.end or trigger >= w_close or trigger > ctx.as_of or term.end < in_place_due:
                continue  # the PEP put in place on entry covers a term that ends before it is due
            rule = ctx.version((PEP_POST16 if trigger >= ctx.d16 else PEP_TERM,), trigger)
            if rule:
                yield ctx.make(
                    rule,
                    trigger=trigger,
                    legal_due=term.end,
                    completed_on=first_on_or_after(peps, trigger, term.end + ONE_DAY),
                    closes_on=min(term.end + ONE_DAY, w_close),
                )
    for req in f.ehc_requests:
        rule = ctx.version((EHCP,), req.requested_on)
        if rule and req.requested_on <= ctx.as_of:
            due = req.requested_on + timedelta(weeks=ctx.policy.health_education.ehcp_weeks)
            yield ctx.make(rule, trigger=req.requested_on, legal_due=due, completed_on=req.decided_on)
