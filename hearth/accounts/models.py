from django.contrib.auth.models import AbstractUser
from django.db import models

from hearth.accounts.audit import AuditEntry  # noqa: F401  (registers the model)
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


class SignInFailure(models.Model):
    """A failed sign-in, kept by username (known or not) so repeated guessing locks the name."""

    username = models.CharField(max_length=150, db_index=True)
    at = models.DateTimeField(db_index=True)
