from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.forms.models import model_to_dict

from hearth.accounts.audit import audit_record
from hearth.records.errors import explain


def as_json(instance: models.Model | None) -> dict | None:
    """A model's fields as JSON-safe values, for the audit log's before and after."""
    if instance is None:
        return None
    out = {}
    for key, value in model_to_dict(instance).items():
        if isinstance(value, (date, datetime, Decimal)):
            value = str(value)
        elif isinstance(value, models.Model):
            value = value.pk
        out[key] = value
    return out


def save_and_audit(*, by, instance: models.Model, child_pk: int, what: str, before: dict | None = None) -> models.Model:
    """Validate, save and audit one row; a refusal from the database comes back as a ValidationError."""
    instance.full_clean()
    created = instance.pk is None
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:
        raise ValidationError(explain(error), code="refused_by_database") from error
    audit_record(
        user=by, action="create" if created else "change", child_pk=child_pk,
        what=f"{what} {instance.pk}", before=before, after=as_json(instance),
    )
    return instance
