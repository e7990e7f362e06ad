"""A whole synthetic council, deterministic from (seed, council index) and the `as_at` day.

Pure Python, no Django and no clock: children arrive in care at a steady rate from long enough
before the ten collection years that everyone in care or leaving care in them has a full history;
each child is drawn from their own random stream (seed, council, child number), so councils and
children never disturb one another and leaving out the leaving-care detail changes nothing else.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

from hearth.domain.ssda903.cohorts import oc3_age
from hearth.domain.ssda903.history import BirthdayRecord, ChildHistory, Dolo, Episode, SWEpisode
from hearth.domain.ssda903.years import add_years, birthday, collection_start, collection_year_of
from hearth.synth import care, events, names
from hearth.synth.duties import period_duties, post21_discussion
from hearth.synth.episodes import FOSTER, _replace, build_period, end_reason
from hearth.synth.leaving_care import care_leaver, eligible_from
from hearth.synth.model import ContactSpec, DutySpec, EpisodeExtra, LeavingCare, SynthChild, SynthCouncil
from hearth.synth.placements import CouncilPlaces, build_places
from hearth.synth.support import support
from hearth.synth.workforce import Staffing, build_staffing, social_worker_allocations

HISTORY_YEARS = 10
MOTHERS = 0.04  # girls in care in their later teens who become mothers (a few per cent: DfE A1 mothers)


def collection_years(as_at: date) -> range:
    """The ten collection years ending with the last complete one (its 31 March before as_at)."""
    last = as_at.year if as_at > date(as_at.year, 3, 31) else as_at.year - 1
    return range(last - HISTORY_YEARS + 1, last + 1)


@lru_cache(maxsize=1)
def mean_care_days() -> float:
    """Average days in care per child arriving, which sets the arrival rate for a given headcount."""
    rng = random.Random("hearth-synth/calibration")
    n = 20000
    return sum(care.care_days(care.skeleton(rng, date(2000, 1, 1))) for _ in range(n)) / n


def _relevant(sk: care.Skeleton, window_start: date) -> bool:
    """In care during the years, or a care leaver of an age to be in them (to 25)."""
    if any(p.end > window_start for p in sk.periods):
        return True
    if birthday(sk.dob, 26) <= window_start:
        return False
    b14, b16 = birthday(sk.dob, 14), birthday(sk.dob, 16)
    after14 = sum(max(0, (p.end - max(p.start, b14)).days) for p in sk.periods)
    return after14 >= 91 and any(p.end > b16 for p in sk.periods)


def simulate_council(
    *, seed: int, children_in_care: int, as_at: date, council_index: int = 0, detail: bool = True,
) -> SynthCouncil:
    years = collection_years(as_at)
    window_start = collection_start(years.start)
    crng = random.Random(f"hearth-synth/{seed}/{council_index}")
    name, la_code, region, area = names.council_identity(council_index, crng)
    places = build_places(crng, la_code=la_code, area=area, name=name, children_in_care=children_in_care)
    staffing = build_staffing(crng, la_code=la_code, children_in_care=children_in_care, since=window_start, as_at=as_at)
    children = [
        child for child in _children(seed, council_index, children_in_care, crng, as_at, years, places, staffing,
                                     la_code, detail)
    ]
    return SynthCouncil(
        name=name, la_code=la_code, region=region, seed=seed, as_at=as_at, first_year=years.start,
        last_year=years.stop - 1, teams=tuple(staffing.teams), workers=tuple(staffing.workers),
        providers=tuple(places.providers), children=tuple(children),
    )


def _children(
    seed: int, council_index: int, headcount: int, crng: random.Random, as_at: date, years: range,
    places: CouncilPlaces, staffing: Staffing, la_code: str, detail: bool,
) -> Iterator[SynthChild]:
    window_start = collection_start(years.start)
    per_day = headcount / mean_care_days()
    # From 26 years before: a 25-year-old care leaver in the first year may have come into care as a baby.
    t = float(add_years(window_start, -26).toordinal())
    serial = 0
    while True:
        t += crng.expovariate(per_day)
        arrival = date.fromordinal(int(t))
        if arrival > as_at:
            return
        serial += 1
        rng = random.Random(f"hearth-synth/{seed}/{council_index}/{serial}")
        sk = care.skeleton(rng, arrival)
        if _relevant(sk, window_start):
            yield _child(rng, sk, seed=seed, council_index=council_index, serial=serial, as_at=as_at, years=years,
                         places=places, staffing=staffing, la_code=la_code, detail=detail)


def _cut(e: Episode, as_at: date) -> Episode:
    """An episode as known on as_at: one ending later is still open."""
    if e.dec is not None and e.dec > as_at:
        return _replace(e, dec=None, rec="", reason_place_change="")
    return e


def _child(
    rng: random.Random, sk: care.Skeleton, *, seed: int, council_index: int, serial: int, as_at: date, years: range,
    places: CouncilPlaces, staffing: Staffing, la_code: str, detail: bool,
) -> SynthChild:
    child_id = f"{la_code}{serial:07d}"
    window_start = collection_start(years.start)
    given, family = names.person(rng, sk.sex)
    upn = ("UN2" if rng.random() < 0.6 else names.upn(rng, la_code)) if sk.uasc else names.upn(rng, la_code)
    one_day = timedelta(days=1)
    episodes: list[Episode] = []
    extras: list[EpisodeExtra] = []
    reviews, missing, missing_x, placed, prevperm, sw, allocations, dolo = [], [], [], [], [], [], [], []
    adoption = None
    last_place, foster_provider = "", None
    for n, plan in enumerate(sk.periods):
        if plan.start > as_at:
            break
        home_post = "" if sk.uasc else (places.here(rng)[0] if rng.random() < 0.92 else places.elsewhere(rng)[0])
        result = build_period(rng, sk, plan, places, next_carer=n * 1000, home_post=home_post)
        rec = end_reason(rng, sk, plan, result)
        result.episodes[-1] = _replace(result.episodes[-1], rec=rec)
        last_place, foster_provider = result.last_place, result.foster_provider
        for e, x in zip(result.episodes, result.extras, strict=True):
            if e.decom <= as_at:
                episodes.append(_cut(e, as_at))
                extras.append(x)
        perm = events.prev_perm(rng, plan, la_code, places.other_la_codes[0])
        if prevperm and collection_year_of(prevperm[-1].period_start) == collection_year_of(plan.start):
            prevperm.pop()  # the return holds one PrevPerm row a child a year (INT35): the latest period's
        prevperm.append(perm)
        decision = events.placed_for_adoption(plan, as_at)
        if decision:
            placed.append(decision)
        if rec in ("E11", "E12") and plan.end <= as_at:
            adoption = events.adoption(rng, plan, result.adoption_place)
        if plan.end >= window_start:
            # Reviews, missing episodes and social workers of periods that ended before the ten years
            # are in no return and no report, so they are not made.
            stop = min(plan.end, as_at + one_day)
            reviews += events.reviews(rng, sk.dob, plan.start, stop)
            for m, mx in events.missing(rng, sk.dob, plan.start, stop, as_at):
                missing.append(m)
                missing_x.append(mx)
            team = (staffing.disability_team if plan.cin == "N2" else staffing.permanence_team
                    if "decision" in plan.milestones else rng.choice(staffing.cic_teams))
            period_allocations = social_worker_allocations(rng, staffing, team, plan.start,
                                                           plan.end if plan.end <= as_at else None, as_at)
            allocations += period_allocations
            sw += [SWEpisode(staffing.workers[a.worker_key].sw_id, a.start, a.end, a.sw_reason)
                   for a in period_allocations]
        dolo += [Dolo(s, e if e <= as_at else None) for s, e in result.dolo if s <= as_at]
        if rec == "E2":  # died in care: the skeleton's later periods never happen (rule 437)
            break
    episodes_t = tuple(episodes)
    mc_dob = None
    if sk.sex == "F" and rng.random() < MOTHERS:
        mc_dob = birthday(sk.dob, 16) + timedelta(days=rng.randint(0, 700))
        # Born while she is looked after: the 903 records motherhood in care, and MC_DOB after the
        # day care ended is rejected (rule 625).
        if mc_dob > as_at or not any(e.decom <= mc_dob and (e.dec is None or mc_dob <= e.dec) for e in episodes_t):
            mc_dob = None
    outcomes = events.outcomes(rng, sk.dob, episodes_t, years)

    # Care leavers: the 903 part on its own stream, the PA's work on another.
    provisional = ChildHistory(child_id, sk.sex, sk.dob, sk.ethnic, episodes=episodes_t,
                               birthdays=tuple(BirthdayRecord(y, "YES", "", "") for y in years))
    carer = f"{names.person(rng, 'F')[0]} and {names.person(rng, 'M')[0]} {names.person(rng, 'M')[1]}"
    leaver = care_leaver(
        random.Random(f"hearth-synth/{seed}/{council_index}/{serial}/oc3"), dob=sk.dob, sex=sk.sex,
        episodes=episodes_t, last_place=last_place, foster_provider=foster_provider if last_place in FOSTER else None,
        carer_name=carer, as_at=as_at, years=years, oc3_age=lambda y: oc3_age(provisional, y),
    ) if episodes_t else None
    leaving = LeavingCare()
    if leaver is not None:
        leaving = LeavingCare(accommodation=tuple(leaver.accommodation), eet=tuple(leaver.eet),
                              staying_put=tuple(leaver.staying_put), support_requests=tuple(leaver.support_requests))
        if detail:
            pa, leaving = support(random.Random(f"hearth-synth/{seed}/{council_index}/{serial}/pa"), dob=sk.dob,
                                  leaver=leaver, staffing=staffing, la_code=la_code, as_at=as_at,
                                  since=collection_start(years.start))
            allocations += pa
    duties: list[DutySpec] = []
    visits: list[ContactSpec] = []
    if detail and episodes_t:
        # The statutory tasks of care, and the PA's talk about support after 21, on their own stream.
        drng = random.Random(f"hearth-synth/{seed}/{council_index}/{serial}/duties")
        duties, visits = period_duties(drng, dob=sk.dob, episodes=episodes_t, allocations=allocations, as_at=as_at,
                                       since=window_start, eligible=eligible_from(episodes_t, sk.dob))
        if leaver is not None and leaver.care_end is not None:
            pas = [a for a in allocations if a.role == "PERSONAL_ADVISER"]
            duties += post21_discussion(
                drng, dob=sk.dob, as_at=as_at, stop=min(leaver.died or date.max, as_at + one_day),
                worker_at=lambda day: next((a.worker_key for a in pas if a.start <= day and (a.end is None or a.end > day)),
                                           None))
    died = leaver.died if leaver else None
    if episodes_t and episodes_t[-1].rec == "E2":
        died = episodes_t[-1].dec
    history = ChildHistory(
        child=child_id, sex=sk.sex, dob=sk.dob, ethnic=sk.ethnic, upn=upn, mc_dob=mc_dob, uasc=sk.uasc,
        duc=_duc(sk, as_at), episodes=episodes_t, reviews=tuple(reviews),
        missing=tuple(missing), outcomes=tuple(outcomes), birthdays=tuple(leaver.birthdays) if leaver else (),
        adoption=adoption, placed_adoption=tuple(placed), prevperm=tuple(prevperm), sw_episodes=tuple(sw),
        dolo=tuple(dolo),
    )
    return SynthChild(history, given, family, died, tuple(extras), tuple(missing_x), tuple(allocations), leaving,
                      tuple(duties), tuple(visits))


def _duc(sk: care.Skeleton, as_at: date) -> date | None:
    """Date UASC status ceased: the 18th birthday, or the day a UASC left care early because an age
    assessment found them an adult (E15) or they moved abroad (E16), once that day has come."""
    if not sk.uasc:
        return None
    last = sk.periods[-1]
    if last.route == "uasc_early" and last.end <= as_at:
        return last.end
    return birthday(sk.dob, 18)


def council_sizes(total: int, councils: int, rng: random.Random) -> list[int]:
    """Children in care per council, varying like real councils (a few large, many middling, some small)."""
    weights = [rng.lognormvariate(0, 0.6) for _ in range(councils)]
    scale = total / sum(weights)
    sizes = [max(20, round(w * scale)) for w in weights]
    sizes[sizes.index(max(sizes))] += total - sum(sizes)
    return sizes


def simulate_nation(
    *, seed: int, children_in_care: int, councils: int, as_at: date, detail: bool = False,
) -> Iterator[SynthCouncil]:
    """Council after council, so only one is held in memory at a time."""
    sizes = council_sizes(children_in_care, councils, random.Random(f"hearth-synth/{seed}/sizes"))
    for index, size in enumerate(sizes):
        yield simulate_council(seed=seed, children_in_care=size, as_at=as_at, council_index=index, detail=detail)
