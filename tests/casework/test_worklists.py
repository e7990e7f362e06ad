"""Worklists and alerts from the record, with the reference's worked examples (statutory-duties.md W8, W11)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from hearth.accounts.models import User
from hearth.casework.presenters import uk_date_short
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


def care_leaver(name: str, worker, *, last_seen: date, as_at_offset: timedelta = timedelta(0)) -> m.Child:
    """A former relevant care leaver like Jay in test_open_work: born 14 Aug 2007, in care from 14
    to 18. On 22 Nov 2026 three duties from leaving care are open and long overdue (needs
    assessment and pathway plan, due 14 Nov 2023; health passport, due 13 Aug 2025), and keeping
    in touch (D28) is due 2 months after `last_seen`. Every date moves by `as_at_offset`."""
    shift = as_at_offset
    child = m.Child.objects.create(la_child_id=name, sex="M", dob=D(2007, 8, 14) + shift, ethnic="WBRI")
    m.ChildName.objects.create(child=child, given_name=name, family_name="Lee")
    m.Episode.objects.create(child=child, decom=D(2021, 8, 14) + shift, rne="S", ls="C2", cin="N1", place="U4",
                             place_provider="PR1", dec=D(2025, 8, 14) + shift, rec="E17")
    m.Allocation.objects.create(child=child, worker=worker, role="PERSONAL_ADVISER", start=D(2025, 1, 1) + shift)
    m.Contact.objects.create(child=child, date=last_seen + shift, kind="VISIT", worker=worker, seen_where="HOME")
    return child


@pytest.fixture
def sam(team):
    return m.Worker.objects.create(name="Sam Ode", role="PERSONAL_ADVISER", experience_band="Y1_3", team=team)


@pytest.mark.django_db
def test_the_team_worklist_counts_each_workers_items(pa, sam):
    from hearth.casework.worklists import for_worker, worker_counts

    care_leaver("Jay", pa, last_seen=D(2026, 6, 1))  # keep in touch due 1 Aug: overdue
    care_leaver("Kim", sam, last_seen=D(2026, 10, 12))  # due 12 Dec: in the next 30 days
    work = worklist(m.Child.objects.all(), as_at=D(2026, 11, 22))
    counts = worker_counts(work, {pa.pk: pa.name, sam.pk: sam.name})
    assert [(c.worker, c.overdue, c.due_this_week, c.due_in_30_days) for c in counts] == [
        ("Priya Shah", 4, 0, 0), ("Sam Ode", 3, 0, 1)]
    kims = for_worker(work, sam.pk)
    assert {i.child_name for i in kims.overdue + kims.due_in_30_days} == {"Kim Lee"}
    assert [(i.obligation.rule_id, i.obligation.legal_due) for i in kims.due_in_30_days] == [("D28", D(2026, 12, 12))]


@pytest.mark.django_db
def test_the_team_worklist_page_filters_by_worker_and_shows_all_on_request(client, pa, sam, monkeypatch):
    from hearth.casework import views

    offset = timezone.localdate() - D(2026, 11, 22)  # the same story, told as at today
    care_leaver("Jay", pa, last_seen=D(2026, 6, 1), as_at_offset=offset)
    care_leaver("Kim", sam, last_seen=D(2026, 10, 12), as_at_offset=offset)
    client.force_login(User.objects.create(username="priya", role="practitioner", worker=pa))
    monkeypatch.setattr(views, "TEAM_SECTION_ROWS", 2)

    page = client.get("/worklist/team/")
    assert [[cell["text"] if isinstance(cell, dict) else cell for cell in row] for row in page.context["worker_rows"]] == [
        ["Priya Shah", 4, 0, 0], ["Sam Ode", 3, 0, 1]]
    overdue = page.context["sections"][0]
    assert overdue["title"] == "Overdue (7)" and len(overdue["rows"]) == 2
    assert overdue["more"]["text"] == "Show all 7 overdue"

    everything = client.get("/worklist/team/" + overdue["more"]["href"].split("#")[0])
    assert len(everything.context["sections"][0]["rows"]) == 7

    sams = client.get(f"/worklist/team/?worker={sam.pk}").content.decode()
    assert "Showing Sam Ode's children" in sams and "Kim Lee" in sams and "Jay Lee" not in sams


@pytest.mark.django_db
def test_the_caseload_shows_what_is_due_next_and_sorts_by_it(client, pa):
    offset = timezone.localdate() - D(2026, 11, 22)  # the story is told as at 22 Nov 2026
    care_leaver("Jay", pa, last_seen=D(2026, 6, 1), as_at_offset=offset)
    amy = care_leaver("Amy", pa, last_seen=D(2026, 10, 12), as_at_offset=offset)
    # Amy has had her needs assessment, pathway plan and health passport: keeping in touch is next.
    m.NeedsAssessment.objects.create(child=amy, completed_on=D(2026, 9, 1) + offset, worker=pa)
    m.PathwayPlan.objects.create(child=amy, agreed_on=D(2026, 10, 1) + offset, worker=pa)
    m.DutyRecord.objects.create(child=amy, duty="HEALTH_PASSPORT", completed_on=D(2025, 8, 1) + offset)
    client.force_login(User.objects.create(username="priya", role="practitioner", worker=pa))

    def next_due(sort: str) -> list[tuple[str, str]]:
        return [(row[0]["text"], row[-1]["text"]) for row in client.get(f"/caseload/?sort={sort}").context["rows"]]

    jay_due = f"Needs assessment, overdue since {uk_date_short(D(2023, 11, 14) + offset)}"
    amy_due = f"Keep in touch, {uk_date_short(D(2026, 12, 12) + offset)}"
    assert next_due("name") == [("Amy Lee", amy_due), ("Jay Lee", jay_due)]
    assert next_due("next_due") == [("Jay Lee", jay_due), ("Amy Lee", amy_due)]
