"""Benchmark: obligations_for over a synthetic council (750 children) and national scale (85,000).

Builds ChildFacts directly with a seeded random generator (no database), then times
obligations_for for every child as of one date. Prints wall and CPU seconds and peak memory.
Budgets (design.md, Performance): 750 children under 1 s; 85,000 under 60 s.

Modes: `single` runs obligations_for in this process. From 10,000 children up it also runs
`workers`: map_obligations in worker processes, each child's status counts worked out in the
worker (what a national report needs), and `transfer`: obligations_for_many, every obligation
sent back to this process. CPU is this process plus its workers.

    python bench/bench_obligations.py            # both sizes
    python bench/bench_obligations.py 750        # one size
    python bench/bench_obligations.py 85000 --processes 2
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from operator import attrgetter

from hearth.domain.calendar import add_working_days
from hearth.domain.leaving_care import Span, SupportRequest
from hearth.domain.obligations import (
    AccommodationSpell,
    ChildFacts,
    Contact,
    Episode,
    Obligation,
    ObligationStatus,
    PaAllocation,
    map_obligations,
    obligations_for,
    obligations_for_many,
)
from hearth.domain.obligations.timeliness import timeliness

AS_OF = date(2026, 3, 31)
SEED = 903
BUDGETS = {750: 1.0, 85_000: 60.0}
PLACEMENTS = ["U1", "U3", "U4", "U6", "U6", "U6", "K2", "P1", "H5", "K3"]
LEGAL = ["C2", "C2", "C1", "V2", "V2", "E1", "J1"]
ACCOMMODATION = [
    "SEMI_INDEPENDENT",
    "SUPPORTED_LODGINGS",
    "INDEPENDENT_TENANCY",
    "STAYING_PUT",
    "HOSTEL",
    "BED_AND_BREAKFAST",
]


def _days(r: random.Random, lo: int, hi: int) -> timedelta:
    return timedelta(days=r.randint(lo, hi))


def _roughly_every(r: random.Random, start: date, end: date, interval: int, miss: float = 0.1) -> tuple[date, ...]:
    """Events about every `interval` days, sometimes late, sometimes skipped."""
    out, d = [], start + _days(r, 3, interval)
    while d <= end:
        if r.random() > miss:
            out.append(d)
        d += timedelta(days=interval + r.randint(-interval // 5, interval // 4))
    return tuple(out)


def synthetic_child(r: random.Random) -> ChildFacts:
    age_days = r.randint(30, 24 * 365)
    dob = AS_OF - timedelta(days=age_days)
    entry = dob + _days(r, 0, max(1, age_days - 20))
    entry = max(entry, AS_OF - timedelta(days=365 * 9))
    eighteen = date(dob.year + 18, dob.month, 28 if (dob.month, dob.day) == (2, 29) else dob.day)
    left = None if r.random() < 0.6 else min(AS_OF, entry + _days(r, 20, 2000))
    end_of_care = min(x for x in (left or AS_OF, eighteen - timedelta(days=1), AS_OF))
    episodes, start = [], entry
    for i in range(r.randint(1, 4)):
        finish = None if i == 3 else start + _days(r, 60, 900)
        last = finish is None or finish >= end_of_care
        episodes.append(
            Episode(
                start,
                (left if last else finish),
                r.choice(LEGAL),
                r.choice(PLACEMENTS),
                ("E4A" if left else None) if last else "X1",
                None if i == 0 else "P",
            )
        )
        if last:
            break
        start = finish  # type: ignore[assignment]
    care_end = min(end_of_care, AS_OF)
    facts = dict(
        dob=dob,
        episodes=tuple(episodes),
        care_plans=(entry + _days(r, 0, 15),),
        placement_plans=tuple(e.start + _days(r, 0, 8) for e in episodes),
        iro_appointments=(entry + _days(r, 1, 10),),
        reviews=_roughly_every(r, entry, care_end, 170),
        visits=_roughly_every(r, entry, care_end, 40),
        health_assessments=_roughly_every(r, entry, care_end, 360),
        peps=_roughly_every(r, entry, care_end, 110),
    )
    if AS_OF >= date(dob.year + 16, 1, 1):
        sixteen = date(dob.year + 16, 1, 1)
        facts.update(
            needs_assessments=(sixteen + _days(r, 0, 120),),
            pathway_plans=(sixteen + _days(r, 0, 150),),
            pathway_plan_reviews=_roughly_every(r, sixteen, AS_OF, 175),
            pa_allocations=(PaAllocation(sixteen + _days(r, -30, 200)),),
            contacts=tuple(Contact(d, in_person=r.random() < 0.5) for d in _roughly_every(r, sixteen, AS_OF, 50)),
            accommodation=tuple(
                AccommodationSpell(d, None, r.choice(ACCOMMODATION))
                for d in _roughly_every(r, eighteen - timedelta(days=200), AS_OF, 300, 0.3)
            ),
        )
        if r.random() < 0.2:
            facts["staying_put"] = (Span(eighteen),)
        if r.random() < 0.1 and AS_OF > eighteen + timedelta(days=3 * 365):
            facts["support_requests"] = (SupportRequest(eighteen + _days(r, 3 * 365 + 10, 6 * 365)),)
    return ChildFacts(**facts)  # type: ignore[arg-type]


STATUS = attrgetter("status")


def status_counts(obs: list[Obligation]) -> Counter[ObligationStatus]:
    """One child's obligations by status: worked out in the worker, so only the counts travel back."""
    return Counter(map(STATUS, obs))


