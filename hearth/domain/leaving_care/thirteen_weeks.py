"""Looked-after days and the 13-week rule (statutory-duties.md §2.2).

Source: CA 1989 Sch 2 para 19B and CPPCR reg 40 (S). The periods must add up to 13 weeks, begin
after the 14th birthday and end after the 16th; this module counts the days, `categories`
applies the after-16 condition.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple, assert_never

from hearth.domain.calendar import birthday
from hearth.domain.leaving_care.facts import CarePeriod, LeavingCareFacts, LegalBasis, OrderKind
from hearth.domain.policy import DayCount, Policy, ShortBreakRule

ONE_DAY = timedelta(days=1)


class Interval(NamedTuple):
    """A normalised looked-after interval, inclusive at both ends.

    Open periods are closed at the day before the 18th birthday (or the date of death), when
    looked-after status ends whatever the record says. (A NamedTuple: several are built per child.)
    """

    start: date
    end: date
    basis: LegalBasis
    ended_by: OrderKind | None = None  # the order that ended it, if any

    def covers(self, d: date) -> bool:
        return self.start <= d <= self.end


def _short_break_limits(rule: ShortBreakRule) -> tuple[int, int]:
    """(longest single stay, most days in 12 months) for a stay to count as a short break."""
    match rule:
        case ShortBreakRule.REG48:
            return 17, 75  # CPPCR reg 48
        case ShortBreakRule.LEGACY_4_WEEKS:
            return 28, 120  # 2001 regulations, still in some local procedures
        case _:
            assert_never(rule)


def _excluded_short_breaks(periods: tuple[CarePeriod, ...], policy: Policy) -> set[int]:
    """Indexes of short-break stays that fit the pattern and so do not count (§2.5 case 8).

    A stay outside the pattern (too long, or too many days in the 12 months to its end) is
    ordinary care. An open stay is treated as a short break until it is closed.
    """
    if not policy.categories.exclude_short_breaks:
        return set()
    longest, yearly = _short_break_limits(policy.categories.short_break_rule)
    stays = [(i, p) for i, p in enumerate(periods) if p.basis is LegalBasis.SHORT_BREAKS]
    excluded: set[int] = set()
    for i, p in stays:
        if p.end is None:
            excluded.add(i)
            continue
        if (p.end - p.start).days + 1 > longest:
            continue
        window_start = p.end - timedelta(days=364)
        total = 0
        for _, q in stays:
            if q.end is None or q.end < window_start or q.start > p.end:
                continue
            total += (min(q.end, p.end) - max(q.start, window_start)).days + 1
        if total <= yearly:
            excluded.add(i)
    return excluded


def _merge(intervals: list[Interval]) -> tuple[Interval, ...]:
    """Sort and merge overlapping or adjacent intervals so no day is counted twice."""
    merged: list[Interval] = []
    for iv in sorted(intervals, key=lambda x: x.start):
        if merged:
            last = merged[-1]
            # Adjacent intervals (a 903 episode ending the day before the next starts) are one period.
            if iv.start <= last.end + ONE_DAY:
                end = max(last.end, iv.end)
                if end == iv.end:
                    merged[-1] = Interval(last.start, end, iv.basis, iv.ended_by)
                else:
                    merged[-1] = Interval(last.start, end, last.basis, last.ended_by)
                continue
        merged.append(iv)
    return tuple(merged)


def looked_after_intervals(facts: LeavingCareFacts, policy: Policy, *, counting: bool) -> tuple[Interval, ...]:
    """The child's looked-after intervals, normalised.

    - s20 stays of 24 hours or less are dropped (CA 1989 s22(2); §2.5 case 7);
    - a period ends the day before an SGO, adoption or child arrangements order made during it
      (W5 case G: eligible until 30 Jun, qualifying from the SGO on 1 Jul);
    - looked-after status ends the day before the 18th birthday (§2.1, W7);
    - with `counting=True`, short breaks in the reg 48 pattern are left out (§2.2).
    """
    last_day = birthday(facts.dob, 18, policy.leap_day) - ONE_DAY
    if facts.date_of_death is not None:
        last_day = min(last_day, facts.date_of_death)
    excluded = _excluded_short_breaks(facts.periods, policy) if counting else set()
    orders = sorted(facts.orders, key=lambda o: o.made_on)
    out: list[Interval] = []
    for i, p in enumerate(facts.periods):
        if not p.over_24_hours or i in excluded:
            continue
        end = p.end if p.end is not None and p.end <= last_day else last_day
        ended_by: OrderKind | None = None
        for order in orders:
            if p.start < order.made_on <= end + ONE_DAY:
                end, ended_by = order.made_on - ONE_DAY, order.kind
                break
        if end < p.start:
            continue
        out.append(Interval(p.start, end, p.basis, ended_by))
    return _merge(out)


def _counted_days(start: date, end: date, day_count: DayCount) -> int:
    match day_count:
        case DayCount.INCLUSIVE:
            return (end - start).days + 1
        case DayCount.NIGHTS:
            return (end - start).days
        case _:
            assert_never(day_count)


def days_looked_after_since_14(
    intervals: tuple[Interval, ...], dob: date, as_of: date, policy: Policy, *, until: date | None = None
) -> int:
    """Days looked after from the 14th birthday (inclusive) to `as_of` (§2.2)."""
    window_start = birthday(dob, 14, policy.leap_day)
    stop = as_of if until is None else min(as_of, until)
    total = 0
    for iv in intervals:
        s = max(iv.start, window_start)
        e = min(iv.end, stop)
        if e >= s:
            total += _counted_days(s, e, policy.categories.day_count)
    return total


def first_day_threshold_met(
    intervals: tuple[Interval, ...], dob: date, not_before: date, policy: Policy
) -> date | None:
    """The first day, on or after `not_before`, that the child is looked after with the 13 weeks met.

    With the default policy this is `eligible_from` (§2.3): the later of the 16th birthday and
    the 91st counted day, and it must fall inside a looked-after interval.
    """
    threshold = policy.categories.threshold_days
    window_start = birthday(dob, 14, policy.leap_day)
    nights = policy.categories.day_count is DayCount.NIGHTS
    counted = 0
    for iv in intervals:
        s = max(iv.start, window_start)
        if iv.end < s:
            continue
        # Day x in this interval has counted + (x - s + 1) days inclusive, or + (x - s) nights.
        needed = threshold - counted
        reach = s + timedelta(days=needed if nights else needed - 1) if needed > 0 else s
        candidate = max(reach, not_before, s)
        if candidate <= iv.end:
            return candidate
        counted += _counted_days(s, iv.end, policy.categories.day_count)
    return None
