"""The child: the analytic record (903 Header and UASC) and, held apart, their name."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models

from hearth.domain import codes
from hearth.records.models.constraints import CodeField, check, code_in

_UPN = re.compile(r"^[A-HJ-NP-RT-Z](\d{12}|\d{11}[A-Z])$")


def validate_upn(value: str) -> None:
    """A UPN is a check letter (not I, O or S) and 12 digits, or 11 digits and a letter; or UN1-UN5."""
    if value in codes.UPN_UNKNOWN or _UPN.match(value):
        return
    raise ValidationError(
        "Enter a 13-character UPN (a letter, then 12 digits or 11 digits and a letter), "
        "or UN1 to UN5 if the UPN is not known.",
        code="invalid_upn",
    )


class Child(models.Model):
    la_child_id = models.CharField(
        "Child ID (CHILD)", max_length=20, unique=True,
        help_text="The council's own identifier: never re-used, never changed.",
    )
    upn = models.CharField("UPN", max_length=13, blank=True, validators=[validate_upn])
    sex = models.CharField("Sex (SEX)", max_length=1, choices=[(c, codes.SEX.label(c)) for c in codes.SEX_RECORDED])
    dob = models.DateField("Date of birth (DOB)")
    ethnic = CodeField("Ethnicity (ETHNIC)", max_length=4, codes=codes.ETHNIC)
    is_uasc = models.BooleanField("Unaccompanied asylum-seeking child (UASC)", default=False)
    duc = models.DateField("Date UASC status ceased (DUC)", null=True, blank=True)
    mother = models.BooleanField("Is a mother (MOTHER)", null=True, blank=True)
    mc_dob = models.DateField("Date of birth of first child (MC_DOB)", null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "children"
        constraints = [
            code_in("sex", codes.SEX_RECORDED, "Sex"),
            code_in("ethnic", codes.ETHNIC, "Ethnicity"),
            check(
                models.Q(mc_dob__isnull=True) | models.Q(mother=True),
                "mc_dob_needs_mother",
                "Only give the date of birth of the young person's first child when they are a mother.",
            ),
            check(
                models.Q(mc_dob__isnull=True) | models.Q(mc_dob__gt=models.F("dob")),
                "mc_dob_after_dob",
                "The first child's date of birth must be after the young person's own.",
            ),
            check(
                models.Q(date_of_death__isnull=True) | models.Q(date_of_death__gte=models.F("dob")),
                "death_after_birth",
                "The date of death cannot be before the date of birth.",
            ),
            check(
                models.Q(duc__isnull=True) | models.Q(is_uasc=True),
                "duc_needs_uasc",
                "Only give the date UASC status ceased for a child who was an unaccompanied asylum-seeking child.",
            ),
        ]

    def __str__(self) -> str:
        return self.la_child_id


class ChildName(models.Model):
    """Names are kept apart from the analytic record, so snapshots and packs never carry them."""

    child = models.OneToOneField(Child, primary_key=True, on_delete=models.CASCADE, related_name="name")
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)

    def __str__(self) -> str:
        return f"{self.preferred_name or self.given_name} {self.family_name}"
