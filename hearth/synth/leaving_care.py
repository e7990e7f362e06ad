"""Care leavers: where they live, what they do, whether we are in touch, and the support around them.

Targets (targets.py): in touch, EET and suitable accommodation for 19-21-year-olds (000 L720-L722),
Staying Put (000 L1345), 22-25-year-olds asking for support (DfE 2023 22-25 in touch data set),
and the council's own dashboard measures: PA allocated, contact in the last 3 months, entitlements
leaflet, pathway plans (000 L455-L458). Accommodation and EET are histories; the OC3 items are read
off them at the birthday (or at the latest contact for 22-25s), as the real export will.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from hearth.domain import codes
from hearth.domain.ssda903.history import BirthdayRecord, Episode
from hearth.domain.ssda903.years import age_on, birthday, collection_end, collection_start
from hearth.synth.draw import pick
from hearth.synth.model import AccommodationSpec, EETSpec, StayingPutSpec, SupportRequestSpec

IN_TOUCH = (("YES", 0.87), ("NO", 0.05), ("REFU", 0.03), ("NREQ", 0.04), ("RHOM", 0.01))
DIED_PER_YEAR = 0.0015
FIRST_HOME = {
    "E17": (("STAYING_PUT", 1.0),),
    "E5": (("SEMI_INDEPENDENT", 0.4), ("SUPPORTED_LODGINGS", 0.25), ("SUPPORTED_HOUSING", 0.2),
           ("TRAINER_FLAT", 0.1), ("STAYING_CLOSE", 0.05)),
    "E6": (("INDEPENDENT_TENANCY", 0.6), ("LODGINGS", 0.2), ("HMO", 0.2)),
    "E7": (("RESIDENTIAL", 1.0),),
    "E9": (("CUSTODY", 1.0),),
    "E15": (("NOT_KNOWN", 0.5), ("OTHER", 0.5)),
    "E16": (("ABROAD", 1.0),),
}
HOME = (("PARENTS_RELATIVES", 1.0),)
LATER_HOMES = (
    ("INDEPENDENT_TENANCY", 0.3), ("SEMI_INDEPENDENT", 0.13), ("SUPPORTED_HOUSING", 0.1), ("PARENTS_RELATIVES", 0.12),
    ("STUDENT", 0.04), ("SUPPORTED_LODGINGS", 0.05), ("HOSTEL", 0.04), ("LODGINGS", 0.04), ("HMO", 0.04),
    ("FOYER", 0.02), ("EMERGENCY", 0.012), ("BED_AND_BREAKFAST", 0.008), ("CUSTODY", 0.03),
    ("NO_FIXED_ABODE", 0.01), ("NOT_KNOWN", 0.02), ("HOUSING_COOP", 0.01), ("OTHER", 0.01),
)
SUITABLE = 0.96  # suitable, when the type can be
EET_16_17 = (("FE_FT", 0.62), ("FE_PT", 0.05), ("APPRENTICE_FT", 0.05), ("EMPLOYMENT_PT", 0.03), ("NEET", 0.2),
             ("NOT_KNOWN", 0.05))
EET_18_PLUS = (("HE_FT", 0.05), ("FE_FT", 0.11), ("FE_PT", 0.03), ("APPRENTICE_FT", 0.045), ("APPRENTICE_PT", 0.01),
               ("EMPLOYMENT_FT", 0.1), ("EMPLOYMENT_PT", 0.06), ("NEET", 0.55), ("NOT_KNOWN", 0.045))
NEET_REASONS = (("ILLNESS_DISABILITY", 0.15), ("PREGNANCY_PARENTING", 0.17), ("HOUSING", 0.06),
                ("POLICE_INVOLVEMENT", 0.04), ("NOT_READY", 0.18), ("SEEKING", 0.3), ("OTHER", 0.1))
# Share of qualifying care leavers asking for support in the year they turn 22-25
# (DfE 22-25 in touch data set, 2023: 51% at 22, 38% at 23; 24 and 25 extrapolated).
SUPPORT_BY_AGE = {22: 0.51, 23: 0.38, 24: 0.3, 25: 0.25}
REQUESTS = (
    "Help with a rent deposit", "Support to apply for a college course", "Advice about benefits",
    "Help with a council tax bill", "Would like a personal adviser again", "Help with a housing application",
    "Support with mental health", "Help finding work", "Help with a setting-up-home item",
)
OUTCOMES = (("ADVICE", 0.4), ("PA_ALLOCATED", 0.2), ("ASSESSMENT", 0.1), ("REFERRED", 0.2), ("DECLINED", 0.05),
            ("WITHDRAWN", 0.05))
STAYING_PUT_ALLOWANCE = "222.00"  # Lancashire's weekly Staying Put allowance (000 L732)



def eligible_from(episodes: tuple[Episode, ...], dob: date) -> date | None:
    """The day a young person first meets the care leaver test: 91 days looked after from 14, some from 16."""
    b14, b16 = birthday(dob, 14), birthday(dob, 16)
    counted = 0
    for e in sorted(episodes, key=lambda e: e.decom):
        if e.ls in ("V3", "V4"):
            continue
        lo = max(e.decom, b14)
        hi = e.dec or date.max
        if hi <= lo:
            continue
        reach = lo + timedelta(days=91 - counted) if counted < 91 else lo
        day = max(reach, b16, lo)
        if day < hi:
            return day
        counted += min((hi - lo).days, 10**6)
    return None


@dataclass
class CareLeaver:
    """The part of a care leaver's story the 903 reads (always generated, so the 903 never depends on detail)."""

    eligible: date
    care_end: date | None  # None: still looked after at as_at
    final_rec: str
    in_touch: list[str]  # by age 17..21
    died: date | None
    accommodation: list[AccommodationSpec]
    eet: list[EETSpec]
    staying_put: list[StayingPutSpec]
    support_requests: list[SupportRequestSpec]
    birthdays: list[BirthdayRecord]
    pa_reallocations: list[tuple[date, date | None]]


