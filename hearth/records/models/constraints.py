"""Database constraints that refuse what cannot be true, each with a message a person understands."""

from __future__ import annotations

from django.db import models

from hearth.domain.codes import CodeList


def code_in(field: str, codes: CodeList | tuple[str, ...], label: str, *, optional: bool = False) -> models.CheckConstraint:
    """The field holds a code from its list (or is blank, when the item is optional)."""
    values = codes.values if isinstance(codes, CodeList) else codes
    condition = models.Q(**{f"{field}__in": values})
    if optional:
        condition |= models.Q(**{field: ""})
    list_name = f" ({codes.name})" if isinstance(codes, CodeList) else ""
    return models.CheckConstraint(
        condition=condition,
        name=f"%(app_label)s_%(class)s_{field}_code",
        violation_error_message=f"{label} must be a code from its list{list_name}.",
        violation_error_code="code_not_in_list",
    )


def ends_after(start: str, end: str, what: str, *, same_day: bool = True) -> models.CheckConstraint:
    """An end date, when given, is not before the start (or, for episodes, strictly after it)."""
    lookup = "gte" if same_day else "gt"
    message = (
        f"The {what} cannot end before it starts."
        if same_day
        else f"The {what} must end after the day it starts: it cannot start and end on the same day, or end before it starts."
    )
    return models.CheckConstraint(
        condition=models.Q(**{f"{end}__isnull": True}) | models.Q(**{f"{end}__{lookup}": models.F(start)}),
        name=f"%(app_label)s_%(class)s_{end}_after_{start}",
        violation_error_message=message,
        violation_error_code="ends_before_start",
    )


def check(condition: models.Q, name: str, message: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=condition,
        name=f"%(app_label)s_%(class)s_{name}",
        violation_error_message=message,
        violation_error_code=name,
    )


class CodeField(models.CharField):
    """A field holding a code from one of the lists in hearth.domain.codes."""

    def __init__(self, *args, codes: CodeList | None = None, **kwargs):
        if codes is not None:
            kwargs["choices"] = codes.choices
            kwargs.setdefault("error_messages", {})["invalid_choice"] = (
                f"%(value)s is not a {codes.name} code. Choose one from the list."
            )
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        # Migrations record the plain CharField with its choices; the message is not schema.
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("error_messages", None)
        return name, "django.db.models.CharField", args, kwargs
