"""Band schemes a council edits (kpis.md §3.3): the write service and the selectors.

Every change is a new version, written with an audit entry. A scheme with defects (gaps,
overlaps, order against polarity) is saved only when the caller says so, and then as "defective".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from hearth.accounts.audit import AuditEntry, audit_record
from hearth.analytics.models import BandSchemeVersion, band_to_json
from hearth.domain.kpis.band_tables import lancashire_schemes
from hearth.domain.kpis.bands import BandScheme, errors


def _in_force(on_date: date) -> Q:
    return Q(effective_from__lte=on_date) & (Q(effective_to__isnull=True) | Q(effective_to__gt=on_date))


def scheme_version_in_force(kpi_id: str, on_date: date) -> BandSchemeVersion | None:
    """The stored version in force for a KPI on a date: of those covering the date, the latest."""
    return BandSchemeVersion.objects.filter(_in_force(on_date), kpi_id=kpi_id).order_by("-version").first()


def scheme_in_force(kpi_id: str, on_date: date) -> BandScheme | None:
    """The band scheme to colour a KPI's value for a date, or None if the KPI has no bands then."""
    stored = scheme_version_in_force(kpi_id, on_date)
    return stored.to_domain() if stored else None


def schemes_in_force(on_date: date) -> dict[str, BandSchemeVersion]:
    """Every KPI's version in force on a date."""
    chosen: dict[str, BandSchemeVersion] = {}
    for stored in BandSchemeVersion.objects.filter(_in_force(on_date)).order_by("kpi_id", "-version"):
        chosen.setdefault(stored.kpi_id, stored)
    return chosen


def band_scheme_list() -> list[BandSchemeVersion]:
    """The latest version of each KPI's scheme."""
    latest: dict[str, BandSchemeVersion] = {}
    for stored in BandSchemeVersion.objects.order_by("kpi_id", "-version"):
        latest.setdefault(stored.kpi_id, stored)
    return list(latest.values())


def band_scheme_history(kpi_id: str) -> list[BandSchemeVersion]:
    return list(BandSchemeVersion.objects.filter(kpi_id=kpi_id).order_by("-version"))


def _summary(stored: BandSchemeVersion | None) -> dict | None:
    if stored is None:
        return None
    return {
        "scheme_id": stored.scheme_id, "version": stored.version, "status": stored.status,
        "effective_from": stored.effective_from.isoformat(),
        "effective_to": stored.effective_to.isoformat() if stored.effective_to else None,
        "polarity": stored.polarity, "precision": stored.precision, "bands": stored.bands,
    }


@transaction.atomic
def band_scheme_save(*, user, scheme: BandScheme, allow_defective: bool = False, demonstration: bool = False) -> BandSchemeVersion:
    """Save a scheme as the KPI's next version. Refused (ValidationError, code "defective", one
    message per defect) when it has defects, unless `allow_defective`; then stored as defective."""
    problems = errors(scheme)
    if problems and not allow_defective:
        raise ValidationError([ValidationError(d.message, code="defective") for d in problems])
    if not scheme.approved_by.strip():
        raise ValidationError("Say who approved the bands", code="approved_by_required")
    previous = BandSchemeVersion.objects.select_for_update().filter(kpi_id=scheme.kpi_id).order_by("-version").first()
    version = (BandSchemeVersion.objects.filter(kpi_id=scheme.kpi_id).aggregate(n=Max("version"))["n"] or 0) + 1
    stored = BandSchemeVersion(
        scheme_id=scheme.id, kpi_id=scheme.kpi_id, version=version, effective_from=scheme.effective_from,
        effective_to=scheme.effective_to, approved_by=scheme.approved_by, polarity=scheme.polarity,
        domain_min=scheme.domain_min, domain_max=scheme.domain_max, precision=scheme.precision,
        bands=[band_to_json(b) for b in scheme.bands],
        status=BandSchemeVersion.Status.DEFECTIVE if problems else BandSchemeVersion.Status.VALID,
        demonstration=demonstration, created_at=timezone.now(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    stored.full_clean()
    stored.save()
    audit_record(user=user, action=AuditEntry.Action.CHANGE if previous else AuditEntry.Action.CREATE,
                 what=f"Band scheme {scheme.kpi_id} v{version}"[:100], before=_summary(previous), after=_summary(stored))
    return stored


def lancashire_demo_load(*, user=None) -> int:
    """Put the Lancashire Sep-16 schemes (§3.2) in as demonstration schemes, each only once.
    They are defective as published (§3.6), so they are stored and shown as defective."""
    added = 0
    for kpi_id, scheme in lancashire_schemes().items():
        if BandSchemeVersion.objects.filter(kpi_id=kpi_id, scheme_id=scheme.id).exists():
            continue
        band_scheme_save(user=user, scheme=replace(scheme), allow_defective=True, demonstration=True)
        added += 1
    return added
