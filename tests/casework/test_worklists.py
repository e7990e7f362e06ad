"""Worklists and alerts from the record, with the reference's worked examples (statutory-duties.md W8, W11)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from hearth.accounts.models import User
from hearth.casework.worklists import worklist
from hearth.records import models as m

D = date


@pytest.fixture
def ella(pa):
    """W11: Ella, born 3 Feb 2010, in care from 2024 (a relevant child after she leaves at 16)."""
    ella = m.Child.objects.create(la_child_id="E1", sex="F", dob=D(2010, 2, 3), ethnic="WBRI")
    m.ChildName.objects.create(child=ella, given_name="Ella", family_name="Price")
    m.Episode.objects.create(child=ella, decom=D(2024, 1, 5), rne="S", ls="V2", cin="N4", place="U6",
                             place_provider="PR1", dec=D(2026, 5, 1), rec="E6")
    m.Allocation.objects.create(child=ella, worker=pa, role="PERSONAL_ADVISER", start=D(2026, 1, 1))
    return ella


@pytest.mark.django_db
def test_w11_bed_and_breakfast_is_an_alert_with_the_working_day_limit(ella):
    m.Accommodation.objects.create(child=ella, start=D(2026, 5, 22), accommodation_type="BED_AND_BREAKFAST", suitable=False)

    work = worklist(m.Child.objects.all(), as_at=D(2026, 5, 22))

    # The B&B exception (D42) and, because she is 16 and council-placed, the flag that B&B is not
    # registered supported accommodation (D43), both dated the day she was placed.
    assert [(a.child_name, a.title, a.since) for a in work.alerts] == [
        ("Ella Price", "B&B for a 16/17-year-old", D(2026, 5, 22)),
        ("Ella Price", "16/17-year-old not in registered supported accommodation", D(2026, 5, 22)),
    ]
    # Fri 22 (1), the weekend and the spring bank holiday skipped, Tue 26 (2).
    assert work.alerts[0].move_by == D(2026, 5, 26)


@pytest.mark.django_db
def test_w8_a_move_starts_the_seven_day_visit_clock(ella):
    m.Accommodation.objects.create(child=ella, start=D(2026, 9, 4), accommodation_type="SUPPORTED_LODGINGS", suitable=True)

    work = worklist(m.Child.objects.all(), as_at=D(2026, 9, 7))
    due_soon = {(i.obligation.rule_id, i.obligation.legal_due) for i in work.due_this_week}
    assert ("D26", D(2026, 9, 11)) in due_soon

    m.Contact.objects.create(child=ella, date=D(2026, 9, 10), kind="VISIT", seen_where="HOME", follows_move=True)
    work = worklist(m.Child.objects.all(), as_at=D(2026, 9, 10))
    assert "D26" not in {i.obligation.rule_id for i in work.due_this_week + work.overdue}


@pytest.mark.django_db
def test_a_missed_visit_is_overdue_with_its_days(ella):
    m.Accommodation.objects.create(child=ella, start=D(2026, 9, 4), accommodation_type="SUPPORTED_LODGINGS", suitable=True)
    work = worklist(m.Child.objects.all(), as_at=D(2026, 9, 15))
    overdue = {i.obligation.rule_id: i.obligation.days_overdue for i in work.overdue}
    assert overdue["D26"] == 4  # due Fri 11 September, not done by Tue 15


@pytest.mark.django_db
def test_the_worklist_pages_show_each_user_their_own(client, ella, pa):
    today = timezone.localdate()
    m.Accommodation.objects.create(child=ella, start=today - timedelta(days=1), accommodation_type="BED_AND_BREAKFAST",
                                   suitable=False)
    priya = User.objects.create(username="priya", role="practitioner", worker=pa)
    client.force_login(priya)
    page = client.get("/worklist/").content.decode()
    assert "Needs action now" in page and "Ella Price" in page

    manager = m.Worker.objects.create(name="Tom Reed", role="TEAM_MANAGER", experience_band="Y5_PLUS", team=pa.team)
    client.force_login(User.objects.create(username="tom", role="team_manager", worker=manager))
    page = client.get("/worklist/team/").content.decode()
    assert "Needs action now" in page and "Priya Shah" in page

    other_team = m.Team.objects.create(name="South", kind="LEAVING_CARE")
    sam = m.Worker.objects.create(name="Sam", role="PERSONAL_ADVISER", experience_band="Y1_3", team=other_team)
    client.force_login(User.objects.create(username="sam", role="practitioner", worker=sam))
    assert "Ella" not in client.get("/worklist/").content.decode()
    assert "Ella" not in client.get("/worklist/team/").content.decode()


@pytest.mark.django_db
def test_the_service_view_counts_by_duty_and_team_and_is_for_service_managers(client, ella):
    today = timezone.localdate()
    m.Accommodation.objects.create(child=ella, start=today - timedelta(days=20), accommodation_type="SUPPORTED_LODGINGS",
                                   suitable=True)
    client.force_login(User.objects.create(username="svc", role="service_manager"))
    rows = client.get("/worklist/service/").context["rows"]
    visit = [r for r in rows if r[0] == "PA visit at the new accommodation" or "visit" in r[0].lower()]
    assert visit and visit[0][1] == "Leaving Care North" and visit[0][2] >= 1
    client.force_login(User.objects.create(username="ana", role="analyst"))
    assert client.get("/worklist/service/").status_code == 403
