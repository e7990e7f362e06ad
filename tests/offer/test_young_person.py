"""The young person's journey through the test client: invitation, own pages, asks, access, audit."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from hearth.accounts.audit import AuditEntry
from hearth.accounts.models import User
from hearth.casework.worklists import worklist
from hearth.offer.models import RecordsRequest, SupportAsk, WellbeingCheck, YoungPersonInvite
from hearth.records import models as m
from tests.offer.conftest import PASSWORD, care_leaver

NEW_PASSWORD = "blue kettle on the hill"


def invite(client, place, email="ava@example.com"):
    client.force_login(place["users"]["priya"])
    response = client.post(f"/local-offer/children/{place['ava'].pk}/", {"action": "invite", "email": email})
    assert response.status_code == 200
    client.logout()
    return response


@pytest.fixture
def ava_client(client, place):
    invite(client, place)
    link = re.search(r"/local-offer/start/[\w-]+/", mail.outbox[-1].body).group(0)
    client.post(link, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    return client


def test_an_invitation_by_email_sends_a_one_time_link_that_sets_the_password(client, place):
    invite(client, place)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ava@example.com"]
    link = re.search(r"/local-offer/start/[\w-]+/", mail.outbox[0].body).group(0)
    user = User.objects.get(child=place["ava"])
    assert user.role == "young_person" and not user.has_usable_password()
    assert f"Your username is {user.username}" in mail.outbox[0].body

    response = client.post(link, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == "/local-offer/me/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert AuditEntry.objects.filter(user=user, action="sign_in", child_pk=place["ava"].pk).exists()
    # The link works once.
    client.logout()
    assert client.get(link).status_code == 404


def test_a_code_with_the_date_of_birth_also_works_and_a_wrong_one_is_refused(client, place):
    response = invite(client, place, email="")
    assert mail.outbox == []
    code = response.context["issued"].code
    ava = place["ava"]
    wrong_dob = ava.dob + timedelta(days=1)
    bad = client.post("/local-offer/start/", {"code": code, "dob_0": wrong_dob.day, "dob_1": wrong_dob.month,
                                              "dob_2": wrong_dob.year, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert bad.status_code == 200 and "The code or date of birth is not right" in bad.content.decode()
    good = client.post("/local-offer/start/", {"code": code.lower().replace("-", " "), "dob_0": ava.dob.day,
                                               "dob_1": ava.dob.month, "dob_2": ava.dob.year, "password": NEW_PASSWORD,
                                               "password_again": NEW_PASSWORD})
    assert good.status_code == 302
    assert YoungPersonInvite.objects.get().used_at is not None


@pytest.mark.parametrize("data, message", [
    ({"password": "short", "password_again": "short"}, "This password is too short"),
    ({"password": NEW_PASSWORD, "password_again": "something else"}, "The passwords do not match"),
    ({}, "Enter a password"),
])
def test_a_bad_password_keeps_the_invitation_open(client, place, data, message):
    invite(client, place)
    link = re.search(r"/local-offer/start/[\w-]+/", mail.outbox[-1].body).group(0)
    response = client.post(link, data)
    assert response.status_code == 200 and message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert YoungPersonInvite.objects.get().used_at is None


def test_a_new_invitation_replaces_the_old_one(client, place):
    invite(client, place)
    first = re.search(r"/local-offer/start/[\w-]+/", mail.outbox[0].body).group(0)
    invite(client, place)
    assert client.get(first).status_code == 404
    assert User.objects.filter(child=place["ava"]).count() == 1


def test_an_expired_invitation_does_not_work(client, place):
    invite(client, place)
    link = re.search(r"/local-offer/start/[\w-]+/", mail.outbox[-1].body).group(0)
    YoungPersonInvite.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(link).status_code == 404


def test_own_pages_show_pa_plan_entitlements_and_what_was_received(ava_client, place):
    page = ava_client.get("/local-offer/me/").content.decode()
    assert "Hello Ava Test" in page
    assert "Priya Shah" in page and "Leaving Care North" in page and "priya.shah@northmoor.example" in page
    assert "Open a bank account" in page
    assert "Setting-up-home allowance" in page and "Bed and cooker" in page and "£3,000.00" in page
    # 19 and former relevant from the record: council tax exemption yes, the 21-to-25 offer not yet.
    assert "No council tax until you are 25" in page
    assert "A personal adviser again, if you ask" not in page
    assert "Talked about college" in page


def test_a_young_person_never_sees_restricted_notes_or_another_child(ava_client, place):
    page = ava_client.get("/local-offer/me/").content.decode()
    assert "Police information" not in page
    assert "Ben" not in page and "Ben's private visit note" not in page
    ben = place["ben"]
    assert ava_client.get(f"/children/{ben.pk}/").status_code == 403
    assert ava_client.get(f"/children/{place['ava'].pk}/").status_code == 403  # not the practitioners' record either
    assert ava_client.get(f"/local-offer/children/{ben.pk}/").status_code == 403
    assert ava_client.get(f"/local-offer/children/{place['ava'].pk}/").status_code == 403
    assert ava_client.get("/local-offer/manage/").status_code == 403
    assert "Ava" not in ava_client.get("/worklist/").content.decode()


def test_staff_cannot_use_the_young_persons_pages(client, place):
    client.force_login(place["users"]["priya"])
    assert client.get("/local-offer/me/").status_code == 403


def test_every_own_page_view_is_audited(ava_client, place):
    for url in ["/local-offer/me/", "/local-offer/me/ask-for-support/", "/local-offer/me/how-things-are/",
                "/local-offer/me/my-records/", "/local-offer/me/feedback/"]:
        assert ava_client.get(url).status_code == 200
    whats = list(AuditEntry.objects.filter(action="view", child_pk=place["ava"].pk).values_list("what", flat=True))
    assert {"Own pages: home", "Own pages: ask for support", "Own pages: how things are", "Own pages: copy of my records",
            "Own pages: feedback on the offer"} <= set(whats)


def test_signing_in_with_the_password_goes_to_their_own_pages(client, place):
    invite(client, place)
    link = re.search(r"/local-offer/start/[\w-]+/", mail.outbox[-1].body).group(0)
    client.post(link, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    client.logout()
    username = User.objects.get(child=place["ava"]).username
    response = client.post("/accounts/sign-in/", {"username": username, "password": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == "/local-offer/me/"


def test_asking_for_support_at_19_goes_to_the_pa_worklist(ava_client, place):
    response = ava_client.post("/local-offer/me/ask-for-support/", {"message": "I am behind with my rent"})
    assert "within 2 working days" in response.content.decode()
    ask = SupportAsk.objects.get()
    assert ask.support_request is None  # under 21: casework, not a request under the law
    work = worklist(m.Child.objects.filter(pk=place["ava"].pk), as_at=place["today"])
    titles = [i.obligation.title for i in work.due_this_week]
    assert "Young person asked for support" in titles


def test_an_empty_ask_is_refused_and_nothing_is_saved(ava_client):
    response = ava_client.post("/local-offer/me/ask-for-support/", {"message": "  "})
    assert "Tell us what you need help with" in response.content.decode()
    assert SupportAsk.objects.count() == 0


def test_from_21_an_ask_is_a_request_for_support_under_the_law(client, place):
    today = place["today"]
    cara = care_leaver("C3003", "Cara", 23)
    m.Allocation.objects.create(child=cara, worker=place["priya"], role="PERSONAL_ADVISER",
                                start=today - timedelta(days=900), end=today - timedelta(days=400))
    user = User(username="cara", role="young_person", child=cara)
    user.set_password(PASSWORD)
    user.save()
    client.force_login(user)
    page = client.get("/local-offer/me/").content.decode()
    assert "A personal adviser again, if you ask, from 21 to 25" in page
    response = client.post("/local-offer/me/ask-for-support/", {"message": "I want help to go back to college"})
    assert "request for support under the law" in response.content.decode()
    request = m.SupportRequest.objects.get(child=cara)
    assert (request.received_on, request.request, request.outcome) == (today, "I want help to go back to college", "PENDING")
    assert SupportAsk.objects.get().support_request == request


def test_not_feeling_safe_alerts_the_pa_and_manager_at_once(ava_client, place):
    response = ava_client.post("/local-offer/me/how-things-are/", {
        "feels_safe": "no", "someone_to_talk_to": "yes", "happy_with_home": "no", "managing_money": "yes"})
    assert "their manager now" in response.content.decode()
    for username, url in [("priya", "/worklist/"), ("tom", "/worklist/team/")]:
        client = type(ava_client)()
        client.force_login(place["users"][username])
        page = client.get(url).content.decode()
        assert "Said they do not feel safe where they live" in page, username
        assert "Ava Test" in page
    # Sam, in another team, is not told.
    other = type(ava_client)()
    other.force_login(place["users"]["sam"])
    assert "do not feel safe" not in other.get("/worklist/").content.decode()


def test_the_alert_clears_when_the_pa_follows_it_up(ava_client, client, place):
    ava_client.post("/local-offer/me/how-things-are/", {
        "feels_safe": "no", "someone_to_talk_to": "yes", "happy_with_home": "yes", "managing_money": "yes"})
    check = WellbeingCheck.objects.get()
    client.force_login(place["users"]["priya"])
    client.post(f"/local-offer/children/{place['ava'].pk}/", {"action": "followed_up", "pk": check.pk})
    check.refresh_from_db()
    assert check.followed_up_on == place["today"]
    assert worklist(m.Child.objects.all(), as_at=place["today"]).alerts == []


def test_feeling_safe_raises_no_alert(ava_client, place):
    ava_client.post("/local-offer/me/how-things-are/", {
        "feels_safe": "yes", "someone_to_talk_to": "no", "happy_with_home": "yes", "managing_money": "no"})
    assert worklist(m.Child.objects.all(), as_at=place["today"]).alerts == []


def test_unanswered_wellbeing_questions_are_all_listed(ava_client):
    page = ava_client.post("/local-offer/me/how-things-are/", {}).content.decode()
    for question in ["do you feel safe where you live?", "do you have someone you can talk to when things are hard?",
                     "are you happy with where you live?", "are you managing with money?"]:
        assert f"Select yes or no: {question}" in page
    assert WellbeingCheck.objects.count() == 0


def test_asking_for_records_starts_a_tracked_request_due_in_a_month(ava_client, place):
    from hearth.domain.calendar import add_months

    response = ava_client.post("/local-offer/me/my-records/")
    request = RecordsRequest.objects.get()
    assert request.due_on == add_months(place["today"], 1)
    assert "We will send you a copy of your records by" in response.content.decode()
    again = ava_client.post("/local-offer/me/my-records/")
    assert "already asked" in again.content.decode() and RecordsRequest.objects.count() == 1
    work = worklist(m.Child.objects.filter(pk=place["ava"].pk), as_at=place["today"])
    assert "Records request answered" in [i.obligation.title for i in work.due_in_30_days + work.due_this_week]


def test_a_pa_cannot_follow_up_another_childs_ask(client, place):
    ben_check = WellbeingCheck.objects.create(child=place["ben"], answered_on=place["today"], feels_safe=False,
                                              someone_to_talk_to=True, happy_with_home=True, managing_money=True)
    client.force_login(place["users"]["priya"])
    response = client.post(f"/local-offer/children/{place['ava'].pk}/", {"action": "followed_up", "pk": ben_check.pk})
    assert response.status_code == 403
    assert client.get(f"/local-offer/children/{place['ben'].pk}/").status_code == 403
