import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from hearth.accounts.models import User
from hearth.records import models as m


@pytest.mark.django_db
def test_it_creates_one_user_per_role_linked_to_workers_and_prints_the_sign_ins(team, pa, capsys):
    m.Worker.objects.create(name="Tom Reed", role="TEAM_MANAGER", experience_band="Y5_PLUS", team=team)

    call_command("demo_users")

    out = capsys.readouterr().out
    assert "password for all: hearth-demo-2026" in out
    assert sorted(User.objects.values_list("role", flat=True)) == sorted(
        ["practitioner", "team_manager", "service_manager", "analyst", "elected_member", "administrator"]
    )
    assert User.objects.get(username="practitioner").worker == pa
    assert User.objects.get(username="teammanager").worker.name == "Tom Reed"
    assert User.objects.get(username="servicemanager").worker is None  # no service manager in this record
    assert authenticate(username="analyst", password="hearth-demo-2026") is not None
    assert User.objects.get(username="analyst").password.startswith("argon2")


@pytest.mark.django_db
def test_running_it_again_changes_nothing(team, pa):
    call_command("demo_users")
    before = list(User.objects.order_by("id").values_list("id", "username", "password"))
    call_command("demo_users")
    assert list(User.objects.order_by("id").values_list("id", "username", "password")) == before


@pytest.mark.django_db
def test_it_adds_a_young_persons_sign_in_for_one_of_the_demo_pas_care_leavers(client, capsys, settings):
    from django.utils import timezone

    from hearth.domain.calendar import age_on
    from hearth.domain.leaving_care import LeavingCareCategory, LeavingCareProfile
    from hearth.domain.obligations.context import leaving_care_facts
    from hearth.records.facts import facts_for, policy_on

    call_command("synth", "--children-in-care", "20", "--seed", "1")
    capsys.readouterr()

    call_command("demo_users")

    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if line.split()[:1] == ["youngperson"]]
    assert "Young person (care leaver): the young person's own pages, as " in line
    user = User.objects.get(username="youngperson")
    child, pa = user.child, User.objects.get(username="practitioner").worker
    assert user.role == "young_person" and child is not None and user.get_full_name() in line
    # The demo PA's care leaver aged 18 to 21 with the lowest pk.
    today = timezone.localdate()
    facts = facts_for(m.Child.objects.all())

    def fits(c):
        status = LeavingCareProfile(leaving_care_facts(facts[c.pk]), policy_on(today)).status_on(today)
        allocated = c.allocations.filter(worker=pa, role="PERSONAL_ADVISER", start__lte=today).exclude(end__lte=today)
        return status.is_care_leaver and 18 <= age_on(c.dob, today) <= 21 and allocated.exists()

    assert fits(child)
    assert not any(fits(c) for c in m.Child.objects.filter(pk__lt=child.pk))
    status = LeavingCareProfile(leaving_care_facts(facts[child.pk]), policy_on(today)).status_on(today)
    assert status.category in (LeavingCareCategory.FORMER_RELEVANT, LeavingCareCategory.QUALIFYING)

    # Signing in with the printed password reaches their own pages, not the practitioners'.
    response = client.post("/accounts/sign-in/", {"username": "youngperson", "password": "hearth-demo-2026"})
    assert response.status_code == 302 and response.url == "/local-offer/me/"
    page = client.get("/local-offer/me/")
    assert page.status_code == 200 and pa.name in page.content.decode()
    assert client.get(f"/children/{child.pk}/").status_code == 403
    assert client.get(f"/local-offer/children/{child.pk}/").status_code == 403
    assert client.get("/").url == "/local-offer/me/"  # the home page sends them to their own pages
    settings.DEMO = True
    client.logout()
    assert "youngperson" in client.get("/").content.decode()  # and it is listed with the demo sign-ins

    # Running it again keeps the same young person.
    call_command("demo_users")
    assert User.objects.get(username="youngperson").child == child
