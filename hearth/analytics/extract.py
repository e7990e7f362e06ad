"""Extract the record into a snapshot (the Django side of `hearth.analytics.snapshot`).

One query per table; leaving-care categories and the statutory-deadline rules' verdicts are
worked out here, once, by the same domain code the worklists use, so a KPI agrees with them.
"""

from __future__ import annotations

from datetime import date, datetime

from hearth.analytics.snapshot import Snapshot, empty_snapshot, load_rows
from hearth.domain.calendar import birthday
from hearth.domain.leaving_care import status_timeline
from hearth.domain.obligations.batch import obligations_for_many
from hearth.domain.obligations.context import leaving_care_facts
from hearth.records import models as m
from hearth.records.facts import facts_for, policy_on
from hearth.records.selectors import council_get

PA = "PERSONAL_ADVISER"
SOCIAL_WORKER = "SOCIAL_WORKER"


def snapshot_from_record(as_at: date, extracted_at: datetime | None = None, processes: int | None = 1) -> Snapshot:
    """The record as of `as_at` (the day the snapshot is taken), pseudonymised: no names."""
    council = council_get()
    la = council.la_code if council else ""
    snap = empty_snapshot((extracted_at or datetime.combine(as_at, datetime.min.time())).isoformat(), "record", la)
    children = m.Child.objects.all()

    load_rows(snap, "child", children.values_list("pk", "sex", "dob", "ethnic", "is_uasc", "duc", "date_of_death", "mother"))
    load_rows(snap, "episode", (
        (c, decom, dec, rne, ls, cin, place, prov, rec, rpc, bool(pl_la) and bool(la) and pl_la != la)
        for c, decom, dec, rne, ls, cin, place, prov, rec, rpc, pl_la in m.Episode.objects.values_list(
            "child_id", "decom", "dec", "rne", "ls", "cin", "place", "place_provider", "rec", "reason_place_change", "pl_la")
    ))
    load_rows(snap, "review", m.Review.objects.values_list("child_id", "review", "review_code"))
    load_rows(snap, "missing", m.MissingEpisode.objects.values_list(
        "child_id", "missing", "mis_start", "mis_end", "return_interview_offered", "return_interview_taken"))
    load_rows(snap, "oc2", m.AnnualOutcome.objects.values_list(
        "child_id", "year", "sdq_score", "convicted", "health_check", "immunisations", "teeth_check",
        "health_assessment", "substance_misuse"))
    load_rows(snap, "oc3", m.CareLeaverBirthday.objects.values_list("child_id", "year", "in_touch", "activ", "accom"))
    load_rows(snap, "ad1", m.Adoption.objects.values_list("child_id", "date_int", "date_match", "foster_care"))
    load_rows(snap, "placed_adoption", m.PlacedForAdoption.objects.values_list("child_id", "date_placed", "date_placed_ceased"))
    load_rows(snap, "sw_episode", m.Allocation.objects.filter(role=SOCIAL_WORKER).values_list(
        "child_id", "worker_id", "start", "end"))
    load_rows(snap, "lc_contact", m.Contact.objects.values_list("child_id", "date", "kind", "seen_where"))
    load_rows(snap, "lc_accommodation", m.Accommodation.objects.values_list(
        "child_id", "start", "end", "accommodation_type", "suitable"))
    load_rows(snap, "lc_activity", m.EETSpell.objects.values_list("child_id", "start", "end", "activity", "neet_reason"))
    load_rows(snap, "lc_pathway_plan", m.PathwayPlan.objects.values_list("child_id", "agreed_on"))
    load_rows(snap, "lc_plan_review", m.PathwayPlanReview.objects.values_list("plan__child_id", "reviewed_on"))
    load_rows(snap, "lc_staying_put", m.StayingPut.objects.values_list("child_id", "start", "end", "weekly_allowance"))
    load_rows(snap, "lc_support_request", m.SupportRequest.objects.values_list("child_id", "received_on", "outcome"))
    load_rows(snap, "lc_entitlement", m.EntitlementGiven.objects.values_list("child_id", "given_on", "kind"))
    load_rows(snap, "duty", m.DutyRecord.objects.values_list("child_id", "duty", "completed_on"))
    load_rows(snap, "worker", m.Worker.objects.values_list("pk", "role", "experience_band", "team__name", "team__locality"))
    load_rows(snap, "allocation", m.Allocation.objects.values_list("child_id", "worker_id", "role", "start", "end"))

    facts = facts_for(children)
    policy = policy_on(as_at)
    load_rows(snap, "lc_status", _status_rows(facts, as_at, policy))
    keys = list(facts)
    rows = []
    for key, obligations in zip(keys, obligations_for_many([facts[k] for k in keys], as_at, policy, processes=processes)):
        rows.extend((key, o.rule_id, o.legal_due, o.completed_on, o.status.value) for o in obligations)
    load_rows(snap, "obligation", rows)
    snap.prepare()
    return snap


def _status_rows(facts, as_at, policy):
    """Leaving-care category spans from the 14th birthday (nothing earlier can be a category)."""
    for key, child in facts.items():
        start = birthday(child.dob, 14)
        if start > as_at:
            continue
        for span in status_timeline(leaving_care_facts(child), start, as_at, policy):
            yield key, span.start, span.end, span.status.category.value, span.status.tier.value if span.status.tier else None
