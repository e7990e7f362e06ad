"""What a young person sends from their own pages: asking for support, telling us how things are,
and asking for a copy of their records. Each lands on their PA's worklist."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from hearth.domain.obligations.records import records_request_due
from hearth.domain.offer import support_request_is_statutory
from hearth.offer.models import RecordsRequest, SupportAsk, WellbeingCheck
from hearth.records.facts import policy_on
from hearth.records.models import Child
from hearth.records.services.base import save_and_audit
from hearth.records.services.leaving_care import support_request_record


@transaction.atomic
def support_ask(*, by, child: Child, message: str, on: date) -> SupportAsk:
    """Goes to the PA's worklist; from 21 to 25 it is also recorded as a request for support under
    the law, which starts the statutory clock (D34)."""
    message = message.strip()
    if not message:
        raise ValidationError("Tell us what you need help with", code="required")
    request = None
    if support_request_is_statutory(child.dob, on, policy_on(on).leap_day):
        request = support_request_record(by=by, child=child, received_on=on, request=message)
    ask = SupportAsk(child=child, asked_on=on, message=message, support_request=request)
    return save_and_audit(by=by, instance=ask, child_pk=child.pk, what="Support asked for")


def support_ask_answer(*, by, ask: SupportAsk, on: date) -> SupportAsk:
    if ask.answered_on:
        raise ValidationError("This has already been answered.", code="already_answered")
    ask.answered_on, ask.answered_by = on, by
    return save_and_audit(by=by, instance=ask, child_pk=ask.child_id, what="Support asked for", before={"answered_on": None})


def wellbeing_record(*, by, child: Child, on: date, feels_safe: bool, someone_to_talk_to: bool,
                     happy_with_home: bool, managing_money: bool, anything_else: str = "") -> WellbeingCheck:
    """Answering no to feeling safe is an alert to the PA and their manager at once (on their worklists)."""
    check = WellbeingCheck(child=child, answered_on=on, feels_safe=feels_safe, someone_to_talk_to=someone_to_talk_to,
                           happy_with_home=happy_with_home, managing_money=managing_money,
                           anything_else=anything_else.strip())
    return save_and_audit(by=by, instance=check, child_pk=child.pk, what="Wellbeing answers")


def wellbeing_follow_up(*, by, check: WellbeingCheck, on: date) -> WellbeingCheck:
    if check.followed_up_on:
        raise ValidationError("This has already been followed up.", code="already_followed_up")
    if on < check.answered_on:
        raise ValidationError("The follow-up cannot be before the answers were given.", code="before_answers")
    check.followed_up_on, check.followed_up_by = on, by
    return save_and_audit(by=by, instance=check, child_pk=check.child_id, what="Wellbeing answers",
                          before={"followed_up_on": None})


def records_request_start(*, by, child: Child, on: date) -> RecordsRequest:
    """A request for a copy of their records: a reply is due within a month (UK GDPR art. 12(3))."""
    if child.records_requests.filter(completed_on__isnull=True).exists():
        raise ValidationError("You have already asked for a copy of your records. We will reply by the date shown.",
                              code="already_open")
    row = RecordsRequest(child=child, received_on=on, due_on=records_request_due(on, policy=policy_on(on)))
    return save_and_audit(by=by, instance=row, child_pk=child.pk, what="Records request")


def records_request_complete(*, by, request: RecordsRequest, on: date) -> RecordsRequest:
    if request.completed_on:
        raise ValidationError("This request has already been answered.", code="already_answered")
    if on < request.received_on:
        raise ValidationError("The reply cannot be before the request.", code="before_request")
    request.completed_on = on
    return save_and_audit(by=by, instance=request, child_pk=request.child_id, what="Records request",
                          before={"completed_on": None})
