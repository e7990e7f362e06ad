from datetime import timedelta

import pytest
from django.utils import timezone

from hearth.records import models as m


@pytest.fixture
def council(db):
    return m.Council.objects.create(name="Northmoor County Council", la_code="888", region="North West")


@pytest.mark.django_db
def test_the_home_page_shows_the_council_and_its_headline_counts(client, council, child):
    today = timezone.localdate()
    m.Episode.objects.create(child=child, decom=today - timedelta(days=30), rne="S", ls="C2", cin="N1",
                             place="U4", place_provider="PR1")

    response = client.get("/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Northmoor County Council" in page
    assert "Children in care now</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td>" in page
    assert "Started to be looked after in the last 12 months</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td>" in page


@pytest.mark.django_db
def test_demo_sign_ins_show_only_in_demo_mode(client, council, settings):
    settings.DEMO = False
    assert "Demo sign-ins" not in client.get("/").content.decode()
    settings.DEMO = True
    page = client.get("/").content.decode()
    assert "Demo sign-ins" in page
    assert "hearth-demo-2026" in page
    assert "servicemanager" in page


@pytest.mark.django_db
def test_the_home_page_says_how_to_start_when_there_is_no_council(client):
    page = client.get("/").content.decode()
    assert "No council set up yet" in page
    assert "hearth synth --children-in-care 750 --seed 1" in page


@pytest.mark.django_db
def test_a_young_person_is_taken_from_the_home_page_to_their_own_pages(client, child):
    from hearth.accounts.models import User

    client.force_login(User.objects.create(username="ava", role="young_person", child=child))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/local-offer/me/"
