"""Pages for KPI band schemes: the list, one KPI's scheme with its defects and history, and the
form that saves a new version (kpis.md §3.3). Analysts and service managers change bands; team
managers may look."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from hearth.accounts.roles import Role
from hearth.analytics.band_schemes import (
    band_scheme_history,
    band_scheme_list,
    band_scheme_save,
    scheme_version_in_force,
)
from hearth.analytics.bands_forms import BandSchemeForm, initial_for
from hearth.domain.kpis.bands import validate
from hearth.records.selectors import council_get

MAY_VIEW = {Role.ANALYST, Role.SERVICE_MANAGER, Role.TEAM_MANAGER}
MAY_EDIT = {Role.ANALYST, Role.SERVICE_MANAGER}


def _catalogue() -> dict:
    from hearth.domain.kpis import catalogue as cat

    found = getattr(cat, "CATALOGUE", None)
    return dict(found) if found is not None else cat.catalogue()


def _require(request, roles) -> None:
    if getattr(request.user, "role", None) not in roles:
        raise PermissionDenied("Band schemes are for performance analysts and managers.")


def _kpi_or_404(kpi_id: str):
    kpi = _catalogue().get(kpi_id)
    if kpi is None:
        raise Http404("No such KPI")
    return kpi


def _uk(day) -> str:
    return date_format(day, "j M Y") if day else "Open-ended"


def _bound(value, incl, *, lower: bool) -> str:
    if value is None:
        return "No limit"
    return f"{value} ({'included' if incl else 'excluded'})"


@login_required
def band_schemes_view(request):
    _require(request, MAY_VIEW)
    today = timezone.localdate()
    titles = {k: v.title for k, v in _catalogue().items()}
    rows = []
    for stored in band_scheme_list():
        in_force = scheme_version_in_force(stored.kpi_id, today)
        rows.append([
            {"text": stored.kpi_id, "href": reverse("analytics:band_scheme", args=[stored.kpi_id])},
            titles.get(stored.kpi_id, ""), stored.scheme_id, stored.version,
            stored.get_status_display() + (" (demonstration)" if stored.demonstration else ""),
            f"v{in_force.version}" if in_force else "None in force",
        ])
    return render(request, "analytics/bands/list.html", {
        "council": council_get(), "headers": ["KPI", "Title", "Scheme", "Latest version", "Status", "In force today"],
        "rows": rows, "numeric": {3},
    })


@login_required
def band_scheme_view(request, kpi_id: str):
    _require(request, MAY_VIEW)
    kpi = _kpi_or_404(kpi_id)
    today = timezone.localdate()
    history = band_scheme_history(kpi_id)
    in_force = scheme_version_in_force(kpi_id, today)
    shown = in_force or (history[0] if history else None)
    context = {
        "council": council_get(), "kpi": kpi, "stored": shown, "in_force": in_force,
        "may_edit": request.user.role in MAY_EDIT,
        "edit_links": [{"text": f"Change the bands for {kpi_id}", "href": reverse("analytics:band_scheme_edit", args=[kpi_id])}],
        "back": reverse("analytics:band_schemes"),
        "history_headers": ["Version", "Scheme", "Status", "From", "To", "Approved by"],
        "history_rows": [[f"v{h.version}", h.scheme_id, h.get_status_display(), _uk(h.effective_from), _uk(h.effective_to), h.approved_by]
                         for h in history],
    }
    if shown is not None:
        scheme = shown.to_domain()
        found = validate(scheme)
        context.update({
            "summary_items": [
                ("Scheme", f"{shown.scheme_id}, version {shown.version}"),
                ("Applies", f"{_uk(shown.effective_from)} to {_uk(shown.effective_to)}"),
                ("Approved by", shown.approved_by),
                ("Which way is better", "Higher is better" if shown.polarity == "up" else "Lower is better"),
                ("Scale", f"{scheme.domain_min:f} to {'no maximum' if scheme.domain_max is None else f'{scheme.domain_max:f}'}"),
                ("Decimal places for banding", shown.precision),
            ],
            "band_headers": ["Band (worst first)", "From", "To", "Interval"],
            "band_rows": [[b.label, _bound(b.lower, b.lower_incl, lower=True), _bound(b.upper, b.upper_incl, lower=False), b.notation()]
                          for b in scheme.bands],
            "defect_headers": ["Problem", "Bands", "Values affected", "Detail"],
            "defect_rows": [[d.kind.replace("_", " ").capitalize() + ("" if d.severity == "error" else f" ({d.severity})"),
                             ", ".join(d.bands), _values(d), d.message] for d in found],
            "error_count": sum(d.severity == "error" for d in found),
        })
    return render(request, "analytics/bands/scheme.html", context)


def _values(defect) -> str:
    if defect.first is None and defect.last is None:
        return "—"
    if defect.last is None:
        return f"{defect.first} and above"
    return f"{defect.first}" if defect.first == defect.last else f"{defect.first} to {defect.last}"


@login_required
def band_scheme_edit_view(request, kpi_id: str):
    _require(request, MAY_EDIT)
    kpi = _kpi_or_404(kpi_id)
    today = timezone.localdate()
    history = band_scheme_history(kpi_id)
    form = BandSchemeForm(request.POST if request.method == "POST" else None, kpi_id=kpi_id,
                          initial=initial_for(kpi, history[0] if history else None, today=today))
    if request.method == "POST" and form.is_valid():
        try:
            stored = band_scheme_save(user=request.user, scheme=form.scheme(),
                                      allow_defective=form.cleaned_data.get("if_defective") == "defective")
        except ValidationError as error:
            for problem in error.error_list:
                form.add_error(None, problem)
        else:
            word = "saved, marked as defective" if stored.status == "defective" else "saved"
            messages.success(request, f"Bands for {kpi_id} {word} as version {stored.version}.")
            return redirect("analytics:band_scheme", kpi_id=kpi_id)
    return render(request, "analytics/bands/edit.html", {
        "council": council_get(), "kpi": kpi, "form": form, "title": f"Change the bands for {kpi_id}",
        "back": reverse("analytics:band_scheme", args=[kpi_id]),
    })
