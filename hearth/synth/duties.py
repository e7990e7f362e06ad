"""The statutory tasks of each period of care, done mostly on time: plans, health, PEPs, visits.

What the record's DutyRecord rows and social worker visits (Contact kind VISIT) hold, timed
against the same deadlines the obligations engine applies (hearth/domain/obligations: D02-D04,
D06, D09, D11-D17, D31), so the worklist shows the few late or missed tasks a real council has
rather than every task ever due. Each duty is done on time with the chance in `ON_TIME`, late
(within a few weeks, sometimes months) otherwise; a task is never dated after as_at.

Generated on its own random stream, so the 903 part of a child never depends on it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from hearth.domain.calendar import add_months, add_working_days, add_years, age_date
from hearth.domain.ssda903.cohorts import periods
from hearth.domain.ssda903.history import Episode
from hearth.domain.ssda903.years import birthday
from hearth.synth.model import AllocationSpec, ContactSpec, DutySpec

ONE_DAY = timedelta(days=1)
LONG_TERM_FOSTER = ("U1", "U4")
FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")
# Chance a task is done by its deadline. Sources (targets.py names the measured ones):
#  HEALTH_ASSESSMENT  annual health assessments 89-91% (DfE CLA OC2 2019-2024, approx.); IHAs
#                     within 20 working days are rarer (local reports 50-80%, approx.: 0.75 here)
#  DENTAL_CHECK       teeth checked in the year 70-85% (DfE CLA OC2 2019-2024, approx.)
#  SDQ                SDQ returned for about 80% of the eligible (DfE CLA OC2, approx.)
#  VISIT              "statutory visits all on time" is the goal (003 L1139); 85-90% on time is
#                     typical of published LA scorecards (approx.)
#  PEP                termly PEP in place 85-95% in Virtual School reports (approx.; 000 L299 rec 13)
#  the rest           model: no published national figure; set high, as the tasks are quick.
ON_TIME = {
    "CARE_PLAN": 0.9, "PLACEMENT_PLAN": 0.85, "PLACEMENT_NOTICE": 0.9, "IRO_APPOINTED": 0.92,
    "ADVOCACY_INFO": 0.88, "HEALTH_ASSESSMENT_REQUEST": 0.82, "IHA": 0.75, "HEALTH_ASSESSMENT": 0.9,
    "SDQ": 0.8, "DENTAL_CHECK": 0.78, "HEALTH_PASSPORT": 0.85, "PEP": 0.9, "STAYING_PUT_DECISION": 0.85,
    "VISIT": 0.88, "POST21_DISCUSSION": 0.82,
}
NEVER = 0.03  # one-off tasks never recorded at all (the rest of the misses are late)


class Schedule:
    """One child's tasks and visits, each on or before its due day with the duty's chance."""

    def __init__(self, rng: random.Random, as_at: date, worker_at: Callable[[date], int | None]) -> None:
        self.rng, self.as_at, self.worker_at = rng, as_at, worker_at
        self.records: list[DutySpec] = []
        self.visits: list[ContactSpec] = []

    def when(self, duty: str, lo: date, due: date, *, late_days: int = 40) -> date:
        """A day in [lo, due] when on time, else a few days to weeks after due."""
        rnd = self.rng.random  # randint is slow, and this runs a few hundred thousand times a council
        if rnd() < ON_TIME[duty]:
            return lo + timedelta(days=int(rnd() * (max(0, (due - lo).days) + 1)))
        return due + timedelta(days=1 + int(self.rng.expovariate(1 / late_days)))

    def once(self, duty: str, lo: date, due: date, stop: date, *, record_as: str | None = None,
             worker: bool = True) -> date | None:
        """A one-off task: recorded when done before `stop` (and by as_at)."""
        if self.rng.random() < NEVER:
            return None
        day = self.when(duty, lo, due)
        return self.add(record_as or duty, day, stop, worker)

    def add(self, duty: str, day: date, stop: date, worker: bool = True) -> date | None:
        if day >= stop or day > self.as_at:
            return None
        self.records.append(DutySpec(duty, day, self.worker_at(day) if worker else None))
        return day

    def chain(self, duty: str, start: date, first_due: date, stop: date, step: Callable[[date], date], *,
              lead_days: int, record_as: str | None = None, worker: bool = True) -> None:
        """A recurring task: each next one falls due `step` after the last actually done."""
        due, lower = first_due, start
        while True:
            day = self.when(duty, max(lower, due - timedelta(days=lead_days)), due)
            if self.add(record_as or duty, day, stop, worker) is None:
                return
            lower, due = day + ONE_DAY, step(day)

    def visit(self, day: date) -> None:
        self.visits.append(ContactSpec(day, "VISIT", self.worker_at(day), "HOME"))


def _worker_lookup(allocations: list[AllocationSpec]) -> Callable[[date], int | None]:
    def worker_at(day: date) -> int | None:
        for a in allocations:
            if a.start <= day and (a.end is None or a.end > day):
                return a.worker_key
        return None
    return worker_at


def _placements(episodes: tuple[Episode, ...], stop: date) -> list[tuple[date, date, str]]:
    """(start, end, code) of each placement: every episode but a change of legal status alone starts one."""
    starts = [e for e in episodes if e.rne != "L"]
    out = []
    for i, e in enumerate(starts):
        end = starts[i + 1].decom if i + 1 < len(starts) else stop
        out.append((e.decom, min(end, stop), e.place))
    return out


def period_duties(
    rng: random.Random, *, dob: date, episodes: tuple[Episode, ...], allocations: list[AllocationSpec],
    as_at: date, since: date, eligible: date | None,
) -> tuple[list[DutySpec], list[ContactSpec]]:
    """The tasks and social worker visits of every period of care that reaches into the history's years."""
    s = Schedule(rng, as_at, _worker_lookup([a for a in allocations if a.role == "SOCIAL_WORKER"]))
    b4, b5, b16, b17, b18 = (birthday(dob, n) for n in (4, 5, 16, 17, 18))
    fifth = b5
    last_assessment: date | None = None
    last_dental: date | None = None
    for p in periods(episodes):
        end = p.end if p.end is not None else b18
        prep = age_date(dob, 17.5)
        if p.start <= prep < end:
            # D16 never closes: a leaver's passport is asked for until 25, so older periods need theirs.
            s.once("HEALTH_PASSPORT", max(b16, prep - timedelta(days=60)), min(end, b18) - ONE_DAY,
                   as_at + ONE_DAY, worker=False)
        if end < since:
            continue
        stop = min(end, b18, as_at + ONE_DAY)  # first day the duties no longer run (or not yet known)
        start = p.start
        wd10, wd5, review1 = (add_working_days(start, n) for n in (10, 5, 20))
        s.once("CARE_PLAN", start, wd10, stop)
        s.once("IRO_APPOINTED", start, wd5, stop)
        s.once("ADVOCACY_INFO", start, wd10, stop)
        # Health: request, initial assessment before the first review, then 6-monthly under 5, yearly after.
        if last_assessment is None or last_assessment < add_months(start, -3):
            s.once("HEALTH_ASSESSMENT_REQUEST", start, wd5, stop)
            last_assessment = s.once("IHA", start, review1, stop, record_as="HEALTH_ASSESSMENT", worker=False)
        if last_assessment is not None and last_assessment >= start - timedelta(days=92):
            def rha_due(d: date) -> date:
                return add_months(d, 6 if d < fifth else 12)
            s.chain("HEALTH_ASSESSMENT", last_assessment + ONE_DAY, rha_due(last_assessment), stop, rha_due,
                    lead_days=45, worker=False)
        anchor = last_dental if last_dental is not None and last_dental >= add_months(start, -12) else start
        s.chain("DENTAL_CHECK", anchor + ONE_DAY, add_months(anchor, 12), stop, lambda d: add_months(d, 12),
                lead_days=90, worker=False)
        sdq_from, sdq_stop = max(start, b4), min(stop, b17)
        if sdq_from < sdq_stop:
            s.chain("SDQ", sdq_from, add_working_days(sdq_from, 20), sdq_stop, lambda d: add_months(d, 12),
                    lead_days=60)
        _peps(s, max(start, b5), min(stop, b18))
        for pl_start, pl_end, code in _placements(p.episodes, stop):
            pw5 = add_working_days(pl_start, 5)
            s.once("PLACEMENT_PLAN", pl_start - timedelta(days=2), pw5, pl_end)
            s.once("PLACEMENT_NOTICE", pl_start, pw5, pl_end)
            if pl_end >= since:  # visits of placements over before the history's years are in no report
                _visits(s, pl_start, pl_end, code in LONG_TERM_FOSTER)
        _staying_put_decision(s, p.episodes, eligible, b16, b18, stop)
        s.records.sort(key=lambda r: r.completed_on)
        dated = [r.completed_on for r in s.records if r.duty == "HEALTH_ASSESSMENT"]
        last_assessment = dated[-1] if dated else last_assessment
        dental = [r.completed_on for r in s.records if r.duty == "DENTAL_CHECK"]
        last_dental = dental[-1] if dental else last_dental
    return _from(s.records, since, lambda r: r.completed_on, lambda r: r.duty), _from(
        s.visits, since, lambda v: v.date, lambda v: v.kind)


