"""The record becomes a snapshot, and the dashboard and KPI pages show what the engine computes,
to managers and analysts only, linking a child to their record only for those who may open it."""

from datetime import date

import pytest

from hearth.accounts.models import User
from hearth.analytics import engine
from hearth.analytics.extract import snapshot_from_record
from hearth.records.models import Allocation, Child, Episode, Team, Worker

ON = date(2025, 3, 31)


@pytest.fixture
def record(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path  # snapshots of the test database go here, not into var/
    team = Team.objects.create(name="Children in Care North", kind="CHILDREN_IN_CARE")
    sw = Worker.objects.create(name="Sam Okafor", role="SOCIAL_WORKER", experience_band="ASYE", team=team)
    ava = Child.objects.create(la_child_id="C1001", sex="F", dob=date(2010, 8, 20), ethnic="WBRI")
    ben = Child.objects.create(la_child_id="C1002", sex="M", dob=date(2012, 2, 3), ethnic="WBRI")
    # Ava in council foster care from 2 Jan 2024; Ben in a children's home from 1 Jun 2024.
    Episode.objects.create(child=ava, decom=date(2024, 1, 2), rne="S", ls="C2", cin="N1", place="U4",
                           place_provider="PR1", home_post="AB1 2CD", pl_post="AB1 3CD")
    Episode.objects.create(child=ben, decom=date(2024, 6, 1), rne="S", ls="V2", cin="N4", place="K2",
                           place_provider="PR4", home_post="AB1 2CD", pl_post="AB9 3CD")
    Allocation.objects.create(child=ava, worker=sw, role="SOCIAL_WORKER", start=date(2024, 1, 2))
    Allocation.objects.create(child=ben, worker=sw, role="SOCIAL_WORKER", start=date(2024, 6, 1))
    return {"ava": ava, "ben": ben, "sw": sw, "team": team}


def test_the_snapshot_holds_the_record_without_names(record):
    snap = snapshot_from_record(ON)
    results = engine.evaluate(snap, ON, ["POP-01", "PLC-02", "PLC-04", "POP-04", "WF-01"])
    assert (results["POP-01"].value, results["PLC-02"].value, results["PLC-04"].value) == (2, 50.0, 50.0)
    assert results["POP-04"].value == 1  # Ben started in the year to 31 March 2025; Ava before it
    assert results["WF-01"].value == 2.0  # Sam, newly qualified, holds both
    columns = {c for t in ("child", "episode") for (c,) in snap.cursor().execute(
        f"SELECT column_name FROM information_schema.columns WHERE table_name = '{t}'").fetchall()}
    assert not columns & {"name", "given_name", "family_name", "home_post", "pl_post", "upn"}
    assert engine.members(snap, "PLC-02", ON) == ([str(record["ava"].pk)], sorted(
        [str(record["ava"].pk), str(record["ben"].pk)], key=int))


@pytest.mark.parametrize("role, status", [("analyst", 200), ("team_manager", 200), ("service_manager", 200),
                                          ("practitioner", 403), ("elected_member", 403)])
def test_the_dashboard_is_for_managers_and_analysts(client, record, role, status):
    client.force_login(User.objects.create(username=role, role=role))
    response = client.get("/performance/?as_at=2025-03-31")
    assert response.status_code == status
    if status == 200:
        text = response.content.decode()
        assert "Children looked after (headcount)" in text and "Not yet computable" in text


def test_a_kpi_page_explains_its_figure(client, record):
    client.force_login(User.objects.create(username="ana", role="analyst"))
    text = client.get("/performance/kpi/PLC-02/?as_at=2025-03-31").content.decode()
    assert "50.0%" in text and "numerator 1, denominator 2" in text
    assert "place IN (&#x27;U1&#x27;, &#x27;U2&#x27;, &#x27;U3&#x27;, &#x27;U4&#x27;, &#x27;U5&#x27;, &#x27;U6&#x27;)" in text
    assert "C1001" in text and "/children/" not in text  # analysts see ids, never a link to the record
    assert "Ava" not in text


def test_a_manager_can_follow_a_counted_child_to_their_record(client, record):
    client.force_login(User.objects.create(username="tm", role="team_manager", worker=Worker.objects.create(
        name="Tina Manager", role="TEAM_MANAGER", experience_band="Y5_PLUS", team=record["team"])))
    text = client.get("/performance/kpi/PLC-02/?as_at=2025-03-31").content.decode()
    assert f'href="/children/{record["ava"].pk}/"' in text


def test_a_date_that_is_not_a_date_gets_a_message_not_an_error(client, record):
    client.force_login(User.objects.create(username="ana", role="analyst"))
    response = client.get("/performance/?as_at=31/13/2025")
    assert response.status_code == 200
    assert "is not a date" in response.content.decode()


def test_unknown_kpi_is_404(client, record):
    client.force_login(User.objects.create(username="ana", role="analyst"))
    assert client.get("/performance/kpi/NOPE-99/").status_code == 404
