"""LAC reviews: D07 (CPPCR regs 32-33, S). D22 (the pathway plan reviewed within each LAC review
while the young person is eligible) shares these dates, so it is not a separate obligation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from hearth.domain.calendar import add_months, add_working_days
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context

LAC_REVIEW = Rule("D07", "LAC review", "CPPCR regs 32-33", Strength.S, Role.IRO)
RULES = (LAC_REVIEW,)


def generate(ctx: Context) -> Iterator[Obligation]:
    la = ctx.policy.looked_after
    reviews = ctx.dates("reviews")

    def next_due(done_on: date, n: int) -> date:
        # 2nd review 3 m after the 1st actually held; later ones 6 m after the previous (W2).
        return add_months(done_on, la.second_review_months if n == 1 else la.later_review_months)

    for p in ctx.periods:
        if p.start > ctx.as_of or p.short_breaks_only:
            continue
        rule = ctx.version((LAC_REVIEW,), p.start)
        if rule is None:
            continue
        # An early review counts in the sequence (W2 c), so any review held is the next one.
        yield from ctx.recurring(
            rule,
            trigger=p.start,
            first_due=add_working_days(p.start, la.first_review_wd),
            events=reviews,
            next_due=next_due,
            closes_on=p.closes_on,
        )
