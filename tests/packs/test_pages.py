"""The pack pages: who may do what, the forms' errors, commentary, issuing and issued versions."""

import pytest

from hearth.accounts.audit import AuditEntry
from hearth.accounts.models import User
from hearth.packs.models import Commentary, Pack, PackVersion

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def snapshots_in_tmp(settings, tmp_path):
    settings.VAR_DIR = tmp_path  # snapshots of the test database go here, not into var/


def login(client, role, name=None):
    user = User.objects.create(username=name or role, role=role, first_name=(name or role).capitalize())
    client.force_login(user)
    return user


@pytest.fixture
def draft(db):
    from hearth.domain.packs.period import parse_period
    from hearth.packs.services import pack_create

    analyst = User.objects.create(username="ana", role="analyst")
    return pack_create(user=analyst, title="Care leavers panel", period=parse_period("2025-Q4"), audience="members",
                       questions=[14, 12], work_programme_item="Care leavers annual report")


def test_an_analyst_creates_a_pack_from_a_work_programme_items_questions(client):
    login(client, "analyst")
    response = client.post("/packs/new/", {"title": "Panel, March", "period": "2025-Q4", "audience": "members",
                                           "work_programme_item": "Care leavers", "questions": "14, 30 62"})
    pack = Pack.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/packs/{pack.pk}/"
    assert (pack.period, str(pack.period_start), str(pack.period_end)) == ("2025-26-Q4", "2026-01-01", "2026-03-31")
    assert pack.questions == [14, 30, 62]
    assert AuditEntry.objects.filter(what=f"Pack {pack.pk} (draft)").exists()


@pytest.mark.parametrize("data, message", [
    ({"title": "", "period": "2025-Q4", "audience": "members"}, "Enter a title for the pack"),
    ({"title": "X", "period": "Q4 2025", "audience": "members"}, "is not a period Hearth can read"),
    ({"title": "X", "period": "2025-27", "audience": "members"}, "the second year must follow the first"),
    ({"title": "X", "period": "2025-Q4", "audience": ""}, "Choose who the pack is for"),
    ({"title": "X", "period": "2025-Q4", "audience": "public"}, "Select a valid choice"),
    ({"title": "X", "period": "2025-Q4", "audience": "members", "questions": "14, x"}, "separated by commas"),
    ({"title": "X", "period": "2025-Q4", "audience": "members", "questions": "14, 99"}, "no question numbered 99"),
])
def test_bad_input_is_refused_with_what_was_typed_kept(client, data, message):
    login(client, "analyst")
    response = client.post("/packs/new/", data)
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page and message in page
    assert Pack.objects.count() == 0
    if data["period"]:
        assert f'value="{data["period"]}"' in page


def test_the_draft_lists_measures_for_commentary_and_the_questions_with_no_data(client, draft):
    login(client, "analyst")
    page = client.get(f"/packs/{draft.pk}/").content.decode()
    assert "Care leavers panel" in page and "Quarter 4 of 2025-26: 1 January to 31 March 2026" in page
    assert "Questions with no data behind them" in page and "Question 12:" in page  # narrative only
    assert "Not written" in page
    assert "Issue the pack" not in page  # analysts do not issue


def test_commentary_is_saved_changed_and_audited(client, draft):
    user = login(client, "analyst", "sam")
    response = client.post(f"/packs/{draft.pk}/kpi/CL-04/", {"text": "  In touch with more young people.  "})
    assert response.status_code == 302
    assert Commentary.objects.get(pack=draft, kpi_id="CL-04").text == "In touch with more young people."
    client.post(f"/packs/{draft.pk}/kpi/CL-04/", {"text": "Changed."})
    entries = AuditEntry.objects.filter(what=f"Pack {draft.pk} commentary CL-04").order_by("id")
    assert [(e.action, e.user_id) for e in entries] == [("create", user.pk), ("change", user.pk)]
    assert entries.last().before == {"text": "In touch with more young people."}


def test_the_commentary_form_shows_the_figure_and_refuses_an_overlong_text(client, draft):
    login(client, "analyst")
    page = client.get(f"/packs/{draft.pk}/kpi/CL-04/").content.decode()
    assert "Save commentary" in page and "The last 24 month ends" in page
    response = client.post(f"/packs/{draft.pk}/kpi/CL-04/", {"text": "x" * 4001})
    assert "There is a problem" in response.content.decode()
    assert not Commentary.objects.exists()