def _spells(rng, start: date, stop: date, first: str, table, *, min_days: int, max_days: int, age_of,
            open_at_stop: bool = True) -> list:
    """Back-to-back (type, start, end) spells from start to stop; the last is open (None) when it runs
    past as_at, or ends at `stop` when that is a death or the 26th birthday."""
    out = []
    kind, day = first, start
    while day < stop:
        length = int(rng.uniform(min_days, max_days)) if kind not in ("HE_FT", "STAYING_PUT") else 0
        if kind == "HE_FT":
            length = int(rng.uniform(700, 1150))
        end = day + timedelta(days=max(14, length))
        out.append((kind, day, end if end < stop else (None if open_at_stop else stop)))
        day = end
        nxt = kind
        for _ in range(5):  # a different kind next, when the table allows it
            nxt = pick(rng, table(age_of(day)))
            if nxt != kind:
                break
        kind = nxt
    return out


def care_leaver(
    rng: random.Random, *, dob: date, sex: str, episodes: tuple[Episode, ...], last_place: str,
    foster_provider: int | None, carer_name: str, as_at: date, years: range, oc3_age,
) -> CareLeaver | None:
    when = eligible_from(episodes, dob)
    if when is None or when > as_at:
        return None
    last = max(episodes, key=lambda e: e.decom)
    care_end = last.dec if last.dec is not None and last.dec <= as_at else None
    final = last.rec if care_end else ""
    if final in ("E11", "E12", "E2", "E3"):
        return None
    b21, b25 = birthday(dob, 21), birthday(dob, 25)
    in_touch, died = [], None
    state = pick(rng, IN_TOUCH)
    for age in range(17, 22):
        if rng.random() > 0.6:
            state = pick(rng, IN_TOUCH)
        in_touch.append(state)
        if care_end and died is None and rng.random() < DIED_PER_YEAR:
            died = max(care_end, birthday(dob, age)) + timedelta(days=rng.randint(1, 300))
            if died > as_at:
                died = None
    stop = min(as_at + timedelta(days=1), birthday(dob, 26), died or date.max)
    open_end = stop == as_at + timedelta(days=1)
    leaver = CareLeaver(when, care_end, final, in_touch, died, [], [], [], [], [], [])

    # Where they live after care.
    if care_end and care_end < stop:
        first_table = FIRST_HOME.get(final, HOME if final in ("E4A", "E4B", "E13", "E41", "E8") else LATER_HOMES)
        first = pick(rng, first_table)
        later = lambda _age: LATER_HOMES  # noqa: E731
        if first == "STAYING_PUT":
            stay = 60 if rng.random() < 0.05 else int(rng.uniform(120, 1100))
            sp_end = min(care_end + timedelta(days=stay), b21)
            leaver.staying_put.append(StayingPutSpec(
                care_end, sp_end if sp_end <= as_at else None, carer_name, foster_provider, STAYING_PUT_ALLOWANCE))
            spells = [("STAYING_PUT", care_end, sp_end if sp_end < stop else (None if open_end else stop))]
            if sp_end < stop:
                spells += _spells(rng, sp_end, stop, pick(rng, LATER_HOMES), later, min_days=150, max_days=700,
                                  age_of=lambda d: 0, open_at_stop=open_end)
        else:
            spells = _spells(rng, care_end, stop, first, later, min_days=150, max_days=700, age_of=lambda d: 0,
                             open_at_stop=open_end)
        for kind, s, e in spells:
            always_bad = kind in codes.ALWAYS_UNSUITABLE_ACCOMMODATION or kind == "NOT_KNOWN"
            leaver.accommodation.append(AccommodationSpec(s, e, kind, (not always_bad) and rng.random() < SUITABLE))

    # Education, employment and training from 16.
    first_day = max(birthday(dob, 16), min(e.decom for e in episodes))
    if first_day < stop:
        age_of = lambda d: age_on(dob, d)  # noqa: E731
        table = lambda age: EET_16_17 if age < 18 else EET_18_PLUS  # noqa: E731
        for kind, s, e in _spells(rng, first_day, stop, pick(rng, table(age_of(first_day))), table,
                                  min_days=120, max_days=600, age_of=age_of, open_at_stop=open_end):
            reason = ""
            if kind == "NEET":
                reason = pick(rng, NEET_REASONS)
                if reason == "PREGNANCY_PARENTING" and sex == "M" and rng.random() < 0.7:
                    reason = "SEEKING"
            leaver.eet.append(EETSpec(s, e, kind, reason))

    # Asking for support at 22-25, which is also what puts them in OC3 at those ages.
    for year in range(years.start, years.stop + 1):
        age = age_on(dob, collection_end(year))
        if age not in SUPPORT_BY_AGE or died:
            continue
        lo, hi = max(collection_start(year), b21), min(collection_end(year), b25 + timedelta(days=364), as_at)
        if hi <= lo or rng.random() > SUPPORT_BY_AGE[age]:
            continue
        for _ in range(1 + (rng.random() < 0.3)):
            received = lo + timedelta(days=rng.randrange((hi - lo).days + 1))
            outcome = pick(rng, OUTCOMES)
            decided = received + timedelta(days=rng.randint(0, 20))
            if decided > as_at:
                outcome, decided_value = "PENDING", None
            else:
                decided_value = decided
            leaver.support_requests.append(SupportRequestSpec(received, rng.choice(REQUESTS), outcome, decided_value))
            if outcome == "PA_ALLOCATED" and decided_value:
                until = min(decided + timedelta(days=rng.randint(180, 540)), birthday(dob, 26))
                if until > decided:
                    leaver.pa_reallocations.append((decided, until if until <= as_at else None))
    leaver.support_requests.sort(key=lambda r: r.received_on)

    # OC3: around the birthday (17-21) or at the latest request (22-25).
    for year in years:
        age = oc3_age(year)
        if age is None:
            continue
        if age >= 22:
            contacts = [r.received_on for r in leaver.support_requests
                        if collection_start(year) <= r.received_on <= collection_end(year)]
            if not contacts:
                continue
            leaver.birthdays.append(_birthday_record(leaver, year, "YES", max(contacts), age))
            continue
        day = birthday(dob, age)
        state = "DIED" if died and died <= day else in_touch[age - 17]
        leaver.birthdays.append(_birthday_record(leaver, year, state, day, age))
    return leaver


