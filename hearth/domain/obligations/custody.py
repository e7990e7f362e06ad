"""Custody: D49 visits to a child who left care on sentence, D50 care leavers in custody (§3.E).

D49: a child who stops being looked after because of a custodial sentence and is not a relevant
child is visited within 10 working days (VFLACD Regs 2010 reg 4, S; verify whether the clock
runs from detention or notification). D50: for a relevant or former relevant young person in
custody the duties continue; the visit, review and release-planning dates are local defaults (L).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from hearth.domain.calendar import add_working_days
from hearth.domain.leaving_care import DetentionKind, LeavingCareCategory
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context, first_on_or_after, in_leaving_care_support, sorted_dates
from hearth.domain.obligations.facts import SENTENCED_REASON

ONE_DAY = timedelta(days=1)
DETENTION_VISIT = Rule(
    "D49",
    "Visit to a child in custody who has left care",
    "VFLACD Regs 2010 reg 4 (verify)",
    Strength.S,
    Role.SOCIAL_WORKER,
)
CUSTODY_VISIT = Rule(
    "D50.visit", "PA visit in custody", "CA 1989 s23B-s23C; local timescale", Strength.L, Role.PERSONAL_ADVISER
)
CUSTODY_REVIEW = Rule(
    "D50.review",
    "Pathway plan review on entering custody",
    "CLR reg 7; local timescale",
    Strength.L,
    Role.PERSONAL_ADVISER,
)
RELEASE_PLANNING = Rule("D50.release", "Release-planning review", "local timescale", Strength.L, Role.PERSONAL_ADVISER)
RULES = (DETENTION_VISIT, CUSTODY_VISIT, CUSTODY_REVIEW, RELEASE_PLANNING)


def generate(ctx: Context) -> Iterator[Obligation]:
    cp = ctx.policy.custody
    visits = ctx.dates("visits")
    for p in ctx.periods:
        last = p.episodes[-1]
        if last.reason_ceased != SENTENCED_REASON or last.end is None or last.end > ctx.as_of:
            continue
        sentenced = last.end
        after = ctx.status_on(p.end + ONE_DAY)
        if after is not None and after.status.category is LeavingCareCategory.RELEVANT:
            continue  # a relevant child in custody: D50 instead (W10 c)
        rule = ctx.version((DETENTION_VISIT,), sentenced)
        if rule and sentenced < ctx.d18:
            yield ctx.make(
                rule,
                trigger=sentenced,
                legal_due=add_working_days(sentenced, cp.detention_visit_wd),
                completed_on=first_on_or_after(visits, sentenced, ctx.d18),
                closes_on=ctx.d18,
            )
    in_person = sorted_dates(c.on for c in ctx.facts.contacts if c.in_person or c.follows_move)
    reviews = ctx.dates("pathway_plan_reviews")
    for d in ctx.facts.detentions:
        if d.kind is not DetentionKind.CUSTODY or d.start > ctx.as_of:
            continue
        # On the first day in custody a remanded child may still be looked after: judge the day after too.
        spans = (ctx.status_on(d.start), ctx.status_on(d.start + ONE_DAY))
        if not any(span is not None and in_leaving_care_support(span) for span in spans):
            continue
        closes = d.end + ONE_DAY if d.end is not None else None
        items: list[tuple[Rule, date, tuple[date, ...], date]] = [
            (CUSTODY_VISIT, add_working_days(d.start, cp.custody_visit_wd), in_person, d.start),
            (CUSTODY_REVIEW, add_working_days(d.start, cp.custody_review_wd), reviews, d.start),
        ]
        if d.expected_release is not None:
            due = d.expected_release - timedelta(weeks=cp.release_planning_weeks)
            items.append((RELEASE_PLANNING, due, reviews, due - timedelta(weeks=cp.release_planning_weeks)))
        for rule_, due, events, since in items:
            rule = ctx.version((rule_,), d.start)
            if rule:
                yield ctx.make(
                    rule,
                    trigger=d.start,
                    legal_due=due,
                    completed_on=first_on_or_after(events, since, closes),
                    closes_on=closes,
                )
