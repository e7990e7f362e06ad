"""Planning when a child comes into care or moves placement: D02-D06, D11, D46 (§3.A, §3.E)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from hearth.domain.calendar import add_working_days
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context, first_on_or_after
from hearth.domain.obligations.facts import (
    CONNECTED_PERSON_PLACEMENTS,
    WITH_PARENT_PLACEMENTS,
    YOUTH_DETENTION_PLACEMENTS,
)

# A plan may be written before the child arrives; look back this far for it.
LOOK_BACK = timedelta(days=28)
ONE_DAY = timedelta(days=1)

CARE_PLAN = Rule("D02", "Care plan", "CPPCR regs 4-6", Strength.S, Role.SOCIAL_WORKER)
PLACEMENT_PLAN = Rule("D03", "Placement plan", "CPPCR reg 9", Strength.S, Role.SOCIAL_WORKER)
PLACEMENT_NOTICE = Rule(
    "D04", "Placement notice to the area authority and others", "CPPCR reg 13 (verify)", Strength.S, Role.COUNCIL
)
OUT_OF_AREA_APPROVAL = Rule(
    "D05",
    "Out-of-area placement approved before it starts",
    "CPPCR reg 11 (amended 2013/14; verify commencement)",
    Strength.S,
    Role.NOMINATED_OFFICER,
    effective_from=date(2014, 1, 1),
)
IRO_APPOINTED = Rule("D06", "IRO appointed", "CA 1989 s25A; IRO Handbook", Strength.S, Role.IRO)
ADVOCACY = Rule("D11", "Advocacy information given", "CA 1989 s26A; local timescale", Strength.L, Role.SOCIAL_WORKER)
DETENTION_PLACEMENT_PLAN = Rule(
    "D46",
    "Detention placement plan (remand to youth detention)",
    "LASPO 2012 s104; CPPCR DPP provisions (verify timescale)",
    Strength.S,
    Role.SOCIAL_WORKER,
    effective_from=date(2012, 12, 3),
)

RULES = (
    CARE_PLAN,
    PLACEMENT_PLAN,
    PLACEMENT_NOTICE,
    OUT_OF_AREA_APPROVAL,
    IRO_APPOINTED,
    ADVOCACY,
    DETENTION_PLACEMENT_PLAN,
)


def generate(ctx: Context) -> Iterator[Obligation]:
    la = ctx.policy.looked_after
    care_plans, iro, advocacy = (
        ctx.dates("care_plans"),
        ctx.dates("iro_appointments"),
        ctx.dates("advocacy_information"),
    )
    placement_plans, notices = ctx.dates("placement_plans"), ctx.dates("placement_notices")
    for p in ctx.periods:
        if p.start > ctx.as_of or p.short_breaks_only:
            continue  # reg 48 short breaks have their own, lighter regime (not modelled)
        closes = p.closes_on
        first = p.episodes[0]
        # A child remanded to youth detention has a DPP instead of a care plan (LASPO s104).
        yda = first.legal_status == "J1" and first.placement in YOUTH_DETENTION_PLACEMENTS
        plan_rule, plan_wd = (
            (DETENTION_PLACEMENT_PLAN, ctx.policy.custody.dpp_wd) if yda else (CARE_PLAN, la.care_plan_wd)
        )
        rule = ctx.version((plan_rule,), p.start)
        if rule:
            done = first_on_or_after(care_plans, p.start - LOOK_BACK, closes)
            yield ctx.make(
                rule, trigger=p.start, legal_due=add_working_days(p.start, plan_wd), completed_on=done, closes_on=closes
            )
        first_review_due = add_working_days(p.start, la.first_review_wd)
        rule = ctx.version((IRO_APPOINTED,), p.start)
        if rule:
            # Legal: before the first review. Good practice target: 5 WD.
            yield ctx.make(
                rule,
                trigger=p.start,
                legal_due=first_review_due,
                target_due=ctx.target_working_days(p.start, la.iro_allocation_wd),
                completed_on=first_on_or_after(iro, p.start - LOOK_BACK, closes),
                closes_on=closes,
            )
        rule = ctx.version((ADVOCACY,), p.start)
        if rule:
            yield ctx.make(
                rule,
                trigger=p.start,
                legal_due=ctx.target_working_days(p.start, la.advocacy_info_wd),
                completed_on=first_on_or_after(advocacy, p.start - LOOK_BACK, closes),
                closes_on=closes,
            )
        previous_start: date | None = None
        for pl in p.placements:
            if pl.start > ctx.as_of:
                break
            pl_closes = pl.end + ONE_DAY
            lower = (
                pl.start - LOOK_BACK if previous_start is None else max(previous_start + ONE_DAY, pl.start - LOOK_BACK)
            )
            previous_start = pl.start
            # Before the placement; the regulation allows 5 WD where that is not practicable.
            for plan_rule_, events, wd in (
                (PLACEMENT_PLAN, placement_plans, la.placement_plan_wd),
                (PLACEMENT_NOTICE, notices, la.placement_notice_wd),
            ):
                rule = ctx.version((plan_rule_,), pl.start)
                if rule:
                    yield ctx.make(
                        rule,
                        trigger=pl.start,
                        legal_due=add_working_days(pl.start, wd),
                        completed_on=first_on_or_after(events, lower, pl_closes),
                        closes_on=pl_closes,
                    )
            exempt = pl.code in WITH_PARENT_PLACEMENTS or pl.code in CONNECTED_PERSON_PLACEMENTS
            rule = ctx.version((OUT_OF_AREA_APPROVAL,), pl.start)
            if rule and pl.first.out_of_area and not exempt:
                # Approval must be dated on or before the move; retrospective approval is off by default.
                yield ctx.make(
                    rule,
                    trigger=pl.start,
                    legal_due=add_working_days(pl.start, la.allow_retrospective_approval_wd),
                    completed_on=pl.first.approved_on,
                )
