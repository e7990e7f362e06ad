"""The council, its teams, workers, providers, and which worker holds which child."""

from __future__ import annotations

from django.db import models

from hearth.domain import codes
from hearth.records.models.constraints import CodeField, code_in, ends_after


class Council(models.Model):
    """The local authority this Hearth holds records for (one per database)."""

    name = models.CharField(max_length=100)
    la_code = models.CharField("LA code", max_length=3, help_text="The DfE's three-digit local authority code.")
    region = models.CharField(max_length=50, blank=True)

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    name = models.CharField(max_length=100, unique=True)
    kind = CodeField(max_length=20, codes=codes.TEAM_KIND)
    locality = models.CharField(max_length=50, blank=True)

    class Meta:
        constraints = [code_in("kind", codes.TEAM_KIND, "Team kind")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Worker(models.Model):
    """A social worker, personal adviser or manager."""

    name = models.CharField(max_length=100)
    role = CodeField(max_length=20, codes=codes.WORKER_ROLE)
    experience_band = CodeField(max_length=10, codes=codes.EXPERIENCE_BAND)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="workers")
    sw_id = models.CharField(
        "Social worker ID (SW_ID)",
        max_length=20,
        blank=True,
        help_text="Social Work England registration number, or a value starting XX where there is none.",
    )
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            code_in("role", codes.WORKER_ROLE, "Role"),
            code_in("experience_band", codes.EXPERIENCE_BAND, "Experience band"),
        ]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Provider(models.Model):
    """Who provides a placement: the council's own homes and carers, or another provider."""

    name = models.CharField(max_length=150)
    kind = CodeField(max_length=30, codes=codes.PROVIDER_KIND)
    place_provider = CodeField("Placement provider (PLACE_PROVIDER)", max_length=3, codes=codes.PLACE_PROVIDER)
    postcode = models.CharField(max_length=8, blank=True)
    urn = models.CharField("Ofsted URN", max_length=8, blank=True)
    la_code = models.CharField("LA where it is", max_length=3, blank=True)

    class Meta:
        constraints = [
            code_in("kind", codes.PROVIDER_KIND, "Provider kind"),
            code_in("place_provider", codes.PLACE_PROVIDER, "Placement provider"),
        ]
        ordering = ["name"]

    @property
    def in_house(self) -> bool:
        return self.place_provider == "PR1"

    def __str__(self) -> str:
        return self.name


class Allocation(models.Model):
    """A worker allocated to a child, from a date to a date.

    Social worker allocations are the 903's social worker episodes (SWEpisodes); personal
    adviser allocations are the leaving-care record of who the young person's PA was.
    """

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="allocations")
    worker = models.ForeignKey(Worker, on_delete=models.PROTECT, related_name="allocations")
    role = CodeField(max_length=20, codes=codes.ALLOCATION_ROLE)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    sw_reason = CodeField(
        "Reason for change of social worker (SW_REASON)", max_length=6, blank=True, codes=codes.SW_REASON
    )

    class Meta:
        constraints = [
            code_in("role", codes.ALLOCATION_ROLE, "Allocation role"),
            code_in("sw_reason", codes.SW_REASON, "Reason for change of social worker", optional=True),
            ends_after("start", "end", "allocation"),
        ]
        indexes = [models.Index(fields=["worker", "end"]), models.Index(fields=["child", "role", "start"])]
