"""Rows of a caseload: one per child, built from prefetched relations (a fixed number of queries)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Prefetch, Q, QuerySet

from hearth.domain import codes
from hearth.domain.calendar import age_on
from hearth.records.models import Accommodation, Child, Episode


@dataclass(frozen=True)
class CaseloadRow:
    pk: int
    name: str
    age: int
    status: str
    lives: str
    last_contact: date | None


def caseload_rows(children: QuerySet[Child], *, as_at: date) -> list[CaseloadRow]:
    children = children.select_related("name").annotate(
        last_contact=Max("contacts__date", filter=Q(contacts__date__lte=as_at)),
    ).prefetch_related(
        Prefetch("episodes", queryset=Episode.objects.order_by("decom")),
        Prefetch("accommodation", queryset=Accommodation.objects.order_by("start")),
    )
    rows = []
    for child in children:
        episodes = list(child.episodes.all())
        open_episode = next((e for e in episodes if e.decom <= as_at and (e.dec is None or e.dec > as_at)), None)
        homes = [a for a in child.accommodation.all() if a.start <= as_at and (a.end is None or a.end > as_at)]
        if open_episode:
            status, lives = "In care", codes.PLACE.label(open_episode.place)
        else:
            status = "Care leaver" if episodes else "Not looked after"
            lives = codes.ACCOMMODATION_TYPE.label(homes[-1].accommodation_type) if homes else "Not recorded"
        name = getattr(child, "name", None)
        rows.append(CaseloadRow(
            pk=child.pk,
            name=str(name) if name else child.la_child_id,
            age=age_on(child.dob, as_at),
            status=status,
            lives=lives,
            last_contact=child.last_contact,
        ))
    return sorted(rows, key=lambda r: r.name)


SORTS = {
    "name": ("Name", lambda r: r.name),
    "age": ("Age", lambda r: (r.age, r.name)),
    "last_contact": ("Last contact, longest ago first", lambda r: (r.last_contact is not None, r.last_contact or date.min)),
}


def caseload_view_rows(rows: list[CaseloadRow], *, sort: str = "name", status: str = "") -> list[CaseloadRow]:
    """Filter by status and sort; unknown values fall back to all rows by name."""
    if status:
        rows = [r for r in rows if r.status == status]
    return sorted(rows, key=SORTS.get(sort, SORTS["name"])[1])
