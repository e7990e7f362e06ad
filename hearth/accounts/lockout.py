"""Lock a username after repeated failed sign-ins."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from hearth.accounts.models import SignInFailure


def _window() -> timedelta:
    return timedelta(minutes=settings.HEARTH_SIGN_IN_LOCKOUT_MINUTES)


def sign_in_locked_until(*, username: str, now: datetime) -> datetime | None:
    """When the lock on this username lifts, or None if it is not locked."""
    recent = list(
        SignInFailure.objects.filter(username__iexact=username, at__gt=now - _window())
        .order_by("-at")
        .values_list("at", flat=True)[: settings.HEARTH_SIGN_IN_MAX_FAILURES]
    )
    if len(recent) < settings.HEARTH_SIGN_IN_MAX_FAILURES:
        return None
    return recent[0] + _window()


def sign_in_failure_record(*, username: str, now: datetime) -> None:
    SignInFailure.objects.create(username=username.lower(), at=now)


def sign_in_failures_clear(*, username: str) -> None:
    SignInFailure.objects.filter(username__iexact=username).delete()
