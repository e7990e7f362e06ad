"""Leaving-care categories: W5 cases A-H, the §2.5 edge cases, and properties of the classifier."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hearth.domain.calendar import birthday
from hearth.domain.leaving_care import (
    CarePeriod,
    Detention,
    DetentionKind,
    LeavingCareFacts,
    LeavingCareProfile,
    LegalBasis,
    Order,
    OrderKind,
    OtherAccommodation,
    OtherAccommodationKind,
    Span,
    SupportRequest,
    Tier,
    category_on,
    days_looked_after_since_14,
    legal_basis_from_903,
    looked_after_intervals,
    status_on,
    status_timeline,
)
from hearth.domain.leaving_care import (
    LeavingCareCategory as Cat,
)
from hearth.domain.policy import DEFAULT_POLICY, CategoryPolicy, DayCount, Policy, SgoAfterEligible

D = date
DOB = D(2010, 3, 15)  # W5: 14 on Fri 15 Mar 2024, 16 on Sun 15 Mar 2026, 18 on Wed 15 Mar 2028
NIGHTS = Policy(categories=CategoryPolicy(day_count=DayCount.NIGHTS))


def facts(
    *periods: tuple[date, date | None], basis: LegalBasis = LegalBasis.SECTION_20, **kw: object
) -> LeavingCareFacts:
    dob = kw.pop("dob", DOB)
    return LeavingCareFacts(dob=dob, periods=tuple(CarePeriod(s, e, basis) for s, e in periods), **kw)  # type: ignore[arg-type]


def categories_between(
    f: LeavingCareFacts, start: date, end: date, policy: Policy = DEFAULT_POLICY
) -> list[tuple[date, Cat]]:
    return [(s.start, s.status.category) for s in status_timeline(f, start, end, policy)]


def test_w5_a_it_never_makes_a_care_leaver_of_a_child_whose_care_ended_before_16() -> None:
    f = facts((D(2024, 6, 1), D(2024, 8, 31)))
    profile = LeavingCareProfile(f)
    assert days_looked_after_since_14(profile.counting, DOB, D(2030, 1, 1), Policy()) == 92
    assert days_looked_after_since_14(profile.counting, DOB, D(2030, 1, 1), NIGHTS) == 91
    assert profile.eligible_from is None
    assert {c for _, c in categories_between(f, D(2024, 9, 1), D(2036, 1, 1))} == {Cat.NONE}


def test_w5_b_it_makes_a_child_entering_at_15_eligible_on_the_91st_day() -> None:
    f = facts((D(2026, 2, 1), None))
    assert LeavingCareProfile(f).eligible_from == D(2026, 5, 2)
    assert LeavingCareProfile(f, NIGHTS).eligible_from == D(2026, 5, 3)
    assert category_on(f, D(2026, 5, 1)) is Cat.LOOKED_AFTER
    assert category_on(f, D(2026, 5, 2)) is Cat.ELIGIBLE
    assert status_on(f, D(2028, 3, 15)).tier is Tier.FR_18_20
    assert category_on(f, D(2028, 3, 14)) is Cat.ELIGIBLE


def test_w5_c_it_ends_relevant_status_after_six_months_at_home_and_restores_it_on_breakdown() -> None:
    leave = (D(2026, 1, 10), D(2026, 4, 24))
    f = facts(leave, living_with_parent=(Span(D(2026, 4, 25)),))
    assert LeavingCareProfile(f).eligible_from == D(2026, 4, 10)
    assert category_on(f, D(2026, 4, 24)) is Cat.ELIGIBLE
    assert category_on(f, D(2026, 4, 25)) is Cat.RELEVANT
    assert category_on(f, D(2026, 10, 24)) is Cat.RELEVANT
    assert category_on(f, D(2026, 10, 25)) is Cat.QUALIFYING
    assert category_on(f, D(2031, 3, 14)) is Cat.QUALIFYING  # edge case 11: qualifying, not former relevant
    assert category_on(f, D(2031, 3, 15)) is Cat.NONE
    broke_early = facts(leave, living_with_parent=(Span(D(2026, 4, 25), D(2026, 8, 31)),))
    assert category_on(broke_early, D(2026, 10, 25)) is Cat.RELEVANT
    broke_late = facts(leave, living_with_parent=(Span(D(2026, 4, 25), D(2026, 11, 30)),))
    assert category_on(broke_late, D(2026, 11, 30)) is Cat.QUALIFYING
    assert category_on(broke_late, D(2026, 12, 1)) is Cat.RELEVANT
    assert category_on(broke_late, D(2028, 3, 15)) is Cat.FORMER_RELEVANT


def test_w5_d_it_makes_a_short_stay_after_16_qualifying_until_21() -> None:
    f = facts((D(2027, 9, 1), D(2027, 10, 31)))
    assert LeavingCareProfile(f).eligible_from is None
    assert category_on(f, D(2027, 10, 31)) is Cat.LOOKED_AFTER
    assert category_on(f, D(2027, 11, 1)) is Cat.QUALIFYING
    assert category_on(f, D(2031, 3, 14)) is Cat.QUALIFYING
    assert category_on(f, D(2031, 3, 15)) is Cat.NONE


def test_w5_e_it_counts_weeks_at_14_towards_eligibility_on_re_entry_at_17() -> None:
    f = facts((D(2024, 3, 15), D(2024, 6, 13)), (D(2027, 6, 1), None))
    assert LeavingCareProfile(f).eligible_from == D(2027, 6, 1)
    assert LeavingCareProfile(f, NIGHTS).eligible_from == D(2027, 6, 2)
    assert category_on(f, D(2028, 3, 15)) is Cat.FORMER_RELEVANT


def test_w5_f_it_counts_remand_as_looked_after() -> None:
    f = facts((D(2027, 1, 5), None), basis=LegalBasis.REMAND, dob=D(2010, 10, 1))
    assert LeavingCareProfile(f).eligible_from == D(2027, 4, 5)


def test_w5_g_it_makes_an_eligible_child_qualifying_when_an_sgo_is_made() -> None:
    f = facts(
        (D(2020, 1, 1), None),
        basis=LegalBasis.CARE_ORDER,
        orders=(Order(OrderKind.SPECIAL_GUARDIANSHIP, D(2027, 7, 1)),),
    )
    assert category_on(f, D(2027, 6, 30)) is Cat.ELIGIBLE
    assert category_on(f, D(2027, 7, 1)) is Cat.QUALIFYING
    as_relevant = Policy(categories=CategoryPolicy(sgo_after_eligible=SgoAfterEligible.RELEVANT))
    assert category_on(f, D(2027, 7, 1), as_relevant) is Cat.RELEVANT


def test_w5_h_it_recomputes_every_milestone_from_a_revised_date_of_birth() -> None:
    old, new = D(2010, 1, 1), D(2009, 1, 1)
    assert [birthday(old, a) for a in (16, 18, 21, 25)] == [D(2026, 1, 1), D(2028, 1, 1), D(2031, 1, 1), D(2035, 1, 1)]
    assert [birthday(new, a) for a in (16, 18, 21, 25)] == [D(2025, 1, 1), D(2027, 1, 1), D(2030, 1, 1), D(2034, 1, 1)]
    f = facts((D(2024, 6, 1), None), dob=old)
    assert category_on(f, D(2027, 1, 1)) is Cat.ELIGIBLE
    assert category_on(replace(f, dob=new), D(2027, 1, 1)) is Cat.FORMER_RELEVANT


def test_it_treats_a_remanded_child_sentenced_after_eligibility_as_relevant() -> None:
    # §2.5 case 5, W10 (c): eligible 5 Apr 2027, sentenced 20 Apr 2027.
    f = facts((D(2027, 1, 5), D(2027, 4, 20)), basis=LegalBasis.REMAND, dob=D(2010, 10, 1))
    assert category_on(f, D(2027, 4, 21)) is Cat.RELEVANT
    before = facts((D(2027, 1, 5), D(2027, 3, 1)), basis=LegalBasis.REMAND, dob=D(2010, 10, 1))
    assert category_on(before, D(2027, 3, 2)) is Cat.QUALIFYING  # W10 (b)


def test_it_makes_a_child_detained_on_the_16th_birthday_relevant_after_13_weeks_in_care() -> None:
    f = facts(
        (D(2025, 1, 1), D(2025, 12, 31)),
        detentions=(Detention(D(2026, 1, 1), D(2026, 6, 30), DetentionKind.CUSTODY),),
    )
    assert category_on(f, D(2026, 3, 15)) is Cat.RELEVANT


def test_it_ignores_section_20_stays_of_24_hours_or_less() -> None:
    f = LeavingCareFacts(
        dob=DOB, periods=(CarePeriod(D(2026, 6, 1), D(2026, 6, 2), LegalBasis.SECTION_20, over_24_hours=False),)
    )
    assert category_on(f, D(2026, 6, 1)) is Cat.NONE
    assert category_on(f, D(2026, 7, 1)) is Cat.NONE


def test_it_never_makes_a_short_break_only_child_eligible() -> None:
    stays = tuple((D(2026, m, 1), D(2026, m, 10)) for m in range(4, 12))
    f = facts(*stays, basis=LegalBasis.SHORT_BREAKS)
    assert category_on(f, D(2026, 5, 5)) is Cat.LOOKED_AFTER
    assert LeavingCareProfile(f).eligible_from is None


def test_it_counts_a_short_break_stay_that_breaks_the_reg48_pattern_as_ordinary_care() -> None:
    f = facts((D(2026, 4, 1), D(2026, 7, 31)), basis=LegalBasis.SHORT_BREAKS)
    assert LeavingCareProfile(f).eligible_from is not None


def test_it_does_not_make_an_adopted_17_year_old_a_care_leaver() -> None:
    f = facts(
        (D(2020, 1, 1), None), basis=LegalBasis.PLACEMENT_ORDER, orders=(Order(OrderKind.ADOPTION, D(2027, 5, 1)),)
    )
    assert category_on(f, D(2027, 4, 30)) is Cat.ELIGIBLE
    assert category_on(f, D(2027, 5, 1)) is Cat.NONE
    assert category_on(f, D(2029, 1, 1)) is Cat.NONE


def test_it_makes_a_young_person_in_health_accommodation_qualifying_after_three_months() -> None:
    f = LeavingCareFacts(
        dob=DOB, other_accommodation=(OtherAccommodation(D(2026, 6, 1), None, OtherAccommodationKind.HEALTH),)
    )
    assert category_on(f, D(2026, 8, 30)) is Cat.NONE
    assert category_on(f, D(2026, 8, 31)) is Cat.QUALIFYING


def test_it_gives_former_relevant_tiers_after_21() -> None:
    # W9: Sara, DOB 9 Jul 2004; dormant at 21, active from her request on 12 Oct 2026.
    sara = facts((D(2019, 1, 1), None), dob=D(2004, 7, 9), support_requests=(SupportRequest(D(2026, 10, 12)),))
    assert status_on(sara, D(2025, 7, 8)).tier is Tier.FR_18_20
    assert status_on(sara, D(2026, 10, 11)).tier is Tier.FR_21_24_DORMANT
    assert status_on(sara, D(2026, 10, 12)).tier is Tier.FR_21_24_ACTIVE
    assert status_on(sara, D(2029, 7, 8)).tier is Tier.FR_21_24_ACTIVE
    assert category_on(sara, D(2029, 7, 9)) is Cat.NONE
    studying = replace(sara, education_programmes=(Span(D(2027, 9, 7), D(2028, 6, 30)),))
    assert status_on(studying, D(2027, 9, 7)).tier is Tier.FR_EDU


def test_it_has_no_support_on_request_tier_before_april_2018() -> None:
    f = facts((D(1995, 1, 1), None), dob=D(1994, 7, 9))
    assert category_on(f, D(2017, 1, 1)) is Cat.NONE
    assert status_on(f, D(2018, 4, 1)).tier is Tier.FR_21_24_DORMANT


def test_it_ends_looked_after_status_the_day_before_the_18th_birthday() -> None:
    f = facts((D(2019, 1, 1), None), dob=D(2008, 3, 14))  # W7 Mia
    assert looked_after_intervals(f, Policy(), counting=False)[-1].end == D(2026, 3, 13)
    assert category_on(f, D(2026, 3, 14)) is Cat.FORMER_RELEVANT


def test_it_closes_everything_on_death() -> None:
    f = facts((D(2019, 1, 1), None), date_of_death=D(2027, 1, 1))
    assert category_on(f, D(2027, 1, 1)) is Cat.DECEASED


def test_it_maps_903_legal_statuses() -> None:
    assert legal_basis_from_903("C2") is LegalBasis.CARE_ORDER
    assert legal_basis_from_903("v4") is LegalBasis.SHORT_BREAKS
    assert legal_basis_from_903("J1") is LegalBasis.REMAND


# --- properties -------------------------------------------------------------------------

day = st.integers(min_value=0, max_value=365 * 12)
BASE = D(2022, 1, 1)


@st.composite
def leaving_care_facts(draw: st.DrawFn) -> LeavingCareFacts:
    dob = D(2005, 1, 1) + timedelta(days=draw(st.integers(0, 365 * 10)))
    starts = sorted(draw(st.lists(day, min_size=0, max_size=3, unique=True)))
    periods = []
    for s in starts:
        length = draw(st.integers(1, 700))
        open_ = draw(st.booleans()) and s == starts[-1]
        basis = draw(
            st.sampled_from([LegalBasis.SECTION_20, LegalBasis.CARE_ORDER, LegalBasis.REMAND, LegalBasis.SHORT_BREAKS])
        )
        periods.append(
            CarePeriod(BASE + timedelta(days=s), None if open_ else BASE + timedelta(days=s + length), basis)
        )
    home = tuple(Span(BASE + timedelta(days=d)) for d in draw(st.lists(day, max_size=1)))
    requests = tuple(SupportRequest(BASE + timedelta(days=d)) for d in draw(st.lists(day, max_size=1)))
    return LeavingCareFacts(dob=dob, periods=tuple(periods), living_with_parent=home, support_requests=requests)


@settings(max_examples=120, deadline=None)
@given(f=leaving_care_facts(), offset=day)
def test_it_gives_the_same_category_for_the_same_facts_and_date(f: LeavingCareFacts, offset: int) -> None:
    t = BASE + timedelta(days=offset)
    assert category_on(f, t) is category_on(f, t)
    assert status_on(f, t) == LeavingCareProfile(f).status_on(t)


@settings(max_examples=120, deadline=None)
@given(f=leaving_care_facts(), offset=day, later=st.integers(1, 2000), length=st.integers(1, 400))
def test_it_ignores_facts_dated_after_the_day_asked_about(
    f: LeavingCareFacts, offset: int, later: int, length: int
) -> None:
    t = BASE + timedelta(days=offset)
    start = t + timedelta(days=later)
    more = replace(
        f,
        periods=(*f.periods, CarePeriod(start, start + timedelta(days=length), LegalBasis.SECTION_20)),
        support_requests=(*f.support_requests, SupportRequest(start)),
        orders=(*f.orders, Order(OrderKind.SPECIAL_GUARDIANSHIP, start)),
        education_programmes=(*f.education_programmes, Span(start)),
        date_of_death=f.date_of_death or start + timedelta(days=length + 1),
    )
    assert status_on(more, t) == status_on(f, t)


@settings(max_examples=60, deadline=None)
@given(f=leaving_care_facts())
def test_it_builds_a_timeline_that_agrees_with_the_status_on_every_day(f: LeavingCareFacts) -> None:
    start, end = BASE, BASE + timedelta(days=365 * 12)
    profile = LeavingCareProfile(f)
    spans = status_timeline(f, start, end)
    for span in spans:
        assert profile.status_on(span.start) == span.status
        if span.end is not None:
            assert profile.status_on(span.end) == span.status
    # spot-check days between change points
    for k in range(0, 365 * 12, 97):
        t = start + timedelta(days=k)
        covering = next(s for s in spans if s.start <= t and (s.end is None or t <= s.end))
        assert profile.status_on(t) == covering.status


def test_the_timeline_changes_where_care_goes_on_under_another_basis() -> None:
    """Found by the property above: 13 weeks in care under section 20 (1 Jan to 1 Apr 2022, aged
    17), then short breaks from the next day. Eligible on 1 April; the status on each later day
    is the short-break child's, and the timeline must change on 2 April to say so."""
    f = LeavingCareFacts(dob=D(2005, 1, 1), periods=(
        CarePeriod(D(2022, 1, 1), D(2022, 4, 1), LegalBasis.SECTION_20),
        CarePeriod(D(2022, 4, 2), None, LegalBasis.SHORT_BREAKS)))
    spans = status_timeline(f, D(2022, 1, 1), D(2022, 12, 31))
    assert [(s.start, s.end, s.status.category) for s in spans[:3]] == [
        (D(2022, 1, 1), D(2022, 3, 31), Cat.LOOKED_AFTER),
        (D(2022, 4, 1), D(2022, 4, 1), Cat.ELIGIBLE),
        (D(2022, 4, 2), None, status_on(f, D(2022, 4, 2)).category),
    ]
    assert status_on(f, D(2022, 4, 2)).category is not Cat.ELIGIBLE
