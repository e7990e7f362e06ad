"""Worklists: what is due and overdue for the children a user works with, from the obligations
the rules in hearth.domain.obligations derive from the record."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet

from hearth.casework.obligations_memo import obligations_by_child
from hearth.domain.calendar import duration_limit_last_day
from hearth.domain.obligations import Obligation, ObligationStatus
from hearth.domain.obligations.base import Kind
from hearth.domain.policy import Policy
from hearth.offer.worklist import unsafe_answers, young_person_obligations
from hearth.records.facts import facts_for, policy_on
from hearth.records.models import Allocation, Child

# Rules whose breach is shown at once, above every worklist, to the PA and their manager.
ALERT_RULES = frozenset({"D42", "D43.16_17"})
# History settled more than this long ago is not worklist material.
LOOK_BACK = timedelta(days=60)


@dataclass(frozen=True)
class WorkItem:
    child_pk: int
    child_name: str
    worker: str
    team: str
    obligation: Obligation


@dataclass(frozen=True)
class Alert:
    child_pk: int
    child_name: str
    title: str
    since: date
    move_by: date  # the working-day limit (2 working days by default)
    note: str


@dataclass(frozen=True)
class Worklist:
    as_at: date
    overdue: list[WorkItem]
    due_this_week: list[WorkItem]
    due_in_30_days: list[WorkItem]
    alerts: list[Alert]


def _name(child: Child) -> str:
    name = getattr(child, "name", None)
    return str(name) if name else child.la_child_id


def work_items(children: QuerySet[Child], *, as_at: date, policy: Policy | None = None) -> list[WorkItem]:
    """Every obligation still open on as_at for these children (and breaches), soonest due first."""
    policy = policy or policy_on(as_at)
    items = []
    # The facts are read afresh each time; the obligations are worked out again only for a child
    # whose facts changed since this process last saw them (obligations_memo).
    obligations = obligations_by_child(facts_for(children), as_at, policy, since=as_at - LOOK_BACK)
    # What young people asked for from their own pages (hearth.offer) joins the record's obligations.
    from_young_people: dict[int, list[Obligation]] = {}
    for pk, ob in young_person_obligations(children, as_at=as_at, policy=policy):
        from_young_people.setdefault(pk, []).append(ob)
    # Only the allocations current on as_at, with worker and team in the same query.
    allocations = Allocation.objects.filter(start__lte=as_at).filter(Q(end__isnull=True) | Q(end__gt=as_at))
    for child in children.select_related("name").prefetch_related(
        Prefetch("allocations", queryset=allocations.select_related("worker__team"))
    ):
        current = [a for a in child.allocations.all() if a.start <= as_at and (a.end is None or a.end > as_at)]
        worker = ", ".join(sorted({a.worker.name for a in current})) or "Not allocated"
        team = ", ".join(sorted({a.worker.team.name for a in current})) or "Not allocated"
        for ob in [*obligations[child.pk],
                   *from_young_people.get(child.pk, ())]:
            if ob.status is ObligationStatus.OPEN or (ob.kind is Kind.BREACH and ob.completed_on is None):
                items.append(WorkItem(child.pk, _name(child), worker, team, ob))
    return sorted(items, key=lambda i: (i.obligation.legal_due, i.child_name))


def bnb_move_by(start: date, policy: Policy) -> date:
    """The last day a 16/17-year-old may stay in B&B under the council's working-day limit."""
    return duration_limit_last_day(start, policy.accommodation.bnb_max_wd,
                                   inclusive=policy.accommodation.bnb_day_count_inclusive)


def alerts_from(items: list[WorkItem], policy: Policy) -> list[Alert]:
    alerts = []
    for item in items:
        ob = item.obligation
        if ob.rule_id in ALERT_RULES and ob.completed_on is None:
            move_by = bnb_move_by(ob.trigger_date, policy)
            alerts.append(Alert(item.child_pk, item.child_name, ob.title, ob.trigger_date, move_by, ob.note))
    return alerts


def worklist(children: QuerySet[Child], *, as_at: date) -> Worklist:
    policy = policy_on(as_at)
    items = work_items(children, as_at=as_at, policy=policy)
    deadlines = [i for i in items if i.obligation.kind is Kind.DEADLINE]
    return Worklist(
        as_at=as_at,
        overdue=[i for i in deadlines if i.obligation.legal_due < as_at],
        due_this_week=[i for i in deadlines if as_at <= i.obligation.legal_due <= as_at + timedelta(days=7)],
        due_in_30_days=[i for i in deadlines if as_at + timedelta(days=7) < i.obligation.legal_due <= as_at + timedelta(days=30)],
        alerts=alerts_from(items, policy) + unsafe_alerts(children),
    )


def unsafe_alerts(children: QuerySet[Child]) -> list[Alert]:
    """A young person who said they do not feel safe where they live, until someone follows it up."""
    return [Alert(check.child_id, _name(check.child), "Said they do not feel safe where they live",
                  check.answered_on, None, "Contact them today")
            for check in unsafe_answers(children)]


@dataclass(frozen=True)
class ServiceCount:
    duty: str
    team: str
    overdue: int
    due_in_30_days: int


def service_counts(items: list[WorkItem], *, as_at: date) -> list[ServiceCount]:
    """Counts by duty and team, for the service view."""
    overdue, soon = Counter(), Counter()
    for item in items:
        key = (item.obligation.title, item.team)
        if item.obligation.legal_due < as_at:
            overdue[key] += 1
        elif item.obligation.legal_due <= as_at + timedelta(days=30):
            soon[key] += 1
    return [ServiceCount(duty, team, overdue[(duty, team)], soon[(duty, team)])
            for duty, team in sorted(set(overdue) | set(soon))]
