"""What young people send from their own pages, as worklist items and alerts for their PA and manager.

Called from hearth.casework.worklists.worklist, so it shows on every worklist at once.
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from hearth.domain.obligations.base import Obligation
from hearth.domain.offer.support import ask_obligation, records_request_obligation
from hearth.domain.policy import Policy
from hearth.offer.models import RecordsRequest, SupportAsk, WellbeingCheck
from hearth.records.models import Child


def young_person_obligations(children: QuerySet[Child], *, as_at: date, policy: Policy) -> list[tuple[int, Obligation]]:
    """(child pk, obligation) for every unanswered ask and records request."""
    out = [(ask.child_id, ask_obligation(ask.asked_on, ask.message, as_at, policy))
           for ask in SupportAsk.objects.filter(child__in=children, answered_on__isnull=True, asked_on__lte=as_at)]
    out += [(req.child_id, records_request_obligation(req.received_on, req.due_on, as_at, policy))
            for req in RecordsRequest.objects.filter(child__in=children, completed_on__isnull=True,
                                                     received_on__lte=as_at)]
    return out


def unsafe_answers(children: QuerySet[Child]) -> list[WellbeingCheck]:
    """Answers of "no" to feeling safe that nobody has followed up yet."""
    return list(WellbeingCheck.objects.filter(child__in=children, feels_safe=False, followed_up_on__isnull=True)
                .select_related("child__name").order_by("answered_on", "id"))
