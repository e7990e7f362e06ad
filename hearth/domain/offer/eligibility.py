"""Who each part of the local offer is for, and "what applies to me?" (CSWA 2017 s2).

An entitlement names the ages it covers (from `min_age` up to but not including `under_age`),
the leaving-care categories it is for, the circumstances it needs (any one of them), any that
rule it out, and the dates it runs from and to. A person is an age, a category and a set of
circumstances, whether they come from answers on the public page or from the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import assert_never

from hearth.domain.leaving_care import LeavingCareCategory

# The local offer runs to the 25th birthday (CA 1989 s23CZB; statutory-duties.md §5, age 25).
OFFER_ENDS_AT = 25


class Category(Enum):
    """The leaving-care categories the offer is written for (statutory-duties.md §2.3-§2.5)."""

    ELIGIBLE = "eligible"  # in care at 16 or 17, 13 weeks since 14
    RELEVANT = "relevant"  # left care at 16 or 17 after 13 weeks
    FORMER_RELEVANT = "former_relevant"  # 18 to 24, was eligible or relevant
    QUALIFYING = "qualifying"  # in care after 16 without the 13 weeks, or left for special guardianship

    @property
    def label(self) -> str:
        match self:
            case Category.ELIGIBLE:
                return "In care, aged 16 or 17"
            case Category.RELEVANT:
                return "Left care at 16 or 17"
            case Category.FORMER_RELEVANT:
                return "Care leaver aged 18 to 24"
            case Category.QUALIFYING:
                return "Qualifying care leaver"
            case _:
                assert_never(self)


class Circumstance(Enum):
    IN_EDUCATION = "in_education"  # school, college or training
    AT_UNIVERSITY = "at_university"  # higher education
    IN_CUSTODY = "in_custody"
    UASC = "uasc"  # came to the UK as an unaccompanied child seeking asylum
    PARENT = "parent"
    STAYING_PUT = "staying_put"  # living with foster carers and staying (or planning to stay) after 18

    @property
    def question(self) -> str:
        match self:
            case Circumstance.IN_EDUCATION:
                return "Are you at school or college, or in training?"
            case Circumstance.AT_UNIVERSITY:
                return "Are you at university, or about to start?"
            case Circumstance.IN_CUSTODY:
                return "Are you in custody (prison or a young offender institution)?"
            case Circumstance.UASC:
                return "Did you come to the UK as a child on your own, seeking asylum?"
            case Circumstance.PARENT:
                return "Are you a parent, or expecting a baby?"
            case Circumstance.STAYING_PUT:
                return "Do you live with foster carers and want to stay with them after 18 (Staying Put)?"
            case _:
                assert_never(self)


@dataclass(frozen=True, slots=True)
class Entitlement:
    """The eligibility part of one entitlement or service in the offer."""

    key: str
    title: str
    min_age: int
    under_age: int
    categories: frozenset[Category]
    requires_any: frozenset[Circumstance] = frozenset()
    excludes: frozenset[Circumstance] = frozenset()
    valid_from: date | None = None
    valid_to: date | None = None  # the last day it applies

    def __post_init__(self) -> None:
        if not 0 <= self.min_age < self.under_age <= OFFER_ENDS_AT:
            raise ValueError(f"{self.key}: ages must run from min_age up to under_age, at most {OFFER_ENDS_AT}")
        if not self.categories:
            raise ValueError(f"{self.key}: name at least one leaving-care category")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError(f"{self.key}: valid_to is before valid_from")
        if self.requires_any & self.excludes:
            raise ValueError(f"{self.key}: a circumstance cannot be both required and excluded")


@dataclass(frozen=True, slots=True)
class Person:
    age: int
    category: Category | None
    circumstances: frozenset[Circumstance] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Answers:
    """The public "what applies to me?" questions."""

    age: int
    in_care_now: bool
    in_care_13_weeks_after_14: bool
    in_care_after_16: bool
    circumstances: frozenset[Circumstance] = frozenset()


def category_from_answers(*, age: int, in_care_now: bool, thirteen_weeks: bool, after_16: bool) -> Category | None:
    """The leaving-care category the answers point to (a guide: the council's assessment decides).

    Being in care now implies being in care after 16 for a 16 or 17-year-old. Nobody is in care
    after 18, so `in_care_now` only matters before then.
    """
    if age < 16 or age >= OFFER_ENDS_AT:
        return None
    if age < 18:
        if in_care_now:
            return Category.ELIGIBLE if thirteen_weeks else None  # looked after, not yet eligible
        if not after_16:
            return None
        return Category.RELEVANT if thirteen_weeks else Category.QUALIFYING
    if not after_16:
        return None
    return Category.FORMER_RELEVANT if thirteen_weeks else Category.QUALIFYING


def person_from_answers(answers: Answers) -> Person:
    category = category_from_answers(
        age=answers.age, in_care_now=answers.in_care_now, thirteen_weeks=answers.in_care_13_weeks_after_14,
        after_16=answers.in_care_after_16,
    )
    return Person(age=answers.age, category=category, circumstances=frozenset(answers.circumstances))


def category_from_leaving_care(category: LeavingCareCategory) -> Category | None:
    """The offer's category for a status worked out from the record (hearth.domain.leaving_care)."""
    match category:
        case LeavingCareCategory.ELIGIBLE:
            return Category.ELIGIBLE
        case LeavingCareCategory.RELEVANT:
            return Category.RELEVANT
        case LeavingCareCategory.FORMER_RELEVANT:
            return Category.FORMER_RELEVANT
        case LeavingCareCategory.QUALIFYING:
            return Category.QUALIFYING
        case LeavingCareCategory.NONE | LeavingCareCategory.LOOKED_AFTER | LeavingCareCategory.DECEASED:
            return None
        case _:
            assert_never(category)


def why_not(entitlement: Entitlement, person: Person, as_of: date) -> tuple[str, ...]:
    """The reasons an entitlement does not apply to a person on a date; empty when it does."""
    reasons = []
    if entitlement.valid_from and as_of < entitlement.valid_from:
        reasons.append("not_started")
    if entitlement.valid_to and as_of > entitlement.valid_to:
        reasons.append("ended")
    if person.age < entitlement.min_age:
        reasons.append("too_young")
    if person.age >= entitlement.under_age:
        reasons.append("too_old")
    if person.category is None or person.category not in entitlement.categories:
        reasons.append("category")
    if entitlement.requires_any and not entitlement.requires_any & person.circumstances:
        reasons.append("circumstances")
    if entitlement.excludes & person.circumstances:
        reasons.append("excluded")
    return tuple(reasons)


def applies_to(entitlement: Entitlement, person: Person, as_of: date) -> bool:
    return not why_not(entitlement, person, as_of)


def applicable(entitlements: list[Entitlement] | tuple[Entitlement, ...], person: Person, as_of: date) -> list[Entitlement]:
    """The entitlements that apply, in the order given."""
    return [e for e in entitlements if applies_to(e, person, as_of)]
