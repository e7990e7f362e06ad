"""Inviting a young person to their own pages: a one-time link by email, or a code from their PA.

Only hashes of the link's token and of the code are stored. An invitation lasts 14 days and
works once; a new one replaces any still unused. The code needs the young person's date of
birth as well, since it may be read out or written down, and is locked (like a staff username)
after too many wrong tries in a row: the lock is on the code, so a new code from the PA works at once.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format

from hearth.accounts.audit import AuditEntry, audit_record
from hearth.accounts.lockout import sign_in_failure_record, sign_in_failures_clear, sign_in_locked_until
from hearth.accounts.models import User
from hearth.accounts.roles import Role
from hearth.offer.models import YoungPersonInvite
from hearth.records.models import Child

INVITE_DAYS = 14
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", code.upper())


def code_lockout_key(code: str) -> str:
    """The lockout key for a code, whether or not any invitation has it."""
    return f"code:{_hash(normalise_code(code))}"


CODE_LOCKED = ("This code is locked after too many tries. Wait until %(until)s and try again, "
               "or ask your personal adviser for a new code")


@dataclass(frozen=True)
class InviteIssued:
    invite: YoungPersonInvite
    username: str
    link_path: str  # /local-offer/start/<token>/
    code: str  # e.g. "K7PQ-3MXD"
    emailed: bool


def _username_for(child: Child) -> str:
    name = getattr(child, "name", None)
    base = re.sub(r"[^a-z]", "", (name.preferred_name or name.given_name).lower()) if name else "young"
    return f"{base or 'young'}{child.pk}"


@transaction.atomic
def young_person_invite(*, by, child: Child, email: str = "", now: datetime, site: str = "") -> InviteIssued:
    """Create (or reuse) the young person's account and issue a fresh invitation."""
    user = User.objects.filter(child=child).first()
    if user is None:
        user = User(username=_username_for(child), role=Role.YOUNG_PERSON, child=child, email=email,
                    first_name=str(getattr(getattr(child, "name", None), "given_name", "")))
        user.set_unusable_password()
        user.full_clean()
        user.save()
        audit_record(user=by, action=AuditEntry.Action.CREATE, child_pk=child.pk,
                     what=f"Young person's account {user.username}")
    elif email and user.email != email:
        user.email = email
        user.save(update_fields=["email"])
    YoungPersonInvite.objects.filter(user=user, used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    token = secrets.token_urlsafe(32)
    code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
    invite = YoungPersonInvite.objects.create(
        user=user, token_hash=_hash(token), code_hash=_hash(code), email=email, created_by=by, created_at=now,
        expires_at=now + timedelta(days=INVITE_DAYS),
    )
    link_path = reverse("offer:start_link", args=[token])
    if email:
        send_mail(
            "Your own pages: set your password",
            (f"Hello {user.first_name or 'there'},\n\nYour personal adviser has set up your own pages, where you can "
             f"see your plan and what you are entitled to, and ask for support.\n\nYour username is {user.username}.\n"
             f"Open this link to set your password (it works once, for {INVITE_DAYS} days):\n{site}{link_path}\n"),
            settings.DEFAULT_FROM_EMAIL, [email],
        )
    audit_record(user=by, action=AuditEntry.Action.CREATE, child_pk=child.pk, what="Young person invited",
                 after={"username": user.username, "by_email": bool(email)})
    return InviteIssued(invite, user.username, link_path, f"{code[:4]}-{code[4:]}", bool(email))


def invite_from_token(token: str, *, now: datetime) -> YoungPersonInvite | None:
    return (YoungPersonInvite.objects.select_related("user", "user__child")
            .filter(token_hash=_hash(token), used_at__isnull=True, expires_at__gt=now).first())


def invite_from_code(code: str, dob: date, *, now: datetime) -> YoungPersonInvite | None:
    """The open invitation with this code, if the date of birth matches; None if not.

    A miss counts towards locking the code, and a match clears the count. A locked code raises
    ValidationError (code "locked") before anything is looked up, so the answer is the same
    whether or not the code exists, and the right date of birth does not get past it.
    """
    key = code_lockout_key(code)
    locked_until = sign_in_locked_until(key=key, now=now)
    if locked_until:
        raise ValidationError(CODE_LOCKED, code="locked",
                              params={"until": time_format(timezone.localtime(locked_until), "H:i")})
    invite = (YoungPersonInvite.objects.select_related("user", "user__child")
              .filter(code_hash=_hash(normalise_code(code)), used_at__isnull=True, expires_at__gt=now).first())
    if invite is None or invite.user.child is None or invite.user.child.dob != dob:
        sign_in_failure_record(key=key, now=now)
        return None
    sign_in_failures_clear(key=key)
    return invite


@transaction.atomic
def invite_accept(*, invite: YoungPersonInvite, password: str, now: datetime) -> User:
    """Set the young person's password and use up the invitation."""
    user = invite.user
    validate_password(password, user)
    user.set_password(password)
    user.is_active = True
    user.save()
    invite.used_at = now
    invite.save(update_fields=["used_at"])
    audit_record(user=user, action=AuditEntry.Action.CHANGE, child_pk=user.child_id, what="Password set from invitation")
    return user
