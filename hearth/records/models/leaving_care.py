"""The leaving-care record the 903 does not hold: plans, contacts, homes, EET, Staying Put, support."""

from __future__ import annotations

from django.db import models

from hearth.domain import codes
from hearth.records.models.constraints import CodeField, check, code_in, ends_after

_CHILD = "records.Child"
_WORKER = "records.Worker"


class NeedsAssessment(models.Model):
    child = models.ForeignKey(_CHILD, on_delete=models.CASCADE, related_name="needs_assessments")
    completed_on = models.DateField()
    worker = models.ForeignKey(_WORKER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["child", "completed_on"]


class PathwayPlan(models.Model):
    child = models.ForeignKey(_CHILD, on_delete=models.CASCADE, related_name="pathway_plans")
    agreed_on = models.DateField()
    worker = models.ForeignKey(_WORKER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["child", "agreed_on"]


class PathwayPlanReview(models.Model):
    plan = models.ForeignKey(PathwayPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    reviewer = models.ForeignKey(_WORKER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["plan", "reviewed_on"]


class PathwayPlanAction(models.Model):
    """A clear, specific action in the plan, with who owns it and when it is due."""

    plan = models.ForeignKey(PathwayPlan, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(max_length=300)
    owner = models.CharField(max_length=100, help_text="Who will do it: the young person, PA, or a named service.")
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)


class Contact(models.Model):
    """A contact or visit with a young person."""

    child = models.ForeignKey(_CHILD, on_delete=models.CASCADE, related_name="contacts")
    date = models.DateField()
    kind = CodeField(max_length=10, codes=codes.CONTACT_KIND)
    worker = models.ForeignKey(_WORKER, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts")
    seen_where = CodeField(max_length=10, codes=codes.SEEN_WHERE)
    follows_move = models.BooleanField("After a change of accommodation", default=False)
    note = models.TextField(blank=True)
    # A restricted note (third-party or safeguarding information) is never shown to the young person.
    restricted = models.BooleanField(default=False)

    class Meta:
        ordering = ["child", "date"]
        indexes = [models.Index(fields=["child", "date"])]
        constraints = [
            code_in("kind", codes.CONTACT_KIND, "Kind of contact"),
            code_in("seen_where", codes.SEEN_WHERE, "Where seen"),
        ]


class Accommodation(models.Model):
    """Where a young person lived, from a date to a date, and whether it was suitable."""

    child = models.ForeignKey(_CHILD, on_delete=models.CASCADE, related_name="accommodation")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    accommodation_type = CodeField(max_length=20, codes=codes.ACCOMMODATION_TYPE)
    suitable = models.BooleanField()

    class Meta:
        ordering = ["child", "start"]
        constraints = [
            code_in("accommodation_type", codes.ACCOMMODATION_TYPE, "Accommodation type"),
            ends_after("start", "end", "accommodation"),
            check(
                ~models.Q(accommodation_type__in=codes.ALWAYS_UNSUITABLE_ACCOMMODATION, suitable=True),
                "never_suitable",
                "Bed and breakfast, custody and no fixed abode are always recorded as not suitable.",
            ),
        ]

    @property
    def is_bed_and_breakfast(self) -> bool:
        return self.accommodation_type == "BED_AND_BREAKFAST"


class EETSpell(models.Model):
    """Education, employment or training, or NEET with its reason, from a date to a date."""

    child = models.ForeignKey(_CHILD, on_delete=models.CASCADE, related_name="eet_spells")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    activity = CodeField(max_length=15, codes=codes.EET_ACTIVITY)
    neet_reason = CodeField("NEET reason", max_length=20, blank=True, codes=codes.NEET_REASON)

    class Meta:
        verbose_name = "EET spell"
        ordering = ["child", "start"]
        constraints = [
            code_in("activity", codes.EET_ACTIVITY, "Activity"),
            code_in("neet_reason", codes.NEET_REASON, "NEET reason", optional=True),
            ends_after("start", "end", "education, employment or training spell"),
            check(
                models.Q(activity="NEET") | models.Q(neet_reason=""),
                "neet_reason_only_when_neet",
                "Only give a NEET reason when the young person is not in education, employment or training.",
            ),
        ]


class StayingPut(models.Model):
    """A young person staying with their former foster carer after 18 (to 21)."""

    child = models.ForeignKey(_CHILD, on_delete=models.CASCADE, related_name="staying_put")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    carer = models.CharField(max_length=150)
    provider = models.ForeignKey("records.Provider", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    weekly_allowance = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "Staying Put arrangement"
        constraints = [ends_after("start", "end", "Staying Put arrangement")]


class SupportRequest(models.Model):
    """A care leaver aged 21 to 25 asking for support, and what came of it."""

    child = models.ForeignKey(_CHILD, on_delete=models.CASCADE, related_name="support_requests")
    received_on = models.DateField()
    request = models.TextField()
    outcome = CodeField(max_length=15, codes=codes.SUPPORT_REQUEST_OUTCOME, default="PENDING")
    outcome_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            code_in("outcome", codes.SUPPORT_REQUEST_OUTCOME, "Outcome"),
            ends_after("received_on", "outcome_on", "support request"),
        ]


class EntitlementGiven(models.Model):
    """An entitlement a young person has received: leaflet, allowance, bursary, with amount and date."""

    child = models.ForeignKey(_CHILD, on_delete=models.CASCADE, related_name="entitlements")
    given_on = models.DateField()
    kind = CodeField(max_length=25, codes=codes.ENTITLEMENT_KIND)
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "entitlement given"
        constraints = [
            code_in("kind", codes.ENTITLEMENT_KIND, "Entitlement"),
            check(models.Q(amount__isnull=True) | models.Q(amount__gte=0), "amount_not_negative", "An amount cannot be negative."),
        ]


class DutyRecord(models.Model):
    """A statutory task done for a child, on a date: a health assessment, a PEP meeting, a care plan."""

    child = models.ForeignKey(_CHILD, on_delete=models.CASCADE, related_name="duty_records")
    duty = CodeField(max_length=30, codes=codes.DUTY_KIND)
    completed_on = models.DateField()
    worker = models.ForeignKey(_WORKER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["child", "completed_on"]
        indexes = [models.Index(fields=["child", "duty"])]
        constraints = [code_in("duty", codes.DUTY_KIND, "Statutory task")]