def _at(spells, day: date):
    for s in spells:
        if s.start <= day and (s.end is None or s.end > day):
            return s
    return spells[-1] if spells and spells[-1].start <= day else None


def _birthday_record(leaver: CareLeaver, year: int, state: str, day: date, age: int) -> BirthdayRecord:
    if state in ("DIED", "RHOM"):
        return BirthdayRecord(year, state, "0", "0")
    eet = _at(leaver.eet, day)
    if eet is None or eet.activity == "NOT_KNOWN":
        activ = "G5"
    elif eet.activity == "NEET":
        activ = codes.NEET_REASON_TO_ACTIV.get(eet.neet_reason, "G5")
    else:
        activ = codes.EET_TO_ACTIV[eet.activity]
        if year < 2022:  # F3/P3 before the apprenticeship split of 2021/22
            activ = {"F4": "F3", "F5": "F3", "P4": "P3", "P5": "P3"}.get(activ, activ)
    home = _at(leaver.accommodation, day)
    if state in ("NO", "REFU") or home is None:
        accom = "R2"
    else:
        letter = codes.ACCOMMODATION_TO_ACCOM_LETTER[home.accommodation_type]
        # Foyers are not reported for under-18s (rule 347), which the DfE reads as under 18 at the
        # start of the year: the 17s and the 18s reported at the birthday in it.
        if letter == "T" and age < 19:
            letter = "D"
        digit = "2" if letter in ("S", "X", "R") or not home.suitable else "1"
        accom = letter + digit
    return BirthdayRecord(year, state, activ, accom)
