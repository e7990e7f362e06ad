"""The facts at the top of a child's record: who, status, where they live, who works with them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from hearth.casework.status import status_label
from hearth.domain import codes
from hearth.domain.calendar import age_on
from hearth.domain.policy import Policy
from hearth.records.models import Allocation, Child, Contact, PathwayPlan


def _current(rows, as_at: date, start: str = "start", end: str = "end"):
    """The row covering as_at, among [start, end) rows."""
    for row in sorted(rows, key=lambda r: getattr(r, start), reverse=True):
        s, e = getattr(row, start), getattr(row, end)
        if s <= as_at and (e is None or e > as_at):
            return row
    return None


def child_with_record(children: QuerySet[Child]) -> QuerySet[Child]:
    """Children with everything the record page shows fetched once, in one query per relation."""
    return children.select_related("name").prefetch_related(
        "episodes", "reviews", "missing_episodes", "needs_assessments", "accommodation", "eet_spells",
        "staying_put", "support_requests",
        Prefetch("contacts", queryset=Contact.objects.select_related("worker")),
        Prefetch("pathway_plans", queryset=PathwayPlan.objects.prefetch_related("reviews")),
        Prefetch("allocations", queryset=Allocation.objects.select_related("worker")),
    )


@dataclass(frozen=True)
class ChildSummary:
    child: Child
    name: str
    age: int
    in_care: bool
    status: str  # in care, or the leaving-care category (casework.status)
    legal_status: str
    placement: str
    accommodation: str
    personal_adviser: str
    social_worker: str
    pathway_plan: str
    eet: str
    staying_put: str


def child_summary(child: Child, *, as_at: date, policy: Policy) -> ChildSummary:
    """Reads only prefetched relations (see child_with_record), so it adds no queries."""
    episode = _current(child.episodes.all(), as_at, "decom", "dec")
    episodes = sorted((e.decom, e.dec, e.ls, e.place, e.rec, e.rne) for e in child.episodes.all())
    home = _current(child.accommodation.all(), as_at)
    eet = _current(child.eet_spells.all(), as_at)
    staying_put = _current(child.staying_put.all(), as_at)
    allocations = [a for a in child.allocations.all() if a.start <= as_at and (a.end is None or a.end > as_at)]
    pa = next((a.worker.name for a in allocations if a.role == "PERSONAL_ADVISER"), "None allocated")
    sw = next((a.worker.name for a in allocations if a.role == "SOCIAL_WORKER"), "None allocated")
    plan = max(child.pathway_plans.all(), key=lambda p: p.agreed_on, default=None)
    if plan:
        reviews = [r.reviewed_on for r in plan.reviews.all()]
        last = max([plan.agreed_on, *reviews])
        plan_text = f"Agreed {plan.agreed_on:%d/%m/%Y}; last reviewed {last:%d/%m/%Y}"
    else:
        plan_text = "No pathway plan"
    name = getattr(child, "name", None)
    return ChildSummary(
        child=child,
        name=str(name) if name else child.la_child_id,
        age=age_on(child.dob, as_at),
        in_care=episode is not None,
        status=status_label(child.dob, child.date_of_death, episodes, as_at, policy),
        legal_status=codes.LS.label(episode.ls) if episode else "Not looked after",
        placement=codes.PLACE.label(episode.place) if episode else "Not looked after",
        accommodation=(
            f"{codes.ACCOMMODATION_TYPE.label(home.accommodation_type)} ({'suitable' if home.suitable else 'not suitable'})"
            if home else "Not recorded"
        ),
        personal_adviser=pa,
        social_worker=sw,
        pathway_plan=plan_text,
        eet=codes.EET_ACTIVITY.label(eet.activity) if eet else "Not recorded",
        staying_put=f"With {staying_put.carer} since {staying_put.start:%d/%m/%Y}" if staying_put else "No",
    )
