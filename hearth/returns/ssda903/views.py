import csv

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from hearth.domain.ssda903.years import collection_year_of
from hearth.records.selectors import council_get
from hearth.returns.ssda903.record import record_findings

ANALYSTS = ("analyst", "service_manager", "team_manager")


class FindingFilterForm(forms.Form):
    year = forms.IntegerField(label="Collection year (the March it ends in)", min_value=2017, max_value=2100,
                              required=False)
    rule = forms.CharField(label="Rule", required=False)
    team = forms.CharField(label="Team", required=False)
    worker = forms.CharField(label="Worker", required=False)


@login_required
def findings_view(request):
    """The record checked against the DfE's 903 rules, filterable by rule, team and worker, and as CSV."""
    if request.user.role not in ANALYSTS:
        raise PermissionDenied("903 findings are for analysts and managers.")
    this_year = collection_year_of(timezone.localdate())
    form = FindingFilterForm(request.GET or {"year": this_year})
    chosen = form.cleaned_data if form.is_valid() else {}
    year = chosen.get("year") or this_year
    findings = [
        f for f in record_findings(year)
        if (not chosen.get("rule") or f.finding.code.upper() == chosen["rule"].strip().upper())
        and (not chosen.get("team") or chosen["team"].lower() in f.team.lower())
        and (not chosen.get("worker") or chosen["worker"].lower() in f.worker.lower())
    ]
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="903-findings-{year}.csv"'
        out = csv.writer(response)
        out.writerow(["code", "table", "row", "child", "fields", "team", "worker", "message"])
        for f in findings:
            out.writerow([f.finding.code, f.table, f.finding.row, f.finding.child, ";".join(f.finding.fields),
                          f.team, f.worker, f.finding.message])
        return response
    return render(request, "ssda903/findings.html", {
        "council": council_get(), "form": form, "year": year, "count": len(findings),
        "headers": ["Rule", "Table", "Row", "Child ID", "Fields", "Team", "Worker", "What is wrong"],
        "rows": [[f.finding.code, f.table, f.finding.row, f.finding.child or "", ", ".join(f.finding.fields), f.team,
                  f.worker, f.finding.message] for f in findings[:500]],
        "csv_links": [{"text": "Download all as CSV", "href": f"?{request.GET.urlencode()}&format=csv" if request.GET else f"?year={year}&format=csv"}],
    })
