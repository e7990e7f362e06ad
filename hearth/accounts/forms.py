from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.formats import time_format

from hearth.accounts.audit import AuditEntry, audit_record
from hearth.accounts.lockout import sign_in_failure_record, sign_in_failures_clear, sign_in_locked_until


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask an administrator.",
        "locked": (
            "This account is locked after too many failed sign-ins. Try again after %(until)s, "
            "or ask an administrator."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        now = timezone.now()
        locked_until = sign_in_locked_until(key=username, now=now)
        if locked_until:
            raise forms.ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"until": time_format(timezone.localtime(locked_until), "H:i")},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            sign_in_failure_record(key=username, now=now)
            raise
        sign_in_failures_clear(key=username)
        audit_record(user=self.get_user(), action=AuditEntry.Action.SIGN_IN, what="Signed in")
        return cleaned
