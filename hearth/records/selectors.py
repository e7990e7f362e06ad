"""Reads of the record that span relations. Views reach the record through these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q

from hearth.domain.codes import SHORT_BREAK_LS
from hearth.records.models import Allocation, Child, Council, Episode, Team, Worker


def council_get() -> Council | None:
    return Council.objects.order_by("id").first()


def _open_on(day: date) -> Q:
    """Episodes covering a day: started on or before it and not ended by it ([DECOM, DEC))."""
    return Q(decom__lte=day) & (Q(dec__isnull=True) | Q(dec__gt=day))


@dataclass(frozen=True)
class HeadlineCounts:
    as_at: date
    children_in_care: int
    started_last_12_months: int
    ceased_last_12_months: int
    young_people_with_pa: int
    children_ever_recorded: int
    workers: int
    teams: int


def headline_counts(*, as_at: date) -> HeadlineCounts:
    year_ago = as_at - timedelta(days=365)
    care = Episode.objects.exclude(ls__in=SHORT_BREAK_LS)
    return HeadlineCounts(
        as_at=as_at,
        children_in_care=care.filter(_open_on(as_at)).values("child").distinct().count(),
        started_last_12_months=care.filter(rne="S", decom__gt=year_ago, decom__lte=as_at).count(),
        ceased_last_12_months=care.filter(dec__gt=year_ago, dec__lte=as_at)
        .exclude(rec="X1")
        .count(),
        young_people_with_pa=Allocation.objects.filter(role="PERSONAL_ADVISER", start__lte=as_at)
        .filter(Q(end__isnull=True) | Q(end__gt=as_at))
        .values("child")
        .distinct()
        .count(),
        children_ever_recorded=Child.objects.count(),
        workers=Worker.objects.filter(active=True).count(),
        teams=Team.objects.count(),
    )


def la_child_ids(pks: list[int]) -> dict[int, str]:
    """The council's 903 child ids for these records (ids only: no names)."""
    return dict(Child.objects.filter(pk__in=pks).values_list("pk", "la_child_id"))
