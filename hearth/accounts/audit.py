"""The append-only audit log: who saw or changed which child's record, when, and what changed.

Entries are written by services and views through `audit_record` and never changed. The model
refuses updates and deletes; the database refuses them too (a trigger on each backend), and in
production the application's database role is granted only INSERT and SELECT on the table
(README, "Audit log").
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit entries cannot be changed.")

    def delete(self):
        raise PermissionError("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        CREATE = "create", "Created"
        CHANGE = "change", "Changed"
        SIGN_IN = "sign_in", "Signed in"

    at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    # A plain column, not a foreign key: the entry must outlive any change to the child's row.
    child_pk = models.BigIntegerField(null=True, db_index=True)
    what = models.CharField(max_length=100, help_text="The record or page, e.g. 'Contact 42' or 'Child record'.")
    before = models.JSONField(null=True)
    after = models.JSONField(null=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        app_label = "accounts"
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries cannot be deleted.")


def audit_record(
    *, user, action: str, what: str, child_pk: int | None = None,
    before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        at=timezone.now(), user=user if getattr(user, "is_authenticated", False) else None,
        action=action, child_pk=child_pk, what=what, before=before, after=after,
    )
