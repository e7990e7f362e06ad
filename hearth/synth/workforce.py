"""Teams, workers and who holds which child: social worker and personal adviser allocations.

Each team has posts; each post is held by a run of workers (turnover), so a child allocated to a
post passes to the next holder when a worker leaves (SW_REASON LEFTRL). Other changes of worker
(managing caseloads, transfers, absence) move the child to another post in the team.
Sizes: social workers carry about 17 children (000 L432-442 thresholds, Good 16-26 by band);
personal advisers about 22 young people (003 L1084, L1139: "about 28", target 20-22).
"""

from __future__ import annotations

import bisect
import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from hearth.synth import names
from hearth.synth.draw import pick
from hearth.synth.model import AllocationSpec, TeamSpec, WorkerSpec

SW_CASELOAD = 17
PA_CASELOAD = 22
PA_PER_CHILD_IN_CARE = 0.7  # open PA allocations per child in care, measured on generated councils
LOCALITIES = ("North", "Central", "East", "South", "West")
BANDS = (("ASYE", 0.12), ("Y1_3", 0.3), ("Y3_5", 0.23), ("Y5_PLUS", 0.35))
# Changes of social worker other than a worker leaving, per child per year, and why (SW_REASON).
SW_OTHER_CHANGE_RATE = 1.0
SW_OTHER_REASONS = (("MANAGE", 0.3), ("TSPROC", 0.2), ("ORGRST", 0.1), ("ABSENC", 0.16), ("CHCHAN", 0.08),
                    ("PCCHAN", 0.06), ("OTHERS", 0.1))
PA_OTHER_CHANGE_RATE = 0.15
MIN_ALLOCATION = timedelta(days=3)


@dataclass
class Post:
    team_key: int
    starts: list[date] = field(default_factory=list)
    holders: list[int] = field(default_factory=list)

    def holder_at(self, day: date) -> tuple[int, date | None]:
        """The worker in post on a day, and the day they leave it (None if still there)."""
        i = max(0, bisect.bisect_right(self.starts, day) - 1)
        until = self.starts[i + 1] if i + 1 < len(self.starts) else None
        return self.holders[i], until


@dataclass
class Staffing:
    teams: list[TeamSpec]
    workers: list[WorkerSpec]
    posts: dict[int, list[Post]]  # team key -> its posts
    cic_teams: list[int]
    permanence_team: int
    disability_team: int
    leaving_care_teams: list[int]


def _band(rng: random.Random) -> str:
    return pick(rng, BANDS)


def build_staffing(rng: random.Random, *, la_code: str, children_in_care: int, since: date, as_at: date) -> Staffing:
    teams: list[TeamSpec] = []
    workers: list[WorkerSpec] = []
    posts: dict[int, list[Post]] = {}
    sw_serial = iter(range(1, 10**6))

    def add_worker(role: str, team_key: int, start: date, end: date | None, band: str | None = None) -> int:
        sex = rng.choice("MF")
        given, family = names.person(rng, sex)
        qualified = role != "PERSONAL_ADVISER" or rng.random() < 0.3
        sw_id = f"SW{la_code}{next(sw_serial):04d}" if qualified else ""
        key = len(workers)
        workers.append(WorkerSpec(key, f"{given} {family}", role, band or _band(rng), team_key, sw_id, start, end))
        return key

    def add_team(name: str, kind: str, locality: str, n_posts: int, role: str, turnover_years: tuple[float, float]) -> int:
        key = len(teams)
        teams.append(TeamSpec(key, name, kind, locality))
        add_worker("TEAM_MANAGER", key, since, None, "Y5_PLUS")
        team_posts = []
        for _ in range(n_posts):
            post = Post(key)
            start = since - timedelta(days=rng.randint(0, 1500))
            while start <= as_at:
                tenure = timedelta(days=int(rng.uniform(*turnover_years) * 365.25))
                end = start + tenure
                post.starts.append(start)
                post.holders.append(add_worker(role, key, start, end if end <= as_at else None))
                start = end
            team_posts.append(post)
        posts[key] = team_posts
        return key

    sw_posts = max(3, round(children_in_care / SW_CASELOAD))
    n_cic = max(1, round(children_in_care / 120))
    disability_posts = max(1, round(sw_posts * 0.05))
    permanence_posts = max(1, round(sw_posts * 0.09))
    cic_posts = max(n_cic, sw_posts - disability_posts - permanence_posts)
    cic_teams = [
        add_team(f"Children in Care {LOCALITIES[i % 5]}{'' if i < 5 else f' {i // 5 + 1}'}", "CHILDREN_IN_CARE",
                 LOCALITIES[i % 5], math.ceil(cic_posts / n_cic), "SOCIAL_WORKER", (1.5, 6.0))
        for i in range(n_cic)
    ]
    permanence = add_team("Permanence and Adoption", "PERMANENCE", "", permanence_posts, "SOCIAL_WORKER", (2.0, 7.0))
    disability = add_team("Disabled Children", "DISABILITY", "", disability_posts, "SOCIAL_WORKER", (2.0, 7.0))
    pa_posts = max(2, round(children_in_care * PA_PER_CHILD_IN_CARE / PA_CASELOAD))
    n_lc = max(1, round(pa_posts / 10))
    leaving_care = [
        add_team(f"Leaving Care {LOCALITIES[i % 5]}{'' if i < 5 else f' {i // 5 + 1}'}", "LEAVING_CARE",
                 LOCALITIES[i % 5], math.ceil(pa_posts / n_lc), "PERSONAL_ADVISER", (2.0, 7.0))
        for i in range(n_lc)
    ]
    service = len(teams)
    teams.append(TeamSpec(service, "Corporate Parenting Service", "CHILDREN_IN_CARE", ""))
    add_worker("SERVICE_MANAGER", service, since, None, "Y5_PLUS")
    posts[service] = []
    return Staffing(teams, workers, posts, cic_teams, permanence, disability, leaving_care)


