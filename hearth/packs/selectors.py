"""Reads for packs, scoped by role: officers see every pack; members only issued members' packs."""

from __future__ import annotations

from django.db.models import Count, Max, QuerySet

from hearth.accounts.roles import Role
from hearth.packs.models import Audience, Commentary, Pack, PackVersion

OFFICERS = (Role.SERVICE_MANAGER, Role.TEAM_MANAGER, Role.ANALYST)
READERS = OFFICERS + (Role.ELECTED_MEMBER,)


def is_officer(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.role in OFFICERS


def can_issue(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.role == Role.SERVICE_MANAGER


def pack_list_for(user) -> QuerySet[Pack]:
    packs = Pack.objects.annotate(issued=Count("versions"), latest=Max("versions__number"))
    if is_officer(user):
        return packs
    if getattr(user, "is_authenticated", False) and user.role == Role.ELECTED_MEMBER:
        return packs.filter(audience=Audience.MEMBERS, issued__gt=0)
    return Pack.objects.none()


def pack_get_for(user, pk: int) -> Pack | None:
    return pack_list_for(user).filter(pk=pk).first()


def version_get(pack: Pack, number: int) -> PackVersion | None:
    return pack.versions.filter(number=number).first()


def versions_of(pack: Pack) -> QuerySet[PackVersion]:
    return pack.versions.select_related("issued_by").defer("html", "pdf", "results").order_by("-number")


def commentary_for(pack: Pack) -> dict[str, str]:
    return dict(Commentary.objects.filter(pack=pack).values_list("kpi_id", "text"))
