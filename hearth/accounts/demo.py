"""Demo sign-ins: one user per role, for the generated demo council only."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from hearth.accounts.models import User
from hearth.accounts.roles import Role
from hearth.records.models import Worker

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


@transaction.atomic
def demo_users_ensure() -> list[DemoLogin]:
    """Create the demo users that do not exist yet; leave existing ones as they are."""
    for login in DEMO_LOGINS:
        if User.objects.filter(username=login.username).exists():
            continue
        worker = _demo_worker(login.worker_role) if login.worker_role else None
        user = User(
            username=login.username,
            role=login.role,
            worker=worker,
            first_name=worker.name.split()[0] if worker else login.username.title(),
            last_name=" ".join(worker.name.split()[1:]) if worker else "(demo)",
            is_staff=login.role == Role.ADMINISTRATOR,
            is_superuser=login.role == Role.ADMINISTRATOR,
        )
        user.set_password(DEMO_PASSWORD)
        user.full_clean()
        user.save()
    return list(DEMO_LOGINS)
