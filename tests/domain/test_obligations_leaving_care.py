"""Leaving-care duties: worked examples W5 (dates), W6-W11 (statutory-duties.md §6)."""

from dataclasses import replace
from datetime import date

from hearth.domain.calendar import add_months, plan_by
from hearth.domain.leaving_care import Detention, DetentionKind, Span, SupportRequest
from hearth.domain.obligations import (
    AccommodationSpell,
    ChildFacts,
    Contact,
    Episode,
    Obligation,
    PaAllocation,
    obligations_for,
)
from hearth.domain.obligations.accommodation import automatic_priority_need
from hearth.domain.obligations.context import Context
from hearth.domain.policy import DEFAULT_POLICY, AccommodationPolicy, BnbPolicy, LeavingCarePolicy, PaVisitScope, Policy
from tests.domain.helpers import MET, MET_LATE, MISSED, OPEN, find, ids

D = date


def in_care(
    dob: date, start: date, end: date | None = None, placement: str = "U4", reason: str | None = None, ls: str = "C2"
) -> Episode:
    return Episode(start, end, ls, placement, reason)


def test_w5_b_it_dates_the_pa_and_assessment_from_eligibility() -> None:
    facts = ChildFacts(dob=D(2010, 3, 15), episodes=(in_care(D(2010, 3, 15), D(2026, 2, 1)),))
    obs = obligations_for(facts, D(2026, 6, 1))
    pa = find(obs, "D25")
    assert (pa.legal_due, pa.plan_by) == (D(2026, 5, 2), D(2026, 5, 1))
    assessment = find(obs, "D20")
    assert (assessment.legal_due, assessment.plan_by) == (D(2026, 8, 2), D(2026, 7, 31))
    assert find(obs, "D21").target_due == D(2026, 5, 2)


def test_w5_c_it_keeps_the_assessment_date_after_the_young_person_leaves_care() -> None:
    facts = ChildFacts(
        dob=D(2010, 3, 15),
        episodes=(in_care(D(2010, 3, 15), D(2026, 1, 10), D(2026, 4, 24), "U6", "E4A", "V2"),),
        living_with_parent=(Span(D(2026, 4, 25)),),
    )
    assert find(obligations_for(facts, D(2026, 5, 1)), "D20").legal_due == D(2026, 7, 10)


def test_w5_e_and_f_it_dates_the_assessment_three_months_after_eligibility() -> None:
    e = ChildFacts(
        dob=D(2010, 3, 15),
        episodes=(Episode(D(2024, 3, 15), D(2024, 6, 13), "V2", "U6", "E4A"), Episode(D(2027, 6, 1), None, "V2", "U6")),
    )
    assert find(obligations_for(e, D(2027, 6, 2)), "D20").legal_due == D(2027, 9, 1)
    f = ChildFacts(dob=D(2010, 10, 1), episodes=(Episode(D(2027, 1, 5), None, "J1", "R5"),))
    obs = obligations_for(f, D(2027, 4, 6))
    assert find(obs, "D07").legal_due == D(2027, 2, 2)
    assert find(obs, "D46").legal_due == D(2027, 1, 19)
    assert find(obs, "D20").legal_due == D(2027, 7, 5)
    assert "D02" not in ids(obs)  # the DPP replaces the care plan


PRIYA = ChildFacts(dob=D(2010, 8, 20), episodes=(Episode(D(2022, 1, 1), None, "C2", "U4"),))


def test_w6_it_keeps_the_statutory_pa_date_whatever_the_local_target() -> None:
    obs = obligations_for(PRIYA, D(2026, 9, 1))
    pa = find(obs, "D25")
    assert (pa.legal_due, pa.target_due, pa.status, pa.days_overdue) == (D(2026, 8, 20), None, OPEN, 12)
    assert find(obs, "D20").legal_due == D(2026, 11, 20)
    plan = find(obs, "D21")
    assert (plan.legal_due, plan.target_due) == (D(2026, 11, 20), D(2026, 8, 20))
    half = obligations_for(PRIYA, D(2026, 9, 1), Policy(leaving_care=LeavingCarePolicy(pa_local_target_age=16.5)))
    pa = find(half, "D25")
    assert (pa.legal_due, pa.target_due, pa.is_overdue, pa.target_met) == (D(2026, 8, 20), D(2027, 2, 20), True, None)
    assert plan_by(D(2027, 2, 20)) == D(2027, 2, 19)
    seventeen = obligations_for(PRIYA, D(2026, 9, 1), Policy(leaving_care=LeavingCarePolicy(pa_local_target_age=17)))
    assert find(seventeen, "D25").target_due == D(2027, 8, 20)


