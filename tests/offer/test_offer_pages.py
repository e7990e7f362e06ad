"""The public offer, 'what applies to me?', versions and review, and 'you said, we did'."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from hearth.offer.management.commands.offer_load import DEMO_OFFER
from hearth.offer.models import OfferEntitlement, OfferFeedback, OfferVersion
from hearth.offer.services import feedback_give, offer_load, offer_publish


def test_the_offer_is_public_and_grouped_by_theme(client, place):
    page = client.get("/local-offer/").content.decode()
    for theme in ["Money", "Home", "Education and work", "Health and wellbeing", "Relationships", "Your rights"]:
        assert f">{theme}</h2>" in page
    assert "Setting-up-home allowance" in page and "£3,000 once" in page
    assert "The law: Children Act 1989 s23CZA" in page  # Staying Put's basis
    assert "Your district council: Each district council in the county" in page
    assert 'media="print"' in page


def test_what_applies_to_me_for_a_19_year_old_at_university(client, place):
    page = client.get("/local-offer/what-applies-to-me/", {"age": "19", "in_care_now": "no", "thirteen_weeks": "yes",
                                                           "after_16": "yes", "circumstances": "at_university"}).content.decode()
    assert "Care leaver aged 18 to 24" in page
    assert "University bursary" in page and "Somewhere to stay in the university holidays" in page
    assert "Staying Put with your foster carers" not in page and "English classes" not in page


@pytest.mark.parametrize("query, message", [
    ({"age": "", "in_care_now": "no", "thirteen_weeks": "yes", "after_16": "yes"}, "Enter your age"),
    ({"age": "nineteen", "in_care_now": "no", "thirteen_weeks": "yes", "after_16": "yes"}, "Enter your age as a number"),
    ({"age": "19", "thirteen_weeks": "yes", "after_16": "yes"}, "Select yes if are you in care now"),
    ({"age": "19", "in_care_now": "no", "thirteen_weeks": "yes", "after_16": "yes", "circumstances": "astronaut"},
     "Select a valid choice"),
])
def test_what_applies_to_me_lists_every_problem_and_keeps_the_answers(client, place, query, message):
    page = client.get("/local-offer/what-applies-to-me/", query).content.decode()
    assert "There is a problem" in page and message in page
    if query["age"]:
        assert f'value="{query["age"]}"' in page


def test_nothing_published_yet_says_so(client, db):
    assert "has not been published yet" in client.get("/local-offer/").content.decode()


def test_a_published_version_is_kept_as_it_was(place):
    version = OfferVersion.objects.get()
    entitlement = version.entitlements.first()
    entitlement.title = "Changed"
    with pytest.raises(PermissionError):
        entitlement.save()
    version.title = "Changed"
    with pytest.raises(PermissionError):
        version.save()
    assert OfferEntitlement.objects.filter(title="Changed").count() == 0


def test_w14_publishing_sets_the_review_dates(place):
    draft = offer_load(by=None, text=DEMO_OFFER.read_text())
    assert not draft.is_published and draft.number == 2
    offer_publish(by=None, version=draft, on=place["today"])
    assert draft.next_review_on.year == place["today"].year + 3
    with pytest.raises(ValidationError, match="already published"):
        offer_publish(by=None, version=draft, on=place["today"])


def test_a_bad_offer_file_loads_nothing(db):
    with pytest.raises(ValidationError, match="missing basis"):
        offer_load(by=None, text=DEMO_OFFER.read_text().replace('basis = "Children Act 1989 s26A"', ""))
    assert OfferVersion.objects.count() == 0


def test_the_command_loads_the_demo_offer_once(db):
    out = StringIO()
    call_command("offer_load", stdout=out)
    assert "version 1 loaded (29 entitlements, published" in out.getvalue()
    call_command("offer_load", stdout=out)
    assert "already published; nothing loaded" in out.getvalue()
    assert OfferVersion.objects.count() == 1


def test_the_manager_sees_the_review_flag_and_answers_feedback(client, place):
    version = OfferVersion.objects.get()
    feedback = feedback_give(by=None, child=place["ava"], version=version, entitlement_key="bike",
                             comment="The bike lock broke in a week")
    client.force_login(place["users"]["tom"])
    page = client.get("/local-offer/manage/").content.decode()
    assert "A bike to get to college or work" in page and "The bike lock broke in a week" in page
    assert "review of this offer is due" not in page
    client.post("/local-offer/manage/", {"action": "respond", "pk": feedback.pk,
                                         f"f{feedback.pk}-response": "We now buy D-locks"})
    feedback.refresh_from_db()
    assert (feedback.response, feedback.responded_on) == ("We now buy D-locks", place["today"])
    # Three years on, the review is due.
    OfferVersion.objects.filter(pk=version.pk).update(next_review_on=place["today"] - timedelta(days=1),
                                                      review_window_opens_on=date(2000, 1, 1))
    assert "review of this offer is due" in client.get("/local-offer/manage/").content.decode()


def test_practitioners_do_not_manage_the_offer(client, place):
    client.force_login(place["users"]["priya"])
    assert client.get("/local-offer/manage/").status_code == 403


def test_feedback_from_a_young_person_about_an_unknown_part_is_refused(place):
    with pytest.raises(ValidationError, match="Choose a part of the offer"):
        feedback_give(by=None, child=place["ava"], version=OfferVersion.objects.get(), entitlement_key="yacht",
                      comment="x")
    assert OfferFeedback.objects.count() == 0
