"""Looked-after duties: worked examples W1-W4 and W12 (statutory-duties.md §6)."""

from datetime import date

from hearth.domain.obligations import (
    AdoptionDecision,
    AdoptivePlacement,
    ChildFacts,
    Episode,
    Proceedings,
    obligations_for,
)
from hearth.domain.obligations.context import looked_after_periods
from hearth.domain.obligations.permanence import adoption_support_placing_council_until, proceedings_last_day
from hearth.domain.policy import FifthBirthdayMode, HealthEducationPolicy, Policy
from tests.domain.helpers import MET, MET_LATE, MISSED, OPEN, find

D = date
AMIRA = ChildFacts(dob=D(2016, 6, 15), episodes=(Episode(D(2026, 1, 7), None, "V2", "U6"),))


def test_w1_it_opens_a_looked_after_period_from_the_first_day() -> None:
    (period,) = looked_after_periods(AMIRA, Policy())
    assert (period.start, period.end) == (D(2026, 1, 7), D(2034, 6, 14))  # open: at most to the day before 18


def test_w1_it_sets_every_deadline_for_a_child_coming_into_care() -> None:
    obs = obligations_for(AMIRA, D(2026, 1, 8))
    assert find(obs, "D03").legal_due == D(2026, 1, 14)
    assert find(obs, "D04").legal_due == D(2026, 1, 14)
    iro = find(obs, "D06")
    assert (iro.legal_due, iro.target_due) == (D(2026, 2, 4), D(2026, 1, 14))
    assert find(obs, "D09").legal_due == D(2026, 1, 14)
    assert find(obs, "D02").legal_due == D(2026, 1, 21)
    assert find(obs, "D11").legal_due == D(2026, 1, 21)
    assert find(obs, "D17.start").legal_due == D(2026, 1, 21)
    assert find(obs, "D17.in_place").legal_due == D(2026, 2, 4)
    assert find(obs, "D12").legal_due == D(2026, 2, 4)
    assert find(obs, "D12.request").legal_due == D(2026, 1, 14)
    assert find(obs, "D14").legal_due == D(2026, 2, 4)
    assert find(obs, "D07").legal_due == D(2026, 2, 4)
    assert find(obs, "D55").legal_due == D(2091, 6, 15)
    assert all(o.status is OPEN for o in obs)


def test_w1_it_runs_each_visit_from_the_actual_previous_visit() -> None:
    facts = ChildFacts(dob=AMIRA.dob, episodes=AMIRA.episodes, visits=(D(2026, 1, 12), D(2026, 2, 23)))
    obs = obligations_for(facts, D(2026, 3, 1))
    assert find(obs, "D09", 1).status is MET
    assert find(obs, "D09", 2).legal_due == D(2026, 2, 23)
    third = find(obs, "D09", 3)
    assert (third.legal_due, third.plan_by) == (D(2026, 4, 6), D(2026, 4, 2))


def test_w1_it_dates_the_first_rha_a_year_after_the_iha_for_a_child_over_5() -> None:
    facts = ChildFacts(dob=AMIRA.dob, episodes=AMIRA.episodes, health_assessments=(D(2026, 1, 27),))
    obs = obligations_for(facts, D(2026, 2, 1))
    assert find(obs, "D12").status is MET
    assert find(obs, "D13").legal_due == D(2027, 1, 27)


def reviews(*held: date) -> list:
    return obligations_for(ChildFacts(dob=AMIRA.dob, episodes=AMIRA.episodes, reviews=held), D(2026, 12, 31))


def test_w2_a_it_dates_the_second_review_three_months_after_the_first() -> None:
    obs = reviews(D(2026, 2, 3), D(2026, 4, 28))
    assert find(obs, "D07", 1).status is MET
    second = find(obs, "D07", 2)
    assert (second.legal_due, second.plan_by, second.status) == (D(2026, 5, 3), D(2026, 5, 1), MET)
    assert find(obs, "D07", 3).legal_due == D(2026, 10, 28)


def test_w2_b_it_runs_the_clock_from_a_late_review() -> None:
    obs = reviews(D(2026, 2, 9))
    first = find(obs, "D07", 1)
    assert (first.status, first.days_overdue, first.working_days_overdue) == (MET_LATE, 5, 3)
    second = find(obs, "D07", 2)
    assert (second.legal_due, second.plan_by) == (D(2026, 5, 9), D(2026, 5, 8))


def test_w2_c_it_counts_an_early_review_as_the_next_in_the_sequence() -> None:
    obs = reviews(D(2026, 2, 3), D(2026, 3, 17))
    assert find(obs, "D07", 2).status is MET
    assert find(obs, "D07", 3).legal_due == D(2026, 9, 17)


def test_w2_d_it_starts_a_new_review_cycle_when_a_child_comes_back_into_care() -> None:
    facts = ChildFacts(
        dob=AMIRA.dob,
        episodes=(Episode(D(2026, 1, 7), D(2026, 3, 20), "V2", "U6", "E4A"), Episode(D(2026, 6, 1), None, "V2", "U6")),
        reviews=(D(2026, 2, 3),),
    )
    obs = obligations_for(facts, D(2026, 6, 2))
    # The 2nd review would have been due 3 May, after she went home: it is never generated.
    assert [o.occurrence for o in obs if o.rule_id == "D07" and o.trigger_date < D(2026, 6, 1)] == [1]
    assert find(obs, "D07", 1, trigger=D(2026, 6, 1)).legal_due == D(2026, 6, 29)


