"""The local offer as versioned data, and what young people send us from their own pages."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hearth.domain.offer import Category, Circumstance, Entitlement
from hearth.domain.offer.catalogue import Form, Period, ProviderKind, Theme


def _choices(enum) -> list[tuple[str, str]]:
    return [(m.code, m.label) for m in enum]


class OfferVersion(models.Model):
    """One version of the offer. Once published it is kept exactly as it was: a change is a new version."""

    number = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=150)
    introduction = models.TextField(blank=True)
    created_at = models.DateTimeField()
    published_on = models.DateField(null=True, blank=True)
    review_window_opens_on = models.DateField(null=True, blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    changes = models.TextField(blank=True, help_text="What changed from the last version, including what young people told us.")

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"Version {self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_on is not None

    def save(self, *args, **kwargs):
        if self.pk is not None and OfferVersion.objects.filter(pk=self.pk, published_on__isnull=False).exists():
            raise PermissionError("A published version of the offer is kept as it was. Make a new version.")
        super().save(*args, **kwargs)


class OfferEntitlement(models.Model):
    """An entitlement or service in one version of the offer."""

    version = models.ForeignKey(OfferVersion, on_delete=models.PROTECT, related_name="entitlements")
    key = models.SlugField(max_length=50, help_text="The same in every version, so feedback follows the entitlement.")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=150)
    theme = models.CharField(max_length=20, choices=_choices(Theme))
    summary = models.TextField()
    form = models.CharField(max_length=10, choices=_choices(Form))
    amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    period = models.CharField(max_length=10, choices=_choices(Period), blank=True)
    provider_kind = models.CharField(max_length=12, choices=_choices(ProviderKind))
    provider = models.CharField(max_length=150)
    how_to_get = models.TextField()
    basis = models.CharField("Law or policy", max_length=300)
    statutory = models.BooleanField(default=False)
    min_age = models.PositiveSmallIntegerField()
    under_age = models.PositiveSmallIntegerField()
    categories = models.JSONField(default=list)
    requires_any = models.JSONField(default=list, blank=True)
    excludes = models.JSONField(default=list, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    record_kind = models.CharField(max_length=25, blank=True, help_text="The record's 'entitlement given' kind, if any.")

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="offer_entitlement_key_once_per_version"),
            models.CheckConstraint(condition=models.Q(under_age__gt=models.F("min_age")), name="offer_ages_in_order",
                                   violation_error_message="The age it ends must be after the age it starts."),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if OfferVersion.objects.filter(pk=self.version_id, published_on__isnull=False).exists():
            raise PermissionError("A published version of the offer is kept as it was. Make a new version.")
        super().save(*args, **kwargs)

    def as_domain(self) -> Entitlement:
        return Entitlement(
            key=self.key, title=self.title, min_age=self.min_age, under_age=self.under_age,
            categories=frozenset(Category(c) for c in self.categories),
            requires_any=frozenset(Circumstance(c) for c in self.requires_any),
            excludes=frozenset(Circumstance(c) for c in self.excludes),
            valid_from=self.valid_from, valid_to=self.valid_to,
        )

    @property
    def theme_label(self) -> str:
        return self.get_theme_display()

    @property
    def amount_text(self) -> str:
        if self.amount is None:
            return ""
        pounds = f"£{self.amount:,.0f}" if self.amount == self.amount.to_integral() else f"£{self.amount:,.2f}"
        return f"{pounds} {self.get_period_display()}"


class OfferFeedback(models.Model):
    """A young person's comment on one entitlement ("you said"), and the council's reply ("we did")."""

    version = models.ForeignKey(OfferVersion, on_delete=models.PROTECT, related_name="feedback")
    entitlement_key = models.SlugField(max_length=50)
    child = models.ForeignKey("records.Child", null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.TextField()
    created_at = models.DateTimeField()
    response = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")

    class Meta:
        ordering = ["created_at"]


class YoungPersonInvite(models.Model):
    """A one-time invitation: a link sent by email, or a code the PA reads out. Only hashes are kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invites")
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64, unique=True)
    email = models.EmailField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)


class SupportAsk(models.Model):
    """A young person asking their PA for support from their own pages."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="support_asks")
    asked_on = models.DateField()
    message = models.TextField()
    # From 21 to 25 the ask is also a request for support under the law (CA 1989 s23CZB).
    support_request = models.OneToOneField("records.SupportRequest", null=True, blank=True, on_delete=models.PROTECT,
                                           related_name="ask")
    answered_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-asked_on", "-id"]


class WellbeingCheck(models.Model):
    """'Tell us how things are': a few questions in the style of care leaver wellbeing surveys."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="wellbeing_checks")
    answered_on = models.DateField()
    feels_safe = models.BooleanField("Do you feel safe where you live?")
    someone_to_talk_to = models.BooleanField("Do you have someone you can talk to when things are hard?")
    happy_with_home = models.BooleanField("Are you happy with where you live?")
    managing_money = models.BooleanField("Are you managing with money?")
    anything_else = models.TextField(blank=True)
    followed_up_on = models.DateField(null=True, blank=True)
    followed_up_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+")

    class Meta:
        ordering = ["-answered_on", "-id"]


class RecordsRequest(models.Model):
    """A young person asking for a copy of their records (UK GDPR art. 15), tracked to its reply."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="records_requests")
    received_on = models.DateField()
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]