def synthetic_children(n: int) -> list[ChildFacts]:
    r = random.Random(SEED)
    children = [synthetic_child(r) for _ in range(n)]
    # Load the bank-holiday tables once, outside the timing, as a long-running process has them: every
    # year a due date can fall in, up to record retention at 75, and the running working-day counts
    # from 1900 that working-day arithmetic starts from (about 1 ms a year to build, once).
    for year in range(min(c.dob for c in children).year, max(c.dob for c in children).year + 77):
        add_working_days(date(year, 1, 1), 1)
    obligations_for(children[0], AS_OF)  # and import the duty modules
    return children


def run(
    children: list[ChildFacts], since: date | None = None, mode: str = "single", processes: int | None = None
) -> None:
    n = len(children)
    statuses: Counter[ObligationStatus] = Counter()
    t0, c0, w0 = time.perf_counter(), time.process_time(), _workers_cpu()
    if mode == "workers":
        for counts in map_obligations(status_counts, children, AS_OF, since=since, processes=processes):
            statuses.update(counts)
    else:
        each: Callable[[], Iterator[list[Obligation]]] = {
            "single": lambda: (obligations_for(child, AS_OF, since=since) for child in children),
            "transfer": lambda: obligations_for_many(children, AS_OF, since=since, processes=processes),
        }[mode]
        for obs in each():
            statuses.update(map(STATUS, obs))
            if n <= 1000:
                timeliness(obs, date(2025, 4, 1), AS_OF)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0 + _workers_cpu() - w0
    count = sum(statuses.values())
    peak = ""
    if mode == "single":
        # Memory of the results for 200 children held at once, traced separately so tracing does not
        # slow the timing (the timed loop keeps only counts, as a batch job would stream them).
        tracemalloc.start()
        held = [obligations_for(child, AS_OF, since=since) for child in children[:200]]
        peak = f"; peak traced holding 200 children's obligations {tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB"
        tracemalloc.stop()
        del held
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    budget = BUDGETS.get(n)
    verdict = "" if budget is None else ("; within" if elapsed < budget else "; OVER") + f" budget {budget:g} s"
    label = "full history" if since is None else f"since {since}"
    print(
        f"{n:>6} children, {label}, {mode}: {elapsed:6.2f} s wall ({cpu:.2f} s CPU){verdict}; "
        f"{count} obligations ({count / n:.0f} per child); {elapsed / n * 1000:.2f} ms per child; "
        f"max RSS {rss_mb:.0f} MB (facts included)"
        + (f", largest worker {workers_rss:.0f} MB" if mode != "single" else "")
        + peak
    )
    print("        statuses:", dict(sorted((status.value, n) for status, n in statuses.items())))


def _workers_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


if __name__ == "__main__":
    args = sys.argv[1:]
    procs = int(args.pop(args.index("--processes") + 1)) if "--processes" in args else None
    sizes = [int(a) for a in args if a != "--processes"] or [750, 85_000]
    for size in sizes:
        children = synthetic_children(size)
        # What a worklist or a year's timeliness report needs: history settled in the last year.
        for since in (None, AS_OF - timedelta(days=365)):
            run(children, since)
            if size >= 10_000:
                run(children, since, "workers", procs)
                if since is None:
                    run(children, since, "transfer", procs)
