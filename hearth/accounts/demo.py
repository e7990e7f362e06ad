"""Demo sign-ins: one user per role, for the generated demo council only.

The young person's sign-in is linked to a care leaver of the demo PA's, so the PA and the young
person see the two sides of one case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from hearth.accounts.models import User
from hearth.accounts.roles import Role
from hearth.domain.calendar import add_years
from hearth.domain.leaving_care import LeavingCareProfile
from hearth.domain.obligations.context import leaving_care_facts
from hearth.records.facts import facts_for, policy_on
from hearth.records.models import Allocation, Child, Worker

# Shown on the home page in demo mode and printed by ./run demo. Never used outside the demo.
DEMO_PASSWORD = "hearth-demo-2026"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    worker_role: str | None  # the kind of Worker record this user is linked to, if any


DEMO_LOGINS = (
    DemoLogin("practitioner", Role.PRACTITIONER, "PERSONAL_ADVISER"),
    DemoLogin("teammanager", Role.TEAM_MANAGER, "TEAM_MANAGER"),
    DemoLogin("servicemanager", Role.SERVICE_MANAGER, "SERVICE_MANAGER"),
    DemoLogin("analyst", Role.ANALYST, None),
    DemoLogin("member", Role.ELECTED_MEMBER, None),
    DemoLogin("admin", Role.ADMINISTRATOR, None),
    DemoLogin("youngperson", Role.YOUNG_PERSON, None),  # after "practitioner": linked to one of their young people
)


def _demo_worker(role: str) -> Worker | None:
    """A worker to sign in as: the busiest active one in the role, so the demo has a real caseload;
    a team manager from that worker's team."""
    today = timezone.localdate()
    current = Q(allocations__start__lte=today) & (Q(allocations__end__isnull=True) | Q(allocations__end__gt=today))
    busiest_pa = (
        Worker.objects.filter(role="PERSONAL_ADVISER", active=True)
        .annotate(n=Count("allocations", filter=current)).order_by("-n", "id").first()
    )
    candidates = Worker.objects.filter(role=role, active=True, user__isnull=True).order_by("id")
    if role == "PERSONAL_ADVISER":
        return busiest_pa
    if role == "TEAM_MANAGER" and busiest_pa:
        return candidates.filter(team=busiest_pa.team).first() or candidates.first()
    return candidates.first()


def _first_care_leaver(children: QuerySet[Child], *, as_at: date) -> Child | None:
    """The child with the lowest pk who is a care leaver (relevant, former relevant or qualifying) on the day."""
    policy = policy_on(as_at)
    pks = list(children.order_by("pk").values_list("pk", flat=True))
    for i in range(0, len(pks), 200):
        chunk = pks[i:i + 200]
        facts = facts_for(Child.objects.filter(pk__in=chunk))
        for pk in chunk:
            status = LeavingCareProfile(leaving_care_facts(facts[pk]), policy).status_on(as_at) if pk in facts else None
            if status and status.is_care_leaver:
                return Child.objects.select_related("name").get(pk=pk)
    return None


def _demo_care_leaver() -> Child | None:
    """The young person to sign in as: the demo PA's care leaver aged 18 to 21 with the lowest pk; failing that,
    any of the PA's care leavers; failing that, any care leaver. None if the record has none."""
    today = timezone.localdate()
    free = Child.objects.filter(account__isnull=True)
    pa = User.objects.filter(username="practitioner").values_list("worker", flat=True).first()
    pa = pa or getattr(_demo_worker("PERSONAL_ADVISER"), "pk", None)
    candidates = []
    if pa:
        now = Q(start__lte=today) & (Q(end__isnull=True) | Q(end__gt=today))
        allocated = Allocation.objects.filter(now, worker_id=pa, role="PERSONAL_ADVISER")
        theirs = free.filter(pk__in=allocated.values("child_id"))
        candidates += [theirs.filter(dob__lte=add_years(today, -18), dob__gt=add_years(today, -22)), theirs]
    candidates.append(free)
    for children in candidates:
        child = _first_care_leaver(children, as_at=today)
        if child is not None:
            return child
    return None


def _demo_user(login: DemoLogin) -> User | None:
    if login.role == Role.YOUNG_PERSON:
        child = _demo_care_leaver()
        if child is None:
            return None
        name = getattr(child, "name", None)
        return User(username=login.username, role=login.role, child=child,
                    first_name=(name.preferred_name or name.given_name) if name else "Young",
                    last_name=name.family_name if name else "person (demo)")
    worker = _demo_worker(login.worker_role) if login.worker_role else None
    return User(
        username=login.username,
        role=login.role,
        worker=worker,
        first_name=worker.name.split()[0] if worker else login.username.title(),
        last_name=" ".join(worker.name.split()[1:]) if worker else "(demo)",
        is_staff=login.role == Role.ADMINISTRATOR,
        is_superuser=login.role == Role.ADMINISTRATOR,
    )


@transaction.atomic
def demo_users_ensure() -> list[DemoLogin]:
    """Create the demo users that do not exist yet; leave existing ones as they are. Returns the logins
    that exist afterwards: the young person's only if the record has a care leaver to link it to."""
    ready = []
    for login in DEMO_LOGINS:
        if not User.objects.filter(username=login.username).exists():
            user = _demo_user(login)
            if user is None:
                continue
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
        ready.append(login)
    return ready

