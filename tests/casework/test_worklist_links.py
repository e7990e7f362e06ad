"""Each worklist item links to the form that meets it; saving the form comes back to the worklist,
and the item has gone from it."""

from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from hearth.accounts.models import User
from hearth.casework.actions import ACTIONS
from hearth.casework.duty_forms import FORM_FOR_RULE
from hearth.domain.obligations.registry import rule_ids
from hearth.records import models as m


def years_ago(today: date, years: int, days: int = 0) -> date:
    """The same day `years` years before (28 Feb for 29 Feb), less `days` days."""
    try:
        d = today.replace(year=today.year - years)
    except ValueError:
        d = today.replace(year=today.year - years, day=28)
    return d - timedelta(days=days)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def priya(pa):
    return User.objects.create(username="priya", role="practitioner", worker=pa)


@pytest.fixture
def jay(pa, today):
    """Jay, 19 and a former relevant care leaver: in care from 14 until his 18th birthday, Priya his PA
    for three years. His pathway plan was agreed seven months ago and not reviewed since; Priya
    last saw him in person three months ago."""
    jay = m.Child.objects.create(la_child_id="J1", sex="M", dob=years_ago(today, 19, 100), ethnic="WBRI")
    m.ChildName.objects.create(child=jay, given_name="Jay", family_name="Okafor")
    m.Episode.objects.create(child=jay, decom=years_ago(today, 5, 100), rne="S", ls="C2", cin="N1", place="U4",
                             place_provider="PR1", dec=years_ago(today, 1, 100), rec="E17")
    m.Allocation.objects.create(child=jay, worker=pa, role="PERSONAL_ADVISER", start=years_ago(today, 3))
    m.NeedsAssessment.objects.create(child=jay, completed_on=years_ago(today, 3))
    m.PathwayPlan.objects.create(child=jay, agreed_on=today - timedelta(days=212))
    m.Contact.objects.create(child=jay, date=today - timedelta(days=92), kind="VISIT", seen_where="HOME")
    return jay


@pytest.fixture
def mia(pa, today):
    """Mia, 16 and four months, in care since she was 14: an eligible child, due a needs assessment
    and a pathway plan within three months of her 16th birthday; Priya is already her PA."""
    mia = m.Child.objects.create(la_child_id="M1", sex="F", dob=years_ago(today, 16, 120), ethnic="WBRI")
    m.ChildName.objects.create(child=mia, given_name="Mia", family_name="Lowe")
    m.Episode.objects.create(child=mia, decom=years_ago(today, 2), rne="S", ls="C2", cin="N1", place="U4",
                             place_provider="PR1")
    m.Allocation.objects.create(child=mia, worker=pa, role="PERSONAL_ADVISER", start=today - timedelta(days=60))
    return mia


@pytest.fixture
def leo(team, today):
    """Leo, 17, left care at 16 after two years in it (a relevant child), with a social worker, Sam,
    and no personal adviser yet."""
    sam = m.Worker.objects.create(name="Sam Ellis", role="SOCIAL_WORKER", experience_band="Y1_3", team=team)
    leo = m.Child.objects.create(la_child_id="L1", sex="M", dob=years_ago(today, 17, 30), ethnic="WBRI")
    m.ChildName.objects.create(child=leo, given_name="Leo", family_name="Grant")
    m.Episode.objects.create(child=leo, decom=years_ago(today, 3, 30), rne="S", ls="C2", cin="N1", place="U4",
                             place_provider="PR1", dec=today - timedelta(days=300), rec="E5")
    m.Allocation.objects.create(child=leo, worker=sam, role="SOCIAL_WORKER", start=years_ago(today, 2))
    return leo


@pytest.fixture
def sam(leo):
    return User.objects.create(username="sam", role="practitioner", worker=m.Worker.objects.get(name="Sam Ellis"))


def due_links(response) -> dict[tuple[str, str], str]:
    """(child, what is due) -> where its link goes, for every item in the worklist's tables."""
    links = {}
    for section in response.context["sections"]:
        for row in section["rows"]:
            child, due = row[0], row[-5]  # the team worklist has the worker between them
            links[(child["text"], due["text"])] = due["href"]
    return links


def date_fields(prefix: str, d: date) -> dict[str, str]:
    return {f"{prefix}_0": str(d.day), f"{prefix}_1": str(d.month), f"{prefix}_2": str(d.year)}


