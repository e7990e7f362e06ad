"""Performance packs: a draft (period, audience, the questions it answers, officers' commentary) and
the versions issued from it, each frozen exactly as issued."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Audience(models.TextChoices):
    MEMBERS = "members", "Elected members (corporate parenting panel, scrutiny)"
    MANAGERS = "managers", "Managers (internal)"


class Pack(models.Model):
    title = models.CharField(max_length=200)
    period = models.CharField(max_length=12, help_text="Canonical period label, e.g. 2025-26-Q4.")
    period_start = models.DateField()
    period_end = models.DateField()
    audience = models.CharField(max_length=10, choices=Audience.choices)
    work_programme_item = models.CharField(max_length=200, blank=True)
    # Question numbers from the question library; empty means a full pack (every theme).
    questions = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(audience__in=Audience.values), name="pack_audience_valid"),
            models.CheckConstraint(condition=models.Q(period_start__lte=models.F("period_end")),
                                   name="pack_period_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.period})"

    @property
    def latest_version(self) -> PackVersion | None:
        return self.versions.order_by("-number").first()


class Commentary(models.Model):
    """What an officer writes about one KPI in a draft pack. Issuing copies it into the version."""

    pack = models.ForeignKey(Pack, on_delete=models.CASCADE, related_name="commentary")
    kpi_id = models.CharField(max_length=20)
    text = models.TextField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    written_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pack", "kpi_id"], name="one_commentary_per_kpi")]


class PackVersion(models.Model):
    """One issue of a pack. Never changed: a re-issue is a new version with the next number."""

    pack = models.ForeignKey(Pack, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    html = models.TextField()
    pdf = models.BinaryField()
    # The Result of every KPI in the pack, its trend and breakdowns, as evaluated (kpis.md §1.2
    # rule 2), plus the commentary as issued, so checks can be re-run on what members saw.
    results = models.JSONField()
    data_extracted_at = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["pack", "-number"]
        constraints = [models.UniqueConstraint(fields=["pack", "number"], name="one_pack_version_number")]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("An issued pack cannot be changed: issue a new version.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("An issued pack cannot be deleted.")
