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
