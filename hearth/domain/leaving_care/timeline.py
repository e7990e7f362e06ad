"""A young person's leaving-care status as a series of spans (statutory-duties.md §2.4).

Obligations start on the transitions in this series: eligible starts D20, D21 and D25; relevant
starts D23 and D28; former relevant 18-20 starts D28 and D32; a request at 21-24 starts D34.
The status only changes on a handful of dates (birthdays, period boundaries, the 91st day,
six months at home, orders, requests, programmes), so we evaluate it there and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hearth.domain.calendar import add_months
from hearth.domain.leaving_care.categories import SUPPORT_TO_25_FROM, LeavingCareProfile, Status
from hearth.domain.leaving_care.facts import LeavingCareFacts
from hearth.domain.policy import DEFAULT_POLICY, Policy

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class StatusSpan:
    start: date
    end: date | None  # last day inclusive; None if it runs past the end of the window asked for
    status: Status


def _change_points(profile: LeavingCareProfile) -> set[date]:
    f = profile.facts
    dob = f.dob
    points = {dob, profile.d16, profile.after_16_from, profile.d18, profile.d21, profile.d25, SUPPORT_TO_25_FROM}
    points.add(add_months(profile.d18, 12 * (profile.policy.categories.former_relevant_label_until - 18)))
    if profile.eligible_from is not None:
        points.add(profile.eligible_from)
    for iv in profile.lac:
        points.update((iv.start, iv.end + ONE_DAY))
    # Each period's own bounds too: where a period of care runs straight into one on another basis
    # (section 20 into short breaks), the looked-after spell goes on but the category can change.
    for period in f.periods:
        points.add(period.start)
        if period.end is not None:
            points.add(period.end + ONE_DAY)
    for o in f.orders:
        points.update((o.made_on, o.made_on + ONE_DAY))
    for s in f.living_with_parent:
        points.update((s.start, add_months(s.start, 6)))
        if s.end is not None:
            points.add(s.end + ONE_DAY)
    for s in f.education_programmes:
        points.add(s.start)
        if s.end is not None:
            points.add(s.end + ONE_DAY)
    for r in f.support_requests:
        points.add(r.requested_on)
        if r.withdrawn_on is not None:
            points.add(r.withdrawn_on)
    for a in f.other_accommodation:
        points.update((a.start, add_months(a.start, 3) - ONE_DAY))
        if a.end is not None:
            points.add(a.end + ONE_DAY)
    if f.date_of_death is not None:
        points.add(f.date_of_death)
    return points


def timeline_of(profile: LeavingCareProfile, start: date, end: date) -> list[StatusSpan]:
    """Status spans covering [start, end]; the last span is open (end None) if it reaches `end`."""
    points = sorted(p for p in _change_points(profile) if start < p <= end)
    spans: list[StatusSpan] = []
    current_start, current = start, profile.status_on(start)
    for p in points:
        status = profile.status_on(p)
        if status != current:
            spans.append(StatusSpan(current_start, p - ONE_DAY, current))
            current_start, current = p, status
    spans.append(StatusSpan(current_start, None, current))
    return spans


def status_timeline(
    facts: LeavingCareFacts, start: date, end: date, policy: Policy = DEFAULT_POLICY
) -> list[StatusSpan]:
    """The status series from `start` to `end` inclusive, one span per change (§2.4)."""
    return timeline_of(LeavingCareProfile(facts, policy), start, end)
