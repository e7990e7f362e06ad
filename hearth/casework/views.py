from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme

from hearth.accounts.access import caseload_for, children_for
from hearth.accounts.audit import AuditEntry, audit_record
from hearth.accounts.demo import DEMO_LOGINS, DEMO_PASSWORD
from hearth.accounts.roles import Role
from hearth.casework.actions import ACTIONS
from hearth.casework.caseload import SORTS, caseload_rows, caseload_view_rows
from hearth.casework.checks_903 import Needs903Confirmation, perform_checked
from hearth.casework.duty_forms import duty_form_url
from hearth.casework.presenters import uk_date, uk_date_short
from hearth.casework.summary import child_summary, child_with_record
from hearth.casework.team import children_by_band, colleagues_of, team_workloads, teams_for
from hearth.casework.timeline import child_timeline
from hearth.casework.worklists import for_worker, service_counts, work_items, worker_counts, worklist
from hearth.domain.ssda903.years import collection_year_of
from hearth.domain.ssda903_rules.schema import DFE_NAMES
from hearth.records.facts import policy_on
from hearth.records.selectors import council_get, headline_counts
from hearth.returns.ssda903.single import child_year_rows, rows_findings


def home_view(request):
    """The council and its headline counts (no child-level detail); demo sign-ins in demo mode.
    A young person signed in goes to their own pages instead."""
    if getattr(request.user, "role", None) == Role.YOUNG_PERSON:
        return redirect("offer:me")
    counts = headline_counts(as_at=timezone.localdate())
    context = {
        "council": council_get(),
        "counts": counts,
        "count_rows": [
            ("Children in care now", counts.children_in_care),
            ("Started to be looked after in the last 12 months", counts.started_last_12_months),
            ("Ceased to be looked after in the last 12 months", counts.ceased_last_12_months),
            ("Young people with a personal adviser now", counts.young_people_with_pa),
            ("Children and young people on the record", counts.children_ever_recorded),
            ("Workers", counts.workers),
            ("Teams", counts.teams),
        ],
        "demo_logins": [(login.username, login.role.label) for login in DEMO_LOGINS] if settings.DEMO else None,
        "demo_password": DEMO_PASSWORD,
        "as_at_display": date_format(counts.as_at, "j F Y"),
        "count_headers": ["Measure", "Count"],
        "login_headers": ["Username", "Role"],
        "numeric_columns": {1},
    }
    return render(request, "casework/home.html", context)


class CaseloadFilterForm(forms.Form):
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[(k, v[0]) for k, v in SORTS.items()])
    status = forms.ChoiceField(label="Status", required=False)

    def __init__(self, *args, statuses: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "All")] + [(s, s) for s in statuses]


@login_required
def caseload_view(request):
    """The children allocated to me."""
    today = timezone.localdate()
    all_rows = caseload_rows(caseload_for(request.user, as_at=today), as_at=today)
    form = CaseloadFilterForm(request.GET or None, statuses=sorted({r.status for r in all_rows}))
    choice = form.cleaned_data if form.is_bound and form.is_valid() else {}
    rows = caseload_view_rows(all_rows, sort=choice.get("sort") or "name", status=choice.get("status") or "")
    return render(request, "casework/caseload.html", {
        "council": council_get(),
        "form": form,
        "caption": f"{len(rows)} of {len(all_rows)} children and young people",
        "headers": ["Name", "Age", "Status", "Lives", "Last contact", "Next due"],
        "numeric": {1},
        "rows": [
            [
                {"text": row.name, "href": reverse("casework:child_record", args=[row.pk])},
                row.age,
                row.status,
                row.lives,
                uk_date_short(row.last_contact) if row.last_contact else "None recorded",
                _next_due_cell(row, today, back_to=request.get_full_path()),
            ]
            for row in rows
        ],
    })


def _next_due_cell(row, today, *, back_to: str):
    """The soonest open deadline, linking to the form that meets it."""
    ob = row.next_due
    if ob is None:
        return "Nothing due"
    when = f"overdue since {uk_date_short(ob.legal_due)}" if ob.legal_due < today else uk_date_short(ob.legal_due)
    return {"text": f"{ob.title}, {when}", "hidden": f"for {row.name}",
            "href": duty_form_url(ob.rule_id, row.pk, back_to=back_to)}


def _child_or_403(request, pk: int, *, whole_record: bool = False):
    """The child, if within this user's need to know; otherwise 403, whether or not it exists."""
    children = children_for(request.user, as_at=timezone.localdate()).filter(pk=pk)
    child = (child_with_record(children) if whole_record else children.select_related("name")).first()
    if child is None:
        raise PermissionDenied("You do not have access to this record.")
    return child


