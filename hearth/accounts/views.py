from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from hearth.accounts.audit import AuditEntry
from hearth.accounts.audit_search import audit_entries, child_ids
from hearth.accounts.roles import Role
from hearth.govuk_forms import UKDateField


class AuditSearchForm(forms.Form):
    username = forms.CharField(label="Username", required=False)
    la_child_id = forms.CharField(label="Child ID", required=False)
    action = forms.ChoiceField(label="Action", required=False, choices=[("", "Any")] + list(AuditEntry.Action.choices))
    date_from = UKDateField(label="From", required=False)
    date_to = UKDateField(label="To", required=False)


@login_required
def audit_log_view(request):
    if request.user.role != Role.ADMINISTRATOR:
        raise PermissionDenied("The audit log is for administrators.")
    form = AuditSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    page = Paginator(audit_entries(**{k: v for k, v in filters.items() if v}), 50).get_page(request.GET.get("page"))
    ids = child_ids(list(page))
    rows = [
        [timezone.localtime(e.at).strftime("%d/%m/%Y %H:%M"), e.user.username if e.user else "(signed out)",
         e.get_action_display(), ids.get(e.child_pk, ""), e.what]
        for e in page
    ]
    return render(request, "accounts/audit_log.html", {
        "form": form, "page": page, "rows": rows, "headers": ["When", "Who", "Action", "Child ID", "What"],
    })


class SignInView(LoginView):
    """Sign in; everyone else goes to `next` or the home page. A young person goes to their own pages:
    to `next` only if it is one of them, as nothing else is theirs to open."""

    def get_success_url(self):
        if getattr(self.request.user, "role", None) == Role.YOUNG_PERSON:
            own = reverse("offer:me")
            wanted = self.get_redirect_url()  # "" unless `next` is safe
            return wanted if wanted.startswith(own) else own
        return super().get_success_url()
