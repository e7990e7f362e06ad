"""Accommodation for 16- and 17-year-olds: D41-D43 (§3.D).

D41: suitable accommodation for a relevant young person, checked on the move date (CA 1989
s23B(8); CLR reg 9, Sch 2, S). D42: bed and breakfast. Since 28 Oct 2023 only Ofsted-registered
supported accommodation is lawful for 16-17s (SA Regs 2023), so by default any B&B is a breach
on the day; the 2015 guidance rule (exceptional, at most 2 working days, §4.3) applies to older
records and to councils that keep it. D43: no unregulated placements for under-16s since 9 Sep
2021 and for 16-17s since 28 Oct 2023 (CPPCR 2021 amendment; SA Regs 2023, S).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import assert_never

from hearth.domain.calendar import birthday, duration_limit_last_day
from hearth.domain.leaving_care import LeavingCareCategory, LeavingCareProfile
from hearth.domain.obligations.base import Kind, Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context
from hearth.domain.obligations.facts import BED_AND_BREAKFAST, UNREGISTERED_SUPPORTED, UNREGULATED_PLACEMENTS
from hearth.domain.policy import DEFAULT_POLICY, BnbPolicy, Policy

ONE_DAY = timedelta(days=1)
SUPPORTED_ACCOMMODATION_REGS = date(2023, 10, 28)
SUITABILITY = Rule(
    "D41",
    "Suitability check and contingency plan",
    "CA 1989 s23B(8); CLR reg 9, Sch 2",
    Strength.S,
    Role.PERSONAL_ADVISER,
)
BNB_LEGACY = Rule(
    "D42",
    "B&B for a 16/17-year-old: out within 2 working days",
    "Vol 3 (2015 update)",
    Strength.G,
    Role.COUNCIL,
    version="2015",
    effective_from=date(2015, 1, 1),
    effective_to=SUPPORTED_ACCOMMODATION_REGS - ONE_DAY,
)
BNB = Rule(
    "D42",
    "B&B for a 16/17-year-old",
    "SA Regs 2023; Vol 3; Homelessness Code of Guidance",
    Strength.S,
    Role.COUNCIL,
    version="2023",
    effective_from=SUPPORTED_ACCOMMODATION_REGS,
)
UNREGULATED_UNDER_16 = Rule(
    "D43.under16",
    "Unregulated placement of a child under 16",
    "CPPCR (2021 amendment)",
    Strength.S,
    Role.COUNCIL,
    effective_from=date(2021, 9, 9),
)
UNREGISTERED_16_17 = Rule(
    "D43.16_17",
    "16/17-year-old not in registered supported accommodation",
    "SA Regs 2023",
    Strength.S,
    Role.COUNCIL,
    effective_from=SUPPORTED_ACCOMMODATION_REGS,
)
RULES = (SUITABILITY, BNB_LEGACY, BNB, UNREGULATED_UNDER_16, UNREGISTERED_16_17)
UNDER_18_IN_SCOPE = frozenset(
    {LeavingCareCategory.LOOKED_AFTER, LeavingCareCategory.ELIGIBLE, LeavingCareCategory.RELEVANT}
)


def generate(ctx: Context) -> Iterator[Obligation]:
    acc = ctx.policy.accommodation
    for spell in ctx.facts.accommodation:
        if spell.start > ctx.as_of:
            continue
        span = ctx.status_on(spell.start)
        category = span.status.category if span is not None else LeavingCareCategory.NONE
        rule = ctx.version((SUITABILITY,), spell.start)
        if rule and category is LeavingCareCategory.RELEVANT:
            yield ctx.make(rule, trigger=spell.start, legal_due=spell.start, completed_on=spell.suitability_checked_on)
        aged_16_17 = ctx.d16 <= spell.start < ctx.d18
        if not aged_16_17 or category not in UNDER_18_IN_SCOPE:
            continue
        if spell.type_code == BED_AND_BREAKFAST:
            rule = ctx.version((BNB_LEGACY, BNB), spell.start)
            if rule is not None:
                mode = BnbPolicy.EXCEPTIONAL_MAX_WD if rule is BNB_LEGACY else acc.bnb_policy
                match mode:
                    case BnbPolicy.NEVER:
                        yield ctx.make(
                            rule,
                            trigger=spell.start,
                            legal_due=spell.start,
                            completed_on=spell.end,
                            kind=Kind.BREACH,
                            note="B&B is never suitable: escalate and plan the move out",
                        )
                    case BnbPolicy.EXCEPTIONAL_MAX_WD:
                        last = duration_limit_last_day(
                            spell.start, acc.bnb_max_wd, inclusive=acc.bnb_day_count_inclusive
                        )
                        yield ctx.make(rule, trigger=spell.start, legal_due=last, completed_on=spell.end)
                    case _:
                        assert_never(mode)
        if spell.type_code in UNREGISTERED_SUPPORTED:
            rule = ctx.version((UNREGISTERED_16_17,), spell.start)
            if rule:
                yield ctx.make(
                    rule, trigger=spell.start, legal_due=spell.start, completed_on=spell.end, kind=Kind.BREACH
                )
    for p in ctx.periods:
        for pl in p.placements:
            if pl.start > ctx.as_of or pl.code not in UNREGULATED_PLACEMENTS:
                continue
            rule = ctx.version((UNREGULATED_UNDER_16,) if pl.start < ctx.d16 else (UNREGISTERED_16_17,), pl.start)
            if rule:
                yield ctx.make(rule, trigger=pl.start, legal_due=pl.start, completed_on=pl.end, kind=Kind.BREACH)


def automatic_priority_need(profile: LeavingCareProfile, on: date, policy: Policy = DEFAULT_POLICY) -> bool:
    """D45 flag for the housing authority: a care leaver aged 18-20 who was looked after at any time
    at 16 or 17 has priority need automatically (Priority Need Order 2002 art. 4, S). From 21 it
    depends on vulnerability (art. 5), which is a judgement, so the flag is False."""
    until = birthday(profile.facts.dob, policy.accommodation.priority_need_auto_until_age, policy.leap_day)
    if not (profile.d18 <= on < until):
        return False
    return any(iv.end >= profile.d16 for iv in profile.lac)
