"""Pages do a fixed number of queries, however many children or events there are (budget: 20)."""

from datetime import date, timedelta

import pytest

from hearth.accounts.models import User
from hearth.records import models as m


@pytest.fixture
def busy_caseload(pa):
    for i in range(15):
        child = m.Child.objects.create(la_child_id=f"Q{i}", sex="F", dob=date(2006, 1, 1), ethnic="WBRI")
        m.ChildName.objects.create(child=child, given_name=f"Young{i}", family_name="Person")
        m.Allocation.objects.create(child=child, worker=pa, role="PERSONAL_ADVISER", start=date(2024, 1, 1))
        m.Episode.objects.create(child=child, decom=date(2020, 1, 1), rne="S", ls="C2", cin="N1", place="U4",
                                 place_provider="PR1", dec=date(2024, 1, 1), rec="E17")
        for k in range(5):
            m.Contact.objects.create(child=child, date=date(2025, 1, 1) + timedelta(days=30 * k), kind="VISIT",
                                     worker=pa, seen_where="HOME")
            m.Accommodation.objects.create(child=child, start=date(2024, 1, 1) + timedelta(days=60 * k),
                                           end=date(2024, 1, 1) + timedelta(days=60 * (k + 1)),
                                           accommodation_type="SEMI_INDEPENDENT", suitable=True)
    return User.objects.create(username="priya", role="practitioner", worker=pa)


@pytest.mark.django_db
def test_the_caseload_and_a_child_record_stay_within_twenty_queries(client, busy_caseload, django_assert_max_num_queries):
    client.force_login(busy_caseload)
    with django_assert_max_num_queries(20):
        assert client.get("/caseload/").status_code == 200
    child = m.Child.objects.get(la_child_id="Q3")
    with django_assert_max_num_queries(20):
        assert client.get(f"/children/{child.pk}/").status_code == 200


@pytest.mark.django_db
def test_the_worklists_and_team_caseload_stay_within_twenty_queries_first_time_and_after(
        client, busy_caseload, pa, django_assert_max_num_queries):
    manager = m.Worker.objects.create(name="Tom Reed", role="TEAM_MANAGER", experience_band="Y5_PLUS", team=pa.team)
    tom = User.objects.create(username="tom", role="team_manager", worker=manager)
    for user, path in [(busy_caseload, "/worklist/"), (busy_caseload, "/worklist/team/"), (tom, "/worklist/team/"),
                       (tom, "/team/"), (busy_caseload, "/caseload/")]:
        client.force_login(user)
        m.Contact.objects.create(child=m.Child.objects.get(la_child_id="Q1"), date=date(2025, 9, 1), kind="VISIT",
                                 worker=pa, seen_where="HOME")  # a change: that child's work is worked out again
        for _ in ("first, with a child to work out", "again, all stored"):
            with django_assert_max_num_queries(20):
                page = client.get(path)
            assert page.status_code == 200 and "Young1 Person" in page.content.decode()
