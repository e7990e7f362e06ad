"""The personal adviser's work with a care leaver: allocation, needs assessment, pathway plan and
its reviews and actions, contacts and visits, and entitlements given.

Generated on its own random stream, so leaving it out (the national CSV set) changes nothing in
the 903. PA from about 16 1/2 (003 L1083, L1136: PA at 17.5 now, target 16.5); contact roughly every
8 weeks and a visit soon after every move (statutory-duties D26/D27); pathway plan reviews every
6 months (D23); the entitlements leaflet for everyone (000 L458).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from hearth.domain.ssda903.years import add_months, age_on, birthday
from hearth.synth.draw import pick
from hearth.synth.leaving_care import CareLeaver
from hearth.synth.model import (
    ActionSpec,
    AllocationSpec,
    ContactSpec,
    EntitlementSpec,
    LeavingCare,
    PathwayPlanSpec,
)
from hearth.synth.workforce import Staffing, personal_adviser_allocations

NO_PA = 0.01
ACTIONS = (
    ("Register with a GP near the new address", "Young person"), ("Apply for a provisional driving licence", "Young person"),
    ("Open a bank account", "Personal adviser"), ("Complete a college application", "Young person"),
    ("Referral to the employment support team", "Personal adviser"), ("Housing application submitted", "Housing"),
    ("Set up a budget plan", "Personal adviser"), ("Arrange a health assessment", "Social worker"),
    ("Apply for a national insurance number", "Young person"), ("Agree Staying Put arrangement", "Social worker"),
    ("Review the personal education plan", "Virtual School"), ("Book a work coach appointment", "DWP work coach"),
)
CONTACT_KINDS = (("PHONE", 0.45), ("VIDEO", 0.1), ("MESSAGE", 0.45))  # between in-person visits
# Visits on time (D26 within 7 days of a move, D27 two-monthly): model, near the 85.6-95.2% of care
# leavers contacted in the last 3 months on the council's dashboard (000 L457).
VISIT_ON_TIME = 0.9
SEEN = {"VISIT": ("HOME", "COMMUNITY", "EDUCATION"), "OFFICE": ("OFFICE",)}



def _worker_at(allocations: list[AllocationSpec], day: date) -> int | None:
    for a in allocations:
        if a.start <= day and (a.end is None or a.end > day):
            return a.worker_key
    return None


def support(
    rng: random.Random, *, dob: date, leaver: CareLeaver, staffing: Staffing, la_code: str, as_at: date,
    since: date,
) -> tuple[list[AllocationSpec], LeavingCare]:
    """The PA's work with one care leaver; contacts are recorded from `since` (the history's first year)."""
    b16, b21, b25 = birthday(dob, 16), birthday(dob, 21), birthday(dob, 25)
    end_of_support = min(b21, leaver.died or date.max)
    pa_start = max(leaver.eligible, b16 + timedelta(days=rng.randint(90, 540)))
    if leaver.care_end is not None:
        pa_start = min(pa_start, leaver.care_end)
    pa_start = max(pa_start, leaver.eligible)
    allocations: list[AllocationSpec] = []
    if pa_start < end_of_support and pa_start <= as_at and rng.random() > NO_PA:
        allocations += personal_adviser_allocations(
            rng, staffing, pa_start, end_of_support if end_of_support <= as_at else None, as_at)
    for start, end in leaver.pa_reallocations:
        allocations += personal_adviser_allocations(rng, staffing, start, end, as_at)

    assessments: list[tuple[date, int | None]] = []
    plans: list[PathwayPlanSpec] = []
    assessed = leaver.eligible + timedelta(days=rng.randint(0, 40) if rng.random() < 0.95 else rng.randint(100, 300))
    if assessed <= as_at and assessed < end_of_support:
        assessments.append((assessed, _worker_at(allocations, assessed)))
        agreed = assessed + timedelta(days=rng.randint(0, 28))
        if agreed <= as_at:
            plans.append(_plan(rng, agreed, min(end_of_support, as_at), allocations, as_at))

    contacts: list[ContactSpec] = []
    moves = {a.start for a in leaver.accommodation if a.start >= since}
    day = pa_start
    if day < since:  # join the contact rhythm part way through
        day = since + timedelta(days=rng.randint(0, 56))
    stop = min(end_of_support, as_at + timedelta(days=1))
    custody_spells = [(a.start, a.end) for a in leaver.accommodation if a.accommodation_type == "CUSTODY"]
    while allocations and day < stop:
        age = age_on(dob, day)
        state = leaver.in_touch[min(max(age - 17, 0), 4)] if leaver.care_end and day >= leaver.care_end else "YES"
        custody = bool(custody_spells) and any(s <= day and (e is None or e > day) for s, e in custody_spells)
        worker = _worker_at(allocations, day)
        if state in ("NO", "REFU"):
            kind = "ATTEMPTED" if rng.random() < 0.85 else "MESSAGE"
            contacts.append(ContactSpec(day, kind, worker, "NOT_SEEN"))
            day += timedelta(days=rng.randint(28, 70))
            continue
        # Seen in person at least two-monthly (D27), with calls and messages in between.
        kind = "VISIT" if rng.random() < 0.85 else "OFFICE"
        where = "CUSTODY" if custody and kind == "VISIT" else rng.choice(SEEN[kind])
        contacts.append(ContactSpec(day, kind, worker, where))
        if rng.random() < 0.5:
            between = pick(rng, CONTACT_KINDS)
            call = day + timedelta(days=rng.randint(14, 35))
            if call < stop:
                contacts.append(ContactSpec(call, between, _worker_at(allocations, call),
                                            rng.choice(SEEN.get(between, ("NOT_SEEN",)))))
        if state == "NREQ":
            day += timedelta(days=rng.randint(60, 110))
        else:
            due = add_months(day, 2)
            day = due - timedelta(days=rng.randint(0, 21)) if rng.random() < VISIT_ON_TIME \
                else due + timedelta(days=rng.randint(1, 30))
    for moved in sorted(moves):
        # D26: seen at the new home within 7 days of every move, mostly.
        visit = moved + timedelta(days=rng.randint(0, 7) if rng.random() < VISIT_ON_TIME else rng.randint(8, 25))
        if pa_start <= visit < stop:
            contacts.append(ContactSpec(visit, "VISIT", _worker_at(allocations, visit), "HOME", True))
    contacts.sort(key=lambda c: c.date)

    entitlements: list[EntitlementSpec] = []
    if allocations and rng.random() < 0.99:
        given = pa_start + timedelta(days=rng.randint(0, 30))
        if given <= as_at:
            entitlements.append(EntitlementSpec(given, "LOCAL_OFFER_LEAFLET", None))
    first_tenancy = next((a.start for a in leaver.accommodation if a.accommodation_type == "INDEPENDENT_TENANCY"), None)
    if first_tenancy and first_tenancy <= as_at:
        # Setting-up-home allowance: £2,000 from April 2017 (003 L1131), £3,000 nationally from 2023.
        amount = "3000.00" if first_tenancy >= date(2023, 4, 1) else "2000.00"
        entitlements.append(EntitlementSpec(first_tenancy, "SETTING_UP_HOME", amount))
        if rng.random() < 0.6:
            entitlements.append(EntitlementSpec(first_tenancy, "COUNCIL_TAX_EXEMPTION", None))
    for spell in leaver.eet:
        if spell.activity == "HE_FT":
            entitlements.append(EntitlementSpec(spell.start, "HE_BURSARY", "2000.00"))
    b18 = birthday(dob, 18)
    if allocations and b18 <= as_at and rng.random() < 0.3:
        entitlements.append(EntitlementSpec(b18, "LEISURE_PASS", None))
    if allocations and rng.random() < 0.2:
        day = pa_start + timedelta(days=rng.randint(30, 400))
        if day <= as_at:
            entitlements.append(EntitlementSpec(day, "DOCUMENTS", None, "Passport application"))
    _ = b25, la_code
    return allocations, LeavingCare(
        needs_assessments=tuple(assessments), pathway_plans=tuple(plans), contacts=tuple(contacts),
        accommodation=tuple(leaver.accommodation), eet=tuple(leaver.eet), staying_put=tuple(leaver.staying_put),
        support_requests=tuple(leaver.support_requests), entitlements=tuple(sorted(entitlements, key=lambda e: e.given_on)),
    )


def _plan(rng: random.Random, agreed: date, until: date, allocations: list[AllocationSpec], as_at: date) -> PathwayPlanSpec:
    reviews: list[tuple[date, int | None]] = []
    actions: list[ActionSpec] = []

    def add_actions(day: date, n: int) -> None:
        for description, owner in rng.sample(ACTIONS, n):
            due = day + timedelta(days=rng.randint(14, 120))
            done = due + timedelta(days=rng.randint(-20, 20))
            completed = done if rng.random() < 0.7 and done <= as_at and done >= day else None
            actions.append(ActionSpec(description, owner, due, completed))

    add_actions(agreed, 3)
    day = agreed
    while len(actions) < 14:
        due = add_months(day, 6)
        day = due - timedelta(days=rng.randint(0, 14)) if rng.random() < 0.85 else due + timedelta(days=rng.randint(1, 45))
        if day >= until:
            break
        reviews.append((day, _worker_at(allocations, day)))
        add_actions(day, 1)
    return PathwayPlanSpec(agreed, _worker_at(allocations, agreed), tuple(reviews), tuple(actions))
