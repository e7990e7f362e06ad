"""Lock a sign-in key after repeated failures within a window.

A key is what the person typed to say who they are: a staff username, or a young person's
invitation code (`invites.code_lockout_key`, "code:" and a hash of the code, so the code itself
is never stored). Django usernames cannot contain a colon, so the two kinds never meet. Keys are
kept in `SignInFailure.key` and compared without case.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from hearth.accounts.models import SignInFailure


def _window() -> timedelta:
    return timedelta(minutes=settings.HEARTH_SIGN_IN_LOCKOUT_MINUTES)


def sign_in_locked_until(*, key: str, now: datetime) -> datetime | None:
    """When the lock on this key lifts, or None if it is not locked."""
    recent = list(
        SignInFailure.objects.filter(key__iexact=key, at__gt=now - _window())
        .order_by("-at")
        .values_list("at", flat=True)[: settings.HEARTH_SIGN_IN_MAX_FAILURES]
    )
    if len(recent) < settings.HEARTH_SIGN_IN_MAX_FAILURES:
        return None
    return recent[0] + _window()


def sign_in_failure_record(*, key: str, now: datetime) -> None:
    SignInFailure.objects.create(key=key.lower(), at=now)


def sign_in_failures_clear(*, key: str) -> None:
    SignInFailure.objects.filter(key__iexact=key).delete()
