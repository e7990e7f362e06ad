"""What the worklists read: each child's open obligations, kept between requests (open_work.py)."""

from django.db import models


class StoredWork(models.Model):
    """A child's obligations still open (and breaches not put right), as the rules gave them on
    `as_at` under policy `policy`, worked out from the record when it was at `computed_from`.

    `version` moves on with every change to the child's record (a signal on each record model, or
    `record_changed` for bulk writes), so the work is fresh only while `computed_from == version`
    and the date and policy still match. Derived data: deleting every row loses nothing.
    """

    child = models.OneToOneField("records.Child", primary_key=True, on_delete=models.CASCADE, related_name="stored_work")
    version = models.PositiveIntegerField(default=0)
    computed_from = models.PositiveIntegerField(null=True)
    as_at = models.DateField(null=True)
    policy = models.CharField(max_length=64, blank=True)
    obligations = models.TextField(blank=True, help_text="JSON: the open obligations (open_work.dump).")

    class Meta:
        verbose_name_plural = "stored work"
