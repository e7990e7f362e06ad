"""Who comes into care, when, for how long, and how each period of care ends.

A child's skeleton: date of birth, sex, ethnicity, UASC, and periods of care with their route
(how care ends) and end date. Episodes are filled in later (episodes.py). Rates are tuned so a
council's population matches the targets in targets.py; each weight names where it comes from
there, and the tests hold the generated council to those targets.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from hearth.domain.ssda903.years import add_years, birthday, collection_end, collection_year_of
from hearth.synth.draw import pick

# Share of starters who are unaccompanied asylum-seeking children: sized so UASC are about 9% of
# children in care at 31 March (targets: uasc_pct), since their stays are short (arrive 14-17).
UASC_STARTERS = 0.16
# Age at starting care, non-UASC (targets: age bands, starters_16_plus_pct).
START_AGE_BANDS = ((0, 1, 0.27), (1, 5, 0.1), (5, 10, 0.19), (10, 16, 0.34), (16, 18, 0.1))
UASC_START_AGE = ((14, 0.08), (15, 0.2), (16, 0.42), (17, 0.3))
# How a period of care ends, by age at entry (targets: leavers_* and the age/legal-status mix).
ROUTES: dict[int, tuple[tuple[str, float], ...]] = {
    0: (("adoption", 0.34), ("sgo", 0.22), ("home", 0.31), ("to18", 0.06), ("other", 0.07)),
    1: (("adoption", 0.2), ("sgo", 0.24), ("home", 0.41), ("to18", 0.08), ("other", 0.07)),
    5: (("adoption", 0.03), ("sgo", 0.15), ("home", 0.42), ("to18", 0.31), ("other", 0.09)),
    10: (("sgo", 0.04), ("home", 0.42), ("to18", 0.36), ("other", 0.13), ("remand", 0.05)),
    16: (("home", 0.3), ("to18", 0.55), ("other", 0.1), ("remand", 0.05)),
}
# Category of need (targets: n1_pct); UASC are almost all N8 absent parenting.
CIN = (("N1", 0.71), ("N2", 0.035), ("N3", 0.035), ("N4", 0.065), ("N5", 0.11), ("N6", 0.02), ("N7", 0.002),
       ("N8", 0.023))
ETHNIC = (("WBRI", 0.67), ("WIRI", 0.006), ("WOTH", 0.045), ("WIRT", 0.006), ("WROM", 0.008), ("MWBC", 0.045),
          ("MWBA", 0.02), ("MWAS", 0.02), ("MOTH", 0.035), ("AIND", 0.006), ("APKN", 0.013), ("ABAN", 0.005),
          ("AOTH", 0.01), ("BCRB", 0.02), ("BAFR", 0.025), ("BOTH", 0.017), ("CHNE", 0.002), ("OOTH", 0.012),
          ("REFU", 0.002), ("NOBT", 0.006))
UASC_ETHNIC = (("BAFR", 0.35), ("AOTH", 0.25), ("OOTH", 0.25), ("WOTH", 0.1), ("BOTH", 0.05))
_AGE_BAND_INDEX = tuple((str(i), w) for i, (_, _, w) in enumerate(START_AGE_BANDS))
_UASC_AGE = tuple((str(a), w) for a, w in UASC_START_AGE)
MALE = 0.53  # non-UASC children in care (DfE 2024: 53%); UASC are 95% male
RE_ENTRY = 0.2  # after going home or to relatives before 17, some come back into care
PREV_PERM_FIRST = (("Z1", 0.9), ("P4", 0.05), ("P2", 0.03), ("P3", 0.015), ("P1", 0.005))


@dataclass(slots=True)
class PeriodPlan:
    start: date
    end: date  # when care ends; may be after as_at, in which case it is still open then
    route: str  # home, adoption, sgo, to18, other, remand, uasc
    cin: str
    prev_perm: str
    prev_perm_date: date | None = None
    milestones: dict[str, date] = field(default_factory=dict)
    reversal: str = ""  # REASON_PLACED_CEASED when an adoption decision is reversed


@dataclass(slots=True)
class Skeleton:
    dob: date
    sex: str
    ethnic: str
    uasc: bool
    periods: list[PeriodPlan]



def _days(rng: random.Random, lo: float, hi: float) -> timedelta:
    return timedelta(days=int(rng.uniform(lo, hi)))


def _route_table(age: float) -> tuple[tuple[str, float], ...]:
    for lower in (16, 10, 5, 1, 0):
        if age >= lower:
            return ROUTES[lower]
    return ROUTES[0]


def _period(rng: random.Random, dob: date, start: date, route: str, cin: str, prev_perm: str) -> PeriodPlan:
    """Draw how long a period lasts; anything reaching the 18th birthday ends on it."""
    b18 = birthday(dob, 18)
    plan = PeriodPlan(start, b18, route, cin, prev_perm)
    if route == "home":
        u = rng.random()
        length = _days(rng, 3, 30) if u < 0.25 else _days(rng, 30, 270) if u < 0.62 else _days(rng, 270, 1100)
        plan.end = start + length
    elif route == "sgo":
        plan.end = start + _days(rng, 150, 800)
    elif route == "other":
        plan.end = start + _days(rng, 14, 700)
    elif route == "remand":
        plan.end = start + _days(rng, 7, 150)
    elif route == "uasc":
        u = rng.random()
        left = (collection_end(collection_year_of(start)) - start).days
        if u < 0.05 and left >= 1:  # age assessed as an adult (E15) or left the country (E16)
            # Before the child's first 31 March in care. UASC status ends that day, and a child has one
            # DUC in every return: a UASC in care at a year end must show the 18th birthday (205B), and
            # one not UASC the next year must have had a DUC inside the year before (205A), so an early
            # end after a 31 March could not be reported without breaking one or the other.
            plan.end = start + (_days(rng, 20, min(300, left)) if left > 20 else _days(rng, 1, left))
            plan.route = "uasc_early"
    elif route == "adoption":
        m = plan.milestones
        m["decision"] = start + _days(rng, 120, 330)
        m["hearing"] = m["decision"] + _days(rng, 14, 90)
        if rng.random() < 0.12:  # the decision is reversed (REASON_PLACED_CEASED)
            plan.reversal = pick(rng, (("RD2", 0.45), ("RD3", 0.35), ("RD1", 0.15), ("RD4", 0.05)))
            m["reversed"] = m["hearing"] if plan.reversal == "RD2" else m["hearing"] + _days(rng, 300, 600)
            if rng.random() < 0.4:
                plan.route, plan.end = "sgo", m["reversed"] + _days(rng, 120, 700)
            else:
                plan.route = "to18"
        else:
            m["placed"] = m["hearing"] + _days(rng, 120, 480)  # entry to placement about 1y7m (DfE 2024)
            m["match"] = m["placed"] - _days(rng, 7, 40)
            plan.end = m["placed"] + _days(rng, 150, 400)  # about 9 months from placement to order
    if plan.end >= b18:
        plan.end, plan.route = b18, "uasc" if route.startswith("uasc") else "to18"
        plan.milestones.pop("placed", None)
        plan.milestones.pop("match", None)
    if plan.end <= start:
        plan.end = start + timedelta(days=1)
    return plan


def skeleton(rng: random.Random, arrival: date) -> Skeleton:
    """A child arriving in care on `arrival`: who they are and their periods of care."""
    uasc = rng.random() < UASC_STARTERS
    if uasc:
        age_years = int(pick(rng, _UASC_AGE))
        sex = "M" if rng.random() < 0.95 else "F"
        ethnic = pick(rng, UASC_ETHNIC)
    else:
        lo, hi, _ = START_AGE_BANDS[int(pick(rng, _AGE_BAND_INDEX))]
        age_years = lo
        sex = "M" if rng.random() < MALE else "F"
        ethnic = pick(rng, ETHNIC)
        span = hi - lo
    # A date of birth giving the drawn age on arrival (never born on the day of arrival).
    if uasc:
        dob = add_years(arrival, -age_years) - timedelta(days=rng.randint(1, 364))
    elif lo == 0 and rng.random() < 0.55:  # many babies come into care in their first weeks
        dob = arrival - timedelta(days=rng.randint(1, 30))
    else:
        dob = arrival - timedelta(days=int(rng.uniform(lo, lo + span) * 365.25) + 1)
    if birthday(dob, 18) <= arrival + timedelta(days=7):
        dob = add_years(arrival, -17) - timedelta(days=rng.randint(1, 300))
    age = (arrival - dob).days / 365.25
    if uasc:
        route, cin = "uasc", pick(rng, (("N8", 0.9), ("N4", 0.05), ("N5", 0.05)))
    else:
        route = pick(rng, _route_table(age))
        cin = "N6" if route == "remand" and rng.random() < 0.7 else pick(rng, CIN)
    periods = [_period(rng, dob, arrival, route, cin, pick(rng, PREV_PERM_FIRST))]
    periods[0].prev_perm_date = _prev_perm_date(rng, periods[0].prev_perm, dob, arrival)
    while len(periods) < 3:
        last = periods[-1]
        b17 = birthday(dob, 17)
        comes_back = (
            (last.route in ("home", "other") and rng.random() < RE_ENTRY)
            or (last.route == "sgo" and rng.random() < 0.04)
        )
        if not comes_back or last.end > b17 - timedelta(days=120):
            break
        start = last.end + _days(rng, 30, 900)
        if start >= b17:
            break
        age = (start - dob).days / 365.25
        route = pick(rng, _route_table(age))
        prev = "P2" if last.route == "sgo" else "Z1"
        plan = _period(rng, dob, start, route, last.cin if rng.random() < 0.7 else pick(rng, CIN), prev)
        plan.prev_perm_date = last.end if prev == "P2" else None
        periods.append(plan)
    return Skeleton(dob, sex, ethnic, uasc, periods)


def _prev_perm_date(rng: random.Random, code: str, dob: date, start: date) -> date | None:
    if code in ("P1", "P2", "P3"):
        gap = (start - dob).days
        lo = min(180, gap // 2)
        return dob + timedelta(days=rng.randint(lo, max(lo, gap - 30)))
    return None


def care_days(sk: Skeleton) -> int:
    """Total days in care over the child's life: the calibration of the arrival rate uses it."""
    return sum((p.end - p.start).days for p in sk.periods)
