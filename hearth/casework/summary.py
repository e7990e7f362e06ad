"""The facts at the top of a child's record: who, status, where they live, who works with them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from hearth.domain import codes
from hearth.domain.calendar import age_on
from hearth.records.models import Child


def _current(rows, as_at: date, start: str = "start", end: str = "end"):
    """The row covering as_at, for [start, end) rows already fetched in date order."""
    for row in reversed(list(rows)):
        s, e = getattr(row, start), getattr(row, end)
        if s <= as_at and (e is None or e > as_at):
            return row
    return None


@dataclass(frozen=True)
class ChildSummary:
    child: Child
    name: str
    age: int
    in_care: bool
    legal_status: str
    placement: str
    accommodation: str
    personal_adviser: str
    social_worker: str
    pathway_plan: str
    eet: str
    staying_put: str


def child_summary(child: Child, *, as_at: date) -> ChildSummary:
    episode = _current(child.episodes.order_by("decom"), as_at, "decom", "dec")
    home = _current(child.accommodation.order_by("start"), as_at)
    eet = _current(child.eet_spells.order_by("start"), as_at)
    staying_put = _current(child.staying_put.order_by("start"), as_at)
    allocations = list(
        child.allocations.select_related("worker").filter(Q(end__isnull=True) | Q(end__gt=as_at), start__lte=as_at)
    )
    pa = next((a.worker.name for a in allocations if a.role == "PERSONAL_ADVISER"), "None allocated")
    sw = next((a.worker.name for a in allocations if a.role == "SOCIAL_WORKER"), "None allocated")
    plan = child.pathway_plans.prefetch_related("reviews").order_by("-agreed_on").first()
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