MIA = ChildFacts(
    dob=D(2008, 3, 14),
    episodes=(Episode(D(2019, 1, 1), None, "C2", "U4"),),
    reviews=(D(2026, 1, 20),),
    pa_allocations=(PaAllocation(D(2024, 3, 1)),),
    staying_put_decisions=(D(2025, 12, 5),),
    staying_put=(Span(D(2026, 3, 14)),),
    pathway_plans=(D(2024, 3, 1),),
)


def test_w7_it_moves_a_young_person_turning_18_in_foster_care_to_staying_put() -> None:
    obs = obligations_for(MIA, D(2026, 4, 1))
    decision = find(obs, "D31")
    assert (decision.legal_due, decision.status) == (D(2025, 12, 14), MET)
    staying_put = find(obs, "D32")
    assert (staying_put.trigger_date, staying_put.legal_due, staying_put.status) == (
        D(2026, 3, 14),
        D(2029, 3, 13),
        OPEN,
    )
    assert find(obs, "D23").legal_due == D(2026, 7, 20)  # 6 m after the last LAC review
    assert find(obs, "D25").status is MET
    assert "D26" not in ids(obs)
    assert all(o.closes_on == D(2026, 3, 14) for o in obs if o.rule_id in ("D07", "D09"))
    keep_in_touch = find(obs, "D28")
    assert keep_in_touch.closes_on == D(2029, 3, 14)  # statutory until Tue 13 Mar 2029
    assert find(obs, "D55").legal_due == D(2083, 3, 14)
    assert add_months(D(2026, 3, 14), 3) == D(2026, 6, 14)  # KPI: Staying Put status snapshot at 18 + 3 m


def test_w7_it_dates_the_next_review_from_the_review_held_and_the_post_21_conversation() -> None:
    facts = replace(MIA, pathway_plan_reviews=(D(2026, 7, 20),))
    obs = obligations_for(facts, D(2029, 3, 20), Policy(leaving_care=LeavingCarePolicy(exit_evaluation_enabled=True)))
    assert find(obs, "D23", 2).legal_due == D(2027, 1, 20)
    assert find(obs, "D36").legal_due == D(2028, 12, 14)
    assert find(obs, "D36.exit").legal_due == D(2029, 4, 14)
    assert find(obs, "D32").status is MET  # duty period over


def chloe(
    *spells: AccommodationSpell, contacts: tuple[Contact, ...] = (), reviews: tuple[date, ...] = ()
) -> ChildFacts:
    # Chloe, 17, relevant: left care on 31 Jul 2026 after years in care.
    return ChildFacts(
        dob=D(2009, 1, 10),
        episodes=(Episode(D(2020, 1, 1), D(2026, 7, 31), "V2", "U6", "E5"),),
        accommodation=spells,
        contacts=contacts,
        pathway_plan_reviews=reviews,
    )


