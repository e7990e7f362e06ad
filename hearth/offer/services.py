"""Writing the offer: loading a version from its file, publishing it, and feedback on it."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from hearth.accounts.audit import AuditEntry, audit_record
from hearth.domain.offer import review_due, review_window_opens
from hearth.domain.offer.catalogue import parse_offer
from hearth.offer.models import OfferEntitlement, OfferFeedback, OfferVersion
from hearth.records.facts import policy_on
from hearth.records.models import Child
from hearth.records.services.base import save_and_audit


@transaction.atomic
def offer_load(*, by, text: str, publish_on: date | None = None, changes: str = "") -> OfferVersion:
    """A new version of the offer from its file, published on `publish_on` if given; all or nothing."""
    try:
        document = parse_offer(text)
    except ValueError as error:
        raise ValidationError(str(error), code="bad_offer_file") from None
    number = (OfferVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    version = OfferVersion(number=number, title=document.title, introduction=document.introduction,
                           created_at=timezone.now(), changes=changes)
    version.full_clean()
    version.save()
    for position, item in enumerate(document.items):
        e = item.eligibility
        row = OfferEntitlement(
            version=version, key=e.key, position=position, title=e.title, theme=item.theme.code, summary=item.summary,
            form=item.form.code, amount=item.amount, period=item.period.code if item.period else "",
            provider_kind=item.provider_kind.code, provider=item.provider, how_to_get=item.how_to_get, basis=item.basis,
            statutory=item.statutory, min_age=e.min_age, under_age=e.under_age,
            categories=sorted(c.value for c in e.categories), requires_any=sorted(c.value for c in e.requires_any),
            excludes=sorted(c.value for c in e.excludes), valid_from=e.valid_from, valid_to=e.valid_to,
            record_kind=item.record_kind,
        )
        row.full_clean()
        row.save()
    audit_record(user=by, action=AuditEntry.Action.CREATE, what=f"Local offer version {number}",
                 after={"entitlements": len(document.items)})
    if publish_on is not None:
        offer_publish(by=by, version=version, on=publish_on)
    return version


def offer_publish(*, by, version: OfferVersion, on: date) -> OfferVersion:
    """Publish a draft; the next review is due `local_offer_review_years` later (D60, W14)."""
    if version.is_published:
        raise ValidationError("This version is already published.", code="already_published")
    later = OfferVersion.objects.filter(published_on__gt=on).first()
    if later is not None:
        raise ValidationError(f"Version {later.number} was published after this date.", code="published_out_of_order")
    policy = policy_on(on)
    version.published_on = on
    version.review_window_opens_on = review_window_opens(on, policy)
    version.next_review_on = review_due(on, policy)
    version.full_clean()
    version.save()
    audit_record(user=by, action=AuditEntry.Action.CHANGE, what=f"Local offer version {version.number} published",
                 after={"published_on": str(on), "next_review_on": str(version.next_review_on)})
    return version


def feedback_give(*, by, child: Child | None, version: OfferVersion, entitlement_key: str, comment: str) -> OfferFeedback:
    if not version.entitlements.filter(key=entitlement_key).exists():
        raise ValidationError("Choose a part of the offer from the list.", code="unknown_entitlement")
    row = OfferFeedback(version=version, entitlement_key=entitlement_key, child=child, comment=comment.strip(),
                        created_at=timezone.now())
    return save_and_audit(by=by, instance=row, child_pk=child.pk if child else None, what="Offer feedback")


def feedback_respond(*, by, feedback: OfferFeedback, response: str, on: date) -> OfferFeedback:
    before = {"response": feedback.response}
    feedback.response, feedback.responded_on, feedback.responded_by = response.strip(), on, by
    return save_and_audit(by=by, instance=feedback, child_pk=feedback.child_id, what="Offer feedback", before=before)
