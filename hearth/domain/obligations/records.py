"""Records and information: retention (D55), access requests (D56), return interviews (D59)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from hearth.domain.calendar import add_months, add_years
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength
from hearth.domain.obligations.context import Context
from hearth.domain.policy import DEFAULT_POLICY, Policy

UK_GDPR = date(2018, 5, 25)
RETENTION = Rule(
    "D55", "Case record retention review", "CPPCR reg 50", Strength.S, Role.RECORDS, effective_from=date(1900, 1, 1)
)
SAR_1998 = Rule(
    "D56",
    "Records request answered (40 days)",
    "Data Protection Act 1998 s7",
    Strength.S,
    Role.RECORDS,
    version="1998",
    effective_from=date(2000, 3, 1),
    effective_to=UK_GDPR - timedelta(days=1),
)
SAR = Rule(
    "D56",
    "Records request answered",
    "UK GDPR art. 12(3), 15; DPA 2018",
    Strength.S,
    Role.RECORDS,
    version="2018",
    effective_from=UK_GDPR,
)
RETURN_INTERVIEW = Rule(
    "D59",
    "Return interview offered",
    "missing children statutory guidance 2014",
    Strength.G,
    Role.COUNCIL,
    effective_from=date(2014, 1, 1),
)
RULES = (RETENTION, SAR_1998, SAR, RETURN_INTERVIEW)


def retain_until(dob: date, date_of_death: date | None, policy: Policy = DEFAULT_POLICY) -> date:
    """Keep until the 75th birthday; a child who died before 18: 15 years *beginning with* the death (W13)."""
    rp = policy.records
    if date_of_death is not None and date_of_death < add_years(dob, 18, policy.leap_day):
        return add_years(date_of_death, rp.retention_years_after_death_u18, policy.leap_day) - timedelta(days=1)
    return add_years(dob, rp.retention_years_from_dob, policy.leap_day)


def records_request_due(received_on: date, extended: bool = False, policy: Policy = DEFAULT_POLICY) -> date:
    """1 month (3 with the complexity extension); 40 days for requests before 25 May 2018."""
    if received_on < UK_GDPR:
        return received_on + timedelta(days=40)
    rp = policy.records
    return add_months(received_on, rp.sar_months + (rp.sar_extension_months if extended else 0))


def generate(ctx: Context) -> Iterator[Obligation]:
    f = ctx.facts
    rule = ctx.version((RETENTION,), f.dob)
    if rule:
        # Death closes every obligation except this one (§2.5 case 14).
        yield ctx.make(
            rule, trigger=f.dob, legal_due=retain_until(f.dob, ctx.death, ctx.policy), completed_on=f.record_reviewed_on
        )
    for req in f.records_requests:
        rule = ctx.version((SAR_1998, SAR), req.received_on)
        if rule and req.received_on <= ctx.as_of:
            yield ctx.make(
                rule,
                trigger=req.received_on,
                legal_due=records_request_due(req.received_on, req.extended, ctx.policy),
                completed_on=req.completed_on,
            )
    for ep in f.missing_episodes:
        rule = ctx.version((RETURN_INTERVIEW,), ep.returned_on)
        if rule and ep.returned_on <= ctx.as_of:
            due = ep.returned_on + timedelta(days=ctx.policy.records.rhi_hours // 24)  # date precision (§3.G)
            yield ctx.make(rule, trigger=ep.returned_on, legal_due=due, completed_on=ep.interview_on)
