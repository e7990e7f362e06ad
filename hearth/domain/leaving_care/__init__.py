"""Leaving-care categories: who is eligible, relevant, former relevant or qualifying, and when.

Pure functions over `LeavingCareFacts` (statutory-duties.md §2). Import from here.
"""

from hearth.domain.leaving_care.categories import (
    LeavingCareCategory,
    LeavingCareProfile,
    Status,
    Tier,
    category_on,
    status_on,
)
from hearth.domain.leaving_care.facts import (
    CarePeriod,
    Detention,
    DetentionKind,
    LeavingCareFacts,
    LegalBasis,
    Order,
    OrderKind,
    OtherAccommodation,
    OtherAccommodationKind,
    Span,
    SupportRequest,
    legal_basis_from_903,
)
from hearth.domain.leaving_care.thirteen_weeks import days_looked_after_since_14, looked_after_intervals
from hearth.domain.leaving_care.timeline import StatusSpan, status_timeline, timeline_of

__all__ = [
    "CarePeriod",
    "Detention",
    "DetentionKind",
    "LeavingCareCategory",
    "LeavingCareFacts",
    "LeavingCareProfile",
    "LegalBasis",
    "Order",
    "OrderKind",
    "OtherAccommodation",
    "OtherAccommodationKind",
    "Span",
    "Status",
    "StatusSpan",
    "SupportRequest",
    "Tier",
    "category_on",
    "days_looked_after_since_14",
    "legal_basis_from_903",
    "looked_after_intervals",
    "status_on",
    "status_timeline",
    "timeline_of",
]
