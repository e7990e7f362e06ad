"""What young people send from their own pages, as worklist items and alerts for their PA and manager.

Called from hearth.casework.worklists.worklist, so it shows on every worklist at once.
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from hearth.domain.calendar import add_working_days
from hearth.domain.obligations.base import Obligation, Role, Rule, Strength, deadline, planner
from hearth.domain.obligations.records import SAR
from hearth.domain.policy import Policy
from hearth.offer.models import RecordsRequest, SupportAsk, WellbeingCheck
from hearth.records.models import Child

# Local practice: the PA replies within 2 working days. From 21 to 25 the statutory clock (D34)
# runs as well, from the request for support recorded alongside.
ASK_REPLY_WORKING_DAYS = 2
ASKED_FOR_SUPPORT = Rule("YP1", "Young person asked for support", "Local offer: PA replies within 2 working days",
                         Strength.L, Role.PERSONAL_ADVISER, effective_from=date(2018, 4, 1))


def _names(children: QuerySet[Child]) -> dict[int, str]:
    return {c.pk: (str(c.name) if hasattr(c, "name") else c.la_child_id) for c in children.select_related("name")}


def young_person_obligations(children: QuerySet[Child], *, as_at: date, policy: Policy) -> list[tuple[int, Obligation]]:
    """(child pk, obligation) for every unanswered ask and records request."""
    plan = planner(policy)
    out = []
    for ask in SupportAsk.objects.filter(child__in=children, answered_on__isnull=True, asked_on__lte=as_at):
        due = add_working_days(ask.asked_on, ASK_REPLY_WORKING_DAYS)
        out.append((ask.child_id, deadline(ASKED_FOR_SUPPORT, as_at, plan(due), ask.asked_on, due, None, None, None, 1,
                                           ask.message[:120])))
    for req in RecordsRequest.objects.filter(child__in=children, completed_on__isnull=True, received_on__lte=as_at):
        out.append((req.child_id, deadline(SAR, as_at, plan(req.due_on), req.received_on, req.due_on, None, None, None, 1)))
    return out


def unsafe_answers(children: QuerySet[Child]) -> list[WellbeingCheck]:
    """Answers of "no" to feeling safe that nobody has followed up yet."""
    return list(WellbeingCheck.objects.filter(child__in=children, feels_safe=False, followed_up_on__isnull=True)
                .order_by("answered_on", "id"))


def child_names(children: QuerySet[Child]) -> dict[int, str]:
    return _names(children)
