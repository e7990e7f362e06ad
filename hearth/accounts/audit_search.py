"""Searching the audit log (administrators only)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from hearth.accounts.audit import AuditEntry
from hearth.records.models import Child


def audit_entries(*, username: str = "", la_child_id: str = "", action: str = "",
                  date_from: date | None = None, date_to: date | None = None) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("user")
    if username:
        entries = entries.filter(user__username__iexact=username)
    if la_child_id:
        entries = entries.filter(child_pk__in=Child.objects.filter(la_child_id=la_child_id).values("pk"))
    if action:
        entries = entries.filter(action=action)
    tz = timezone.get_current_timezone()
    if date_from:
        entries = entries.filter(at__gte=datetime.combine(date_from, time.min, tz))
    if date_to:
        entries = entries.filter(at__lte=datetime.combine(date_to, time.max, tz))
    return entries.order_by("-at", "-id")


def child_ids(entries: list[AuditEntry]) -> dict[int, str]:
    """The council's child IDs for the entries on one page, in one query."""
    pks = {e.child_pk for e in entries if e.child_pk}
    return dict(Child.objects.filter(pk__in=pks).values_list("pk", "la_child_id"))
