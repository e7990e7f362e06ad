"""What can be recorded on a child's record: for each action its title, form and service call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms

from hearth.casework import forms as f
from hearth.casework.worklists import bnb_move_by
from hearth.records.facts import policy_on
from hearth.records.models import Child
from hearth.records.services import episodes as ep
from hearth.records.services import leaving_care as lc


@dataclass(frozen=True)
class RecordingAction:
    slug: str
    title: str
    form: type[forms.Form]
    perform: Callable[..., str]  # (by, child, data) -> the message shown after saving
    checks_903: bool = False  # run the 903 rules on the child before the change is stored


def _worker(by):
    return getattr(by, "worker", None)


def _actions(data) -> list[lc.PlannedAction]:
    if not data.get("action"):
        return []
    return [lc.PlannedAction(data["action"], data["owner"], data["due_on"])]


def _contact(by, child: Child, d) -> str:
    lc.contact_record(by=by, child=child, worker=_worker(by), date=d["date"], kind=d["kind"],
                      seen_where=d["seen_where"], follows_move=d["follows_move"], note=d["note"],
                      restricted=d["restricted"])
    return "Contact recorded"


def _accommodation(by, child: Child, d) -> str:
    change = lc.accommodation_change(by=by, child=child, start=d["start"],
                                     accommodation_type=d["accommodation_type"], suitable=d["suitable"])
    if change.bed_and_breakfast:
        move_by = bnb_move_by(d["start"], policy_on(d["start"]))
        return ("Move recorded. Bed and breakfast is not suitable: a 16 or 17-year-old must be moved by the end of "
                f"{move_by:%A %d %B %Y} at the latest, and their manager has been alerted on the worklist.")
    return "Move recorded. A visit is due within 7 days of the move."


def _eet(by, child, d) -> str:
    lc.eet_change(by=by, child=child, start=d["start"], activity=d["activity"], neet_reason=d["neet_reason"])
    return "Education, employment or training recorded"


def _needs(by, child, d) -> str:
    lc.needs_assessment_record(by=by, child=child, completed_on=d["completed_on"], worker=_worker(by))
    return "Needs assessment recorded"


def _plan(by, child, d) -> str:
    lc.pathway_plan_record(by=by, child=child, agreed_on=d["agreed_on"], worker=_worker(by), actions=_actions(d))
    return "Pathway plan recorded"


def _plan_review(by, child, d) -> str:
    plan = child.pathway_plans.order_by("-agreed_on").first()
    if plan is None:
        raise forms.ValidationError("There is no pathway plan to review. Record the pathway plan first.")
    lc.pathway_plan_review_record(by=by, plan=plan, reviewed_on=d["reviewed_on"], reviewer=_worker(by),
                                  actions=_actions(d))
    return "Pathway plan review recorded"


def _allocate(by, child, d) -> str:
    lc.worker_allocate(by=by, child=child, worker=d["worker"], role="PERSONAL_ADVISER", start=d["start"])
    return f"{d['worker'].name} allocated as personal adviser"


def _period(by, child, d) -> str:
    ep.period_of_care_start(by=by, child=child, decom=d["decom"], ls=d["ls"], cin=d["cin"], place=d["place"],
                            place_provider=d["place_provider"])
    return "New period of care recorded"


def _change(by, child, d) -> str:
    ep.episode_change(by=by, child=child, on=d["on"], ls=d["ls"], place=d["place"],
                      place_provider=d["place_provider"], carer_changed=d["carer_changed"],
                      reason_place_change=d["reason_place_change"])
    return "Change recorded"


def _leave(by, child, d) -> str:
    ep.care_leave(by=by, child=child, on=d["on"], rec=d["rec"])
    return "Leaving care recorded"


def _staying_put_start(by, child, d) -> str:
    lc.staying_put_start(by=by, child=child, start=d["start"], carer=d["carer"], weekly_allowance=d["weekly_allowance"])
    return "Staying Put recorded"


def _staying_put_end(by, child, d) -> str:
    arrangement = child.staying_put.filter(end__isnull=True).first()
    if arrangement is None:
        raise forms.ValidationError("There is no open Staying Put arrangement to end.")
    lc.staying_put_end(by=by, arrangement=arrangement, end=d["end"])
    return "End of Staying Put recorded"


def _support(by, child, d) -> str:
    lc.support_request_record(by=by, child=child, received_on=d["received_on"], request=d["request"])
    return "Request for support recorded"


def _support_outcome(by, child, d) -> str:
    request = child.support_requests.filter(outcome="PENDING").order_by("received_on").first()
    if request is None:
        raise forms.ValidationError("There is no open request for support.")
    lc.support_request_outcome(by=by, support_request=request, outcome=d["outcome"], outcome_on=d["outcome_on"])
    return "Outcome recorded"


ACTIONS = {a.slug: a for a in [
    RecordingAction("contact", "Record a contact or visit", f.ContactForm, _contact),
    RecordingAction("accommodation", "Record a change of accommodation", f.AccommodationForm, _accommodation),
    RecordingAction("eet", "Record education, employment or training", f.EETForm, _eet),
    RecordingAction("needs-assessment", "Record a needs assessment", f.NeedsAssessmentForm, _needs),
    RecordingAction("pathway-plan", "Record a pathway plan", f.PathwayPlanForm, _plan),
    RecordingAction("pathway-plan-review", "Record a pathway plan review", f.PathwayPlanReviewForm, _plan_review),
    RecordingAction("personal-adviser", "Allocate a personal adviser", f.AllocationForm, _allocate),
    RecordingAction("period-of-care", "Record a new period of care", f.PeriodOfCareForm, _period, checks_903=True),
    RecordingAction("episode-change", "Record a placement or legal status change", f.EpisodeChangeForm, _change,
                    checks_903=True),
    RecordingAction("leaving-care", "Record leaving care", f.CareLeaveForm, _leave, checks_903=True),
    RecordingAction("staying-put", "Record the start of Staying Put", f.StayingPutStartForm, _staying_put_start),
    RecordingAction("staying-put-end", "Record the end of Staying Put", f.StayingPutEndForm, _staying_put_end),
    RecordingAction("support-request", "Record a request for support", f.SupportRequestForm, _support),
    RecordingAction("support-outcome", "Record the outcome of a request for support", f.SupportOutcomeForm,
                    _support_outcome),
]}
