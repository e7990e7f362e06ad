"""Demo sign-ins: one user per role, for the generated demo council only."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

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


@transaction.atomic
def demo_users_ensure() -> list[DemoLogin]:
    """Create the demo users that do not exist yet; leave existing ones as they are."""
    for login in DEMO_LOGINS:
        if User.objects.filter(username=login.username).exists():
            continue
        worker = None
        if login.worker_role:
            worker = (
                Worker.objects.filter(role=login.worker_role, user__isnull=True).order_by("id").first()
            )
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
