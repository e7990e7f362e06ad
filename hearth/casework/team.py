"""A team's caseload: who holds how many children, by worker and experience band."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from hearth.domain import codes
from hearth.records.models import Team, Worker


@dataclass(frozen=True)
class WorkerLoad:
    worker: Worker
    role: str
    band: str
    children: int


def _current(as_at: date) -> Q:
    return Q(allocations__start__lte=as_at) & (Q(allocations__end__isnull=True) | Q(allocations__end__gt=as_at))


def team_workloads(team: Team, *, as_at: date) -> list[WorkerLoad]:
    workers = (
        Worker.objects.filter(team=team, active=True)
        .annotate(children=Count("allocations__child", filter=_current(as_at), distinct=True))
        .order_by("name")
    )
    return [
        WorkerLoad(w, codes.WORKER_ROLE.label(w.role), codes.EXPERIENCE_BAND.label(w.experience_band), w.children)
        for w in workers
    ]


def children_by_band(loads: list[WorkerLoad]) -> list[tuple[str, int, int]]:
    """(band, workers, children) for each experience band, in the band list's order."""
    workers, children = Counter(), Counter()
    for load in loads:
        workers[load.band] += 1
        children[load.band] += load.children
    return [(c.label, workers[c.label], children[c.label]) for c in codes.EXPERIENCE_BAND if workers[c.label]]


def teams_for(user) -> list[Team]:
    """Teams whose caseload this user may see: a team manager their own; a service manager all."""
    if user.role == "service_manager":
        return list(Team.objects.order_by("name"))
    if user.role == "team_manager" and user.worker_id:
        return [user.worker.team]
    return []


def colleagues_of(worker_pk: int) -> dict[int, str]:
    """The active workers in this worker's team (the worker too), pk to name."""
    return dict(Worker.objects.filter(team__workers=worker_pk, active=True).values_list("pk", "name"))
