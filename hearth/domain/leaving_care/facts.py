"""The facts the leaving-care classifier needs (statutory-duties.md §2.1).

Every span here is inclusive at both ends: `end` is the **last** day the state held, or None if
it still holds. A child who leaves care during a day counts as looked after that day (§2.1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache


class LegalBasis(Enum):
    """Why the child is looked after, grouped from the 903 legal status codes (ssda903.md §2.5)."""

    INTERIM_CARE_ORDER = "interim_care_order"  # C1, CA 1989 s38
    CARE_ORDER = "care_order"  # C2, CA 1989 s31
    PLACEMENT_ORDER = "placement_order"  # E1, ACA 2002 s21
    SECTION_20 = "section_20"  # V2, CA 1989 s20
    SHORT_BREAKS = "short_breaks"  # V3/V4, CPPCR reg 48
    EMERGENCY = "emergency"  # L1-L3: police protection, EPO, child assessment order
    REMAND = "remand"  # J1, LASPO 2012 s104: looked after whatever the length of stay
    PACE_TRANSFER = "pace_transfer"  # J2, PACE s38(6)
    YOUTH_REHABILITATION_ORDER = "youth_rehabilitation_order"  # J3


LEGAL_BASIS_BY_903_CODE: dict[str, LegalBasis] = {
    "C1": LegalBasis.INTERIM_CARE_ORDER,
    "C2": LegalBasis.CARE_ORDER,
    "E1": LegalBasis.PLACEMENT_ORDER,
    "V2": LegalBasis.SECTION_20,
    "V3": LegalBasis.SHORT_BREAKS,
    "V4": LegalBasis.SHORT_BREAKS,
    "L1": LegalBasis.EMERGENCY,
    "L2": LegalBasis.EMERGENCY,
    "L3": LegalBasis.EMERGENCY,
    "J1": LegalBasis.REMAND,
    "J2": LegalBasis.PACE_TRANSFER,
    "J3": LegalBasis.YOUTH_REHABILITATION_ORDER,
}

# Bases under which the child is subject to a care order (CLR reg 3(2) excludes them).
CARE_ORDER_BASES = frozenset({LegalBasis.INTERIM_CARE_ORDER, LegalBasis.CARE_ORDER, LegalBasis.PLACEMENT_ORDER})


@lru_cache(maxsize=256)  # a handful of codes, asked for every episode
def legal_basis_from_903(code: str) -> LegalBasis:
    """Map a 903 LS code ('C2', 'V2', ...) to its legal basis; unknown codes are an error."""
    try:
        return LEGAL_BASIS_BY_903_CODE[code.strip().upper()]
    except KeyError:
        raise ValueError(f"unknown 903 legal status {code!r}") from None


@dataclass(frozen=True, slots=True)
class CarePeriod:
    """A period of being looked after (one or more 903 episodes with no gap)."""

    start: date
    end: date | None  # last day looked after; None while open
    basis: LegalBasis
    # CA 1989 s22(2): s20 accommodation of 24 hours or less does not make a child looked after.
    over_24_hours: bool = True


class DetentionKind(Enum):
    CUSTODY = "custody"  # sentenced detention (remand is a LegalBasis)
    HOSPITAL = "hospital"


@dataclass(frozen=True, slots=True)
class Detention:
    start: date
    end: date | None
    kind: DetentionKind
    expected_release: date | None = None


class OrderKind(Enum):
    SPECIAL_GUARDIANSHIP = "special_guardianship"
    ADOPTION = "adoption"
    CHILD_ARRANGEMENTS = "child_arrangements"


@dataclass(frozen=True, slots=True)
class Order:
    """A court order. One made while the child is looked after ends the period the day before."""

    kind: OrderKind
    made_on: date


@dataclass(frozen=True, slots=True)
class Span:
    """Any other dated state: living with a parent, an education programme."""

    start: date
    end: date | None = None


class OtherAccommodationKind(Enum):
    """Accommodation after 16 that makes a young person qualifying (CA 1989 s24(2))."""

    VOLUNTARY_ORGANISATION = "voluntary_organisation"
    PRIVATE_CHILDRENS_HOME = "private_childrens_home"
    HEALTH = "health"  # counts only after three consecutive months (verify s24(2))
    EDUCATION = "education"  # likewise
    PRIVATE_FOSTERING = "private_fostering"


@dataclass(frozen=True, slots=True)
class OtherAccommodation:
    start: date
    end: date | None
    kind: OtherAccommodationKind


@dataclass(frozen=True, slots=True)
class SupportRequest:
    """A request for PA support at 21-24 (CA 1989 s23CZB); withdrawn_on ends it."""

    requested_on: date
    withdrawn_on: date | None = None


@dataclass(frozen=True, slots=True)
class LeavingCareFacts:
    dob: date
    periods: tuple[CarePeriod, ...] = ()
    date_of_death: date | None = None
    detentions: tuple[Detention, ...] = ()
    # Living with a parent, a person with PR, or the person named in an earlier CAO, including
    # time placed with them while still looked after (CLR reg 3(3)-(4), the six-month rule).
    living_with_parent: tuple[Span, ...] = ()
    orders: tuple[Order, ...] = ()
    education_programmes: tuple[Span, ...] = ()  # agreed in the pathway plan (s23C(7), s23CA)
    support_requests: tuple[SupportRequest, ...] = ()
    other_accommodation: tuple[OtherAccommodation, ...] = ()