@login_required
def child_record_view(request, pk: int):
    """One child's record: summary and timeline. Refused (403) outside the user's need to know."""
    today = timezone.localdate()
    child = _child_or_403(request, pk, whole_record=True)
    audit_record(user=request.user, action=AuditEntry.Action.VIEW, what="Child record", child_pk=child.pk)
    summary = child_summary(child, as_at=today, policy=policy_on(today))
    return render(request, "casework/child_record.html", {
        "summary": summary,
        "summary_items": [
            ("Child ID", child.la_child_id),
            ("Age", summary.age),
            ("Date of birth", uk_date(child.dob)),
            ("Status", summary.status),
            ("Legal status", summary.legal_status),
            ("Placement", summary.placement),
            ("Accommodation", summary.accommodation),
            ("Personal adviser", summary.personal_adviser),
            ("Social worker", summary.social_worker),
            ("Pathway plan", summary.pathway_plan),
            ("Education, employment or training", summary.eet),
            ("Staying Put", summary.staying_put),
        ],
        "timeline": child_timeline(child),
        "actions": [{"text": a.title, "href": reverse("casework:record", args=[child.pk, a.slug])} for a in ACTIONS.values()],
        "checks": [{"text": "Check this record against the 903 rules", "href": reverse("casework:child_903", args=[child.pk])},
                   {"text": "Their own pages: invite, and what they asked for", "href": reverse("offer:young_person", args=[child.pk])}],
        "council": council_get(),
    })


@login_required
def record_view(request, pk: int, action: str):
    """Record something on a child's record through its service; errors come back to the form."""
    child = _child_or_403(request, pk)
    recording = ACTIONS.get(action)
    if recording is None:
        raise Http404("No such form")
    next_url = _next_url(request)
    form = recording.form(request.POST if request.method == "POST" else None)
    warning_903 = None
    if request.method == "POST" and form.is_valid():
        try:
            message = perform_checked(recording, request.user, child, form.cleaned_data, request.POST)
        except Needs903Confirmation as pending:
            warning_903 = pending.warning
        except ValidationError as error:
            for field, problems in (error.error_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]):
                for problem in problems if isinstance(problems, list) else [problems]:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            messages.success(request, message)
            return redirect(next_url or reverse("casework:child_record", args=[child.pk]))
    return render(request, "casework/record.html", {
        "form": form, "title": recording.title, "child": child, "council": council_get(), "warning_903": warning_903,
        "name": str(getattr(child, "name", "")) or child.la_child_id,
        "back": next_url or reverse("casework:child_record", args=[child.pk]),
    })


def _next_url(request) -> str:
    """Where to go after saving (e.g. back to the worklist the form was opened from): a URL on this
    site only, so a link cannot send someone elsewhere; otherwise empty."""
    url = request.GET.get("next", "")
    return url if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()) else ""


# A team's children are listed a page at a time (a team can hold 300).
TEAM_CHILDREN_PER_PAGE = 50


@login_required
def team_caseload_view(request):
    """Caseload counts per worker and experience band, for a manager's team (or any, for a service manager)."""
    teams = teams_for(request.user)
    if not teams:
        raise PermissionDenied("Team caseloads are for team and service managers.")
    team = next((t for t in teams if str(t.pk) == request.GET.get("team")), teams[0])
    today = timezone.localdate()
    loads = team_workloads(team, as_at=today)
    team_children = caseload_rows(children_for(request.user, as_at=today).filter(
        allocations__worker__team=team, allocations__end__isnull=True).distinct(), as_at=today)
    page = Paginator(team_children, TEAM_CHILDREN_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "casework/team_caseload.html", {
        "council": council_get(),
        "team": team,
        "teams": [{"text": t.name, "href": f"?team={t.pk}"} for t in teams if t != team],
        "worker_headers": ["Worker", "Role", "Experience", "Children allocated"],
        "numeric_workers": {3},
        "numeric_bands": {1, 2},
        "worker_rows": [[load.worker.name, load.role, load.band, load.children] for load in loads],
        "band_headers": ["Experience", "Workers", "Children allocated"],
        "band_rows": [list(row) for row in children_by_band(loads)],
        "child_headers": ["Name", "Age", "Status", "Lives", "Next due", "Reallocate"],
        "child_rows": [
            [{"text": row.name, "href": reverse("casework:child_record", args=[row.pk])}, row.age, row.status, row.lives,
             _next_due_cell(row, today, back_to=request.get_full_path()),
             {"text": "Reallocate", "hidden": f"{row.name}",
              "href": reverse("casework:record", args=[row.pk, "personal-adviser"])}]
            for row in page
        ],
        "child_caption": f"Children and young people ({len(team_children)})",
        "page": page,
    })


