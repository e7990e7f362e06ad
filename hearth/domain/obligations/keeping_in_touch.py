"""Keeping in touch (D28) and re-contact after declining support (D29), §3.C.

D28: take reasonable steps to keep in touch with relevant and former relevant young people
(CA 1989 s23B(1), s23C(2), S) until 21, or while on an agreed education programme; 25 is a
local option (`keep_in_touch_until_age`, L). Next contact = last contact + the plan frequency,
falling back to 2 months. D29: periodic re-contact of a former relevant young person aged
21-24 who has no active request (local, 12-monthly by default; W9).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from hearth.domain.calendar import add_months
from hearth.domain.leaving_care import LeavingCareCategory, StatusSpan, Tier
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context, last_on_or_before, sorted_dates

ONE_DAY = timedelta(days=1)
KEEP_IN_TOUCH = Rule("D28", "Keep in touch", "CA 1989 s23B(1), s23C(2)", Strength.S, Role.PERSONAL_ADVISER)
KEEP_IN_TOUCH_LOCAL = Rule(
    "D28.local", "Keep in touch (local, 21-24)", "local offer (to 25)", Strength.L, Role.PERSONAL_ADVISER
)
RECONTACT = Rule(
    "D29", "Re-contact after declining support", "Vol 3 guidance; local cadence", Strength.L, Role.PERSONAL_ADVISER
)
RULES = (KEEP_IN_TOUCH, KEEP_IN_TOUCH_LOCAL, RECONTACT)


def _statutory(span: StatusSpan) -> bool:
    s = span.status
    return s.category is LeavingCareCategory.RELEVANT or (
        s.category is LeavingCareCategory.FORMER_RELEVANT and s.tier in (Tier.FR_18_20, Tier.FR_EDU)
    )


def _local(span: StatusSpan) -> bool:
    s = span.status
    return s.category is LeavingCareCategory.FORMER_RELEVANT and s.tier in (Tier.FR_21_24_ACTIVE, Tier.FR_21_24_DORMANT)


def _dormant(span: StatusSpan) -> bool:
    return span.status.tier is Tier.FR_21_24_DORMANT


def generate(ctx: Context) -> Iterator[Obligation]:
    lc = ctx.policy.leaving_care
    contacts = sorted_dates(c.on for c in ctx.facts.contacts)
    months = ctx.facts.contact_frequency_months or lc.contact_fallback_months
    families: list[tuple[Rule, Callable[[StatusSpan], bool], int]] = [(KEEP_IN_TOUCH, _statutory, months)]
    if lc.keep_in_touch_until_age > 21:
        families.append((KEEP_IN_TOUCH_LOCAL, _local, months))
    else:
        families.append((RECONTACT, _dormant, lc.declined_recontact_months_21plus))
    for rule_, keep, interval in families:
        for s, e, _ in ctx.merged_spans(keep):
            rule = ctx.version((rule_,), s)
            if rule is None or s > ctx.as_of:
                continue
            closes = e + ONE_DAY if e is not None else None
            if rule_ is KEEP_IN_TOUCH_LOCAL:
                closes = min(closes or ctx.d25, ctx.birthday(lc.keep_in_touch_until_age))
            last = last_on_or_before(contacts, s) if rule_ is not RECONTACT else None
            anchor = last if last is not None else s

            def step(d: date, n: int, interval: int = interval) -> date:
                return add_months(d, interval)

            yield from ctx.recurring(
                rule,
                trigger=anchor,
                first_due=add_months(anchor, interval),
                events=contacts,
                next_due=step,
                closes_on=closes,
                not_before=anchor + ONE_DAY if last is not None else s,
            )
