from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format

from hearth.accounts.demo import DEMO_LOGINS, DEMO_PASSWORD
from hearth.records.selectors import council_get, headline_counts


def home_view(request):
    """The council and its headline counts (no child-level detail); demo sign-ins in demo mode."""
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
