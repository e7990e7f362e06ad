"""'What applies to me?' against the demonstration offer: the issue's worked examples."""

from datetime import date
from pathlib import Path

import pytest

from hearth.domain.offer import Answers, Category, Circumstance, applicable, person_from_answers
from hearth.domain.offer.catalogue import parse_offer

OFFER = parse_offer((Path(__file__).resolve().parents[3] / "hearth/offer/data/demo_offer.toml").read_text())
ENTITLEMENTS = [item.eligibility for item in OFFER.items]
AS_OF = date(2026, 11, 22)


def keys_for(answers: Answers) -> set[str]:
    return {e.key for e in applicable(ENTITLEMENTS, person_from_answers(answers), AS_OF)}


# Offered to every care leaver of the age, whatever their circumstances.
FOR_EVERYONE_16_TO_25 = {"guaranteed_interview", "mental_health", "mentor", "advocacy", "your_records", "documents",
                         "written_offer"}


def test_a_19_year_old_at_university():
    answers = Answers(age=19, in_care_now=False, in_care_13_weeks_after_14=True, in_care_after_16=True,
                      circumstances=frozenset({Circumstance.AT_UNIVERSITY}))
    assert person_from_answers(answers).category is Category.FORMER_RELEVANT
    assert keys_for(answers) == FOR_EVERYONE_16_TO_25 | {
        "setting_up_home", "council_tax", "he_bursary", "results_voucher", "priority_need", "shared_rate_exemption",
        "vacation_housing", "furniture_discount", "bike", "health_passport", "leisure_pass", "personal_adviser",
    }


def test_a_23_year_old_returning_for_support():
    answers = Answers(age=23, in_care_now=False, in_care_13_weeks_after_14=True, in_care_after_16=True)
    got = keys_for(answers)
    assert got == FOR_EVERYONE_16_TO_25 | {
        "setting_up_home", "council_tax", "shared_rate_exemption", "furniture_discount", "leisure_pass",
        "pa_on_request_21_25",
    }
    # The duties that end at 21 do not apply; the PA comes back on request.
    assert {"personal_adviser", "priority_need", "staying_put", "health_passport"}.isdisjoint(got)


def test_a_23_year_old_back_at_college_keeps_education_support():
    answers = Answers(age=23, in_care_now=False, in_care_13_weeks_after_14=True, in_care_after_16=True,
                      circumstances=frozenset({Circumstance.IN_EDUCATION}))
    assert {"education_support_to_25", "apprenticeship_bursary", "bike"} <= keys_for(answers)
    assert "fe_bursary" not in keys_for(answers)  # the 16 to 19 fund stops at 20


def test_a_17_year_old_in_foster_care_planning_staying_put():
    answers = Answers(age=17, in_care_now=True, in_care_13_weeks_after_14=True, in_care_after_16=True,
                      circumstances=frozenset({Circumstance.STAYING_PUT, Circumstance.IN_EDUCATION}))
    assert person_from_answers(answers).category is Category.ELIGIBLE
    assert keys_for(answers) == FOR_EVERYONE_16_TO_25 | {
        "setting_up_home", "fe_bursary", "apprenticeship_bursary", "safe_home_16_17", "staying_put", "bike",
        "health_passport", "leisure_pass", "personal_adviser",
    }


def test_a_former_uasc_care_leaver_aged_20():
    answers = Answers(age=20, in_care_now=False, in_care_13_weeks_after_14=True, in_care_after_16=True,
                      circumstances=frozenset({Circumstance.UASC}))
    got = keys_for(answers)
    assert {"immigration_advice", "esol"} <= got
    assert got == FOR_EVERYONE_16_TO_25 | {
        "setting_up_home", "council_tax", "priority_need", "shared_rate_exemption", "furniture_discount",
        "health_passport", "leisure_pass", "personal_adviser", "immigration_advice", "esol",
    }


def test_custody_rules_out_the_setting_up_home_allowance_for_now():
    answers = Answers(age=19, in_care_now=False, in_care_13_weeks_after_14=True, in_care_after_16=True,
                      circumstances=frozenset({Circumstance.IN_CUSTODY}))
    got = keys_for(answers)
    assert "custody_support" in got and "setting_up_home" not in got


def test_a_qualifying_care_leaver_gets_the_local_offer_only():
    answers = Answers(age=19, in_care_now=False, in_care_13_weeks_after_14=False, in_care_after_16=True)
    assert person_from_answers(answers).category is Category.QUALIFYING
    assert keys_for(answers) == FOR_EVERYONE_16_TO_25 | {"furniture_discount"}


@pytest.mark.parametrize("age", [15, 25, 30])
def test_nothing_applies_before_16_or_from_25(age):
    answers = Answers(age=age, in_care_now=False, in_care_13_weeks_after_14=True, in_care_after_16=True)
    assert keys_for(answers) == set()


def test_an_entitlement_applies_only_between_its_dates():
    from dataclasses import replace

    bursary = next(e for e in ENTITLEMENTS if e.key == "he_bursary")
    dated = replace(bursary, valid_from=date(2027, 4, 1), valid_to=date(2028, 3, 31))
    person = person_from_answers(Answers(age=19, in_care_now=False, in_care_13_weeks_after_14=True,
                                         in_care_after_16=True, circumstances=frozenset({Circumstance.AT_UNIVERSITY})))
    assert [bool(applicable([dated], person, d)) for d in (date(2027, 3, 31), date(2027, 4, 1), date(2028, 3, 31),
                                                            date(2028, 4, 1))] == [False, True, True, False]
