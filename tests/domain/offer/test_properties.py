"""Properties of the age and eligibility rules, for any person and any entitlement."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from hearth.domain.calendar import birthday
from hearth.domain.offer import Category, Circumstance, Entitlement, Person, applies_to, category_from_answers, why_not
from hearth.domain.offer.support import support_request_is_statutory

AS_OF = date(2026, 11, 22)
circumstances = st.frozensets(st.sampled_from(list(Circumstance)))


@st.composite
def entitlements(draw):
    low = draw(st.integers(0, 24))
    high = draw(st.integers(low + 1, 25))
    required = draw(circumstances)
    return Entitlement(key="k", title="t", min_age=low, under_age=high,
                       categories=draw(st.frozensets(st.sampled_from(list(Category)), min_size=1)),
                       requires_any=required, excludes=draw(circumstances) - required)


people = st.builds(Person, age=st.integers(0, 40), category=st.none() | st.sampled_from(list(Category)),
                   circumstances=circumstances)


@given(entitlements(), people)
def test_it_applies_only_within_its_ages(entitlement, person):
    if applies_to(entitlement, person, AS_OF):
        assert entitlement.min_age <= person.age < entitlement.under_age


@given(entitlements(), people)
def test_nothing_applies_from_the_25th_birthday_or_without_a_category(entitlement, person):
    if person.age >= 25 or person.category is None:
        assert not applies_to(entitlement, person, AS_OF)


@given(entitlements(), people, circumstances)
def test_another_circumstance_never_takes_an_entitlement_away_unless_it_rules_it_out(entitlement, person, more):
    richer = Person(person.age, person.category, person.circumstances | (more - entitlement.excludes))
    if applies_to(entitlement, person, AS_OF):
        assert applies_to(entitlement, richer, AS_OF)


@given(entitlements(), people)
def test_why_not_is_empty_exactly_when_it_applies(entitlement, person):
    assert (why_not(entitlement, person, AS_OF) == ()) == applies_to(entitlement, person, AS_OF)


@given(st.integers(0, 40), st.booleans(), st.booleans(), st.booleans())
def test_the_answers_give_a_category_only_from_16_to_24_and_eligible_only_before_18(age, in_care, weeks, after_16):
    category = category_from_answers(age=age, in_care_now=in_care, thirteen_weeks=weeks, after_16=after_16)
    if not 16 <= age < 25:
        assert category is None
    if category is Category.ELIGIBLE or category is Category.RELEVANT:
        assert age < 18
    if category is Category.FORMER_RELEVANT:
        assert 18 <= age < 25 and weeks
    if not after_16 and not in_care:
        assert category is None


@given(st.dates(date(1990, 1, 1), date(2015, 12, 31)), st.integers(-400, 400))
def test_a_request_is_statutory_from_the_21st_birthday_to_the_day_before_the_25th(dob, offset):
    d21, d25 = birthday(dob, 21), birthday(dob, 25)
    on = d21 + timedelta(days=offset)
    assert support_request_is_statutory(dob, on) == (d21 <= on < d25)
    assert support_request_is_statutory(dob, d21) and not support_request_is_statutory(dob, d21 - timedelta(days=1))
    assert support_request_is_statutory(dob, d25 - timedelta(days=1)) and not support_request_is_statutory(dob, d25)


def test_a_leap_day_birthday_reaches_21_on_1_march():
    dob = date(2008, 2, 29)
    assert not support_request_is_statutory(dob, date(2029, 2, 28))
    assert support_request_is_statutory(dob, date(2029, 3, 1))