# (who, child, what is due, the form, what is typed into it)
CASES = [
    ("priya", "Jay Okafor", "Pathway plan review", "pathway-plan-review", lambda t, pa: date_fields("reviewed_on", t)),
    ("priya", "Jay Okafor", "Keep in touch", "contact", lambda t, pa: {
        **date_fields("date", t), "kind": "PHONE", "seen_where": "NOT_SEEN", "follows_move": "no"}),
    ("priya", "Mia Lowe", "Statutory visit", "contact", lambda t, pa: {
        **date_fields("date", t), "kind": "VISIT", "seen_where": "HOME", "follows_move": "no"}),
    ("priya", "Mia Lowe", "Needs assessment", "needs-assessment", lambda t, pa: date_fields("completed_on", t)),
    ("priya", "Mia Lowe", "Pathway plan", "pathway-plan", lambda t, pa: date_fields("agreed_on", t)),
    ("sam", "Leo Grant", "Personal adviser allocated", "personal-adviser", lambda t, pa: {
        **date_fields("start", t), "worker": str(pa.pk)}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "name", "due", "slug", "typed"), CASES, ids=[c[3] + ": " + c[2] for c in CASES])
def test_the_worklist_link_opens_the_form_that_meets_the_duty_and_saving_it_clears_the_item(
        client, request, today, pa, jay, mia, leo, who, name, due, slug, typed):
    client.force_login(request.getfixturevalue(who))
    child = {"Jay Okafor": jay, "Mia Lowe": mia, "Leo Grant": leo}[name]
    worklist = client.get("/worklist/")
    href = due_links(worklist)[(name, due)]
    assert href == f"/children/{child.pk}/record/{slug}/?next=%2Fworklist%2F"
    assert f'href="/children/{child.pk}/record/{slug}/?next=%2Fworklist%2F"' in worklist.content.decode()

    form = client.get(href)
    assert form.status_code == 200
    assert form.context["back"] == "/worklist/"  # the back link goes to the worklist too

    saved = client.post(href, typed(today, pa))
    assert saved.status_code == 302 and saved["Location"] == "/worklist/"
    after = client.get(saved["Location"])
    assert (name, due) not in due_links(after)
    assert after.status_code == 200


@pytest.mark.django_db
def test_a_duty_no_form_records_links_to_the_childs_record(client, priya, jay, mia):
    client.force_login(priya)
    links = due_links(client.get("/worklist/"))
    assert links[("Jay Okafor", "Health passport for leaving care")] == f"/children/{jay.pk}/"
    assert links[("Mia Lowe", "LAC review")] == f"/children/{mia.pk}/"


@pytest.mark.django_db
def test_the_team_worklist_links_return_to_the_team_worklist(client, team, jay):
    manager = m.Worker.objects.create(name="Tom Reed", role="TEAM_MANAGER", experience_band="Y5_PLUS", team=team)
    client.force_login(User.objects.create(username="tom", role="team_manager", worker=manager))
    page = client.get("/worklist/team/")
    assert due_links(page)[("Jay Okafor", "Pathway plan review")] == (
        f"/children/{jay.pk}/record/pathway-plan-review/?next=%2Fworklist%2Fteam%2F")
    # Screen readers hear which child each link is for, so the links' text is not repeated.
    assert 'Pathway plan review<span class="govuk-visually-hidden"> for Jay Okafor</span></a>' in page.content.decode()


@pytest.mark.django_db
def test_without_next_the_form_returns_to_the_childs_record(client, priya, jay, today):
    client.force_login(priya)
    saved = client.post(f"/children/{jay.pk}/record/pathway-plan-review/", date_fields("reviewed_on", today))
    assert saved["Location"] == f"/children/{jay.pk}/"


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", ["https://evil.example/worklist/", "//evil.example/", "javascript:alert(1)"])
def test_a_next_address_off_this_site_is_ignored(client, priya, jay, today, next_url):
    client.force_login(priya)
    url = f"/children/{jay.pk}/record/pathway-plan-review/?" + urlencode({"next": next_url})
    assert client.get(url).context["back"] == f"/children/{jay.pk}/"
    saved = client.post(url, date_fields("reviewed_on", today))
    assert saved["Location"] == f"/children/{jay.pk}/"


@pytest.mark.django_db
def test_an_invalid_form_keeps_next_so_saving_after_the_fix_still_returns_to_the_worklist(client, priya, jay, today):
    client.force_login(priya)
    url = f"/children/{jay.pk}/record/pathway-plan-review/?next=%2Fworklist%2F"
    refused = client.post(url, {"reviewed_on_0": "31", "reviewed_on_1": "2", "reviewed_on_2": str(today.year)})
    assert refused.status_code == 200 and refused.context["back"] == "/worklist/"
    assert client.post(url, date_fields("reviewed_on", today))["Location"] == "/worklist/"


def test_every_mapped_form_exists():
    assert set(FORM_FOR_RULE.values()) <= set(ACTIONS)
    assert set(FORM_FOR_RULE) <= set(rule_ids())
