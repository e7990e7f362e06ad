"""What happens during care besides episodes: reviews, missing episodes, OC2 outcomes, adoption.

Reviews follow the statutory timetable (statutory-duties.md D07: first within 20 working days of
the period starting, second within 3 months, then every 6 months), held on time about 9 times in
10 (targets: review_on_time_pct). Missing: targets missing_pct. OC2: targets sdq_* and convicted_pct.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from hearth.domain.ssda903.cohorts import oc2_items, periods
from hearth.domain.ssda903.history import (
    AdoptionRecord,
    Episode,
    Missing,
    Outcome,
    PlacedAdoption,
    PrevPerm,
    Review,
)
from hearth.domain.ssda903.years import add_months, birthday, collection_end, collection_start, fmt
from hearth.domain.ssda903_rules.codelists import LA_CODES
from hearth.synth.care import PeriodPlan
from hearth.synth.draw import pick
from hearth.synth.model import MissingExtra

REVIEW_ON_TIME = 0.91
REVIEW_CODES = (("PN1", 0.42), ("PN2", 0.08), ("PN3", 0.03), ("PN4", 0.03), ("PN5", 0.18), ("PN6", 0.14),
                ("PN7", 0.12))
# Chance of going missing at least once in a collection year, by age (targets: missing_pct).
MISSING_BY_AGE = ((16, 0.3), (14, 0.27), (11, 0.12))



def add_working_days(day: date, n: int) -> date:
    """Monday-to-Friday days after `day` (bank holidays ignored: a generator, not the obligations engine)."""
    weekday = day.weekday()
    if weekday > 4:  # from a weekend day, count as from the Friday before
        day -= timedelta(days=weekday - 4)
    weeks, rest = divmod(n, 5)
    day += timedelta(days=7 * weeks)
    while rest > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            rest -= 1
    return day


def review_due(period_start: date, previous: list[date]) -> date:
    """When the next review is due, given the reviews held so far in the period (D07)."""
    if not previous:
        return add_working_days(period_start, 20)
    return add_months(previous[-1], 3 if len(previous) == 1 else 6)


def reviews(rng: random.Random, dob: date, start: date, stop: date) -> list[Review]:
    """Reviews held in [start, stop)."""
    held: list[date] = []
    out: list[Review] = []
    while True:
        due = review_due(start, held)
        if rng.random() < REVIEW_ON_TIME:
            day = due - timedelta(days=rng.randint(0, 12))
        else:
            day = due + timedelta(days=rng.randint(1, 40))
        day = max(day, (held[-1] if held else start) + timedelta(days=1))
        if day >= stop:
            return out
        held.append(day)
        age = (day - dob).days / 365.25
        out.append(Review(day, "PN0" if age < 4 else pick(rng, REVIEW_CODES)))


def missing(rng: random.Random, dob: date, start: date, stop: date, as_at: date) -> list[tuple[Missing, MissingExtra]]:
    """Missing (M) and away without authorisation (A) episodes in [start, stop).

    `stop` on or before `as_at` is the day care ended. A child is found by the day before: the
    generator makes no child still missing when care ends, which the 903 records as MIS_END = DEC
    and, at the 18th birthday, needs REC E8 (rule 580)."""
    out: list[tuple[Missing, MissingExtra]] = []
    year_start = date(start.year - (1 if start.month < 4 else 0), 4, 1)
    while year_start < stop:
        lo, hi = max(start, year_start), min(stop, date(year_start.year + 1, 4, 1))
        age = (hi - dob).days / 365.25
        chance = next((p for a, p in MISSING_BY_AGE if age >= a), 0.0) * min(1.0, (hi - lo).days / 365)
        if hi > lo and rng.random() < chance:
            count = 1 + int(rng.expovariate(1 / 2.5))
            starts = sorted(lo + timedelta(days=rng.randrange((hi - lo).days)) for _ in range(count))
            previous_end = date.min
            for s in starts:
                if s <= previous_end:
                    continue
                kind = "M" if rng.random() < 0.8 else "A"
                end = min(s + timedelta(days=int(rng.expovariate(1 / 1.2))), stop)
                if end == stop <= as_at:
                    end = max(s, stop - timedelta(days=1))
                offered = rng.random() < 0.85 if kind == "M" else None
                taken = (rng.random() < 0.6) if offered else (False if offered is False else None)
                if end > as_at:
                    end_value = None
                    offered = taken = None
                else:
                    end_value = end
                out.append((Missing(kind, s, end_value), MissingExtra(offered, taken)))
                previous_end = end
        year_start = date(year_start.year + 1, 4, 1)
    return out


def outcomes(rng: random.Random, dob: date, episodes: tuple[Episode, ...], years: range) -> list[Outcome]:
    """OC2 items for every year the child is in the cohort (looked after for the whole year, §4.2;
    the generator makes no short breaks, so that is the whole test)."""
    out = []
    spans = [(p.start, p.end) for p in periods(episodes)]
    for year in years:
        start, end = collection_start(year), collection_end(year)
        if not any(s <= start and (e is None or e > end) for s, e in spans):
            continue
        items = oc2_items(dob, year)
        score, reason = None, ""
        # A child turning 4 or 17 in the year is outside the SDQ ages for part of it: DfE still
        # expects a score or a reason (197B), mostly SDQ1 (outside the age range).
        if "sdq" not in items and (start <= birthday(dob, 4) <= end or start <= birthday(dob, 17) <= end):
            if rng.random() < 0.4:
                score = max(0, min(40, round(rng.gauss(14, 7))))
            else:
                reason = "SDQ1"
        elif "sdq" in items:
            if rng.random() < 0.82:
                score = max(0, min(40, round(rng.gauss(14, 7))))
            else:
                reason = pick(rng, (("SDQ2", 0.15), ("SDQ3", 0.1), ("SDQ4", 0.45), ("SDQ5", 0.3)))
        older = (collection_end(year) - dob).days / 365.25 >= 10
        misuse = older and rng.random() < 0.05
        received = (rng.random() < 0.6) if misuse else None
        out.append(Outcome(
            year=year, sdq_score=score, sdq_reason=reason,
            convicted=(rng.random() < 0.05) if "convicted" in items else None,
            health_check=(rng.random() < 0.89) if "health_check" in items else None,
            immunisations=rng.random() < 0.82, teeth_check=rng.random() < 0.78,
            health_assessment=rng.random() < 0.9, substance_misuse=misuse,
            intervention_received=received,
            intervention_offered=(rng.random() < 0.7) if received is False else None,
        ))
    return out


def adoption(rng: random.Random, plan: PeriodPlan, adoption_place: str) -> AdoptionRecord:
    m = plan.milestones
    two = rng.random() < 0.85
    if two:
        sex = pick(rng, (("MF", 0.85), ("FF", 0.08), ("MM", 0.07)))
        ls = pick(rng, (("L11", 0.7), ("L3", 0.3))) if sex == "MF" else pick(
            rng, (("L12", 0.5), ("L2", 0.3), ("L4", 0.2)))
    else:
        sex, ls = ("F1" if rng.random() < 0.9 else "M1"), "L0"
    return AdoptionRecord(
        date_int=m["decision"], date_match=max(m["match"], m["decision"]),
        foster_care=adoption_place in ("A3", "A5"), nb_adoptr=2 if two else 1, sex_adoptr=sex, ls_adoptr=ls,
    )


def placed_for_adoption(plan: PeriodPlan, as_at: date) -> PlacedAdoption | None:
    m = plan.milestones
    if "decision" not in m or m["decision"] > as_at:
        return None
    reversed_on = m.get("reversed")
    if reversed_on is None or reversed_on > as_at:
        return PlacedAdoption(m["decision"])
    return PlacedAdoption(m["decision"], reversed_on, plan.reversal)


# LA_PERM must be a real DfE code (rule 633, ssda903.md Appendix A), though the council's own code is
# fictional: the council stands in for one real code, and other councils for the rest.
ENGLISH_LA_CODES = tuple(c for c in LA_CODES if c.isdigit() and c != "999")


def la_perm_code(la_code: str) -> str:
    """The real LA code the fictional council reports as itself in LA_PERM."""
    return ENGLISH_LA_CODES[sum(map(ord, la_code)) % len(ENGLISH_LA_CODES)]


def prev_perm(rng: random.Random, plan: PeriodPlan, la_code: str, other_la: str) -> PrevPerm:
    code = plan.prev_perm
    if code not in ("P1", "P2", "P3") or plan.prev_perm_date is None:
        return PrevPerm(plan.start, code)
    text = fmt(plan.prev_perm_date)
    if rng.random() < 0.1:  # only month and year known
        text = "zz" + text[2:]
    own = la_perm_code(la_code)
    other = la_perm_code(other_la)
    if other == own:
        other = ENGLISH_LA_CODES[(ENGLISH_LA_CODES.index(own) + 1) % len(ENGLISH_LA_CODES)]
    return PrevPerm(plan.start, code, own if rng.random() < 0.7 else other, text)


def year_range(first: date, last: date) -> range:
    """Collection years from the one containing `first` to the one containing `last`."""
    lo = first.year + (1 if first.month >= 4 else 0)
    hi = last.year + (1 if last.month >= 4 else 0)
    return range(lo, hi + 1)


__all__ = [
    "add_working_days", "adoption", "collection_start", "missing", "outcomes", "placed_for_adoption",
    "prev_perm", "review_due", "reviews", "year_range",
]
