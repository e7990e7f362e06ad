from django.contrib.auth.models import AbstractUser
from django.db import models

from hearth.accounts.roles import Role


class User(AbstractUser):
    """A person who signs in. A practitioner or manager is linked to their Worker record."""

    role = models.CharField(max_length=20, choices=Role.choices)
    worker = models.OneToOneField(
        "records.Worker", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values),
                name="user_role_valid",
                violation_error_message="Choose a role from the list.",
            )
        ]
