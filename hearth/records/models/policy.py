"""The council's policy settings, effective-dated: a past date is judged by the settings then."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import models


def parse_dates(text: str) -> list[date]:
    """One dd/mm/yyyy date per line."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                out.append(datetime.strptime(line.strip(), "%d/%m/%Y").date())
            except ValueError:
                raise ValidationError(f"Line {number}: '{line.strip()}' is not a date like 27/03/2025.") from None
    return out


def parse_terms(text: str) -> list[tuple[date, date]]:
    """One term per line: start and end dates, dd/mm/yyyy to dd/mm/yyyy."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.replace(" to ", "-").split("-")]
        if len(parts) != 2:
            raise ValidationError(f"Line {number}: write a term as 05/09/2025 to 19/12/2025.")
        start, end = parse_dates("\n".join(parts))
        if end < start:
            raise ValidationError(f"Line {number}: the term ends before it starts.")
        out.append((start, end))
    return out


class CouncilPolicy(models.Model):
    """Settings the law leaves to the council (statutory-duties.md Appendix A), from a date.
    Anything not here takes the reference's default."""

    class TwoMonthly(models.TextChoices):
        TWO_MONTHS = "2_months", "2 calendar months"
        EIGHT_WEEKS = "8_weeks", "8 weeks"

    effective_from = models.DateField(unique=True)
    pa_allocation_age = models.DecimalField(
        "Age by which a personal adviser is allocated (local target)", max_digits=4, decimal_places=1,
        null=True, blank=True, help_text="For example 17.5. Blank: the statutory point only.",
    )
    contact_frequency_months = models.PositiveSmallIntegerField(
        "Contact with care leavers at least every (months)", default=2)
    two_monthly = models.CharField("'Two-monthly' means", max_length=10, choices=TwoMonthly.choices,
                                   default=TwoMonthly.TWO_MONTHS)
    visit_interval_days = models.PositiveSmallIntegerField(
        "Social worker visits at least every (days), first year of a placement", default=42)
    longterm_interval_months = models.PositiveSmallIntegerField(
        "Visits in a long-term foster placement at least every (months)", default=3)
    pep_terms = models.TextField("Term dates for PEPs", blank=True,
                                 help_text="One term per line, e.g. 05/09/2025 to 19/12/2025. Blank: the usual pattern.")
    closure_days = models.TextField("Council closure days", blank=True,
                                    help_text="One date per line. They move 'plan by' dates only, never legal due dates.")
    disabled_rules = models.CharField("Rules switched off", max_length=300, blank=True,
                                      help_text="Rule ids separated by commas, e.g. D29, D30 (local rules only).")

    class Meta:
        ordering = ["-effective_from"]
        verbose_name_plural = "council policies"

    def clean(self) -> None:
        errors = {}
        for field, parser in (("pep_terms", parse_terms), ("closure_days", parse_dates)):
            try:
                parser(getattr(self, field))
            except ValidationError as error:
                errors[field] = error.messages
        if errors:
            raise ValidationError(errors)

    def __str__(self) -> str:
        return f"Policy from {self.effective_from:%d/%m/%Y}"
