"""When a care leaver's request for support is a request under the law.

From the 21st birthday to the day before the 25th, a former relevant young person may ask for
a PA, an assessment and a pathway plan (CA 1989 s23CZB, from CSWA 2017 s3; statutory-duties.md
§5, ages 21 and 25). Before 21 the council's duties already run, so a request is ordinary
casework; at 25 the duty ends.
"""

from __future__ import annotations

from datetime import date

from hearth.domain.calendar import LeapDay, birthday

SUPPORT_ON_REQUEST_FROM_AGE = 21
SUPPORT_ON_REQUEST_UNDER_AGE = 25


def support_request_is_statutory(dob: date, on: date, leap_day: LeapDay = LeapDay.MAR1) -> bool:
    return birthday(dob, SUPPORT_ON_REQUEST_FROM_AGE, leap_day) <= on < birthday(dob, SUPPORT_ON_REQUEST_UNDER_AGE, leap_day)
