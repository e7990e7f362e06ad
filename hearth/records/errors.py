"""Turn a refusal from the database into the message a person can act on.

Bulk writes (imports, the generator) bypass full_clean, so the database's own refusal is what
they see. Each constraint carries a plain-English message; this finds it from the constraint
name that both SQLite and PostgreSQL put in their error text.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.db import IntegrityError


@cache
def _messages_by_constraint() -> dict[str, str]:
    messages = {}
    for model in apps.get_app_config("records").get_models():
        for constraint in model._meta.constraints:
            messages[constraint.name] = str(constraint.violation_error_message or constraint.get_violation_error_message())
    return messages


def explain(error: IntegrityError) -> str:
    text = str(error)
    # Longest names first, so a name that is a prefix of another cannot match by mistake.
    for name, message in sorted(_messages_by_constraint().items(), key=lambda kv: -len(kv[0])):
        if name in text:
            return message
    return text.splitlines()[0]
