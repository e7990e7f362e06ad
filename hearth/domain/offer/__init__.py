"""The local offer for care leavers as plain data, and who each part of it is for.

Sources: CSWA 2017 s2 (publish a local offer), Local offer guidance (DfE 2018), and the age
milestones in statutory-duties.md §5. Nothing here reads the clock: `as_of` is always passed in.
"""

from hearth.domain.offer.eligibility import (
    Answers,
    Category,
    Circumstance,
    Entitlement,
    Person,
    applicable,
    applies_to,
    category_from_answers,
    person_from_answers,
    why_not,
)
from hearth.domain.offer.review import ReviewState, review_due, review_state, review_window_opens
from hearth.domain.offer.support import support_request_is_statutory

__all__ = [
    "Answers", "Category", "Circumstance", "Entitlement", "Person", "ReviewState", "applicable", "applies_to",
    "category_from_answers", "person_from_answers", "review_due", "review_state", "review_window_opens",
    "support_request_is_statutory", "why_not",
]
