"""The public local offer, "what applies to me?", starting from an invitation, and the young
person's own pages. A young person reaches only their own record (own_child_for)."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from hearth.accounts.access import own_child_for
from hearth.accounts.audit import AuditEntry, audit_record
from hearth.accounts.roles import Role
from hearth.domain.offer import Answers, Circumstance, applicable, person_from_answers
from hearth.domain.offer.catalogue import Theme
from hearth.offer import asks, invites, selectors
from hearth.offer.forms import (
    FeedbackForm,
    SetPasswordForm,
    StartWithCodeForm,
    SupportAskForm,
    WellbeingForm,
    WhatAppliesForm,
)
from hearth.offer.services import feedback_give
from hearth.records.selectors import council_get


def _d(day) -> str:
    return date_format(day, "j M Y") if day else ""


def _by_theme(entitlements) -> list[dict]:
    sections = []
    for theme in Theme:
        items = [e for e in entitlements if e.theme == theme.code]
        if items:
            sections.append({"id": theme.code.replace("_", "-"), "title": theme.label, "items": [_card(e) for e in items]})
    return sections


def _card(e) -> dict:
    rows = [("What it is", f"{e.get_form_display()}{': ' + e.amount_text if e.amount_text else ''}"),
            ("Who can get it", f"From {e.min_age} until your {e.under_age}{_th(e.under_age)} birthday"),
            ("Who provides it", f"{e.get_provider_kind_display()}: {e.provider}"),
            ("How to get it", e.how_to_get),
            ("Why", f"{'The law' if e.statutory else 'Our choice'}: {e.basis}")]
    if e.valid_from or e.valid_to:
        rows.append(("When", " to ".join(filter(None, [_d(e.valid_from) or "Now", _d(e.valid_to)]))))
    return {"key": e.key, "title": e.title, "summary": e.summary, "rows": rows}


def _th(n: int) -> str:
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def offer_view(request):
    """The current offer, by theme, for anyone (no sign-in)."""
    today = timezone.localdate()
    version = selectors.offer_current(today)
    sections = _by_theme(selectors.offer_entitlements(version)) if version else []
    return render(request, "offer/offer.html", {
        "council": council_get(), "version": version, "sections": sections,
        "contents": [{"text": s["title"], "href": f"#{s['id']}"} for s in sections]
        + [{"text": "What applies to me?", "href": reverse("offer:what_applies")}],
        "published": _d(version.published_on) if version else "",
        "next_review": _d(version.next_review_on) if version else "",
    })


def what_applies_view(request):
    """A few questions, then the parts of the offer that apply. GET, so the answer can be printed or shared."""
    today = timezone.localdate()
    form = WhatAppliesForm(request.GET if "age" in request.GET else None)
    sections, category = None, None
    version = selectors.offer_current(today)
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        person = person_from_answers(Answers(
            age=d["age"], in_care_now=d["in_care_now"], in_care_13_weeks_after_14=d["thirteen_weeks"],
            in_care_after_16=d["after_16"], circumstances=frozenset(Circumstance(c) for c in d["circumstances"])))
        category = person.category.label if person.category else None
        entitlements = selectors.offer_entitlements(version) if version else []
        keys = {e.key for e in applicable([e.as_domain() for e in entitlements], person, today)}
        sections = _by_theme([e for e in entitlements if e.key in keys])
    return render(request, "offer/what_applies.html", {
        "council": council_get(), "form": form, "sections": sections, "category": category,
        "back": reverse("offer:offer"),
    })


# ---- Starting from an invitation -------------------------------------------------------

def _sign_in_young_person(request, user):
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    audit_record(user=user, action=AuditEntry.Action.SIGN_IN, child_pk=user.child_id, what="Signed in from invitation")


def _password_errors(form, error: ValidationError, field="password"):
    for message in error.messages:
        form.add_error(field, message)


def start_link_view(request, token: str):
    now = timezone.now()
    invite = invites.invite_from_token(token, now=now)
    if invite is None:
        return render(request, "offer/start_expired.html", {"council": council_get(),
                                                             "code_href": reverse("offer:start_code")}, status=404)
    form = SetPasswordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and _accepted(request, form, invite, now=now):
        return redirect("offer:me")
    return render(request, "offer/start.html", {"council": council_get(), "form": form,
                                                "username": invite.user.username, "with_code": False})


def _accepted(request, form, invite, *, now) -> bool:
    """Set the chosen password and sign the young person in; False with the reason on the form."""
    try:
        user = invites.invite_accept(invite=invite, password=form.cleaned_data["password"], now=now)
    except ValidationError as error:
        _password_errors(form, error)
        return False
    _sign_in_young_person(request, user)
    return True


def _invite_from_code_form(form, *, now):
    """The invitation the form's code and date of birth open, or None with the reason put on the form."""
    try:
        invite = invites.invite_from_code(form.cleaned_data["code"], form.cleaned_data["dob"], now=now)
    except ValidationError as locked:
        form.add_error("code", locked)
        return None
    if invite is None:
        form.add_error("code", ValidationError(
            "The code or date of birth is not right, or the code has expired. "
            "Check them, or ask your personal adviser for a new code", code="not_right"))
    return invite


