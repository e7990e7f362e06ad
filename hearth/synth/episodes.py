"""A period of care as 903 episodes: legal status changes, placement moves, and how it ends.

Rules kept (ssda903.md §1.4, §2): the period starts with RNE S; episodes chain with REC X1 on the
same day; a change of legal status only is L, of placement and carer P, of placement with the same
carer T, both U (same carer) or B; REASON_PLACE_CHANGE sits on the episode that ends, never around a
temporary placement; a period never starts or ends in a temporary placement; codes are used only in
years they are valid (P2 ends by 28/10/2023, H5 and Z1 by 31/03/2025; K3 from 2024/25, Z11-Z14
from 2025/26); care ends by the 18th birthday.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from hearth.domain.ssda903.history import Episode
from hearth.domain.ssda903.years import birthday, collection_year_of
from hearth.synth.care import PeriodPlan, Skeleton
from hearth.synth.draw import pick
from hearth.synth.model import EpisodeExtra
from hearth.synth.placements import CouncilPlaces, Placement, placement, same_carer

# P2 episodes must end before 28 October 2023 (§2.7; rule 217t reads DEC >= 28/10/2023 as still open).
P2_LAST_DAY = date(2023, 10, 27)
# H5 and Z1 are last valid in 2024/25: an episode ending on 1 April 2025 would be in the 2025/26 return
# (146, 526), so they end on 31 March 2025 and the next starts that day.
H5_Z1_END = date(2025, 3, 31)
K3_FROM = date(2024, 4, 1)
Z_NEW_FROM = date(2025, 4, 1)  # Z11-Z14
# Code -> (cut-over day, the code the same placement continues under)
# Z1 has no successor valid in both 2024/25 and 2025/26 (Z11-Z14 start in 2025/26), so a Z1
# placement open at the cut-over ends in a real move to a children's home (`_recode`).
EXPIRES = {"P2": (P2_LAST_DAY, "H5"), "H5": (H5_Z1_END, "K3"), "Z1": (H5_Z1_END, "K2")}
FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")
SEMI = ("P2", "H5", "K3")
MOVE_REASONS = (("CARPL", 0.34), ("CREQB", 0.13), ("CREQO", 0.08), ("CHILD", 0.09), ("LAREQ", 0.08),
                ("CLOSE", 0.06), ("ALLEG", 0.04), ("STAND", 0.04), ("APPRR", 0.01), ("OTHER", 0.05))
# Placement moves per year (targets: three_plus_placements_pct): most children are settled, a few move often.
UNSETTLED = 0.2
MOVE_RATE_SETTLED, MOVE_RATE_UNSETTLED = 0.14, 1.3
EARLY_MOVE = 0.3  # emergency placement followed by a planned one
TEMPORARY_RATE = 0.05  # temporary placements (respite, hospital, holiday) per foster child per year
STAYING_PUT = 0.55  # of those in foster care at 18 (targets: staying_put_pct, 000 L1345)



def _days(rng: random.Random, lo: float, hi: float) -> timedelta:
    return timedelta(days=int(rng.uniform(lo, hi)))


def _resolve(rng: random.Random, family: str, day: date) -> str:
    """A placement family as the code valid on the day."""
    if family == "SEMI":
        if day < P2_LAST_DAY - timedelta(days=180):
            return "P2" if rng.random() < 0.3 else "H5"
        return "K3" if day >= K3_FROM else "H5"
    if family == "Z":
        if day < H5_Z1_END:
            return "Z1"
        if day < Z_NEW_FROM:  # 31 March 2025: neither Z1 nor Z11-Z14 is valid in both years it touches
            return "K2"
        return pick(rng, (("Z12", 0.45), ("Z13", 0.35), ("Z11", 0.1), ("Z14", 0.1)))
    return family


def _choose_place(rng: random.Random, age: float, day: date, route: str, uasc: bool) -> str:
    if route == "remand":
        table = (("U6", 0.45), ("K2", 0.4), ("K1", 0.1), ("R5", 0.05))
    elif uasc:
        table = (("U6", 0.65), ("K2", 0.35)) if age < 16 else (("SEMI", 0.6), ("U6", 0.25), ("K2", 0.15))
    elif age < 1:
        table = (("U6", 0.7), ("U3", 0.12), ("U5", 0.3 if route == "adoption" else 0.04), ("R3", 0.06))
    elif age < 5:
        table = (("U6", 0.7), ("U3", 0.25), ("U5", 0.05 if route == "adoption" else 0.01))
    elif age < 10:
        table = (("U6", 0.68), ("U3", 0.23), ("K2", 0.06), ("S1", 0.03))
    elif age < 16:
        table = (("U6", 0.6), ("U3", 0.15), ("K2", 0.18), ("K1", 0.01), ("S1", 0.03), ("R2", 0.01), ("Z", 0.01))
    else:
        table = (("U6", 0.45), ("U3", 0.08), ("K2", 0.15), ("SEMI", 0.27), ("K1", 0.01), ("S1", 0.01), ("R2", 0.01),
                 ("P3", 0.01), ("Z", 0.01))
    return _resolve(rng, pick(rng, table), day)


@dataclass
class PeriodResult:
    episodes: list[Episode]
    extras: list[EpisodeExtra]
    last_place: str = ""
    adoption_place: str = ""
    foster_provider: int | None = None
    dolo: list[tuple[date, date]] = field(default_factory=list)
    legal_court: bool = False


def _legal(rng: random.Random, plan: PeriodPlan, age: float) -> tuple[list[tuple[date, str]], bool]:
    """Legal statuses over the period as (from date, LS), and whether it went to court."""
    start, m = plan.start, plan.milestones
    if plan.route.startswith("uasc"):
        return [(start, "V2")], False
    if plan.route == "remand":
        return [(start, "J1")], False
    adoption = "decision" in m
    court = adoption or plan.route == "sgo" or rng.random() < (
        {"to18": 0.95 if age < 10 else 0.85, "home": 0.45, "other": 0.4}.get(plan.route, 0.0)
    )
    if age < 10:
        first = pick(rng, (("C1", 0.45), ("V2", 0.35), ("L2", 0.13), ("L1", 0.07)))
    else:
        first = pick(rng, (("V2", 0.45), ("C1", 0.4), ("L1", 0.1), ("L2", 0.03), ("J2", 0.02)))
    court = court or first == "C1"
    events = [(start, first)]
    if first in ("L1", "L2", "J2"):
        events.append((start + (_days(rng, 3, 21) if first == "L2" else _days(rng, 1, 3)), "C1" if court else "V2"))
    elif first == "V2" and court:
        events.append((start + _days(rng, 20, 100), "C1"))
    if court:
        c1 = events[-1][0]
        if adoption:
            hearing = max(m["hearing"], c1 + timedelta(days=30))
            if plan.reversal == "RD2":
                events.append((hearing, "C2"))
            else:
                events.append((hearing, "E1"))
                if "reversed" in m:
                    events.append((max(m["reversed"], hearing + timedelta(days=30)), "C2"))
        else:
            events.append((c1 + _days(rng, 150, 330), "C2"))
    return events, court


def build_period(
    rng: random.Random, sk: Skeleton, plan: PeriodPlan, places: CouncilPlaces, *, next_carer: int,
    home_post: str,
) -> PeriodResult:
    start, end, dob = plan.start, plan.end, sk.dob
    b16 = birthday(dob, 16)
    age0 = (start - dob).days / 365.25
    legal, court = _legal(rng, plan, age0)
    carer = next_carer

    def new(place: str, day: date) -> Placement:
        nonlocal carer
        carer += 1
        return placement(rng, places, place, day, home_post=home_post, carer=carer)

    cur = new(_choose_place(rng, age0, start, plan.route, sk.uasc), start)
    # Candidate events, then applied in date order.
    events: list[tuple[date, str]] = []
    if rng.random() < EARLY_MOVE:
        events.append((start + _days(rng, 7, 80), "early"))
    rate = MOVE_RATE_UNSETTLED if rng.random() < UNSETTLED else MOVE_RATE_SETTLED
    if age0 >= 10:
        rate *= 1.3
    day = start
    while True:
        day += timedelta(days=1 + int(rng.expovariate(rate) * 365.25))
        if day >= end:
            break
        events.append((day, "move"))
    if plan.route in ("to18", "uasc") and age0 < 15:
        events.append((start + _days(rng, 300, 720), "longterm"))
    if plan.route in ("to18", "uasc") and end > b16 + timedelta(days=200):
        events.append((max(start + timedelta(days=30), b16 + _days(rng, 0, 450)), "semi"))
    if plan.route == "home" and court and (end - start).days > 120 and rng.random() < 0.8:
        events.append((end - _days(rng, 60, min(600, (end - start).days - 30)), "home"))
    if plan.route == "to18" and court and age0 < 14 and rng.random() < 0.15:  # a care order at home
        events.append((start + _days(rng, 200, max(201, (end - start).days - 200)), "home"))
    if "placed" in plan.milestones:
        events.append((plan.milestones["placed"], "adopt"))
    years = (end - start).days / 365.25
    for _ in range(int(years) + 1):
        if rng.random() < TEMPORARY_RATE * min(1.0, years):
            events.append((start + _days(rng, 14, max(15, (end - start).days - 40)), "temp"))
    events.sort()

    moves: list[tuple[date, Placement, bool, str]] = [(start, cur, False, "")]
    settled = False  # placed for adoption or home with parents: no more moves
    for i, (day, kind) in enumerate(events):
        if day <= moves[-1][0] or day >= end or settled:
            continue
        age = (day - dob).days / 365.25
        if kind in ("early", "move"):
            reason = "CARPL" if kind == "early" else pick(rng, MOVE_REASONS)
            place = _choose_place(rng, age, day, plan.route, sk.uasc)
            if plan.route == "adoption" or (age < 10 and place not in FOSTER):
                place = "U6"
            cur = new(place, day)
            moves.append((day, cur, False, reason))
        elif kind == "longterm" and cur.place in ("U6", "U3"):
            cur = same_carer(rng, places, cur, "U4" if cur.place == "U6" else "U1", day)
            moves.append((day, cur, True, "CARPL"))
        elif kind == "semi" and age >= 16 and cur.place not in SEMI:
            if rng.random() < (0.35 if cur.place in FOSTER else 0.6):
                cur = new(_resolve(rng, "SEMI", day), day)
                moves.append((day, cur, False, "CARPL"))
        elif kind == "home" and _status_on(legal, day) != "V2":  # s20 children are never placed with parents (378)
            cur = new("P1", day)
            moves.append((day, cur, False, "CARPL"))
            settled = True
        elif kind == "adopt":
            if cur.place == "U5":
                cur = same_carer(rng, places, cur, "A5", day)
                moves.append((day, cur, True, "CARPL"))
            else:
                cur = new("A6", day)
                moves.append((day, cur, False, "CARPL"))
            settled = True
        elif kind == "temp" and (cur.place in FOSTER or cur.place == "K2"):
            code = pick(rng, (("T3", 0.4), ("T4", 0.4), ("T1", 0.2))) if cur.place in FOSTER else "T1"
            back = day + (_days(rng, 7, 15) if code == "T3" else _days(rng, 1, 8) if code == "T4" else _days(rng, 3, 25))
            following = events[i + 1][0] if i + 1 < len(events) else end
            # A change of legal status during a temporary placement would break 380/383 (L on a T code).
            calm = not any(day <= d <= back for d, _ in legal)
            if back + timedelta(days=1) < following and back < end - timedelta(days=14) and calm:
                moves.append((day, new(code, day), False, ""))
                moves.append((back, cur, False, ""))  # returns to the same placement: RNE P

    episodes, extras = _merge(legal, moves, plan, end, home_post)
    episodes, extras = _recode(rng, places, episodes, extras)
    episodes, extras = _drop_non_moves(episodes, extras)
    result = PeriodResult(episodes, extras, last_place=episodes[-1].place, legal_court=court)
    result.adoption_place = next((e.place for e in episodes if e.place.startswith("A")), "")
    result.foster_provider = next((x.provider_key for e, x in zip(reversed(episodes), reversed(extras), strict=True)
                                   if e.place in FOSTER), None)
    for e in episodes:
        if e.place in ("K2", "Z12", "Z13") and (e.decom - dob).days > 13 * 365 and rng.random() < 0.03:
            length = ((e.dec or end) - e.decom).days
            if length > 30:
                s = e.decom + timedelta(days=rng.randint(1, length // 3))
                result.dolo.append((s, min(e.dec or end, s + timedelta(days=rng.randint(14, 200)))))
    return result


def _status_on(legal: list[tuple[date, str]], day: date) -> str:
    return next((ls for d, ls in reversed(legal) if d <= day), legal[0][1])


def _merge(
    legal: list[tuple[date, str]], moves: list[tuple[date, Placement, bool, str]], plan: PeriodPlan, end: date,
    home_post: str,
) -> tuple[list[Episode], list[EpisodeExtra]]:
    """Episodes from the legal and placement changes, chained with X1; the last ends on `end`."""
    ls_at = {d: ls for d, ls in legal if d < end}
    pl_at = {d: (p, same, reason) for d, p, same, reason in moves if d < end}
    rows: list[list] = []  # [decom, rne, ls, placement, reason_for_ending]
    cur_ls = ""
    cur_pl: Placement | None = None
    for day in sorted(set(ls_at) | set(pl_at)):
        ls = ls_at.get(day, cur_ls)
        moved = pl_at.get(day)
        ls_changed = ls != cur_ls
        if not rows:
            rne = "S"
        elif moved and ls_changed:
            rne = "U" if moved[1] else "B"
        elif moved:
            rne = "T" if moved[1] else "P"
        elif ls_changed:
            rne = "L"
        else:
            continue
        if rows and moved and not (moved[0].temporary or (cur_pl and cur_pl.temporary)):
            rows[-1][4] = moved[2]
        cur_ls = ls
        if moved:
            cur_pl = moved[0]
        rows.append([day, rne, cur_ls, cur_pl, ""])
    episodes, extras = [], []
    for i, (day, rne, ls, pl, reason) in enumerate(rows):
        last = i == len(rows) - 1
        dec = end if last else rows[i + 1][0]
        episodes.append(Episode(
            decom=day, rne=rne, ls=ls, cin=plan.cin, place=pl.place, place_provider=pl.place_provider,
            dec=dec, rec="" if last else "X1", reason_place_change=reason, home_post=home_post,
            pl_post=pl.pl_post, urn=pl.urn,
        ))
        extras.append(EpisodeExtra(pl.provider_key, pl.pl_la))
    return episodes, extras


def _recode(
    rng: random.Random, places: CouncilPlaces, episodes: list[Episode], extras: list[EpisodeExtra],
) -> tuple[list[Episode], list[EpisodeExtra]]:
    """Codes that stop being valid: the same placement continues under the new code from the cut-over (RNE T)."""
    out_e: list[Episode] = []
    out_x: list[EpisodeExtra] = []
    moved: dict[str, Placement] = {}  # a Z1 placement's new home, for its later episodes (by postcode)
    # A placement's provider and URN under its new code, for its later episodes: a change of legal
    # status there keeps the placement (RNE L, rule 434), so a P2 turned H5 keeps the one URN drawn.
    recoded: dict[tuple[str, str, str, str], tuple[str, str]] = {}
    for e, x in zip(episodes, extras, strict=True):
        while e.place in EXPIRES:
            cut, successor = EXPIRES[e.place]
            if e.dec is not None and e.dec <= cut:
                break
            if e.place == "Z1":  # a real move: another home, another provider (RNE P)
                pl = moved.get(e.pl_post) or placement(rng, places, successor, cut, home_post=e.home_post, carer=-1)
                moved[e.pl_post] = pl
                if e.decom < cut:
                    out_e.append(_replace(e, dec=cut, rec="X1", reason_place_change="LAREQ"))
                    out_x.append(x)
                    e = _replace(e, decom=cut, rne="P")
                e = _replace(e, place=pl.place, place_provider=pl.place_provider, pl_post=pl.pl_post, urn=pl.urn)
                x = EpisodeExtra(pl.provider_key, pl.pl_la)
                continue
            if e.decom >= cut:  # a later episode of the placement, or a return from a temporary one
                e = _with_place(rng, places, e, successor, recoded)
                continue
            out_e.append(_replace(e, dec=cut, rec="X1", reason_place_change="PLACE"))
            out_x.append(x)
            e = _with_place(rng, places, _replace(e, decom=cut, rne="T"), successor, recoded)
        out_e.append(e)
        out_x.append(x)
    return out_e, out_x


def _drop_non_moves(
    episodes: list[Episode], extras: list[EpisodeExtra],
) -> tuple[list[Episode], list[EpisodeExtra]]:
    """A move to the same type of placement at the same provider, postcode and URN (two flats of one
    supported-living provider) is no change of placement to the 903 (435): the first episode runs on."""
    out_e, out_x = [episodes[0]], [extras[0]]
    for e, x in zip(episodes[1:], extras[1:], strict=True):
        prev = out_e[-1]
        if e.rne in ("P", "T") and e.ls == prev.ls and (e.place, e.pl_post, e.urn, e.place_provider) == (
                prev.place, prev.pl_post, prev.urn, prev.place_provider):
            out_e[-1] = _replace(prev, dec=e.dec, rec=e.rec, reason_place_change=e.reason_place_change)
            continue
        out_e.append(e)
        out_x.append(x)
    return out_e, out_x


def _replace(e: Episode, **changes: object) -> Episode:
    return e._replace(**changes)


def _with_place(
    rng: random.Random, places: CouncilPlaces, e: Episode, place: str,
    recoded: dict[tuple[str, str, str, str], tuple[str, str]],
) -> Episode:
    key = (e.place, e.place_provider, e.pl_post, e.urn)
    if key not in recoded:
        pl = Placement(e.place, e.place_provider, None, 0, e.pl_post, e.urn, "")
        moved = same_carer(rng, places, pl, place, e.decom)
        recoded[key] = (moved.place_provider, moved.urn)
    place_provider, urn = recoded[key]
    return _replace(e, place=place, place_provider=place_provider, urn=urn)


def end_reason(rng: random.Random, sk: Skeleton, plan: PeriodPlan, result: PeriodResult) -> str:
    """REC for the last episode of a period (§2.9), from how it ended and where the child was."""
    route, last = plan.route, result.last_place
    if route == "home":
        return "E4A" if rng.random() < 0.85 else "E4B"
    if route == "adoption" and result.adoption_place:
        return "E11" if rng.random() < 0.75 else "E12"
    if route == "sgo" or (route == "adoption" and not result.adoption_place):
        before_2019 = collection_year_of(plan.end) < 2019
        to_former_carer = last in FOSTER and rng.random() < 0.75
        if before_2019:
            return "E43" if to_former_carer else "E44"
        kin = last in ("U1", "U2", "U3") or rng.random() < 0.4
        if to_former_carer:
            return "E45" if kin else "E46"
        return "E47" if kin else "E48"
    if route == "remand":
        return "E14" if rng.random() < 0.75 else "E9"
    if route == "uasc_early":
        return "E15" if rng.random() < 0.6 else "E16"
    age = (plan.end - sk.dob).days / 365.25
    if route == "other":
        if rng.random() < 0.004:
            return "E2"
        if age >= 16:
            return pick(rng, (("E5", 0.3), ("E6", 0.1), ("E13", 0.25), ("E8", 0.2), ("E41", 0.1), ("E3", 0.05)))
        return pick(rng, (("E13", 0.35), ("E41", 0.25), ("E8", 0.25), ("E3", 0.12), ("E16", 0.03)))
    # Reached 18 in care.
    if last in FOSTER and rng.random() < (STAYING_PUT if not sk.uasc else 0.35):
        return "E17"
    if plan.cin == "N2" and rng.random() < 0.3:
        return "E7"
    if sk.uasc:
        return pick(rng, (("E5", 0.6), ("E6", 0.2), ("E8", 0.2)))
    if last in FOSTER:
        return pick(rng, (("E5", 0.45), ("E6", 0.1), ("E13", 0.12), ("E4A", 0.13), ("E8", 0.2)))
    return pick(rng, (("E5", 0.6), ("E6", 0.12), ("E4A", 0.08), ("E13", 0.08), ("E8", 0.12)))
