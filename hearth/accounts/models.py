from django.contrib.auth.models import AbstractUser
from django.db import models

from hearth.accounts.audit import AuditEntry  # noqa: F401  (registers the model)
from hearth.accounts.roles import Role


class User(AbstractUser):
    """A person who signs in. A practitioner or manager is linked to their Worker record; a young
    person (care leaver) to their own Child record, and to nothing else."""

    role = models.CharField(max_length=20, choices=Role.choices)
    worker = models.OneToOneField(
        "records.Worker", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )
    child = models.OneToOneField(
        "records.Child", null=True, blank=True, on_delete=models.PROTECT, related_name="account",
        help_text="Young people only: the record that is their own.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values),
                name="user_role_valid",
                violation_error_message="Choose a role from the list.",
            ),
            models.CheckConstraint(
                condition=models.Q(child__isnull=True) | models.Q(role="young_person", worker__isnull=True),
                name="user_child_only_for_young_people",
                violation_error_message="Only a young person's account is linked to a child's record.",
            ),
        ]


class SignInFailure(models.Model):
    """A failed sign-in, kept by what was tried (a username, known or not, or a young person's
    code as a hash: accounts.lockout) so repeated guessing locks it."""

    key = models.CharField(max_length=150, db_index=True)
    at = models.DateTimeField(db_index=True)