def _work_rows(items, today, *, show_worker: bool, back_to: str):
    """Table rows for worklist items; what is due links to the form that meets it (duty_forms)."""
    rows = []
    for item in items:
        ob = item.obligation
        row = [
            {"text": item.child_name, "href": reverse("casework:child_record", args=[item.child_pk])},
            {"text": ob.title, "hidden": f"for {item.child_name}",
             "href": duty_form_url(ob.rule_id, item.child_pk, back_to=back_to)},
            uk_date_short(ob.legal_due),
            uk_date_short(ob.plan_by),
            f"{ob.days_overdue} days" if ob.legal_due < today else "",
            f"{ob.source} ({ob.strength.value})",
        ]
        if show_worker:
            row.insert(1, item.worker)
        rows.append(row)
    return rows


# A team's worklist shows this many items a section until "show all" is chosen: a team of 300
# children has several hundred items, more than anyone reads on one page.
TEAM_SECTION_ROWS = 25


def _render_worklist(request, work, *, heading: str, team: dict | None = None):
    """A worklist page; `team` (the team view) adds the count per worker and shortens each section."""
    today = timezone.localdate()
    headers = ["Child or young person", "What is due", "Due", "Plan by", "Overdue", "Source"]
    if team:
        headers.insert(1, "Worker")
    show = request.GET.get("show", "")
    sections = []
    for key, title, items in (("overdue", "Overdue", work.overdue), ("week", "Due in the next 7 days", work.due_this_week),
                              ("month", "Due in the next 30 days", work.due_in_30_days)):
        shown = items if not team or show == key else items[:TEAM_SECTION_ROWS]
        more = None
        if len(shown) < len(items):
            query = request.GET.copy()
            query["show"] = key
            more = {"text": f"Show all {len(items)} {title.lower()}", "href": f"?{query.urlencode()}#{key}"}
        sections.append({"id": key, "title": f"{title} ({len(items)})", "more": more,
                         "rows": _work_rows(shown, today, show_worker=bool(team), back_to=request.get_full_path())})
    return render(request, "casework/worklist.html", {
        "council": council_get(),
        "heading": heading,
        "alerts": work.alerts,
        "headers": headers,
        "sections": sections,
        **(team or {}),
    })


@login_required
def worklist_view(request):
    """My worklist: what is overdue and due for the children allocated to me."""
    today = timezone.localdate()
    return _render_worklist(request, worklist(caseload_for(request.user, as_at=today), as_at=today),
                            heading="My worklist")


@login_required
def team_worklist_view(request):
    """My team's worklist (team managers; practitioners see their team's too): how much each worker
    has due, then the items, for everyone or for one worker."""
    if request.user.role not in ("team_manager", "practitioner") or not request.user.worker_id:
        raise PermissionDenied("Team worklists are for practitioners and team managers.")
    today = timezone.localdate()
    work = worklist(children_for(request.user, as_at=today), as_at=today)
    counts = worker_counts(work, colleagues_of(request.user.worker_id))
    chosen = next((c for c in counts if str(c.worker_pk) == request.GET.get("worker")), None)
    if chosen:
        work = for_worker(work, chosen.worker_pk)
    return _render_worklist(request, work, heading="My team's worklist", team={
        "worker_headers": ["Worker", "Overdue", "Due in 7 days", "Due in 30 days"],
        "worker_rows": [[{"text": c.worker, "href": f"?worker={c.worker_pk}"}, c.overdue, c.due_this_week,
                         c.due_in_30_days] for c in counts],
        "numeric_counts": {1, 2, 3},
        "chosen": chosen.worker if chosen else "",
    })


@login_required
def service_worklist_view(request):
    """Counts by duty and team across the service (service managers)."""
    if request.user.role != "service_manager":
        raise PermissionDenied("The service view is for service managers.")
    today = timezone.localdate()
    counts = service_counts(work_items(children_for(request.user, as_at=today), as_at=today), as_at=today)
    return render(request, "casework/service_worklist.html", {
        "council": council_get(),
        "headers": ["What is due", "Team", "Overdue", "Due in 30 days"],
        "rows": [[c.duty, c.team, c.overdue, c.due_in_30_days] for c in counts],
        "numeric": {2, 3},
    })


@login_required
def child_903_view(request, pk: int):
    """This child's data checked against the DfE's 903 rules for the current year, so errors are
    fixed where they arise rather than at year end."""
    child = _child_or_403(request, pk)
    year = collection_year_of(timezone.localdate())
    # The same in-memory route as the episode forms' check (single.py), not an export to files.
    findings = rows_findings(child_year_rows(child.pk, year), year)
    return render(request, "casework/child_903.html", {
        "council": council_get(), "name": str(getattr(child, "name", "")) or child.la_child_id, "year": year,
        "back": reverse("casework:child_record", args=[child.pk]),
        "headers": ["Rule", "Table", "Fields", "What is wrong"],
        "rows": [[f.code, DFE_NAMES.get(f.table, f.table), ", ".join(f.fields), f.message] for f in findings],
    })
