"""When a care leaver's request for support is a request under the law.

From the 21st birthday to the day before the 25th, a former relevant young person may ask for
a PA, an assessment and a pathway plan (CA 1989 s23CZB, from CSWA 2017 s3; statutory-duties.md
§5, ages 21 and 25). Before 21 the council's duties already run, so a request is ordinary
casework; at 25 the duty ends.
"""

from __future__ import annotations

from datetime import date

from hearth.domain.calendar import LeapDay, add_working_days, birthday
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength, deadline, planner
from hearth.domain.obligations.records import SAR
from hearth.domain.policy import Policy

SUPPORT_ON_REQUEST_FROM_AGE = 21
SUPPORT_ON_REQUEST_UNDER_AGE = 25


def support_request_is_statutory(dob: date, on: date, leap_day: LeapDay = LeapDay.MAR1) -> bool:
    return birthday(dob, SUPPORT_ON_REQUEST_FROM_AGE, leap_day) <= on < birthday(dob, SUPPORT_ON_REQUEST_UNDER_AGE, leap_day)


# Local practice: the PA replies to an ask from the young person's pages within 2 working days.
# From 21 to 25 the statutory clock (D34) runs as well, from the request for support recorded alongside.
ASK_REPLY_WORKING_DAYS = 2
ASKED_FOR_SUPPORT = Rule("YP1", "Young person asked for support", "Local offer: PA replies within 2 working days",
                         Strength.L, Role.PERSONAL_ADVISER, effective_from=date(2018, 4, 1))


def ask_obligation(asked_on: date, message: str, as_at: date, policy: Policy) -> Obligation:
    """The PA's reply to an unanswered ask, due 2 working days after it was made."""
    due = add_working_days(asked_on, ASK_REPLY_WORKING_DAYS)
    return deadline(ASKED_FOR_SUPPORT, as_at, planner(policy)(due), asked_on, due, None, None, None, 1, message[:120])


def records_request_obligation(received_on: date, due_on: date, as_at: date, policy: Policy) -> Obligation:
    """An unanswered request for a copy of their records (the subject access duty, D56)."""
    return deadline(SAR, as_at, planner(policy)(due_on), received_on, due_on, None, None, None, 1)
