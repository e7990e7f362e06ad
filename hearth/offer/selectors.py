"""Reads for the offer pages and the young person's own pages (always one child, already scoped)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hearth.domain.calendar import age_on
from hearth.domain.leaving_care import category_on
from hearth.domain.obligations import ObligationStatus, obligations_for
from hearth.domain.obligations.context import leaving_care_facts
from hearth.domain.offer import Circumstance, Person
from hearth.domain.offer.eligibility import applies_to, category_from_leaving_care
from hearth.offer.models import OfferEntitlement, OfferVersion
from hearth.records.facts import facts_for, policy_on
from hearth.records.models import Allocation, Child, Contact, EntitlementGiven, PathwayPlan

FOSTER_PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6")
PLAN_REVIEW_RULES = ("D23",)


def offer_current(on: date) -> OfferVersion | None:
    """The version in force on a day: the latest published on or before it."""
    return OfferVersion.objects.filter(published_on__lte=on).order_by("-published_on", "-number").first()


def offer_entitlements(version: OfferVersion) -> list[OfferEntitlement]:
    return list(version.entitlements.order_by("position"))


def _current(rows, as_at: date):
    return next((r for r in sorted(rows, key=lambda r: r.start, reverse=True)
                 if r.start <= as_at and (r.end is None or r.end > as_at)), None)


def person_from_record(child: Child, *, as_at: date) -> Person:
    """The young person as the offer sees them, from their record on a day."""
    policy = policy_on(as_at)
    facts = facts_for(Child.objects.filter(pk=child.pk))[child.pk]
    category = category_from_leaving_care(category_on(leaving_care_facts(facts), as_at, policy))
    circumstances: set[Circumstance] = set()
    eet = _current(child.eet_spells.all(), as_at)
    if eet and eet.activity.startswith("HE_"):
        circumstances.add(Circumstance.AT_UNIVERSITY)
    elif eet and eet.activity.startswith(("FE_", "APPRENTICE_")):
        circumstances.add(Circumstance.IN_EDUCATION)
    home = _current(child.accommodation.all(), as_at)
    if home and home.accommodation_type == "CUSTODY":
        circumstances.add(Circumstance.IN_CUSTODY)
    if home and home.accommodation_type == "STAYING_PUT" or _current(child.staying_put.all(), as_at):
        circumstances.add(Circumstance.STAYING_PUT)
    episode = next((e for e in child.episodes.all() if e.decom <= as_at and (e.dec is None or e.dec > as_at)), None)
    if episode and episode.place in FOSTER_PLACEMENTS and age_on(child.dob, as_at) >= 16:
        circumstances.add(Circumstance.STAYING_PUT)  # in foster care at 16 or 17: Staying Put is theirs to plan
    if child.is_uasc:
        circumstances.add(Circumstance.UASC)
    if child.mother:
        circumstances.add(Circumstance.PARENT)
    return Person(age=age_on(child.dob, as_at, policy.leap_day), category=category,
                  circumstances=frozenset(circumstances))


def entitlements_for(child: Child, *, as_at: date) -> list[OfferEntitlement]:
    version = offer_current(as_at)
    if version is None:
        return []
    person = person_from_record(child, as_at=as_at)
    return [e for e in offer_entitlements(version) if applies_to(e.as_domain(), person, as_at)]


def entitlements_received(child: Child) -> list[EntitlementGiven]:
    return list(EntitlementGiven.objects.filter(child=child).order_by("-given_on", "-id"))


@dataclass(frozen=True)
class MyAdviser:
    name: str
    team: str
    email: str


def adviser_for(child: Child, *, as_at: date) -> MyAdviser | None:
    allocation = (Allocation.objects.filter(child=child, role="PERSONAL_ADVISER", start__lte=as_at)
                  .exclude(end__lte=as_at).select_related("worker__team").order_by("-start").first())
    if allocation is None:
        return None
    worker = allocation.worker
    user = getattr(worker, "user", None)
    return MyAdviser(worker.name, worker.team.name, user.email if user and user.email else "")


@dataclass(frozen=True)
class MyPlan:
    agreed_on: date
    last_reviewed_on: date
    next_review_on: date | None
    actions: list


def plan_for(child: Child, *, as_at: date) -> MyPlan | None:
    plan = (PathwayPlan.objects.filter(child=child, agreed_on__lte=as_at).prefetch_related("reviews", "actions")
            .order_by("-agreed_on").first())
    if plan is None:
        return None
    facts = facts_for(Child.objects.filter(pk=child.pk))[child.pk]
    reviews = [o for o in obligations_for(facts, as_at, policy_on(as_at), since=as_at)
               if o.rule_id in PLAN_REVIEW_RULES and o.status is ObligationStatus.OPEN]
    last = max([plan.agreed_on, *(r.reviewed_on for r in plan.reviews.all())])
    return MyPlan(plan.agreed_on, last, min((o.legal_due for o in reviews), default=None),
                  sorted(plan.actions.all(), key=lambda a: (a.due_on, a.pk)))


def contacts_for_young_person(child: Child) -> list[Contact]:
    """Contacts the young person may see: never those marked restricted."""
    return list(Contact.objects.filter(child=child, restricted=False).select_related("worker").order_by("-date", "-id")[:10])


def asks_for(child: Child) -> dict[str, list]:
    """What this young person has sent us, newest first."""
    from hearth.offer.models import RecordsRequest, SupportAsk, WellbeingCheck

    return {
        "support": list(SupportAsk.objects.filter(child=child).select_related("support_request")),
        "wellbeing": list(WellbeingCheck.objects.filter(child=child)),
        "records": list(RecordsRequest.objects.filter(child=child)),
    }


def account_for(child: Child):
    from hearth.accounts.models import User

    return User.objects.filter(child=child).first()


def ask_get(child: Child, kind: str, pk: int):
    """One of this child's asks, by kind ('support', 'wellbeing', 'records'); None if not theirs."""
    from hearth.offer.models import RecordsRequest, SupportAsk, WellbeingCheck

    model = {"support": SupportAsk, "wellbeing": WellbeingCheck, "records": RecordsRequest}.get(kind)
    return model.objects.filter(child=child, pk=pk).first() if model else None


def versions_list() -> list[OfferVersion]:
    return list(OfferVersion.objects.prefetch_related("entitlements", "feedback").order_by("-number"))


def version_get(pk: int) -> OfferVersion | None:
    return OfferVersion.objects.filter(pk=pk).first()


def feedback_get(pk: int):
    from hearth.offer.models import OfferFeedback

    return OfferFeedback.objects.filter(pk=pk).first()
