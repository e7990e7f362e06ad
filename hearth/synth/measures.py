"""Each target in targets.py, measured on a generated council (pure; used by tests and the command)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from hearth.domain.calendar import add_working_days
from hearth.domain.ssda903.cohorts import (
    episodes_in_year,
    looked_after_at_end,
    oc3_age,
    periods,
    qualifies_as_care_leaver,
)
from hearth.domain.ssda903.history import BirthdayRecord, Episode
from hearth.domain.ssda903.years import age_on, birthday, collection_end, collection_start
from hearth.synth.events import review_due
from hearth.synth.leaving_care import eligible_from
from hearth.synth.model import SynthChild, SynthCouncil

FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")
RESIDENTIAL = ("K1", "K2", "K3", "H5", "P2")
SGO = ("E43", "E44", "E45", "E46", "E47", "E48")


def _pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else float("nan")


def _open_at(episodes: tuple[Episode, ...], day: date) -> Episode | None:
    for e in episodes:
        if e.decom <= day and (e.dec is None or e.dec > day):
            return e
    return None


def placements_in_year(episodes: tuple[Episode, ...], year: int) -> int:
    """Distinct placements open in the year: temporary placements, and returns from them, are not new ones."""
    start, end = collection_start(year), collection_end(year)
    ordered = sorted(episodes, key=lambda e: e.decom)
    ids: list[int | None] = []
    current = 0
    for i, e in enumerate(ordered):
        if e.place.startswith("T"):
            ids.append(None)
            continue
        back_from_temporary = (
            i >= 2 and ordered[i - 1].place.startswith("T") and ordered[i - 2].place == e.place
            and ordered[i - 2].pl_post == e.pl_post
        )
        if e.rne in ("S", "P", "B") and not back_from_temporary:
            current += 1
        ids.append(current)
    return len({pid for e, pid in zip(ordered, ids, strict=True)
                if pid is not None and e.decom <= end and (e.dec is None or e.dec > start)})


def _care_leaver_now(c: SynthChild, as_at: date) -> bool:
    """A qualifying care leaver aged 18-20 on as_at, out of care, alive, not adopted or transferred."""
    h = c.history
    if not 18 <= age_on(h.dob, as_at) <= 20 or not h.episodes or c.date_of_death:
        return False
    last = max(h.episodes, key=lambda e: e.decom)
    if last.dec is None or last.rec in ("E11", "E12", "E2", "E3"):
        return False
    return qualifies_as_care_leaver(h.episodes, h.dob, as_at)


def measure(council: SynthCouncil) -> dict[str, float]:
    year, as_at = council.last_year, council.as_at
    start, end = collection_start(year), collection_end(year)
    out: dict[str, float] = {}
    stock = [c for c in council.children if looked_after_at_end(c.history.episodes, year)]
    out["children_in_care"] = len(stock)
    n = len(stock)

    def share(test: Callable[[SynthChild], bool], group: list[SynthChild] = stock) -> float:
        return _pct(sum(1 for c in group if test(c)), len(group))

    def open_episode(c: SynthChild) -> Episode:
        e = _open_at(c.history.episodes, end)
        assert e is not None
        return e

    def age(c: SynthChild) -> int:
        return age_on(c.history.dob, end)

    out["male_pct"] = share(lambda c: c.history.sex == "M")
    out["white_pct"] = share(lambda c: c.history.ethnic.startswith("W"))
    out["age_under_1_pct"] = share(lambda c: age(c) < 1)
    out["age_1_4_pct"] = share(lambda c: 1 <= age(c) <= 4)
    out["age_5_9_pct"] = share(lambda c: 5 <= age(c) <= 9)
    out["age_10_15_pct"] = share(lambda c: 10 <= age(c) <= 15)
    out["age_16_plus_pct"] = share(lambda c: age(c) >= 16)
    out["care_order_pct"] = share(lambda c: open_episode(c).ls in ("C1", "C2"))
    out["s20_pct"] = share(lambda c: open_episode(c).ls == "V2")
    out["placement_order_pct"] = share(lambda c: open_episode(c).ls == "E1")
    out["foster_pct"] = share(lambda c: open_episode(c).place in FOSTER)
    out["residential_pct"] = share(lambda c: open_episode(c).place in RESIDENTIAL)
    out["with_parents_pct"] = share(lambda c: open_episode(c).place == "P1")
    out["placed_for_adoption_pct"] = share(lambda c: open_episode(c).place.startswith("A"))
    out["n1_pct"] = share(lambda c: open_episode(c).cin == "N1")
    out["uasc_pct"] = share(lambda c: c.history.uasc)
    out["three_plus_placements_pct"] = share(lambda c: placements_in_year(c.history.episodes, year) >= 3)
    out["sw_two_plus_changes_pct"] = share(lambda c: sum(
        1 for s in c.history.sw_episodes if start <= s.sw_decom <= end and s.sw_reason != "FCONTA") >= 2)

    starts = [(c, e) for c in council.children for e in c.history.episodes if e.rne == "S" and start <= e.decom <= end]
    out["starters_per_100_in_care"] = _pct(len(starts), n)
    out["starters_16_plus_pct"] = _pct(sum(1 for c, e in starts if age_on(c.history.dob, e.decom) >= 16), len(starts))
    ceased = [e.rec for c in council.children for e in c.history.episodes
              if e.dec is not None and start <= e.dec <= end and e.rec not in ("X1", "")]
    out["leavers_home_pct"] = _pct(sum(1 for r in ceased if r in ("E4A", "E4B")), len(ceased))
    out["leavers_sgo_pct"] = _pct(sum(1 for r in ceased if r in SGO), len(ceased))
    out["leavers_adopted_pct"] = _pct(sum(1 for r in ceased if r in ("E11", "E12")), len(ceased))

    during = [c for c in council.children if episodes_in_year(c.history.episodes, year)]
    out["missing_pct"] = share(lambda c: any(m.missing == "M" and start <= m.mis_start <= end
                                             for m in c.history.missing), during)
    on_time = total = 0
    for c in during:
        for p in periods(c.history.episodes):
            held: list[date] = []
            for r in sorted(c.history.reviews, key=lambda r: r.review):
                if r.review < p.start or (p.end is not None and r.review >= p.end):
                    continue
                due = review_due(p.start, held)
                held.append(r.review)
                if start <= r.review <= end:
                    total += 1
                    on_time += r.review <= due
    out["reviews_on_time_pct"] = _pct(on_time, total)
    outcomes = [o for c in council.children for o in c.history.outcomes if o.year == year]
    scored = [o.sdq_score for o in outcomes if o.sdq_score is not None]
    out["sdq_concern_pct"] = _pct(sum(1 for s in scored if s >= 14), len(scored))
    convicted = [o.convicted for o in outcomes if o.convicted is not None]
    out["convicted_pct"] = _pct(sum(convicted), len(convicted))

    leavers = [(c, c.history.birthday_record_for(year)) for c in council.children if oc3_age(c.history, year) in (19, 20, 21)]
    out["leavers_in_touch_pct"] = _pct(sum(1 for _, r in leavers if r and r.in_touch == "YES"), len(leavers))
    out["leavers_eet_pct"] = _pct(sum(1 for _, r in leavers if r and r.in_touch == "YES" and r.activ[0] in "FP"),
                                  len(leavers))
    out["leavers_suitable_pct"] = _pct(sum(1 for _, r in leavers if r and r.accom.endswith("1")), len(leavers))
    turning_22 = [c for c in council.children if 22 == age_on(c.history.dob, end) and oc3_age(
        replace(c.history, birthdays=(BirthdayRecord(year, "YES", "", ""),)), year) == 22]
    out["leavers_22_in_touch_pct"] = share(lambda c: oc3_age(c.history, year) == 22, turning_22)

    eighteen = []
    for c in council.children:
        b18 = birthday(c.history.dob, 18)
        if collection_start(year - 4) <= b18 <= min(end, as_at - timedelta(days=91)):
            last = [e for e in c.history.episodes if e.dec == b18 and e.rec not in ("X1", "")]
            if last and last[0].place in FOSTER:
                eighteen.append(c)
    check = lambda c: birthday(c.history.dob, 18) + timedelta(days=91)  # noqa: E731
    out["staying_put_pct"] = share(lambda c: any(
        s.start <= check(c) and (s.end is None or s.end > check(c)) for s in c.leaving_care.staying_put), eighteen)

    now = [c for c in council.children if _care_leaver_now(c, as_at)]
    out["pa_allocated_pct"] = share(lambda c: any(
        a.role == "PERSONAL_ADVISER" and a.start <= as_at and (a.end is None or a.end > as_at) for a in c.allocations), now)
    out["contact_3m_pct"] = share(lambda c: any(
        as_at - timedelta(days=91) < x.date <= as_at and x.kind != "ATTEMPTED" for x in c.leaving_care.contacts), now)
    out["leaflet_pct"] = share(lambda c: any(
        x.kind == "LOCAL_OFFER_LEAFLET" and x.given_on <= as_at for x in c.leaving_care.entitlements), now)
    in_care_16 = []
    for c in council.children:
        h = c.history
        if 16 <= age_on(h.dob, as_at) <= 17 and _open_at(h.episodes, as_at):
            when = eligible_from(h.episodes, h.dob)
            if when is not None and when <= as_at:
                in_care_16.append(c)
    out["pathway_plan_pct"] = share(lambda c: any(p.agreed_on <= as_at for p in c.leaving_care.pathway_plans),
                                    in_care_16)

    def caseload(role: str) -> float:
        held = sum(1 for c in council.children for a in c.allocations
                   if a.role == role and a.start <= as_at and (a.end is None or a.end > as_at))
        staff = sum(1 for w in council.workers if w.role == role and w.active)
        return held / staff if staff else float("nan")

    out["sw_caseload"] = caseload("SOCIAL_WORKER")
    out["pa_caseload"] = caseload("PERSONAL_ADVISER")
    out.update(_duties(council, start, end))
    return out


def _duties(council: SynthCouncil, start: date, end: date) -> dict[str, float]:
    """IHA within 20 working days of a period starting in the year; first visit within 7 days of a placement."""
    iha = iha_due = visit = visit_due = 0
    for c in council.children:
        assessed = [d.completed_on for d in c.duties if d.duty == "HEALTH_ASSESSMENT"]
        visits = [v.date for v in c.visits]
        for p in periods(c.history.episodes):
            if start <= p.start <= end and (p.end is None or p.end > add_working_days(p.start, 20)):
                iha_due += 1
                iha += any(p.start <= d <= add_working_days(p.start, 20) for d in assessed)
        for e in c.history.episodes:
            if e.rne != "L" and start <= e.decom <= end and (e.dec is None or e.dec > e.decom + timedelta(days=7)):
                visit_due += 1
                visit += any(e.decom <= d <= e.decom + timedelta(days=7) for d in visits)
    return {"iha_on_time_pct": _pct(iha, iha_due), "first_visit_on_time_pct": _pct(visit, visit_due)}