def move_facts(**episode: object) -> ChildFacts:
    return ChildFacts(
        dob=AMIRA.dob,
        episodes=(
            Episode(D(2026, 1, 7), D(2026, 11, 27), "V2", "U6", "X1"),
            Episode(D(2026, 11, 27), None, "V2", episode.pop("placement", "U6"), reason_new="P", **episode),  # type: ignore[arg-type]
        ),
        visits=(D(2026, 12, 2),),
    )


def test_w3_it_flags_an_out_of_area_approval_dated_after_the_move() -> None:
    obs = obligations_for(move_facts(out_of_area=True, approved_on=D(2026, 11, 30)), D(2026, 12, 10))
    approval = find(obs, "D05")
    assert (approval.legal_due, approval.status) == (D(2026, 11, 27), MET_LATE)
    assert find(obs, "D03", trigger=D(2026, 11, 27)).legal_due == D(2026, 12, 4)
    assert find(obs, "D04", trigger=D(2026, 11, 27)).legal_due == D(2026, 12, 4)


def test_w3_it_restarts_visits_in_the_new_placement() -> None:
    obs = obligations_for(move_facts(out_of_area=True, approved_on=D(2026, 11, 27)), D(2026, 12, 10))
    assert find(obs, "D05").status is MET
    first = find(obs, "D09", 1, trigger=D(2026, 11, 27))
    assert (first.legal_due, first.status) == (D(2026, 12, 4), MET)
    assert find(obs, "D09", 2, trigger=D(2026, 12, 2)).legal_due == D(2027, 1, 13)


def test_w3_it_exempts_a_connected_person_placement_from_approval_but_not_visits() -> None:
    obs = obligations_for(move_facts(out_of_area=True, placement="U3"), D(2026, 12, 10))
    assert not [o for o in obs if o.rule_id == "D05"]
    assert find(obs, "D09", 1, trigger=D(2026, 11, 27)).legal_due == D(2026, 12, 4)


LEO = ChildFacts(
    dob=D(2024, 11, 10),
    episodes=(Episode(D(2026, 3, 2), None, "C2", "U4"),),
    health_assessments=(D(2026, 3, 19), D(2026, 9, 15)),
)


def test_w4_it_runs_health_assessments_six_monthly_for_a_child_under_5() -> None:
    obs = obligations_for(LEO, D(2026, 10, 1))
    iha = find(obs, "D12")
    assert (iha.legal_due, iha.status) == (D(2026, 3, 30), MET)
    assert find(obs, "D07").legal_due == D(2026, 3, 30)
    first_rha = find(obs, "D13", 1)
    assert (first_rha.legal_due, first_rha.plan_by, first_rha.status) == (D(2026, 9, 19), D(2026, 9, 18), MET)
    assert find(obs, "D13", 2).legal_due == D(2027, 3, 15)


def test_w4_it_keeps_six_months_after_an_assessment_just_before_the_5th_birthday() -> None:
    facts = ChildFacts(dob=LEO.dob, episodes=LEO.episodes, health_assessments=(D(2026, 3, 19), D(2029, 9, 3)))
    due = [o for o in obligations_for(facts, D(2029, 9, 10)) if o.rule_id == "D13"][-1]
    assert (due.legal_due, due.plan_by) == (D(2030, 3, 3), D(2030, 3, 1))
    switch = Policy(health_education=HealthEducationPolicy(fifth_birthday_mode=FifthBirthdayMode.SWITCH_AT_BIRTHDAY))
    due = [o for o in obligations_for(facts, D(2029, 9, 10), switch) if o.rule_id == "D13"][-1]
    assert due.legal_due == D(2030, 9, 3)


def test_w12_it_computes_care_proceedings_and_adoption_timescales() -> None:
    assert proceedings_last_day(D(2026, 1, 12)) == D(2026, 7, 12)
    assert proceedings_last_day(D(2026, 1, 12), 1) == D(2026, 9, 6)
    facts = ChildFacts(
        dob=D(2024, 1, 1),
        episodes=(Episode(D(2026, 1, 12), D(2026, 12, 15), "C2", "A6", "E11"),),
        proceedings=(Proceedings(D(2026, 1, 12)),),
        adoption_decisions=(AdoptionDecision(D(2026, 2, 2)),),
        adoptive_placements=(AdoptivePlacement(D(2026, 6, 1), application_on=D(2026, 8, 7)),),
    )
    obs = obligations_for(facts, D(2026, 12, 20))
    d51 = find(obs, "D51")
    assert (d51.legal_due, d51.plan_by) == (D(2026, 7, 12), D(2026, 7, 10))
    d52 = find(obs, "D52")
    assert (d52.legal_due, d52.plan_by) == (D(2026, 5, 3), D(2026, 5, 1))
    d53 = find(obs, "D53")
    assert (d53.legal_due, d53.status) == (D(2026, 8, 10), MISSED)  # applied on 7 Aug: too early
    # The adoption order ends the period: the open review chain closes.
    assert all(o.closes_on is None or o.closes_on <= D(2026, 12, 15) for o in obs if o.rule_id == "D07")
    assert adoption_support_placing_council_until(D(2026, 12, 15)) == D(2029, 12, 14)