def test_w8_it_sets_pa_visits_after_a_move_and_after_the_next_review() -> None:
    spell = AccommodationSpell(D(2026, 9, 4), D(2026, 12, 13), "SEMI_INDEPENDENT", suitability_checked_on=D(2026, 9, 4))
    facts = chloe(
        spell,
        AccommodationSpell(D(2026, 12, 14), None, "SUPPORTED_LODGINGS"),
        contacts=(
            Contact(D(2026, 9, 10), follows_move=True),
            Contact(D(2026, 10, 5), in_person=True),
            Contact(D(2026, 12, 3), in_person=True),
        ),
        reviews=(D(2026, 10, 6),),
    )
    obs = obligations_for(facts, D(2026, 12, 15))
    assert find(obs, "D41", trigger=D(2026, 9, 4)).status is MET
    move = find(obs, "D26", trigger=D(2026, 9, 4))
    assert (move.legal_due, move.status) == (D(2026, 9, 11), MET)
    assert find(obs, "D27.before_review").status is MET
    two_monthly = find(obs, "D27", 1)
    assert (two_monthly.legal_due, two_monthly.plan_by, two_monthly.status) == (D(2026, 12, 6), D(2026, 12, 4), MET)
    assert "D27" not in {o.rule_id for o in obs if o.occurrence == 2}  # the move on 14 Dec restarts the cycle
    assert find(obs, "D26", trigger=D(2026, 12, 14)).legal_due == D(2026, 12, 21)
    accommodation_review = find(obs, "D24", 1, trigger=D(2026, 9, 4))
    assert (accommodation_review.legal_due, accommodation_review.strength.value) == (D(2026, 10, 8), "national")
    stays = chloe(
        AccommodationSpell(D(2026, 9, 4), None, "SEMI_INDEPENDENT"),
        contacts=(Contact(D(2026, 10, 5), in_person=True), Contact(D(2026, 12, 3), in_person=True)),
        reviews=(D(2026, 10, 6),),
    )
    obs = obligations_for(stays, D(2026, 12, 15))
    assert find(obs, "D27", 2).legal_due == D(2027, 2, 3)
    assert find(obs, "D24", 2).legal_due == D(2027, 1, 6)  # with D24 the next review is 3 m on
    assert find(obs, "D23").legal_due == D(2027, 4, 6)  # the ordinary 6-monthly review


def test_w8_it_skips_pa_move_visits_for_a_private_flat_when_scope_is_council_provided_only() -> None:
    facts = chloe(AccommodationSpell(D(2026, 9, 4), None, "INDEPENDENT_TENANCY", council_provided=False))
    narrow = Policy(leaving_care=LeavingCarePolicy(pa_visit_scope=PaVisitScope.LA_PROVIDED_ONLY))
    assert "D26" not in ids(obligations_for(facts, D(2026, 10, 1), narrow))
    assert "D26" in ids(obligations_for(facts, D(2026, 10, 1)))


SARA = ChildFacts(
    dob=D(2004, 7, 9),
    episodes=(Episode(D(2018, 1, 1), None, "C2", "K2"),),
    support_requests=(SupportRequest(D(2026, 10, 12)),),
    needs_assessments=(D(2026, 11, 6),),
    pathway_plans=(D(2022, 7, 1), D(2026, 11, 18)),
    contacts=(Contact(D(2026, 7, 9)),),
)


def test_w9_it_gives_local_timescales_to_a_request_for_support_at_22() -> None:
    obs = obligations_for(SARA, D(2026, 11, 20))
    assert find(obs, "D34.pa").legal_due == D(2026, 10, 26)
    assessment = find(obs, "D34.assessment")
    assert (assessment.legal_due, assessment.status) == (D(2026, 11, 9), MET)
    plan = find(obs, "D34.plan")
    assert (plan.legal_due, plan.status) == (D(2026, 11, 20), MET)
    assert find(obs, "D23", trigger=D(2026, 11, 18)).legal_due == D(2027, 5, 18)
    assert not [o for o in obs if o.rule_id == "D28" and o.trigger_date >= D(2025, 7, 9)]
    assert not automatic_priority_need(Context(SARA, D(2026, 11, 20), Policy()).profile, D(2026, 10, 12))
    reminder = find(obs, "D29")
    assert (reminder.legal_due, reminder.status) == (D(2026, 7, 9), MET)


def test_w10_a_it_adds_custody_duties_for_a_former_relevant_young_person() -> None:
    jordan = ChildFacts(
        dob=D(2007, 2, 2),
        episodes=(Episode(D(2020, 1, 1), None, "C2", "U4"),),
        pathway_plan_reviews=(D(2026, 9, 10), D(2026, 12, 1)),
        contacts=(Contact(D(2026, 11, 4), in_person=True),),
        detentions=(Detention(D(2026, 11, 4), D(2027, 5, 3), DetentionKind.CUSTODY, expected_release=D(2027, 5, 4)),),
        accommodation=(AccommodationSpell(D(2027, 5, 4), None, "SUPPORTED_HOUSING"),),
    )
    obs = obligations_for(jordan, D(2027, 5, 5))
    assert find(obs, "D50.visit").legal_due == D(2026, 11, 18)
    review = find(obs, "D50.review")
    assert (review.legal_due, review.status) == (D(2026, 12, 2), MET)
    assert find(obs, "D50.release").legal_due == D(2027, 3, 9)
    assert find(obs, "D23", 1).legal_due == D(2027, 3, 10)  # met early by the custody review
    assert find(obs, "D23", 2).legal_due == D(2027, 6, 1)
    assert find(obs, "D28", 2, trigger=D(2026, 11, 4)).legal_due == D(2027, 1, 4)
    assert find(obs, "D26", trigger=D(2027, 5, 4)).legal_due == D(2027, 5, 11)
    assert automatic_priority_need(Context(jordan, D(2027, 5, 5), Policy()).profile, D(2027, 5, 4))


