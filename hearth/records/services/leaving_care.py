"""Leaving-care recording: contacts, accommodation, EET, plans, PA allocation, Staying Put, support."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from hearth.records.models import (
    Accommodation,
    Allocation,
    Child,
    Contact,
    EETSpell,
    NeedsAssessment,
    PathwayPlan,
    PathwayPlanAction,
    PathwayPlanReview,
    StayingPut,
    SupportRequest,
    Worker,
)
from hearth.records.services.base import as_json, save_and_audit


def contact_record(*, by, child: Child, date: date, kind: str, seen_where: str, worker: Worker | None,
                   follows_move: bool = False, note: str = "", restricted: bool = False) -> Contact:
    """A restricted contact, and its note, is never shown on the young person's own pages."""
    contact = Contact(child=child, date=date, kind=kind, seen_where=seen_where, worker=worker, follows_move=follows_move,
                      note=note, restricted=restricted)
    return save_and_audit(by=by, instance=contact, child_pk=child.pk, what="Contact")


def _close_current(*, by, rows, on: date, what: str, child: Child) -> None:
    """End the spell that is open on `on`, so the new one follows it without overlap."""
    for row in rows.filter(end__isnull=True):
        if row.start > on:
            raise ValidationError(
                f"The current {what} started on {row.start:%d/%m/%Y}, after this date. Correct that record first.",
                code="starts_before_current",
            )
        before = as_json(row)
        row.end = on
        save_and_audit(by=by, instance=row, child_pk=child.pk, what=what.capitalize(), before=before)


@dataclass(frozen=True)
class AccommodationChange:
    accommodation: Accommodation
    bed_and_breakfast: bool  # flagged to the worker at once; the deadline is on the worklist


@transaction.atomic
def accommodation_change(*, by, child: Child, start: date, accommodation_type: str, suitable: bool) -> AccommodationChange:
    _close_current(by=by, rows=child.accommodation, on=start, what="accommodation", child=child)
    row = Accommodation(child=child, start=start, accommodation_type=accommodation_type, suitable=suitable)
    save_and_audit(by=by, instance=row, child_pk=child.pk, what="Accommodation")
    return AccommodationChange(row, bed_and_breakfast=row.is_bed_and_breakfast)


@transaction.atomic
def eet_change(*, by, child: Child, start: date, activity: str, neet_reason: str = "") -> EETSpell:
    _close_current(by=by, rows=child.eet_spells, on=start, what="EET spell", child=child)
    spell = EETSpell(child=child, start=start, activity=activity, neet_reason=neet_reason)
    return save_and_audit(by=by, instance=spell, child_pk=child.pk, what="EET spell")


def needs_assessment_record(*, by, child: Child, completed_on: date, worker: Worker | None) -> NeedsAssessment:
    row = NeedsAssessment(child=child, completed_on=completed_on, worker=worker)
    return save_and_audit(by=by, instance=row, child_pk=child.pk, what="Needs assessment")


@dataclass(frozen=True)
class PlannedAction:
    description: str
    owner: str
    due_on: date


def _add_actions(*, by, plan: PathwayPlan, actions: list[PlannedAction]) -> None:
    for action in actions:
        row = PathwayPlanAction(plan=plan, description=action.description, owner=action.owner, due_on=action.due_on)
        save_and_audit(by=by, instance=row, child_pk=plan.child_id, what="Pathway plan action")


@transaction.atomic
def pathway_plan_record(*, by, child: Child, agreed_on: date, worker: Worker | None,
                        actions: list[PlannedAction] = ()) -> PathwayPlan:
    plan = save_and_audit(by=by, instance=PathwayPlan(child=child, agreed_on=agreed_on, worker=worker),
                          child_pk=child.pk, what="Pathway plan")
    _add_actions(by=by, plan=plan, actions=list(actions))
    return plan


@transaction.atomic
def pathway_plan_review_record(*, by, plan: PathwayPlan, reviewed_on: date, reviewer: Worker | None,
                               actions: list[PlannedAction] = ()) -> PathwayPlanReview:
    if reviewed_on < plan.agreed_on:
        raise ValidationError(
            f"A review cannot be before the plan was agreed ({plan.agreed_on:%d/%m/%Y}).", code="review_before_plan"
        )
    review = save_and_audit(by=by, instance=PathwayPlanReview(plan=plan, reviewed_on=reviewed_on, reviewer=reviewer),
                            child_pk=plan.child_id, what="Pathway plan review")
    _add_actions(by=by, plan=plan, actions=list(actions))
    return review


@transaction.atomic
def worker_allocate(*, by, child: Child, worker: Worker, role: str, start: date, sw_reason: str = "") -> Allocation:
    """Allocate a PA or social worker; the previous one in that role hands over on the same day."""
    current = child.allocations.filter(role=role)
    if current.filter(end__isnull=True, worker=worker).exists():
        raise ValidationError(f"{worker.name} is already allocated.", code="already_allocated")
    _close_current(by=by, rows=current, on=start, what="allocation", child=child)
    allocation = Allocation(child=child, worker=worker, role=role, start=start, sw_reason=sw_reason)
    return save_and_audit(by=by, instance=allocation, child_pk=child.pk, what="Allocation")


def staying_put_start(*, by, child: Child, start: date, carer: str, weekly_allowance: Decimal | None = None) -> StayingPut:
    if child.staying_put.filter(end__isnull=True).exists():
        raise ValidationError("This young person already has an open Staying Put arrangement.", code="already_open")
    row = StayingPut(child=child, start=start, carer=carer, weekly_allowance=weekly_allowance)
    return save_and_audit(by=by, instance=row, child_pk=child.pk, what="Staying Put")


def staying_put_end(*, by, arrangement: StayingPut, end: date) -> StayingPut:
    before = as_json(arrangement)
    arrangement.end = end
    return save_and_audit(by=by, instance=arrangement, child_pk=arrangement.child_id, what="Staying Put", before=before)


def support_request_record(*, by, child: Child, received_on: date, request: str) -> SupportRequest:
    row = SupportRequest(child=child, received_on=received_on, request=request)
    return save_and_audit(by=by, instance=row, child_pk=child.pk, what="Support request")


def support_request_outcome(*, by, support_request: SupportRequest, outcome: str, outcome_on: date) -> SupportRequest:
    before = as_json(support_request)
    support_request.outcome, support_request.outcome_on = outcome, outcome_on
    return save_and_audit(by=by, instance=support_request, child_pk=support_request.child_id,
                          what="Support request", before=before)