def start_code_view(request):
    now = timezone.now()
    form = StartWithCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        invite = _invite_from_code_form(form, now=now)
        if invite is not None and _accepted(request, form, invite, now=now):
            return redirect("offer:me")
    return render(request, "offer/start.html", {"council": council_get(), "form": form, "username": None,
                                                "with_code": True})


# ---- The young person's own pages ------------------------------------------------------

def young_person_page(page: str):
    """Signed in as a young person; passes their own child (and nothing else) and audits the view."""
    def decorate(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if request.user.role != Role.YOUNG_PERSON:
                raise PermissionDenied("These pages are for young people.")
            child = own_child_for(request.user).select_related("name").first()
            if child is None:
                raise PermissionDenied("Your account is not linked to a record. Ask your personal adviser.")
            audit_record(user=request.user, action=AuditEntry.Action.VIEW, child_pk=child.pk, what=f"Own pages: {page}")
            return view(request, child, *args, **kwargs)
        return wrapper
    return decorate


@young_person_page("home")
def me_view(request, child):
    today = timezone.localdate()
    adviser = selectors.adviser_for(child, as_at=today)
    plan = selectors.plan_for(child, as_at=today)
    mine = selectors.asks_for(child)
    offer_href = reverse("offer:offer")
    return render(request, "offer/me.html", {
        "council": council_get(), "name": str(getattr(child, "name", "")) or "",
        "adviser": [("Name", adviser.name), ("Team", adviser.team),
                    ("Email", adviser.email or "Ask the leaving care team for their contact details")] if adviser else None,
        "plan": [("Agreed", _d(plan.agreed_on)), ("Last reviewed", _d(plan.last_reviewed_on)),
                 ("Next review", _d(plan.next_review_on) or "Not set")] if plan else None,
        "actions": [[a.description, a.owner, _d(a.due_on), "Done " + _d(a.completed_on) if a.completed_on else "Not done yet"]
                    for a in plan.actions] if plan else [],
        "entitlements": [{"title": s["title"], "links": [{"text": i["title"], "href": f"{offer_href}#{i['key']}"}
                                                          for i in s["items"]]}
                         for s in _by_theme(selectors.entitlements_for(child, as_at=today))],
        "action_headers": ["Action", "Who", "By", "Done?"], "received_headers": ["What", "When", "Amount", "Note"],
        "asked_headers": ["When", "What you asked", "Reply"], "records_headers": ["Asked", "Due by", "Status"],
        "contact_headers": ["Date", "How", "Who", "Note"],
        "received": [[r.get_kind_display(), _d(r.given_on), f"£{r.amount:,.2f}" if r.amount is not None else "", r.note]
                     for r in selectors.entitlements_received(child)],
        "contacts": [[_d(c.date), c.get_kind_display(), c.worker.name if c.worker else "", c.note]
                     for c in selectors.contacts_for_young_person(child)],
        "asked": [[_d(a.asked_on), a.message, f"Answered {_d(a.answered_on)}" if a.answered_on else "Waiting for a reply"]
                  for a in mine["support"]],
        "records": [[_d(r.received_on), _d(r.due_on), f"Sent {_d(r.completed_on)}" if r.completed_on else "In progress"]
                    for r in mine["records"]],
        "links": [{"text": "Ask for support", "href": reverse("offer:me_support")},
                  {"text": "Tell us how things are", "href": reverse("offer:me_wellbeing")},
                  {"text": "Ask for a copy of my records", "href": reverse("offer:me_records")},
                  {"text": "Tell us what you think of the offer", "href": reverse("offer:me_feedback")},
                  {"text": "The whole local offer", "href": reverse("offer:offer")}],
    })


def _form_page(request, template: str, form, title: str, **context):
    return render(request, template, {"council": council_get(), "form": form, "title": title,
                                      "back": reverse("offer:me"), **context})


@young_person_page("ask for support")
def me_support_view(request, child):
    form = SupportAskForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            ask = asks.support_ask(by=request.user, child=child, message=form.cleaned_data["message"],
                                   on=timezone.localdate())
        except ValidationError as error:
            _password_errors(form, error, field="message")
        else:
            extra = (" Because you are 21 or over, this is a request for support under the law: we will assess what "
                     "help you need and agree a plan with you." if ask.support_request_id else "")
            return render(request, "offer/done.html", {"council": council_get(), "title": "We have your message",
                                                       "text": "Your personal adviser will get back to you within 2 working days." + extra})
    return _form_page(request, "offer/form.html", form, "Ask for support",
                      intro="Tell your personal adviser what you need. If you are in danger now, call 999.")


@young_person_page("how things are")
def me_wellbeing_view(request, child):
    form = WellbeingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        check = asks.wellbeing_record(by=request.user, child=child, on=timezone.localdate(), **form.cleaned_data)
        text = "Thank you for telling us."
        if not check.feels_safe:
            text += (" You said you do not feel safe where you live. We have told your personal adviser and their manager "
                     "now, and someone will contact you today. If you are in danger now, call 999.")
        return render(request, "offer/done.html", {"council": council_get(), "title": "Thank you", "text": text})
    return _form_page(request, "offer/form.html", form, "Tell us how things are",
                      intro="A few questions. Your personal adviser reads your answers.")


@young_person_page("copy of my records")
def me_records_view(request, child):
    error = None
    if request.method == "POST":
        try:
            req = asks.records_request_start(by=request.user, child=child, on=timezone.localdate())
        except ValidationError as e:
            error = e.messages[0]
        else:
            return render(request, "offer/done.html", {"council": council_get(), "title": "We have your request",
                                                       "text": f"We will send you a copy of your records by {_d(req.due_on)}."})
    return render(request, "offer/records.html", {"council": council_get(), "back": reverse("offer:me"), "error": error})


@young_person_page("feedback on the offer")
def me_feedback_view(request, child):
    version = selectors.offer_current(timezone.localdate())
    if version is None:
        raise Http404("There is no published offer yet.")
    form = FeedbackForm(request.POST if request.method == "POST" else None, entitlements=selectors.offer_entitlements(version))
    if request.method == "POST" and form.is_valid():
        try:
            feedback_give(by=request.user, child=child, version=version, **form.cleaned_data)
        except ValidationError as error:
            _password_errors(form, error, field="entitlement_key")
        else:
            return render(request, "offer/done.html", {"council": council_get(), "title": "Thank you",
                                                       "text": "We read every comment when we review the offer, and say what we did about it."})
    return _form_page(request, "offer/form.html", form, "Tell us what you think of the offer",
                      intro="What is useful, what is missing, what is hard to get.")
