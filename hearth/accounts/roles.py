"""The roles a Hearth user can hold (design.md, "Who uses it")."""

from django.db import models


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner (social worker or personal adviser)"
    TEAM_MANAGER = "team_manager", "Team manager"
    SERVICE_MANAGER = "service_manager", "Service manager"
    ANALYST = "analyst", "Performance analyst"
    ELECTED_MEMBER = "elected_member", "Elected member"
    ADMINISTRATOR = "administrator", "Administrator"
    YOUNG_PERSON = "young_person", "Young person (care leaver)"
