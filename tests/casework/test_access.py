"""Need-to-know, for each role and page: what is allowed and what is refused."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from hearth.accounts.audit import AuditEntry
from hearth.accounts.models import User
from hearth.records import models as m


@pytest.fixture
def record(db):
    """Two teams. Priya (PA, north) holds Ava; Sam (PA, south) holds Ben."""
    today = timezone.localdate()
    north = m.Team.objects.create(name="Leaving Care North", kind="LEAVING_CARE")
    south = m.Team.objects.create(name="Leaving Care South", kind="LEAVING_CARE")
    priya = m.Worker.objects.create(name="Priya Shah", role="PERSONAL_ADVISER", experience_band="Y3_5", team=north)
    colleague = m.Worker.objects.create(name="Jo Cole", role="PERSONAL_ADVISER", experience_band="ASYE", team=north)
    sam = m.Worker.objects.create(name="Sam Okoro", role="PERSONAL_ADVISER", experience_band="Y1_3", team=south)
    north_manager = m.Worker.objects.create(name="Tom Reed", role="TEAM_MANAGER", experience_band="Y5_PLUS", team=north)
    ava = m.Child.objects.create(la_child_id="C1", sex="F", dob=date(2007, 8, 20), ethnic="WBRI")
    m.ChildName.objects.create(child=ava, given_name="Ava", family_name="Hughes")
    ben = m.Child.objects.create(la_child_id="C2", sex="M", dob=date(2006, 3, 1), ethnic="BAFR")
    m.ChildName.objects.create(child=ben, given_name="Ben", family_name="Adeyemi")
    cal = m.Child.objects.create(la_child_id="C3", sex="M", dob=date(2007, 1, 1), ethnic="WBRI")
    m.ChildName.objects.create(child=cal, given_name="Cal", family_name="Mason")
    start = today - timedelta(days=200)
    m.Allocation.objects.create(child=ava, worker=priya, role="PERSONAL_ADVISER", start=start)
    m.Allocation.objects.create(child=cal, worker=colleague, role="PERSONAL_ADVISER", start=start)
    m.Allocation.objects.create(child=ben, worker=sam, role="PERSONAL_ADVISER", start=start)
    m.Contact.objects.create(child=ava, date=today - timedelta(days=3), kind="VISIT", worker=priya, seen_where="HOME")
    users = {}
    for username, role, worker in [
        ("priya", "practitioner", priya), ("sam", "practitioner", sam), ("tom", "team_manager", north_manager),
        ("svc", "service_manager", None), ("ana", "analyst", None), ("cllr", "elected_member", None),
        ("adm", "administrator", None),
    ]:
        users[username] = User.objects.create(username=username, role=role, worker=worker)
    return {"ava": ava, "ben": ben, "cal": cal, "users": users}


def status_of(client, user, url):
    client.force_login(user)
    return client.get(url).status_code


@pytest.mark.django_db
class TestChildRecordAccess:
    @pytest.mark.parametrize(
        ("username", "ava", "ben", "cal"),
        [
            ("priya", 200, 403, 200),  # her own, and her team's
            ("sam", 403, 200, 403),  # another team's PA cannot open Ava
            ("tom", 200, 403, 200),  # his team only
            ("svc", 200, 200, 200),  # the whole service
            ("ana", 403, 403, 403),  # analysts: no identifiable record pages
            ("cllr", 403, 403, 403),  # members: none
            ("adm", 403, 403, 403),  # administrators manage; they do not read records
        ],
    )
    def test_who_can_open_which_record(self, client, record, username, ava, ben, cal):
        user = record["users"][username]
        got = [status_of(client, user, f"/children/{record[name].pk}/") for name in ("ava", "ben", "cal")]
        assert got == [ava, ben, cal]

    def test_a_record_that_does_not_exist_is_refused_the_same_way(self, client, record):
        assert status_of(client, record["users"]["priya"], "/children/999999/") == 403

    def test_signed_out_visitors_are_sent_to_sign_in(self, client, record):
        response = client.get(f"/children/{record['ava'].pk}/")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/sign-in/")

    def test_opening_a_record_writes_an_audit_entry_and_a_refusal_does_not_show_the_child(self, client, record):
        client.force_login(record["users"]["priya"])
        page = client.get(f"/children/{record['ava'].pk}/").content.decode()
        assert "Ava Hughes" in page
        entry = AuditEntry.objects.get()
        assert (entry.user.username, entry.action, entry.child_pk) == ("priya", "view", record["ava"].pk)
        client.force_login(record["users"]["sam"])
        refused = client.get(f"/children/{record['ava'].pk}/").content.decode()
        assert "Ava" not in refused and "Hughes" not in refused


@pytest.mark.django_db
class TestCaseload:
    def test_a_practitioner_sees_only_their_own_allocations(self, client, record):
        client.force_login(record["users"]["priya"])
        page = client.get("/caseload/").content.decode()
        assert "Ava Hughes" in page
        assert "Cal Mason" not in page  # a colleague's young person: on the team view, not "mine"
        assert "Ben Adeyemi" not in page
        assert "1 of 1 children and young people" in page

    def test_the_caseload_never_links_to_a_record_the_user_cannot_open(self, client, record):
        client.force_login(record["users"]["sam"])
        page = client.get("/caseload/").content.decode()
        assert f"/children/{record['ava'].pk}/" not in page
        assert f"/children/{record['ben'].pk}/" in page

    @pytest.mark.parametrize("username", ["ana", "cllr", "adm", "svc"])
    def test_roles_without_allocations_see_an_empty_caseload(self, client, record, username):
        client.force_login(record["users"][username])
        assert "No children or young people are allocated to you." in client.get("/caseload/").content.decode()


@pytest.mark.django_db
def test_the_caseload_sorts_and_filters(client, record):
    priya = record["users"]["priya"]
    worker = priya.worker
    dan = m.Child.objects.create(la_child_id="C9", sex="M", dob=date(2012, 5, 5), ethnic="WBRI")
    m.ChildName.objects.create(child=dan, given_name="Dan", family_name="Ames")
    m.Allocation.objects.create(child=dan, worker=worker, role="SOCIAL_WORKER", start=date(2024, 1, 1))
    m.Episode.objects.create(child=dan, decom=date(2024, 1, 1), rne="S", ls="C2", cin="N1", place="U4", place_provider="PR1")
    client.force_login(priya)

    names = lambda response: [row[0]["text"] for row in response.context["rows"]]  # noqa: E731
    assert names(client.get("/caseload/")) == ["Ava Hughes", "Dan Ames"]
    assert names(client.get("/caseload/", {"sort": "age"})) == ["Dan Ames", "Ava Hughes"]
    assert names(client.get("/caseload/", {"sort": "last_contact"})) == ["Dan Ames", "Ava Hughes"]  # never contacted first
    assert names(client.get("/caseload/", {"status": "In care"})) == ["Dan Ames"]
