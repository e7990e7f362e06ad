"""What the performance engine keeps in the database: band schemes a council edits, and
imported benchmark figures (kpis.md §3.3, §4.4). KPI results themselves come from snapshots."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models

from hearth.domain.kpis.bands import Band, BandScheme


class BandSchemeVersion(models.Model):
    """One version of one KPI's band scheme. Versions are never edited: a change is a new version,
    and the highest version in force on a date wins. A scheme with gaps or overlaps may be saved
    only with status "defective" (§3.3 rule 3)."""

    class Status(models.TextChoices):
        VALID = "valid", "Valid"
        DEFECTIVE = "defective", "Defective"

    scheme_id = models.CharField(max_length=60, help_text="e.g. LCC-IB-2016-CL-L04")
    kpi_id = models.CharField("KPI", max_length=30, db_index=True)
    version = models.PositiveIntegerField()
    effective_from = models.DateField()
    effective_to = models.DateField(null=True, blank=True, help_text="The first day it no longer applies.")
    approved_by = models.CharField(max_length=300, help_text="Who approved the bands, and any reading of the source.")
    polarity = models.CharField(max_length=4, choices=[("up", "Higher is better"), ("down", "Lower is better")])
    domain_min = models.DecimalField(max_digits=12, decimal_places=4, default=Decimal(0))
    domain_max = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    precision = models.PositiveSmallIntegerField(default=1)
    # Worst -> best: [{"label", "lower", "lower_incl", "upper", "upper_incl"}], bounds as strings or null.
    bands = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices)
    demonstration = models.BooleanField(default=False, help_text="Loaded as a demonstration, not agreed by this council.")
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kpi_id", "version"], name="band_scheme_one_version_number"),
            models.CheckConstraint(condition=models.Q(polarity__in=["up", "down"]), name="band_scheme_polarity_valid"),
            models.CheckConstraint(condition=models.Q(status__in=["valid", "defective"]), name="band_scheme_status_valid"),
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True) | models.Q(effective_to__gt=models.F("effective_from")),
                name="band_scheme_ends_after_it_starts",
            ),
        ]
        ordering = ["kpi_id", "-version"]

    def __str__(self) -> str:
        return f"{self.scheme_id} v{self.version}"

    def to_domain(self) -> BandScheme:
        return BandScheme(
            id=self.scheme_id, kpi_id=self.kpi_id, version=self.version, effective_from=self.effective_from,
            effective_to=self.effective_to, approved_by=self.approved_by, polarity=self.polarity,  # type: ignore[arg-type]
            domain_min=Decimal(self.domain_min), domain_max=None if self.domain_max is None else Decimal(self.domain_max),
            precision=self.precision, bands=tuple(band_from_json(b) for b in self.bands),
        )


def band_to_json(band: Band) -> dict:
    return {
        "label": band.label,
        "lower": None if band.lower is None else f"{band.lower:f}", "lower_incl": band.lower_incl,
        "upper": None if band.upper is None else f"{band.upper:f}", "upper_incl": band.upper_incl,
    }


def band_from_json(data: dict) -> Band:
    return Band(
        data["label"],
        None if data["lower"] is None else Decimal(data["lower"]), bool(data["lower_incl"]),
        None if data["upper"] is None else Decimal(data["upper"]), bool(data["upper_incl"]),
    )


class BenchmarkImport(models.Model):
    """One benchmark file imported, all or nothing."""

    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, unique=True)
    rows = models.PositiveIntegerField()
    imported_at = models.DateTimeField()
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.rows} rows)"


class Benchmark(models.Model):
    """One published fact (§4.4): an area's value for a KPI and period, in a comparator group."""

    source_file = models.ForeignKey(BenchmarkImport, on_delete=models.CASCADE, related_name="benchmarks")
    row_number = models.PositiveIntegerField(help_text="Line in the file, counting the header as line 1.")
    la_code = models.CharField(max_length=9)
    la_name = models.CharField(max_length=100)
    kpi_id = models.CharField(max_length=40, db_index=True)
    period = models.CharField(max_length=20)
    period_end = models.DateField(null=True, blank=True, help_text="Empty when the source states no period.")
    value = models.DecimalField(max_digits=18, decimal_places=6, null=True, blank=True, help_text="Empty: not available (never 0).")
    comparator_group = models.CharField(max_length=30)
    basis = models.CharField(max_length=100, blank=True)
    unit = models.CharField(max_length=30, blank=True)
    numerator = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    suppression = models.CharField(max_length=10, blank=True)
    old_la_code = models.CharField(max_length=3, blank=True)
    source = models.CharField(max_length=300)
    release = models.CharField(max_length=50, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["kpi_id", "comparator_group", "period_end"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(comparator_group__in=["la", "england", "region", "statistical_neighbours", "target", "peer_example"]),
                name="benchmark_group_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.la_name} {self.kpi_id} {self.period}: {self.value}"