def _allocate(
    rng: random.Random, posts: list[Post], start: date, end: date | None, as_at: date, *,
    role: str, first_reason: str, other_rate: float,
) -> list[AllocationSpec]:
    """Allocations covering [start, end) (end None: still open at as_at), changing worker over time."""
    stop = end or as_at
    out: list[AllocationSpec] = []
    post = rng.choice(posts)
    day, reason = start, first_reason
    while True:
        worker, leaves = post.holder_at(day)
        change = day + timedelta(days=1 + int(rng.expovariate(other_rate) * 365.25))
        by_leaving = leaves is not None and leaves < change
        if by_leaving:
            change = leaves  # type: ignore[assignment]
        if change >= stop or (end is None and change > as_at):
            out.append(AllocationSpec(worker, role, day, end, reason))
            return _at_least(out, MIN_ALLOCATION)
        if change > day:
            out.append(AllocationSpec(worker, role, day, change, reason))
            day = change
        if by_leaving:
            reason = "LEFTRL" if role == "SOCIAL_WORKER" else ""
        else:
            reason = pick(rng, SW_OTHER_REASONS) if role == "SOCIAL_WORKER" else ""
            if len(posts) > 1:
                post = rng.choice([p for p in posts if p is not post])


def _at_least(allocations: list[AllocationSpec], shortest: timedelta) -> list[AllocationSpec]:
    """No allocation shorter than `shortest` (an SW episode lasts at least 3 days, SW09STG2): the next
    worker takes the child a day or two sooner, or the last one's predecessor keeps them to the end.
    The next worker takes the folded one's reason too: they replace its predecessor for that reason,
    and a period's first worker keeps FCONTA (SW10STG2 exempts only FCONTA from following on)."""
    out: list[AllocationSpec] = []
    pending: AllocationSpec | None = None  # a too-short allocation folded into the next
    for i, a in enumerate(allocations):
        if pending is not None:
            a, pending = a._replace(start=pending.start, sw_reason=pending.sw_reason), None
        if a.end is not None and a.end - a.start < shortest:
            if i < len(allocations) - 1:
                pending = a
                continue
            if out:
                out[-1] = out[-1]._replace(end=a.end)
                continue
        out.append(a)
    return out


def social_worker_allocations(
    rng: random.Random, staffing: Staffing, team_key: int, start: date, end: date | None, as_at: date,
) -> list[AllocationSpec]:
    return _allocate(rng, staffing.posts[team_key], start, end, as_at,
                     role="SOCIAL_WORKER", first_reason="FCONTA", other_rate=SW_OTHER_CHANGE_RATE)


def personal_adviser_allocations(
    rng: random.Random, staffing: Staffing, start: date, end: date | None, as_at: date,
) -> list[AllocationSpec]:
    team = rng.choice(staffing.leaving_care_teams)
    return _allocate(rng, staffing.posts[team], start, end, as_at,
                     role="PERSONAL_ADVISER", first_reason="", other_rate=PA_OTHER_CHANGE_RATE)
