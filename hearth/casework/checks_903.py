"""Saving an episode form with the 903 rules run on the child first (issue "SSDA903"): a change
that would break a rule is not stored until the practitioner has seen the warning and chosen to
save anyway."""

from __future__ import annotations

from django.utils import timezone

from hearth.casework.actions import RecordingAction
from hearth.domain.ssda903.years import collection_year_of
from hearth.records.models import Child
from hearth.returns.ssda903.single import change_checked

CONFIRM_FIELD = "confirm_903"  # hidden inputs: the findings the practitioner was warned of


class Needs903Confirmation(Exception):
    """The change introduces 903 findings not yet confirmed; nothing was stored."""

    def __init__(self, warning: dict) -> None:
        super().__init__("the change breaks 903 rules")
        self.warning = warning


def perform_checked(recording: RecordingAction, user, child: Child, data: dict, post) -> str:
    """Perform the action; for episode forms, only if it breaks no 903 rule or the practitioner has
    confirmed each one it breaks. Raises Needs903Confirmation (with what the form shows) otherwise."""
    if not recording.checks_903:
        return recording.perform(user, child, data)
    year = collection_year_of(timezone.localdate())
    checked = change_checked(child_pk=child.pk, year=year, perform=lambda: recording.perform(user, child, data),
                             confirmed=post.getlist(CONFIRM_FIELD))
    if not checked.stored:
        raise Needs903Confirmation({
            "year": f"{year - 1}/{str(year)[2:]}",
            "items": [f"Rule {code} ({table}): {message}" for code, table, message in checked.warnings],
            "keys": checked.keys,
            "field": CONFIRM_FIELD,
        })
    message = checked.result or ""
    if checked.findings:
        codes = list(dict.fromkeys(code for code, _, _ in checked.warnings))
        message += (f". It breaks 903 rule{'s' if len(codes) > 1 else ''} {', '.join(codes)}: "
                    "see this record's 903 checks to put it right.")
    return message
