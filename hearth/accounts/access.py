"""Need-to-know: which children's records a user may open (design.md, "Security").

Views reach children only through `children_for`; a child outside it is refused with 403
whether or not it exists, so a refusal leaks nothing.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet, Subquery

from hearth.accounts.roles import Role
from hearth.records.models import Allocation, Child, Worker


def _allocated_now(as_at: date) -> Q:
    return Q(start__lte=as_at) & (Q(end__isnull=True) | Q(end__gt=as_at))


def children_for(user, *, as_at: date) -> QuerySet[Child]:
    """The children this user may see identifiable records for, on a date."""
    if not getattr(user, "is_authenticated", False):
        return Child.objects.none()
    role = user.role
    if role == Role.SERVICE_MANAGER:
        return Child.objects.all()
    if role in (Role.PRACTITIONER, Role.TEAM_MANAGER) and user.worker_id:
        # A practitioner covers for colleagues, so sees their team's children as well as their own.
        # The team as a subquery, so the check costs no extra round trip.
        team = Worker.objects.filter(pk=user.worker_id).values("team_id")[:1]
        team_allocations = Allocation.objects.filter(_allocated_now(as_at), worker__team_id=Subquery(team))
        return Child.objects.filter(pk__in=team_allocations.values("child_id"))
    # Analysts work from pseudonymised data; members see aggregates only; administrators manage
    # users and settings. None of them opens a child's record. A young person sees their own
    # record only through `own_child_for`, never through the practitioners' pages.
    return Child.objects.none()


def own_child_for(user) -> QuerySet[Child]:
    """A young person's own record, and nothing else; empty for everyone else."""
    if not getattr(user, "is_authenticated", False) or user.role != Role.YOUNG_PERSON or not user.child_id:
        return Child.objects.none()
    return Child.objects.filter(pk=user.child_id)


def caseload_for(user, *, as_at: date) -> QuerySet[Child]:
    """The children allocated to this user themself now."""
    if not getattr(user, "is_authenticated", False) or not user.worker_id:
        return Child.objects.none()
    mine = Allocation.objects.filter(_allocated_now(as_at), worker_id=user.worker_id)
    return Child.objects.filter(pk__in=mine.values("child_id"))