def test_w10_b_it_requires_a_visit_to_a_sentenced_child_who_is_not_relevant() -> None:
    kyle = ChildFacts(dob=D(2010, 10, 1), episodes=(Episode(D(2027, 1, 5), D(2027, 3, 1), "J1", "R5", "E9"),))
    obs = obligations_for(kyle, D(2027, 3, 2))
    assert find(obs, "D49").legal_due == D(2027, 3, 15)
    assert find(obs, "D46").legal_due == D(2027, 1, 19)
    assert find(obs, "D07").legal_due == D(2027, 2, 2)


def test_w10_c_it_treats_a_child_sentenced_after_eligibility_as_a_relevant_child_in_custody() -> None:
    kyle = ChildFacts(
        dob=D(2010, 10, 1),
        episodes=(Episode(D(2027, 1, 5), D(2027, 4, 20), "J1", "R5", "E9"),),
        detentions=(Detention(D(2027, 4, 20), None, DetentionKind.CUSTODY),),
    )
    obs = obligations_for(kyle, D(2027, 4, 22))
    assert "D49" not in ids(obs)
    assert find(obs, "D25").legal_due == D(2027, 4, 5)
    assert find(obs, "D20").legal_due == D(2027, 7, 5)
    assert "D50.visit" in ids(obs)


FRI_22_MAY, TUE_26_MAY = D(2026, 5, 22), D(2026, 5, 26)


def ella(policy: Policy = DEFAULT_POLICY, start: date = FRI_22_MAY, end: date = TUE_26_MAY) -> list[Obligation]:
    facts = ChildFacts(
        dob=D(2010, 2, 3),
        episodes=(Episode(D(2021, 1, 1), D(2026, 4, 30), "V2", "U6", "E5"),),
        accommodation=(
            AccommodationSpell(start, end, "BED_AND_BREAKFAST"),
            AccommodationSpell(end, None, "SUPPORTED_LODGINGS"),
        ),
    )
    return obligations_for(facts, D(2026, 6, 1), policy)


def test_w11_it_records_a_bnb_placement_as_a_breach_on_the_day_by_default() -> None:
    obs = ella()
    bnb = find(obs, "D42")
    assert (bnb.legal_due, bnb.plan_by, bnb.status, bnb.rule_version) == (
        D(2026, 5, 22),
        D(2026, 5, 22),
        MISSED,
        "2023",
    )
    assert find(obs, "D43.16_17").status is MISSED
    assert find(obs, "D41", trigger=D(2026, 5, 26)).legal_due == D(2026, 5, 26)
    assert find(obs, "D26", trigger=D(2026, 5, 26)).legal_due == D(2026, 6, 2)


def test_w11_it_allows_two_working_days_under_the_legacy_rule() -> None:
    legacy = Policy(accommodation=AccommodationPolicy(bnb_policy=BnbPolicy.EXCEPTIONAL_MAX_WD))
    bnb = find(ella(legacy), "D42")
    assert (bnb.legal_due, bnb.status) == (D(2026, 5, 26), MET)
    late = find(ella(legacy, end=D(2026, 5, 27)), "D42")
    assert late.status is MET_LATE
    exclusive = Policy(
        accommodation=AccommodationPolicy(bnb_policy=BnbPolicy.EXCEPTIONAL_MAX_WD, bnb_day_count_inclusive=False)
    )
    assert find(ella(exclusive, end=D(2026, 5, 27)), "D42").status is MET  # breach only on Thu 28
    assert find(ella(legacy, start=D(2026, 4, 2), end=D(2026, 4, 7)), "D42").legal_due == D(2026, 4, 7)
