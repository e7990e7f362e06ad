"""Episode forms run the 903 rules on the child before saving: a change that breaks a rule warns
and stores nothing until the practitioner saves anyway; a clean change saves straight away."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hearth.accounts.audit import AuditEntry
from hearth.accounts.models import User
from hearth.domain.ssda903.years import add_years
from hearth.records import models as m

TODAY = timezone.localdate()


@pytest.fixture
def priya(pa):
    return User.objects.create(username="priya", role="practitioner", worker=pa)


@pytest.fixture
def ben(pa):
    """Ben, 16 today, looked after in foster care (U4) for the last 400 days."""
    child = m.Child.objects.create(la_child_id="C2002", sex="M", dob=add_years(TODAY, -16), ethnic="WBRI", upn="UN2")
    m.ChildName.objects.create(child=child, given_name="Ben", family_name="Okafor")
    m.Allocation.objects.create(child=child, worker=pa, role="SOCIAL_WORKER", start=TODAY - timedelta(days=400))
    m.Episode.objects.create(child=child, decom=TODAY - timedelta(days=400), rne="S", ls="C2", cin="N1", place="U4",
                             place_provider="PR1")
    return child


def leave(client, user, child, rec, **extra):
    client.force_login(user)
    return client.post(f"/children/{child.pk}/record/leaving-care/", {
        "on_0": str(TODAY.day), "on_1": str(TODAY.month), "on_2": str(TODAY.year), "rec": rec, **extra})


def episodes(child):
    return list(m.Episode.objects.filter(child=child).values_list("dec", "rec"))


def findings_page(client, child):
    return [row[0] for row in client.get(f"/children/{child.pk}/903/").context["rows"]]


@pytest.mark.django_db
class TestLeavingCareAgainstThe903Rules:
    def test_a_change_that_breaks_a_rule_warns_keeps_what_was_typed_and_stores_nothing(self, client, priya, ben):
        audit_before = AuditEntry.objects.filter(action__in=["create", "change"]).count()
        response = leave(client, priya, ben, "E17")  # E17: aged 18 or over, so not at 16
        assert response.status_code == 200
        page = response.content.decode()
        assert "Saving this would break the DfE&#x27;s 903 rules" in page
        assert "Rule 460 (Episodes): E17 needs DEC on or after the 18th birthday." in page
        assert "Save anyway" in page
        assert 'name="confirm_903" value="460:episodes"' in page
        assert f'value="{TODAY.day}"' in page and '<option value="E17" selected>' in page
        assert episodes(ben) == [(None, "")]
        assert AuditEntry.objects.filter(action__in=["create", "change"]).count() == audit_before
        assert "460" not in findings_page(client, ben)

    def test_saving_anyway_stores_the_change_and_the_finding_shows_on_the_childs_903_checks(self, client, priya, ben):
        response = leave(client, priya, ben, "E17", confirm_903="460:episodes")
        assert response.status_code == 302
        assert episodes(ben) == [(TODAY, "E17")]
        assert AuditEntry.objects.filter(action="change", child_pk=ben.pk).count() == 1
        page = client.get(response["Location"]).content.decode()
        assert "Leaving care recorded. It breaks 903 rule 460: see this record&#x27;s 903 checks" in page
        assert "460" in findings_page(client, ben)

    def test_a_clean_change_saves_straight_away_despite_problems_the_child_already_had(self, client, priya, ben):
        client.force_login(priya)
        had = findings_page(client, ben)
        assert "218" in had  # no Ofsted URN for the foster placement: recorded before, not this form's doing
        response = leave(client, priya, ben, "E41")  # E41: residence order granted
        assert response.status_code == 302
        assert episodes(ben) == [(TODAY, "E41")]
        assert "460" not in findings_page(client, ben)

    def test_confirming_one_rule_does_not_let_a_different_one_through(self, client, priya, ben):
        response = leave(client, priya, ben, "E17", confirm_903="390:episodes")
        assert response.status_code == 200
        assert "Rule 460 (Episodes)" in response.content.decode()
        assert episodes(ben) == [(None, "")]

    def test_a_refused_change_still_shows_the_services_error_and_no_903_warning(self, client, priya, ben):
        m.Episode.objects.filter(child=ben).update(dec=TODAY - timedelta(days=1), rec="E41")
        page = leave(client, priya, ben, "E17").content.decode()
        assert "This child is not looked after now." in page
        assert "Save anyway" not in page


@pytest.mark.django_db
def test_a_placement_change_that_breaks_a_rule_warns_and_confirming_stores_both_episodes(client, priya, ben):
    client.force_login(priya)
    data = {"on_0": str(TODAY.day), "on_1": str(TODAY.month), "on_2": str(TODAY.year), "ls": "C2", "place": "P1",
            "place_provider": "PR1", "carer_changed": "yes", "reason_place_change": "CARPL"}
    response = client.post(f"/children/{ben.pk}/record/episode-change/", data)
    assert response.status_code == 200
    warned = response.context["warning_903"]
    assert warned["keys"], "placing a 16-year-old with parents under a care order (P1) should break a rule"
    assert m.Episode.objects.filter(child=ben).count() == 1
    confirmed = client.post(f"/children/{ben.pk}/record/episode-change/", {**data, "confirm_903": warned["keys"]})
    assert confirmed.status_code == 302
    assert list(m.Episode.objects.filter(child=ben).order_by("decom").values_list("place", "rec")) == [
        ("U4", "X1"), ("P1", "")]
