"""Statutory social worker visits: D09 (CPPCR reg 28, S).

First visit within 7 days of each placement start; then at most 42 days apart in the first
year of the placement; after that at most 3 months apart if the placement is long-term. The
special regimes (reg 19 placements with parents, temporary connected-person approval) and the
6-monthly agreed option are not modelled yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from hearth.domain.calendar import add_months, add_years
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context
from hearth.domain.obligations.facts import LONG_TERM_FOSTER_PLACEMENTS

VISIT = Rule("D09", "Statutory visit", "CPPCR reg 28", Strength.S, Role.SOCIAL_WORKER)
RULES = (VISIT,)
ONE_DAY = timedelta(days=1)


def generate(ctx: Context) -> Iterator[Obligation]:
    la = ctx.policy.looked_after
    visits = ctx.dates("visits")
    # Built once: constructing a timedelta costs more than the date arithmetic it is used for.
    first_within, interval = timedelta(days=la.visit_first_days), timedelta(days=la.visit_interval_days)
    for p in ctx.periods:
        if p.start > ctx.as_of or p.short_breaks_only:
            continue
        for pl in p.placements:
            if pl.start > ctx.as_of:
                break
            rule = ctx.version((VISIT,), pl.start)
            if rule is None:
                continue
            year_one_ends = add_years(pl.start, 1, ctx.leap)
            long_term = pl.code in LONG_TERM_FOSTER_PLACEMENTS

            # The interval is set by when the previous visit happened (first year or after).
            def next_due(
                done_on: date, n: int, year_one_ends: date = year_one_ends, long_term: bool = long_term
            ) -> date:
                if long_term and done_on >= year_one_ends:
                    return add_months(done_on, la.longterm_interval_months)
                return done_on + interval

            yield from ctx.recurring(
                rule,
                trigger=pl.start,
                first_due=pl.start + first_within,
                events=visits,
                next_due=next_due,
                closes_on=pl.end + ONE_DAY,
            )
