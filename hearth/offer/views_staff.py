"""Staff pages: a young person's account and what they sent us; the offer's versions and feedback."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from hearth.accounts.access import children_for
from hearth.accounts.audit import AuditEntry, audit_record
from hearth.accounts.roles import Role
from hearth.domain.offer import ReviewState, review_state
from hearth.offer import asks, invites, selectors
from hearth.offer.forms import FeedbackResponseForm, InviteForm
from hearth.offer.services import feedback_respond, offer_publish
from hearth.records.selectors import council_get

MANAGERS = (Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.ADMINISTRATOR)


def _d(day) -> str:
    return date_format(day, "j M Y") if day else ""


def _child_or_403(request, pk: int):
    child = children_for(request.user, as_at=timezone.localdate()).filter(pk=pk).select_related("name").first()
    if child is None:
        raise PermissionDenied("You do not have access to this record.")
    return child


def _button(action: str, kind: str, pk: int, text: str) -> dict:
    return {"action": action, "kind": kind, "pk": pk, "text": text}


@login_required
def young_person_view(request, pk: int):
    """Invite the young person to their own pages, and follow up what they sent."""
    child = _child_or_403(request, pk)
    audit_record(user=request.user, action=AuditEntry.Action.VIEW, child_pk=child.pk, what="Young person's own pages (staff)")
    today = timezone.localdate()
    form = InviteForm(request.POST if request.POST.get("action") == "invite" else None)
    issued = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "invite" and form.is_valid():
            issued = invites.young_person_invite(by=request.user, child=child, email=form.cleaned_data["email"],
                                                 now=timezone.now(), site=request.build_absolute_uri("/")[:-1])
        elif action in ("answered", "followed_up", "sent"):
            kind = {"answered": "support", "followed_up": "wellbeing", "sent": "records"}[action]
            row = selectors.ask_get(child, kind, int(request.POST.get("pk") or 0))
            if row is None:
                raise PermissionDenied("That is not on this record.")
            try:
                {"answered": lambda: asks.support_ask_answer(by=request.user, ask=row, on=today),
                 "followed_up": lambda: asks.wellbeing_follow_up(by=request.user, check=row, on=today),
                 "sent": lambda: asks.records_request_complete(by=request.user, request=row, on=today)}[action]()
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, "Saved")
            return redirect("offer:young_person", pk=child.pk)
    mine = selectors.asks_for(child)
    account = selectors.account_for(child)
    yes_no = {True: "Yes", False: "No"}
    return render(request, "offer/staff_young_person.html", {
        "council": council_get(), "child": child, "name": str(getattr(child, "name", "")) or child.la_child_id,
        "back": reverse("casework:child_record", args=[child.pk]), "form": form, "issued": issued,
        "account": [("Username", account.username), ("Email", account.email or "None given"),
                    ("Password set", "Yes" if account.has_usable_password() else "Not yet")] if account else None,
        "support": [([_d(a.asked_on), a.message, "Yes" if a.support_request_id else "No"],
                     None if a.answered_on else _button("answered", "support", a.pk, "Mark as answered"),
                     _d(a.answered_on)) for a in mine["support"]],
        "wellbeing": [([_d(w.answered_on), yes_no[w.feels_safe], yes_no[w.someone_to_talk_to], yes_no[w.happy_with_home],
                        yes_no[w.managing_money], w.anything_else],
                       None if w.followed_up_on else _button("followed_up", "wellbeing", w.pk, "Mark as followed up"),
                       _d(w.followed_up_on)) for w in mine["wellbeing"]],
        "support_headers": ["Asked", "Message", "Request under the law (21 to 25)"],
        "wellbeing_headers": ["Answered", "Feels safe", "Someone to talk to", "Happy with home", "Managing money", "Anything else"],
        "records_headers": ["Asked", "Reply due"],
        "records": [([_d(r.received_on), _d(r.due_on)],
                     None if r.completed_on else _button("sent", "records", r.pk, "Mark as sent"), _d(r.completed_on))
                    for r in mine["records"]],
    })


@login_required
def manage_offer_view(request):
    """Versions of the offer, when each is due for review, and feedback: 'you said, we did'."""
    if request.user.role not in MANAGERS:
        raise PermissionDenied("Managing the offer is for managers.")
    today = timezone.localdate()
    if request.method == "POST":
        if request.POST.get("action") == "publish":
            version = selectors.version_get(int(request.POST.get("pk") or 0))
            try:
                if version is None:
                    raise ValidationError("No such version.")
                offer_publish(by=request.user, version=version, on=today)
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, f"Version {version.number} published")
            return redirect("offer:manage")
        if request.POST.get("action") == "respond":
            feedback = selectors.feedback_get(int(request.POST.get("pk") or 0))
            form = FeedbackResponseForm(request.POST, prefix=f"f{feedback.pk}" if feedback else None)
            if feedback is not None and form.is_valid():
                feedback_respond(by=request.user, feedback=feedback, response=form.cleaned_data["response"], on=today)
                messages.success(request, "Saved")
            else:
                messages.error(request, "Say what was done before saving")
            return redirect("offer:manage")
    current = selectors.offer_current(today)
    versions = []
    for v in selectors.versions_list():
        state = review_state(v.next_review_on, v.review_window_opens_on, today) if v.is_published else None
        titles = {e.key: e.title for e in v.entitlements.all()}
        versions.append({
            "version": v, "current": current is not None and v.pk == current.pk,
            "rows": [("Published", _d(v.published_on) or "Draft"), ("Entitlements", len(titles)),
                     ("Review window opens", _d(v.review_window_opens_on)), ("Next review due", _d(v.next_review_on))],
            "review_due": state is ReviewState.DUE and current is not None and v.pk == current.pk,
            "review_window": state is ReviewState.WINDOW_OPEN and current is not None and v.pk == current.pk,
            "publish": _button("publish", "version", v.pk, f"Publish version {v.number}"),
            "feedback": [{"pk": f.pk, "did": f.response, "form": FeedbackResponseForm(prefix=f"f{f.pk}"),
                          "items": [("About", titles.get(f.entitlement_key, f.entitlement_key)),
                                    ("You said", f"{f.comment} ({_d(timezone.localtime(f.created_at).date())})"),
                                    ("We did", f"{f.response} ({_d(f.responded_on)})" if f.response else "Not answered yet")]}
                         for f in v.feedback.all()],
        })
    return render(request, "offer/manage.html", {"council": council_get(), "versions": versions})
