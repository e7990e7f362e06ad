"""Turning 18 and 21: Staying Put (D31, D32) and the post-21 conversation (D36), §3.C.

D31: the Staying Put decision recorded 3 m before the 18th birthday (guidance + local, L).
D32: support a Staying Put arrangement for a former relevant young person who was placed with a
council foster carer (IFA included) immediately before 18, until the day before 21 (CA 1989
s23CZA, S, from 13 May 2014). D36: talk about support after 21 three months before the 21st
birthday; the exit evaluation a month after 21 is Lancashire practice, off by default (L).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from hearth.domain.calendar import add_months
from hearth.domain.leaving_care import Span
from hearth.domain.obligations.base import Kind, Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context, first_on_or_after
from hearth.domain.obligations.facts import FOSTER_PLACEMENTS

ONE_DAY = timedelta(days=1)
STAYING_PUT_DECISION = Rule(
    "D31", "Staying Put decision recorded", "Staying Put guidance; local timescale", Strength.L, Role.SOCIAL_WORKER
)
STAYING_PUT = Rule(
    "D32", "Staying Put support", "CA 1989 s23CZA", Strength.S, Role.COUNCIL, effective_from=date(2014, 5, 13)
)
PRE_21 = Rule(
    "D36", "Conversation about support after 21", "local practice (Cambridgeshire)", Strength.L, Role.PERSONAL_ADVISER
)
EXIT_EVALUATION = Rule(
    "D36.exit", "Exit evaluation at 21", "local practice (Lancashire)", Strength.L, Role.PERSONAL_ADVISER
)
RULES = (STAYING_PUT_DECISION, STAYING_PUT, PRE_21, EXIT_EVALUATION)


def generate(ctx: Context) -> Iterator[Obligation]:
    lc = ctx.policy.leaving_care
    eligible_from = ctx.profile.eligible_from
    if eligible_from is not None and eligible_from <= ctx.as_of:
        due = add_months(ctx.d18, -lc.staying_put_decision_months_before_18)
        placement = ctx.placement_on(min(due, ctx.as_of))
        rule = ctx.version((STAYING_PUT_DECISION,), eligible_from)
        if rule and placement is not None and placement.code in FOSTER_PLACEMENTS:
            done = first_on_or_after(ctx.dates("staying_put_decisions"), ctx.d16)
            yield ctx.make(
                rule, trigger=eligible_from, legal_due=due, completed_on=done, closes_on=placement.end + ONE_DAY
            )
    if ctx.d18 > ctx.as_of or not ctx.profile.former_relevant:  # the cheap test first
        return
    yield from _staying_put(ctx)
    rule = ctx.version((PRE_21,), ctx.d18)
    if rule:
        done = first_on_or_after(ctx.dates("post21_discussions"), ctx.d18)
        yield ctx.make(
            rule,
            trigger=ctx.d18,
            legal_due=add_months(ctx.d21, -lc.pre21_discussion_months),
            completed_on=done,
            closes_on=ctx.death,
        )
    rule = ctx.version((EXIT_EVALUATION,), ctx.d21)
    if rule and lc.exit_evaluation_enabled and ctx.d21 <= ctx.as_of:
        done = first_on_or_after(ctx.dates("exit_evaluations"), add_months(ctx.d21, -3))
        yield ctx.make(rule, trigger=ctx.d21, legal_due=add_months(ctx.d21, 1), completed_on=done, closes_on=ctx.death)


def _staying_put(ctx: Context) -> Iterator[Obligation]:
    last_child_day = ctx.d18 - ONE_DAY
    placement = ctx.placement_on(last_child_day)
    if placement is None or placement.code not in FOSTER_PLACEMENTS:
        return
    spells = list(ctx.facts.staying_put) + [
        Span(a.start, a.end) for a in ctx.facts.accommodation if a.type_code == "STAYING_PUT"
    ]
    spell = next(
        (s for s in spells if s.start <= ctx.d18 + timedelta(days=7) and (s.end is None or s.end >= ctx.d18)), None
    )
    rule = ctx.version((STAYING_PUT,), ctx.d18)
    if spell is None or rule is None:
        return
    until = ctx.birthday(ctx.policy.leaving_care.staying_put_end_age) - ONE_DAY
    ended = spell.end if spell.end is not None and spell.end < until else None
    if ctx.death is not None and ctx.death < until:
        ended = min(ended or ctx.death, ctx.death)
    yield ctx.make(
        rule,
        trigger=ctx.d18,
        legal_due=until,
        completed_on=ended,
        kind=Kind.DUTY_PERIOD,
        note="support the arrangement until the day before the 21st birthday",
    )