def _from(rows: list, since: date, day: Callable, kind: Callable) -> list:
    """Rows from `since` on, and the last of each kind before it (the anchor the next is due from):
    earlier ones are in no report, and a council's rows are a third fewer without them."""
    last: dict[str, object] = {}
    kept = []
    for row in rows:
        if day(row) >= since:
            kept.append(row)
        else:
            last[kind(row)] = row
    return [*last.values(), *kept]


def _visits(s: Schedule, start: date, end: date, long_term: bool) -> None:
    """Reg 28: within 7 days of the placement, then 6-weekly; 3-monthly after a year in long-term foster care."""
    due, lower = start + timedelta(days=7), start
    year_one_ends = add_years(start, 1)
    while True:
        lead = 7 if lower == start else 21
        day = s.when("VISIT", max(lower, due - timedelta(days=lead)), due, late_days=10)
        if day >= end or day > s.as_at:
            return
        s.visit(day)
        lower = day + ONE_DAY
        due = add_months(day, 3) if long_term and day >= year_one_ends else day + timedelta(days=42)


def _terms(first: int, last: int) -> list[tuple[date, date]]:
    return [t for y in range(first, last + 1)
            for t in ((date(y, 1, 1), date(y, 3, 31)), (date(y, 4, 1), date(y, 7, 31)), (date(y, 9, 1), date(y, 12, 31)))]


