"""The performance dashboard and each KPI's page, for managers and analysts."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from hearth.accounts.access import children_for
from hearth.analytics import engine
from hearth.analytics.charts import line_chart
from hearth.analytics.current import current_snapshot
from hearth.analytics.dashboard import dashboard_for
from hearth.analytics.presenting import shown, uk, value_text
from hearth.domain.kpis.catalogue import catalogue
from hearth.domain.kpis.cohorts import COHORTS
from hearth.records.selectors import la_child_ids

VIEWERS = ("team_manager", "service_manager", "analyst", "administrator")
THEMES = {
    "children_in_care": "Children in care", "stability": "Stability", "care_leavers": "Care leavers",
    "health": "Health", "education": "Education", "missing": "Missing from care", "youth_justice": "Youth justice",
    "workforce": "Workforce and caseloads", "permanence": "Adoption and permanence", "sufficiency": "Sufficiency",
    "voice": "Voice and participation", "data_quality": "Data quality",
}


def _viewer(request) -> None:
    if request.user.role not in VIEWERS:
        raise PermissionDenied("The performance pages are for managers and analysts.")


def _as_at(request, snap) -> tuple[date, str]:
    default = date.fromisoformat(snap.extracted_at[:10])
    text = request.GET.get("as_at", "").strip()
    if not text:
        return default, ""
    try:
        chosen = date.fromisoformat(text)
    except ValueError:
        return default, f"“{text}” is not a date: write it as YYYY-MM-DD, for example {default.isoformat()}."
    if chosen > default:
        return default, f"The figures run to {uk(default)}, the date of the latest snapshot."
    return chosen, ""


@login_required
def dashboard_view(request):
    _viewer(request)
    snap = current_snapshot()
    as_at, error = _as_at(request, snap)
    board = dashboard_for(snap, as_at)
    sections = []
    for theme, title in THEMES.items():
        tiles = [t for t in board.tiles.values() if t.kpi.theme == theme and t.kpi.computable]
        if tiles:
            sections.append({"title": title, "tiles": tiles})
    waiting = [t.kpi for t in board.tiles.values() if not t.kpi.computable]
    return render(request, "analytics/dashboard.html", {
        "board": board, "sections": sections, "waiting": waiting, "error": error, "as_at": as_at,
        "as_at_text": uk(as_at), "extracted": board.extracted_at[:16].replace("T", " "),
    })


@login_required
def kpi_view(request, kpi_id: str):
    _viewer(request)
    kpi = catalogue().get(kpi_id)
    if kpi is None:
        raise Http404("No such KPI")
    snap = current_snapshot()
    as_at, error = _as_at(request, snap)
    tile = dashboard_for(snap, as_at).tiles[kpi_id]
    by = request.GET.get("by", "category" if kpi.category_sql else "age_band")
    choices = [(c, c.replace("_", " ").capitalize()) for c in
               (["category"] if kpi.category_sql else []) + list(engine.BREAKDOWNS)]
    rows, breakdown_error = [], ""
    if kpi.computable and not kpi.derived:
        try:
            rows = [[group, value_text(kpi, r), r.numerator, r.denominator]
                    for group, r in engine.breakdown(snap, kpi_id, as_at, by).items()]
        except ValueError as problem:
            breakdown_error = str(problem)
    chart = ""
    if kpi.computable:
        chart = line_chart([(r.as_at, r.value) for r in tile.trend], unit=kpi.unit, title=kpi.title)
    numerator, denominator = engine.members(snap, kpi_id, as_at)
    return render(request, "analytics/kpi.html", {
        "kpi": kpi, "tile": tile,
        "cohort_words": f"{COHORTS[kpi.cohort_sql].words} ({kpi.cohort_sql})" if kpi.cohort_sql else kpi.cohort, "as_at": as_at, "as_at_text": uk(as_at), "error": error,
        "sql": engine.compiled_sql(kpi, as_at), "chart": chart,
        "trend_rows": [[uk(r.as_at), value_text(kpi, r), "" if r.numerator is None else shown(kpi, r.numerator)
                        if kpi.unit in engine.MEANS else r.numerator, r.denominator if r.denominator is not None else ""]
                       for r in reversed(tile.trend)],
        "trend_headers": ["Date", "Value", "Numerator", "Denominator"], "member_headers": ["Child ID"],
        "by": by, "choices": choices, "breakdown_rows": rows, "breakdown_error": breakdown_error,
        "numerator_rows": _member_rows(request, snap, numerator), "denominator_count": len(denominator),
        "denominator_rows": _member_rows(request, snap, denominator),
    })


def _member_rows(request, snap, keys: list[str]) -> list[list]:
    """The children behind a figure by their 903 id, linked to their record only for users who may
    open it (analysts never: they see no identifiable record pages). No names here for anyone."""
    if snap.source != "record":
        return [[k] for k in keys[:500]]
    pks = [int(k) for k in keys[:500] if k.isdigit()]
    ids = la_child_ids(pks)
    allowed: set[int] = set()
    if request.user.role != "analyst":
        allowed = set(children_for(request.user, as_at=date.today()).filter(pk__in=pks).values_list("pk", flat=True))
    return [[{"text": ids.get(pk, pk), "href": reverse("casework:child_record", args=[pk])} if pk in allowed
             else ids.get(pk, pk)] for pk in pks]
