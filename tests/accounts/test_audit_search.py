import pytest

from hearth.accounts.audit import audit_record
from hearth.accounts.models import User


@pytest.fixture
def entries(child):
    priya = User.objects.create(username="priya", role="practitioner")
    sam = User.objects.create(username="sam", role="practitioner")
    audit_record(user=priya, action="view", what="Child record", child_pk=child.pk)
    audit_record(user=sam, action="change", what="Contact 3", child_pk=child.pk, before={"kind": "PHONE"}, after={"kind": "VISIT"})
    audit_record(user=sam, action="view", what="Child record", child_pk=None)
    return priya, sam


@pytest.mark.django_db
def test_an_administrator_searches_by_user_child_and_action(client, entries, child):
    client.force_login(User.objects.create(username="adm", role="administrator"))
    rows = client.get("/accounts/audit/", {"username": "sam"}).context["rows"]
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [("sam", "Viewed", "", "Child record"),
                                                        ("sam", "Changed", "C1001", "Contact 3")]
    rows = client.get("/accounts/audit/", {"la_child_id": "C1001", "action": "view"}).context["rows"]
    assert [(r[1], r[2]) for r in rows] == [("priya", "Viewed")]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["practitioner", "team_manager", "service_manager", "analyst", "elected_member"])
def test_only_administrators_can_search_the_audit_log(client, entries, role):
    client.force_login(User.objects.create(username="x", role=role))
    assert client.get("/accounts/audit/").status_code == 403
