"""Policy defaults, effective-dated lookup, configuration warnings and the timeliness summary."""

from datetime import date

from hearth.domain.calendar import LeapDay
from hearth.domain.obligations import ChildFacts, Episode, Waiver, obligations_for
from hearth.domain.obligations.registry import RULES, rule_ids
from hearth.domain.obligations.timeliness import timeliness
from hearth.domain.policy import (
    DEFAULT_POLICY,
    BnbPolicy,
    CalendarPolicy,
    DatePolicy,
    LeavingCarePolicy,
    Policy,
    PolicyVersion,
    TwoMonthly,
    WeekendDuePolicy,
    policy_in_force,
    policy_warnings,
)
from tests.domain.helpers import find

D = date


def test_it_defaults_to_the_appendix_a_settings() -> None:
    p = DEFAULT_POLICY
    assert p.leap_day is LeapDay.MAR1
    assert p.dates.two_monthly is TwoMonthly.TWO_MONTHS
    assert p.calendar.weekend_due_policy is WeekendDuePolicy.PREVIOUS_WORKING_DAY
    assert p.categories.threshold_days == 91
    assert p.looked_after.first_review_wd == 20 and p.looked_after.visit_interval_days == 42
    assert p.leaving_care.pa_local_target_age is None and p.leaving_care.keep_in_touch_until_age == 21
    assert p.accommodation.bnb_policy is BnbPolicy.NEVER
    assert p.records.retention_years_from_dob == 75
    assert policy_warnings(p) == []


def test_it_picks_the_policy_in_force_on_a_date() -> None:
    first = Policy(leaving_care=LeavingCarePolicy(pa_local_target_age=17))
    second = Policy(leaving_care=LeavingCarePolicy(pa_local_target_age=16.5))
    versions = [PolicyVersion(D(2024, 4, 1), second), PolicyVersion(D(2016, 4, 1), first)]
    assert policy_in_force(versions, D(2015, 1, 1)) is DEFAULT_POLICY
    assert policy_in_force(versions, D(2020, 1, 1)) is first
    assert policy_in_force(versions, D(2024, 4, 1)) is second


def test_it_warns_when_a_local_pa_target_is_later_than_eligibility() -> None:
    warnings = policy_warnings(Policy(leaving_care=LeavingCarePolicy(pa_local_target_age=17.5)))
    assert [w.code for w in warnings] == ["pa_target_after_eligibility"]


def test_it_uses_eight_weeks_for_two_monthly_when_the_council_says_so() -> None:
    from hearth.domain.obligations.context import Context

    ctx = Context(
        ChildFacts(dob=D(2009, 1, 1)), D(2026, 1, 1), Policy(dates=DatePolicy(two_monthly=TwoMonthly.EIGHT_WEEKS))
    )
    assert ctx.two_monthly(D(2026, 10, 6)) == D(2026, 12, 1)


def test_it_shows_the_legal_date_as_plan_by_when_the_council_keeps_it() -> None:
    keep = Policy(calendar=CalendarPolicy(weekend_due_policy=WeekendDuePolicy.KEEP))
    facts = ChildFacts(
        dob=D(2016, 6, 15), episodes=(Episode(D(2026, 1, 7), None, "V2", "U6"),), reviews=(D(2026, 2, 3),)
    )
    second = find(obligations_for(facts, D(2026, 3, 1), keep), "D07", 2)
    assert second.plan_by == second.legal_due == D(2026, 5, 3)


def test_it_lists_every_rule_once_with_a_source_and_strength() -> None:
    assert len({(r.rule_id, r.version) for r in RULES}) == len(RULES)
    assert all(r.source and r.title for r in RULES)
    assert {
        "D02",
        "D07",
        "D09",
        "D12",
        "D13",
        "D20",
        "D21",
        "D23",
        "D25",
        "D26",
        "D27",
        "D28",
        "D32",
        "D42",
        "D55",
    } <= set(rule_ids())


def test_it_lets_a_council_switch_a_local_rule_off() -> None:
    facts = ChildFacts(dob=D(2016, 6, 15), episodes=(Episode(D(2026, 1, 7), None, "V2", "U6"),))
    obs = obligations_for(facts, D(2026, 1, 8), Policy(disabled_rules=frozenset({"D11", "D12.request"})))
    assert not {"D11", "D12.request"} & {o.rule_id for o in obs}


def test_it_records_a_waiver_with_its_reason() -> None:
    facts = ChildFacts(
        dob=D(2016, 6, 15),
        episodes=(Episode(D(2026, 1, 7), None, "V2", "U6"),),
        waivers=(Waiver("D11", D(2026, 1, 7), "child too unwell; given on 2 Feb"),),
    )
    advocacy = find(obligations_for(facts, D(2026, 3, 1)), "D11")
    assert (advocacy.status.value, advocacy.note) == ("waived", "child too unwell; given on 2 Feb")


def test_it_counts_obligations_due_in_a_period_and_how_many_were_met_on_time() -> None:
    facts = ChildFacts(
        dob=D(2016, 6, 15),
        episodes=(Episode(D(2026, 1, 7), None, "V2", "U6"),),
        visits=(D(2026, 1, 12), D(2026, 3, 1), D(2026, 4, 1)),
        reviews=(D(2026, 2, 3),),
    )
    obs = obligations_for(facts, D(2026, 6, 30))
    rows = {r.rule_id: r for r in timeliness(obs, D(2026, 1, 1), D(2026, 6, 30))}
    visits = rows["D09"]
    # due 14 Jan (met 12 Jan), 23 Feb (met late 1 Mar), 12 Apr (met 1 Apr), 13 May (open past due)
    assert (visits.due, visits.met_on_time, visits.met_late, visits.missed, visits.still_open) == (4, 2, 1, 0, 1)
    assert visits.rate == 0.5
    assert rows["D07"].met_on_time == 1
    assert "D55" not in rows
    assert timeliness([], D(2026, 1, 1), D(2026, 6, 30)) == []
