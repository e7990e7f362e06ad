"""Health duties for looked-after children: D12-D16 (§3.B).

IHA before the first review (CPPCR reg 7, S); RHA every 6 m under 5 and 12 m from 5, anchored
on the last actual assessment (CPPCR reg 7; PHLAC 2015, S+G); SDQ yearly at 4-16 (PHLAC, G);
dental check yearly (N); health passport by leaving care (local, L).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import assert_never

from hearth.domain.calendar import add_months, add_working_days, age_date
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context, first_on_or_after, last_on_or_before
from hearth.domain.policy import FifthBirthdayMode

ONE_DAY = timedelta(days=1)
IHA = Rule("D12", "Initial health assessment and health plan", "CPPCR reg 7; PHLAC 2015", Strength.S, Role.HEALTH)
IHA_REQUEST = Rule(
    "D12.request", "IHA requested from health", "PHLAC 2015; local timescale", Strength.L, Role.SOCIAL_WORKER
)
RHA = Rule("D13", "Review health assessment", "CPPCR reg 7; PHLAC 2015", Strength.S, Role.HEALTH)
SDQ = Rule("D14", "Strengths and Difficulties Questionnaire", "PHLAC 2015", Strength.G, Role.SOCIAL_WORKER)
DENTAL = Rule("D15", "Dental check", "national KPI", Strength.N, Role.SOCIAL_WORKER)
PASSPORT = Rule("D16", "Health passport for leaving care", "PHLAC 2015; local practice", Strength.L, Role.HEALTH)
RULES = (IHA, IHA_REQUEST, RHA, SDQ, DENTAL, PASSPORT)


def next_rha_due(ctx: Context, last: date) -> date:
    """6 m after an assessment done before the 5th birthday, else 12 m (W4)."""
    he = ctx.policy.health_education
    fifth = ctx.birthday(5)
    if last >= fifth:
        return add_months(last, he.rha_5plus_months)
    six = add_months(last, he.rha_under5_months)
    match he.fifth_birthday_mode:
        case FifthBirthdayMode.CONSERVATIVE:
            return six
        case FifthBirthdayMode.SWITCH_AT_BIRTHDAY:
            return add_months(last, he.rha_5plus_months) if six >= fifth else six
        case _:
            assert_never(he.fifth_birthday_mode)


def generate(ctx: Context) -> Iterator[Obligation]:
    he, la = ctx.policy.health_education, ctx.policy.looked_after
    assessments, requests = ctx.dates("health_assessments"), ctx.dates("health_assessment_requests")
    sdqs, dental = ctx.dates("sdqs"), ctx.dates("dental_checks")
    for p in ctx.periods:
        if p.start > ctx.as_of or p.short_breaks_only:
            continue
        closes = p.closes_on
        first_review_due = add_working_days(p.start, la.first_review_wd)
        # No IHA is needed if the child had one in the previous 3 months (reg 7).
        recent = last_on_or_before(assessments, p.start - ONE_DAY)
        anchor: date | None = None
        if recent is not None and recent >= add_months(p.start, -he.iha_recent_months):
            anchor = recent
        else:
            rule = ctx.version((IHA,), p.start)
            done = first_on_or_after(assessments, p.start, closes)
            if rule:
                yield ctx.make(rule, trigger=p.start, legal_due=first_review_due, completed_on=done, closes_on=closes)
            rule = ctx.version((IHA_REQUEST,), p.start)
            if rule:
                yield ctx.make(
                    rule,
                    trigger=p.start,
                    legal_due=ctx.target_working_days(p.start, he.iha_request_wd),
                    completed_on=first_on_or_after(requests, p.start, closes),
                    closes_on=closes,
                )
            anchor = done
        rule = ctx.version((RHA,), p.start)
        if rule and anchor is not None and anchor <= ctx.as_of:
            yield from ctx.recurring(
                rule,
                trigger=anchor,
                first_due=next_rha_due(ctx, anchor),
                events=assessments,
                next_due=lambda d, n: next_rha_due(ctx, d),
                closes_on=closes,
                not_before=anchor + ONE_DAY,
            )
        yield from _sdq(ctx, p.start, closes, sdqs)
        rule = ctx.version((DENTAL,), p.start)
        if rule:
            last = last_on_or_before(dental, p.start)
            start = last if last is not None and last >= add_months(p.start, -he.dental_months) else p.start
            yield from ctx.recurring(
                rule,
                trigger=start,
                first_due=add_months(start, he.dental_months),
                events=dental,
                next_due=lambda d, n: add_months(d, he.dental_months),
                closes_on=closes,
                not_before=start + ONE_DAY,
            )
        yield from _passport(ctx, p.start, p.end, closes)


def _sdq(ctx: Context, start: date, closes: date, sdqs: tuple[date, ...]) -> Iterator[Obligation]:
    """Yearly SDQ for ages 4-16; the first with the IHA (local default)."""
    he = ctx.policy.health_education
    window_start = max(start, ctx.birthday(4))
    window_close = min(closes, ctx.birthday(17))
    rule = ctx.version((SDQ,), window_start)
    if rule is None or window_start >= window_close or window_start > ctx.as_of:
        return
    yield from ctx.recurring(
        rule,
        trigger=window_start,
        first_due=add_working_days(window_start, ctx.policy.looked_after.first_review_wd),
        events=sdqs,
        next_due=lambda d, n: add_months(d, he.sdq_months),
        closes_on=window_close,
    )


def _passport(ctx: Context, start: date, end: date, closes: date) -> Iterator[Obligation]:
    """Health passport by the leaving date, preparation from 17 1/2 (local)."""
    prep = age_date(ctx.facts.dob, ctx.policy.health_education.health_passport_prep_age, ctx.leap)
    if not (start <= prep <= end) or prep > ctx.as_of:
        return
    rule = ctx.version((PASSPORT,), prep)
    if rule:
        done = first_on_or_after(ctx.dates("health_passports"), ctx.birthday(16))
        yield ctx.make(rule, trigger=prep, legal_due=end, completed_on=done)