@pytest.mark.parametrize("text", ["Jade Okafor moved twice this quarter.", "See child 7000000123.", "UPN A700123456789"])
def test_commentary_that_identifies_a_child_is_refused(client, draft, text):
    from datetime import date

    from hearth.records.models import Child, ChildName

    child = Child.objects.create(la_child_id="7000000123", upn="A700123456789", sex="F", dob=date(2010, 1, 1),
                                 ethnic="WBRI")
    ChildName.objects.create(child=child, given_name="Jade", family_name="Okafor")
    login(client, "analyst")
    response = client.post(f"/packs/{draft.pk}/kpi/CL-04/", {"text": text})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page and "must not identify a child" in page
    assert text in page  # what was typed is kept
    assert not Commentary.objects.exists()


def test_a_kpi_outside_the_pack_has_no_commentary_page(client, draft):
    login(client, "analyst")
    assert client.get(f"/packs/{draft.pk}/kpi/POP-01/").status_code == 404
    assert client.get(f"/packs/{draft.pk}/kpi/NOPE-1/").status_code == 404


def test_a_service_manager_issues_versions_that_stay_as_issued(client, draft):
    manager = login(client, "service_manager", "maria")
    Commentary.objects.create(pack=draft, kpi_id="CL-04", text="First words.", written_at="2026-01-01T00:00Z")
    assert client.post(f"/packs/{draft.pk}/issue/").status_code == 302
    first = PackVersion.objects.get(pack=draft, number=1)
    assert "First words." in first.html and bytes(first.pdf).startswith(b"%PDF")
    assert first.results["kpis"]["CL-04"]["commentary"] == "First words."
    assert first.issued_by == manager
    assert AuditEntry.objects.filter(what=f"Pack {draft.pk} issued as version 1", user=manager).exists()

    client.post(f"/packs/{draft.pk}/kpi/CL-04/", {"text": "Second words."})
    client.post(f"/packs/{draft.pk}/issue/")
    assert client.get(f"/packs/{draft.pk}/v1/").content.decode() == first.html  # served exactly as issued
    assert "Second words." in client.get(f"/packs/{draft.pk}/v2/").content.decode()
    pdf = client.get(f"/packs/{draft.pk}/v1.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content == bytes(first.pdf)
    with pytest.raises(PermissionError):
        first.save()


@pytest.mark.parametrize("role", ["analyst", "team_manager", "elected_member", "practitioner"])
def test_only_a_service_manager_may_issue(client, draft, role):
    login(client, role)
    assert client.post(f"/packs/{draft.pk}/issue/").status_code in (403, 404)
    assert not PackVersion.objects.exists()


def test_issuing_needs_a_post(client, draft):
    login(client, "service_manager")
    assert client.get(f"/packs/{draft.pk}/issue/").status_code == 405


def test_members_see_issued_members_packs_only(client, draft):
    from hearth.packs.services import pack_issue
    from hearth.packs.sources import record_source

    manager = User.objects.create(username="m", role="service_manager")
    login(client, "elected_member")
    assert client.get(f"/packs/{draft.pk}/v1/").status_code == 404  # not issued yet
    assert "Care leavers panel" not in client.get("/packs/").content.decode()
    pack_issue(user=manager, pack=draft, source=record_source())
    listing = client.get("/packs/").content.decode()
    assert "Care leavers panel" in listing and f"/packs/{draft.pk}/v1/" in listing
    assert client.get(f"/packs/{draft.pk}/v1/").status_code == 200
    assert client.get(f"/packs/{draft.pk}/").status_code == 403  # drafts are for officers
    assert client.get(f"/packs/{draft.pk}/preview/").status_code == 403


@pytest.mark.parametrize("role", ["practitioner", "administrator"])
def test_other_roles_are_refused(client, draft, role):
    login(client, role)
    assert client.get("/packs/").status_code == 403
    assert client.get(f"/packs/{draft.pk}/v1/").status_code == 403


def test_signed_out_people_are_sent_to_sign_in(client, draft):
    assert client.get("/packs/").status_code == 302


def test_the_question_library_page_shows_each_question_and_its_measures(client):
    login(client, "elected_member")
    page = client.get("/packs/questions/").content.decode()
    assert "Are we good corporate parents to care leavers" in page and "Narrative only" in page
