"""The record checked against the 903 rules: on the analyst's screen and on the child's record."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from hearth.accounts.models import User
from hearth.records import models as m


@pytest.fixture
def bad_upn(pa):
    """A child in care since last year whose UPN is not a UPN (the form would refuse it; an old
    import or a direct database write might not)."""
    child = m.Child.objects.create(la_child_id="BAD1", sex="F", dob=date(2012, 5, 1), ethnic="WBRI", upn="NOTAUPN")
    m.ChildName.objects.create(child=child, given_name="Ivy", family_name="Stone")
    m.Episode.objects.create(child=child, decom=timezone.localdate() - timedelta(days=400), rne="S", ls="C2", cin="N1",
                             place="U4", place_provider="PR1", home_post="NM1 1AA", pl_post="NM2 2BB")
    m.Allocation.objects.create(child=child, worker=pa, role="SOCIAL_WORKER", start=date(2024, 1, 1))
    return child


def upn_findings(rows):
    return [r for r in rows if "UPN" in r[4] or "UPN" in r[2]]


@pytest.mark.django_db
def test_the_analyst_sees_the_finding_with_team_and_worker_and_can_download_it(client, bad_upn):
    client.force_login(User.objects.create(username="ana", role="analyst"))
    response = client.get("/returns/903/findings/")
    rows = [r for r in response.context["rows"] if r[3] == "BAD1" and "UPN" in r[4]]
    assert rows, response.context["rows"]
    assert rows[0][5:7] == ["Leaving Care North", "Priya Shah"]
    assert client.get("/returns/903/findings/", {"worker": "nobody"}).context["rows"] == []
    download = client.get("/returns/903/findings/", {"year": response.context["year"], "format": "csv"})
    assert download["Content-Type"] == "text/csv"
    assert "BAD1" in download.content.decode()


@pytest.mark.django_db
def test_the_practitioner_sees_the_childs_findings_on_the_record(client, bad_upn, pa):
    client.force_login(User.objects.create(username="priya", role="practitioner", worker=pa))
    rows = client.get(f"/children/{bad_upn.pk}/903/").context["rows"]
    assert any("UPN" in r[2] for r in rows)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["practitioner", "elected_member", "administrator"])
def test_the_findings_screen_is_for_analysts_and_managers(client, bad_upn, role):
    client.force_login(User.objects.create(username="x", role=role))
    assert client.get("/returns/903/findings/").status_code == 403


@pytest.mark.django_db
def test_the_command_validates_the_record_when_given_no_files(bad_upn, capsys):
    year = __import__("hearth.domain.ssda903.years", fromlist=["collection_year_of"]).collection_year_of(timezone.localdate())
    call_command("903", "validate", "--year", str(year), "--format", "csv")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "code,table,row,child,fields"
    assert any(",BAD1," in line and "UPN" in line for line in lines[1:])