def _peps(s: Schedule, start: date, stop: date) -> None:
    """The PEP started with the care plan (10 working days), then reviewed once in every term."""
    if start >= stop:
        return
    first = s.once("PEP", start, add_working_days(start, 10), stop)
    in_place_due = add_working_days(start, 20)
    done = [first] if first else []
    for term_start, term_end in _terms(start.year, min(stop, s.as_at).year):
        lo = max(term_start, start)
        if lo > term_end or lo >= stop or lo > s.as_at or term_end < in_place_due:
            continue
        if any(lo <= d <= term_end for d in done):
            continue
        if s.rng.random() < ON_TIME["PEP"]:
            hi = min(term_end, stop - ONE_DAY)
            day = s.add("PEP", lo + timedelta(days=s.rng.randint(0, max(0, (hi - lo).days))), stop)
            if day:
                done.append(day)


def _staying_put_decision(s: Schedule, episodes: tuple[Episode, ...], eligible: date | None, b16: date,
                          b18: date, stop: date) -> None:
    """D31: for an eligible young person in foster care, decided 3 months before 18."""
    if eligible is None or eligible > s.as_at:
        return
    due = add_months(b18, -3)
    on = min(due, s.as_at)
    here = next((e for e in episodes if e.decom <= on and (e.dec is None or e.dec > on)), None)
    if here is None or here.place not in FOSTER:
        return
    s.once("STAYING_PUT_DECISION", max(b16, add_months(b18, -9)), due, min(stop, b18))


def post21_discussion(rng: random.Random, *, dob: date, as_at: date, worker_at: Callable[[date], int | None],
                      stop: date) -> list[DutySpec]:
    """D36: support after 21 talked through with the PA by three months before the 21st birthday."""
    s = Schedule(rng, as_at, worker_at)
    b21 = birthday(dob, 21)
    s.once("POST21_DISCUSSION", add_months(b21, -6), add_months(b21, -3), stop)
    return s.records
