"""Rows of a caseload: one per child, built from prefetched relations (a fixed number of queries)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Prefetch, Q, QuerySet

from hearth.domain import codes
from hearth.domain.calendar import age_on
from hearth.domain.leaving_care import LeavingCareCategory, category_on
from hearth.domain.obligations.context import leaving_care_facts
from hearth.domain.obligations.facts import ChildFacts
from hearth.domain.obligations.facts import Episode as FactsEpisode
from hearth.records.facts import policy_on
from hearth.records.models import Accommodation, Child, Episode

# How each leaving-care category is shown (the rule is hearth.domain.leaving_care.category_on).
CATEGORY_LABELS = {
    LeavingCareCategory.LOOKED_AFTER: "In care",
    LeavingCareCategory.ELIGIBLE: "In care (eligible)",
    LeavingCareCategory.RELEVANT: "Relevant",
    LeavingCareCategory.FORMER_RELEVANT: "Former relevant",
    LeavingCareCategory.QUALIFYING: "Qualifying",
    LeavingCareCategory.NONE: "Not a care leaver",
    LeavingCareCategory.DECEASED: "Died",
}


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
    policy = policy_on(as_at)
    rows = []
    for child in children:
        episodes = list(child.episodes.all())
        open_episode = next((e for e in episodes if e.decom <= as_at and (e.dec is None or e.dec > as_at)), None)
        homes = [a for a in child.accommodation.all() if a.start <= as_at and (a.end is None or a.end > as_at)]
        # The category needs only the child's episodes, which are here already.
        facts = ChildFacts(dob=child.dob, date_of_death=child.date_of_death, episodes=tuple(
            FactsEpisode(start=e.decom, end=e.dec, legal_status=e.ls, placement=e.place, reason_ceased=e.rec or None,
                         reason_new=e.rne) for e in episodes))
        status = CATEGORY_LABELS[category_on(leaving_care_facts(facts), as_at, policy)]
        if open_episode:
            lives = codes.PLACE.label(open_episode.place)
        else:
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
