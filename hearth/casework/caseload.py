"""Rows of a caseload: one per child, built from one query per table (a fixed number of queries)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Q, QuerySet

from hearth.casework.open_work import open_obligations
from hearth.casework.status import status_label
from hearth.domain import codes
from hearth.domain.calendar import age_on
from hearth.domain.obligations import Obligation
from hearth.domain.obligations.base import Kind
from hearth.records.facts import policy_and_key_on
from hearth.records.models import Accommodation, Child, Episode


@dataclass(frozen=True)
class CaseloadRow:
    pk: int
    name: str
    age: int
    status: str
    lives: str
    last_contact: date | None
    next_due: Obligation | None  # the open deadline due soonest (it may be overdue)


def _by_child(queryset, *fields: str) -> dict[int, list[tuple]]:
    """Rows as plain tuples grouped by child: a caseload needs a few columns, not model instances."""
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for child_id, *values in queryset.values_list("child_id", *fields):
        grouped[child_id].append(tuple(values))
    return grouped


def caseload_rows(children: QuerySet[Child], *, as_at: date) -> list[CaseloadRow]:
    policy, policy_key = policy_and_key_on(as_at)
    work = open_obligations(children, as_at=as_at, policy=policy, policy_key=policy_key)
    children = list(children.select_related("name").annotate(
        last_contact=Max("contacts__date", filter=Q(contacts__date__lte=as_at)),
    ))
    ids = [child.pk for child in children]
    episodes = _by_child(Episode.objects.filter(child_id__in=ids).order_by("decom"),
                         "decom", "dec", "ls", "place", "rec", "rne")
    homes = _by_child(Accommodation.objects.filter(child_id__in=ids, start__lte=as_at)
                      .filter(Q(end__isnull=True) | Q(end__gt=as_at)).order_by("start"), "accommodation_type")
    rows = []
    for child in children:
        child_episodes = episodes.get(child.pk, ())
        open_episode = next((e for e in child_episodes if e[0] <= as_at and (e[1] is None or e[1] > as_at)), None)
        # The category needs only the child's episodes, which are here already.
        status = status_label(child.dob, child.date_of_death, child_episodes, as_at, policy)
        if open_episode:
            lives = codes.PLACE.label(open_episode[3])
        else:
            current_homes = homes.get(child.pk)
            lives = codes.ACCOMMODATION_TYPE.label(current_homes[-1][0]) if current_homes else "Not recorded"
        name = getattr(child, "name", None)
        rows.append(CaseloadRow(
            pk=child.pk,
            name=str(name) if name else child.la_child_id,
            age=age_on(child.dob, as_at),
            status=status,
            lives=lives,
            last_contact=child.last_contact,
            next_due=next((ob for ob in work.get(child.pk, ()) if ob.kind is Kind.DEADLINE), None),
        ))
    return sorted(rows, key=lambda r: r.name)


SORTS = {
    "name": ("Name", lambda r: r.name),
    "age": ("Age", lambda r: (r.age, r.name)),
    "last_contact": ("Last contact, longest ago first", lambda r: (r.last_contact is not None, r.last_contact or date.min)),
    "next_due": ("Next due, soonest first", lambda r: (r.next_due is None, r.next_due.legal_due if r.next_due else date.max)),
}


def caseload_view_rows(rows: list[CaseloadRow], *, sort: str = "name", status: str = "") -> list[CaseloadRow]:
    """Filter by status and sort; unknown values fall back to all rows by name."""
    if status:
        rows = [r for r in rows if r.status == status]
    return sorted(rows, key=SORTS.get(sort, SORTS["name"])[1])
