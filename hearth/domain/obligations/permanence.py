"""Care proceedings and adoption timescales: D51-D54 (§3.F)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from hearth.domain.calendar import add_years
from hearth.domain.obligations.base import Kind, Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context
from hearth.domain.policy import DEFAULT_POLICY, Policy

PROCEEDINGS = Rule(
    "D51",
    "Care proceedings concluded",
    "CA 1989 s32 (CFA 2014 s14)",
    Strength.S,
    Role.COUNCIL,
    effective_from=date(2014, 4, 22),
)
ADOPTION_MATCH = Rule(
    "D52", "Referral to Adoption Match", "adoption statutory guidance; register rules", Strength.S, Role.COUNCIL
)
NOT_BEFORE = Rule(
    "D53", "Adoption application not before 10 weeks in placement", "ACA 2002 s42", Strength.S, Role.COUNCIL
)
RULES = (PROCEEDINGS, ADOPTION_MATCH, NOT_BEFORE)


def proceedings_last_day(issued_on: date, extensions: int = 0, policy: Policy = DEFAULT_POLICY) -> date:
    """The last day of the 26 weeks *beginning with* the issue date, plus any 8-week extensions (§4.4)."""
    pp = policy.permanence
    return (
        issued_on
        + timedelta(weeks=pp.proceedings_weeks)
        - timedelta(days=1)
        + timedelta(weeks=pp.extension_weeks * extensions)
    )


def adoption_support_placing_council_until(order_made: date, policy: Policy = DEFAULT_POLICY) -> date:
    """D54: the placing council assesses adoption support for 3 years after the order (last day)."""
    return add_years(order_made, policy.permanence.adoption_support_years, policy.leap_day) - timedelta(days=1)


def generate(ctx: Context) -> Iterator[Obligation]:
    pp = ctx.policy.permanence
    for proc in ctx.facts.proceedings:
        rule = ctx.version((PROCEEDINGS,), proc.issued_on)
        if rule and proc.issued_on <= ctx.as_of:
            yield ctx.make(
                rule,
                trigger=proc.issued_on,
                legal_due=proceedings_last_day(proc.issued_on, proc.extensions, ctx.policy),
                completed_on=proc.concluded_on,
            )
    for dec in ctx.facts.adoption_decisions:
        rule = ctx.version((ADOPTION_MATCH,), dec.approved_on)
        if rule and dec.approved_on <= ctx.as_of:
            yield ctx.make(
                rule,
                trigger=dec.approved_on,
                legal_due=dec.approved_on + timedelta(days=pp.adoption_match_days),
                completed_on=dec.referred_on,
                closes_on=dec.matched_on,
            )
    for placement in ctx.facts.adoptive_placements:
        rule = ctx.version((NOT_BEFORE,), placement.placed_on)
        if rule and placement.placed_on <= ctx.as_of:
            yield ctx.make(
                rule,
                trigger=placement.placed_on,
                legal_due=placement.placed_on + timedelta(weeks=pp.not_before_weeks),
                completed_on=placement.application_on,
                kind=Kind.NOT_BEFORE,
            )
