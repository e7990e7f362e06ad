"""Any saved change to a child's record moves their stored work on (open_work.record_changed).

A signal rather than a call in each service because the record is written from many places
(services, the 903 import, tests' fixtures) and a missed call would leave a worklist
wrong; the signal runs inside the saving transaction, so a rolled-back change moves nothing.
Bulk writes that skip signals (bulk_create, update) call record_changed themselves.
"""

from django.db.models.signals import post_save

from hearth.casework.open_work import record_changed
from hearth.records import models as m

# Every model the duty rules read (hearth.records.facts), with the way to its child.
_CHILD_OF = {
    m.Child: lambda row: row.pk,
    m.PathwayPlanReview: lambda row: row.plan.child_id,  # the services pass the plan, so no query
    **{model: lambda row: row.child_id for model in (
        m.Episode, m.Review, m.Contact, m.NeedsAssessment, m.PathwayPlan, m.Allocation, m.Accommodation,
        m.StayingPut, m.SupportRequest, m.MissingEpisode, m.DutyRecord)},
}


def _moved_on(sender, instance, raw=False, **kwargs) -> None:
    if not raw:  # fixtures loaded raw carry no work to move on
        record_changed([_CHILD_OF[sender](instance)])


def connect() -> None:
    for model in _CHILD_OF:
        post_save.connect(_moved_on, sender=model, dispatch_uid=f"open_work:{model.__name__}")
