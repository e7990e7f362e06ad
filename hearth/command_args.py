"""Argument types shared by the `hearth` management commands."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.core.management.base import CommandError


def iso_date(option: str) -> Callable[[str], date]:
    """An argparse type for a YYYY-MM-DD date that names the option when the text is not one."""

    def parse(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise CommandError(f"{option} must be a date written YYYY-MM-DD, not {text!r}.") from error

    return parse
