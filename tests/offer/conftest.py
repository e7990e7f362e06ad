"""A small council for the offer tests: Priya is Ava's PA, Sam (another team) is Ben's."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hearth.accounts.models import User
from hearth.domain.calendar import add_years
from hearth.offer.management.commands.offer_load import DEMO_OFFER
from hearth.offer.services import offer_load
from hearth.records import models as m

PASSWORD = "correct horse battery"


def make_user(username, role, worker=None, email=""):
    user = User(username=username, role=role, worker=worker, email=email)
    user.set_password(PASSWORD)
    user.save()
    return user


def care_leaver(la_id, given, age_years, *, extra_days=30, **fields):
    """A young person in care from 15 to their 18th birthday (former relevant from 18)."""
    today = timezone.localdate()
    dob = add_years(today, -age_years) - timedelta(days=extra_days)
    child = m.Child.objects.create(la_child_id=la_id, sex="F", dob=dob, ethnic="WBRI", **fields)
    m.ChildName.objects.create(child=child, given_name=given, family_name="Test")
    m.Episode.objects.create(child=child, decom=add_years(dob, 15), rne="S", ls="C2", cin="N1", place="U1",
                             place_provider="PR1", dec=add_years(dob, 18), rec="E8")
    return child


@pytest.fixture
def place(db):
    return build_place()


def build_place():
    today = timezone.localdate()
    m.Council.objects.create(name="Northmoor County Council", la_code="888")
    north = m.Team.objects.create(name="Leaving Care North", kind="LEAVING_CARE")
    south = m.Team.objects.create(name="Leaving Care South", kind="LEAVING_CARE")
    priya = m.Worker.objects.create(name="Priya Shah", role="PERSONAL_ADVISER", experience_band="Y3_5", team=north)
    sam = m.Worker.objects.create(name="Sam Okoro", role="PERSONAL_ADVISER", experience_band="Y1_3", team=south)
    tom = m.Worker.objects.create(name="Tom Reed", role="TEAM_MANAGER", experience_band="Y5_PLUS", team=north)
    ava = care_leaver("C1001", "Ava", 19)
    ben = care_leaver("C2002", "Ben", 20)
    m.Allocation.objects.create(child=ava, worker=priya, role="PERSONAL_ADVISER", start=today - timedelta(days=100))
    m.Allocation.objects.create(child=ben, worker=sam, role="PERSONAL_ADVISER", start=today - timedelta(days=100))
    plan = m.PathwayPlan.objects.create(child=ava, agreed_on=today - timedelta(days=30), worker=priya)
    m.PathwayPlanAction.objects.create(plan=plan, description="Open a bank account", owner="Ava",
                                       due_on=today + timedelta(days=20))
    m.EntitlementGiven.objects.create(child=ava, given_on=today - timedelta(days=10), kind="SETTING_UP_HOME",
                                      amount="3000.00", note="Bed and cooker")
    m.Contact.objects.create(child=ava, date=today - timedelta(days=5), kind="VISIT", seen_where="HOME", worker=priya,
                             note="Talked about college")
    m.Contact.objects.create(child=ava, date=today - timedelta(days=3), kind="PHONE", seen_where="NOT_SEEN", worker=priya,
                             note="Police information about her ex-partner", restricted=True)
    m.Contact.objects.create(child=ben, date=today - timedelta(days=4), kind="VISIT", seen_where="HOME", worker=sam,
                             note="Ben's private visit note")
    users = {
        "priya": make_user("priya", "practitioner", priya, email="priya.shah@northmoor.example"),
        "sam": make_user("sam", "practitioner", sam),
        "tom": make_user("tom", "team_manager", tom),
    }
    offer_load(by=users["tom"], text=DEMO_OFFER.read_text(), publish_on=today - timedelta(days=1))
    return {"ava": ava, "ben": ben, "priya": priya, "sam": sam, "users": users, "today": today}
