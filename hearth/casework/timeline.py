"""A child's record as one list of dated events, newest first. Reads prefetched relations
(casework.summary.child_with_record), so the page does one query per relation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hearth.casework.presenters import uk_date
from hearth.domain import codes
from hearth.records.models import Child


@dataclass(frozen=True)
class Event:
    on: date
    kind: str  # the tag shown beside it: Care, Review, Contact, Plan, Home, EET, Missing, Support
    title: str
    detail: str = ""
    note: str = ""  # a worker's free-text note, shown in full
    flag: str = ""  # a short warning shown as a tag before the note, e.g. that the young person cannot see it

    @property
    def on_text(self) -> str:
        return uk_date(self.on)


def _episode_events(child: Child) -> list[Event]:
    events = []
    for e in child.episodes.all():
        if e.rne == "S":
            title = "Started to be looked after"
        elif e.rne == "L":
            title = "Legal status changed"
        else:
            title = "Placement changed"
        events.append(Event(e.decom, "Care", title, f"{codes.LS.label(e.ls)}; {codes.PLACE.label(e.place)}"))
        if e.dec and e.rec != "X1":
            events.append(Event(e.dec, "Care", "Left care", codes.REC.label(e.rec)))
    return events


def child_timeline(child: Child) -> list[Event]:
    events = _episode_events(child)
    events += [
        Event(r.review, "Review", "Looked-after review", codes.REVIEW_CODE.label(r.review_code))
        for r in child.reviews.all()
    ]
    for m in child.missing_episodes.all():
        events.append(Event(m.mis_start, "Missing", codes.MISSING.label(m.missing),
                            f"Returned {m.mis_end:%d/%m/%Y}" if m.mis_end else "Not yet returned"))
    for c in child.contacts.all():
        who = f" by {c.worker.name}" if c.worker else ""
        after_move = "; after a move" if c.follows_move else ""
        events.append(Event(c.date, "Contact", codes.CONTACT_KIND.label(c.kind) + who,
                            codes.SEEN_WHERE.label(c.seen_where) + after_move, note=c.note,
                            flag="Not shown to the young person" if c.restricted else ""))
    events += [Event(n.completed_on, "Plan", "Needs assessment completed") for n in child.needs_assessments.all()]
    for plan in child.pathway_plans.all():
        events.append(Event(plan.agreed_on, "Plan", "Pathway plan agreed"))
        events += [Event(r.reviewed_on, "Plan", "Pathway plan reviewed") for r in plan.reviews.all()]
    events += [
        Event(a.start, "Home", codes.ACCOMMODATION_TYPE.label(a.accommodation_type),
              "Suitable" if a.suitable else "Not suitable")
        for a in child.accommodation.all()
    ]
    for s in child.eet_spells.all():
        detail = codes.NEET_REASON.label(s.neet_reason) if s.neet_reason else ""
        events.append(Event(s.start, "EET", codes.EET_ACTIVITY.label(s.activity), detail))
    for sp in child.staying_put.all():
        events.append(Event(sp.start, "Home", "Staying Put started", sp.carer))
        if sp.end:
            events.append(Event(sp.end, "Home", "Staying Put ended", sp.carer))
    events += [
        Event(r.received_on, "Support", "Asked for support", codes.SUPPORT_REQUEST_OUTCOME.label(r.outcome))
        for r in child.support_requests.all()
    ]
    for a in child.allocations.all():
        title = "Personal adviser allocated" if a.role == "PERSONAL_ADVISER" else "Social worker allocated"
        events.append(Event(a.start, "Worker", title, a.worker.name))
    return sorted(events, key=lambda ev: ev.on, reverse=True)
