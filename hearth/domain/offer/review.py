"""When the local offer is next due for review (D60: CSWA 2017 s2; Local offer guidance 2018).

The offer is reviewed every two to three years: the window opens two years after the last
review (or first publication) and the review is due after `local_offer_review_years` (3 by
default). Worked example W14 in statutory-duties.md.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from hearth.domain.calendar import add_years
from hearth.domain.policy import DEFAULT_POLICY, Policy

REVIEW_WINDOW_YEARS = 2


class ReviewState(Enum):
    NOT_DUE = "not_due"
    WINDOW_OPEN = "window_open"  # may be reviewed now; due later
    DUE = "due"  # on or after the due date


def review_due(last_review: date, policy: Policy = DEFAULT_POLICY) -> date:
    return add_years(last_review, policy.service.local_offer_review_years, policy.leap_day)


def review_window_opens(last_review: date, policy: Policy = DEFAULT_POLICY) -> date:
    return add_years(last_review, REVIEW_WINDOW_YEARS, policy.leap_day)


def review_state(next_review_on: date, window_opens_on: date, as_of: date) -> ReviewState:
    if as_of >= next_review_on:
        return ReviewState.DUE
    if as_of >= window_opens_on:
        return ReviewState.WINDOW_OPEN
    return ReviewState.NOT_DUE
