"""Worklists: what is due and overdue for the children a user works with, from the obligations
the rules in hearth.domain.obligations derive from the record."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet

from hearth.casework.open_work import open_obligations
from hearth.domain.calendar import duration_limit_last_day
from hearth.domain.obligations import Obligation
from hearth.domain.obligations.base import Kind
from hearth.domain.policy import Policy
from hearth.offer.worklist import unsafe_answers, young_person_obligations
from hearth.records.facts import policy_and_key_on
from hearth.records.models import Allocation, Child

# Rules whose breach is shown at once, above every worklist, to the PA and their manager.
ALERT_RULES = frozenset({"D42", "D43.16_17"})


@dataclass(frozen=True)
class WorkItem:
    child_pk: int
    child_name: str
    worker: str
    team: str
    obligation: Obligation
    worker_pks: frozenset[int] = frozenset()


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


def work_items(children: QuerySet[Child], *, as_at: date, policy: Policy | None = None,
               policy_key: str = "") -> list[WorkItem]:
    """Every obligation still open on as_at for these children (and breaches), soonest due first."""
    if policy is None:
        policy, policy_key = policy_and_key_on(as_at)
    obligations = open_obligations(children, as_at=as_at, policy=policy, policy_key=policy_key)
    # What young people asked for from their own pages (hearth.offer) joins the record's obligations.
    from_young_people: dict[int, list[Obligation]] = {}
    for pk, ob in young_person_obligations(children, as_at=as_at, policy=policy):
        if ob.is_outstanding:
            from_young_people.setdefault(pk, []).append(ob)
    # Only the allocations current on as_at, with worker and team in the same query.
    allocations = Allocation.objects.filter(start__lte=as_at).filter(Q(end__isnull=True) | Q(end__gt=as_at))
    items = []
    for child in children.select_related("name").prefetch_related(
        Prefetch("allocations", queryset=allocations.select_related("worker__team"))
    ):
        current = child.allocations.all()
        worker = ", ".join(sorted({a.worker.name for a in current})) or "Not allocated"
        team = ", ".join(sorted({a.worker.team.name for a in current})) or "Not allocated"
        name, worker_pks = _name(child), frozenset(a.worker_id for a in current)
        items += [WorkItem(child.pk, name, worker, team, ob, worker_pks)
                  for ob in [*obligations.get(child.pk, ()), *from_young_people.get(child.pk, ())]]
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
    policy, policy_key = policy_and_key_on(as_at)
    items = work_items(children, as_at=as_at, policy=policy, policy_key=policy_key)
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
class WorkerCount:
    worker_pk: int
    worker: str
    overdue: int
    due_this_week: int
    due_in_30_days: int


def worker_counts(work: Worklist, names: dict[int, str]) -> list[WorkerCount]:
    """How much each of these workers has overdue and coming up (a child with two of them counts
    for both); `names` maps the workers' pks to their names."""
    counts = {pk: Counter() for pk in names}
    for section, items in (("overdue", work.overdue), ("week", work.due_this_week), ("month", work.due_in_30_days)):
        for item in items:
            for pk in item.worker_pks & counts.keys():
                counts[pk][section] += 1
    return sorted((WorkerCount(pk, names[pk], c["overdue"], c["week"], c["month"]) for pk, c in counts.items()),
                  key=lambda w: w.worker)


def for_worker(work: Worklist, worker_pk: int) -> Worklist:
    """The same worklist narrowed to one worker's children; alerts stay, as they need whoever is free."""
    def mine(items: list[WorkItem]) -> list[WorkItem]:
        return [i for i in items if worker_pk in i.worker_pks]
    return Worklist(work.as_at, mine(work.overdue), mine(work.due_this_week), mine(work.due_in_30_days), work.alerts)


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
