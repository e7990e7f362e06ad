from datetime import date, timedelta

import pytest
from django.utils import timezone

from hearth.accounts.models import User
from hearth.records import models as m


@pytest.fixture
def team_record(db):
    today = timezone.localdate()
    north = m.Team.objects.create(name="North", kind="LEAVING_CARE")
    south = m.Team.objects.create(name="South", kind="LEAVING_CARE")
    workers = {
        "priya": m.Worker.objects.create(name="Priya Shah", role="PERSONAL_ADVISER", experience_band="Y3_5", team=north),
        "jo": m.Worker.objects.create(name="Jo Cole", role="PERSONAL_ADVISER", experience_band="ASYE", team=north),
        "ed": m.Worker.objects.create(name="Ed Lamb", role="PERSONAL_ADVISER", experience_band="Y3_5", team=north),
        "sam": m.Worker.objects.create(name="Sam Okoro", role="PERSONAL_ADVISER", experience_band="Y1_3", team=south),
        "tom": m.Worker.objects.create(name="Tom Reed", role="TEAM_MANAGER", experience_band="Y5_PLUS", team=north),
    }
    holders = ["priya", "priya", "priya", "jo", "ed", "sam"]
    for i, holder in enumerate(holders):
        child = m.Child.objects.create(la_child_id=f"T{i}", sex="F", dob=date(2006, 1, 1), ethnic="WBRI")
        m.ChildName.objects.create(child=child, given_name=f"Young{i}", family_name="Person")
        m.Allocation.objects.create(child=child, worker=workers[holder], role="PERSONAL_ADVISER",
                                    start=today - timedelta(days=30))
    # An allocation that has ended does not count.
    m.Allocation.objects.create(child=m.Child.objects.get(la_child_id="T5"), worker=workers["jo"],
                                role="PERSONAL_ADVISER", start=today - timedelta(days=90), end=today - timedelta(days=30))
    return workers


@pytest.mark.django_db
def test_a_team_manager_sees_counts_per_worker_and_per_experience_band(client, team_record):
    client.force_login(User.objects.create(username="tom", role="team_manager", worker=team_record["tom"]))
    response = client.get("/team/")
    tables = response.context["worker_rows"], response.context["band_rows"]
    assert tables[0] == [
        ["Ed Lamb", "Personal adviser", "3 to 5 years", 1],
        ["Jo Cole", "Personal adviser", "Assessed and supported year in employment", 1],
        ["Priya Shah", "Personal adviser", "3 to 5 years", 3],
        ["Tom Reed", "Team manager", "5 years or more", 0],
    ]
    assert tables[1] == [
        ["Assessed and supported year in employment", 1, 1],
        ["3 to 5 years", 2, 4],
        ["5 years or more", 1, 0],
    ]
    page = response.content.decode()
    assert "Young0 Person" in page and "Young5 Person" not in page  # Young5 is South's
    assert "Reallocate" in page


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["practitioner", "analyst", "elected_member", "administrator"])
def test_other_roles_are_refused_team_caseloads(client, team_record, role):
    client.force_login(User.objects.create(username="x", role=role, worker=team_record["priya"] if role == "practitioner" else None))
    assert client.get("/team/").status_code == 403


@pytest.mark.django_db
def test_a_service_manager_can_choose_any_team(client, team_record):
    client.force_login(User.objects.create(username="svc", role="service_manager"))
    south = m.Team.objects.get(name="South")
    response = client.get(f"/team/?team={south.pk}")
    assert response.context["worker_rows"] == [["Sam Okoro", "Personal adviser", "1 to 3 years", 1]]
