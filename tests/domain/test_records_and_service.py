"""Records, access requests and service-level dates: W13 and W14."""

from datetime import date

from hearth.domain.calendar import LeapDay, birthday, plan_by
from hearth.domain.leaving_care import Span
from hearth.domain.obligations import ChildFacts, Episode, MissingEpisode, RecordsRequest, obligations_for
from hearth.domain.obligations.records import records_request_due, retain_until
from hearth.domain.obligations.service import (
    entitlements_update_due,
    local_offer_review,
    reg44_next_visit_window,
    reg44_report_due,
)
from hearth.domain.policy import DatePolicy, Policy
from tests.domain.helpers import MET, MET_LATE, find

D = date


def test_w13_it_handles_a_leap_day_birthday_through_every_milestone() -> None:
    sam = D(2008, 2, 29)
    assert birthday(sam, 18) == D(2026, 3, 1)
    assert birthday(sam, 18, LeapDay.FEB28) == D(2026, 2, 28)
    assert birthday(sam, 21) == D(2029, 3, 1)
    assert birthday(sam, 25) == D(2033, 3, 1)
    assert retain_until(sam, None) == D(2083, 3, 1)
    assert retain_until(sam, None, Policy(dates=DatePolicy(leap_day=LeapDay.FEB28))) == D(2083, 2, 28)


def test_w13_it_supports_staying_put_to_the_day_before_a_leap_day_21st_birthday() -> None:
    sam = ChildFacts(
        dob=D(2008, 2, 29), episodes=(Episode(D(2019, 1, 1), None, "C2", "U4"),), staying_put=(Span(D(2026, 3, 1)),)
    )
    assert find(obligations_for(sam, D(2026, 4, 1)), "D32").legal_due == D(2029, 2, 28)


def test_w13_it_keeps_the_record_of_a_child_who_died_for_15_years_beginning_with_the_death() -> None:
    assert retain_until(D(2008, 5, 1), D(2020, 1, 1)) == D(2034, 12, 31)
    facts = ChildFacts(dob=D(2008, 5, 1), episodes=(Episode(D(2015, 1, 1), D(2020, 1, 1), "C2", "U4", "E2"),))
    obs = obligations_for(facts, D(2020, 6, 1))
    assert find(obs, "D55").legal_due == D(2034, 12, 31)
    assert all(o.status.value != "open" for o in obs if o.rule_id != "D55")


def test_w13_it_keeps_a_care_leavers_record_to_the_75th_birthday() -> None:
    assert retain_until(D(2008, 6, 3), None) == D(2083, 6, 3)


def test_w13_it_gives_a_month_to_answer_a_records_request_or_three_if_extended() -> None:
    assert records_request_due(D(2026, 11, 2)) == D(2026, 12, 2)
    assert records_request_due(D(2026, 11, 2), extended=True) == D(2027, 2, 2)
    assert records_request_due(D(2018, 5, 1)) == D(2018, 6, 10)  # 40 days before UK GDPR
    facts = ChildFacts(
        dob=D(2004, 1, 1), records_requests=(RecordsRequest(D(2026, 11, 2), completed_on=D(2026, 12, 3)),)
    )
    request = find(obligations_for(facts, D(2027, 1, 1)), "D56")
    assert (request.legal_due, request.status, request.rule_version) == (D(2026, 12, 2), MET_LATE, "2018")


def test_it_offers_a_return_interview_within_72_hours() -> None:
    facts = ChildFacts(dob=D(2012, 1, 1), missing_episodes=(MissingEpisode(D(2026, 5, 1), D(2026, 5, 4)),))
    interview = find(obligations_for(facts, D(2026, 6, 1)), "D59")
    assert (interview.legal_due, interview.status) == (D(2026, 5, 4), MET)


def test_w14_it_dates_the_local_offer_review_and_the_update_to_care_leavers() -> None:
    window = local_offer_review(D(2018, 4, 1))
    assert (window.opens, window.due) == (D(2020, 4, 1), D(2021, 4, 1))
    assert local_offer_review(D(2021, 3, 15)).due == D(2024, 3, 15)
    assert entitlements_update_due(D(2021, 3, 15)) == D(2021, 4, 15)


def test_w14_it_requires_a_reg44_visit_in_the_next_calendar_month() -> None:
    window = reg44_next_visit_window(D(2026, 9, 28))
    assert (window.opens, window.due) == (D(2026, 10, 1), D(2026, 10, 31))
    assert reg44_report_due(D(2026, 9, 28)) == D(2026, 10, 28)


def test_w12_it_plans_a_weekend_deadline_for_the_friday_before() -> None:
    assert plan_by(D(2026, 9, 6)) == D(2026, 9, 4)
