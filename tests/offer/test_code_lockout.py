"""Starting with a code and date of birth: repeated wrong tries lock the code, as a staff username is locked."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from hearth.accounts.models import SignInFailure
from hearth.offer.invites import code_lockout_key
from hearth.offer.models import YoungPersonInvite

NEW_PASSWORD = "blue kettle on the hill"
LOCKED = "This code is locked after too many tries"


@pytest.fixture
def code(client, place):
    """A code Priya gave Ava (no email)."""
    client.force_login(place["users"]["priya"])
    response = client.post(f"/local-offer/children/{place['ava'].pk}/", {"action": "invite", "email": ""})
    client.logout()
    return response.context["issued"].code


def start(client, code, dob, password=NEW_PASSWORD):
    return client.post("/local-offer/start/", {"code": code, "dob_0": dob.day, "dob_1": dob.month, "dob_2": dob.year,
                                               "password": password, "password_again": password})


def code_error(response):
    """The error on the code field, with the time the lock lifts taken out, and its error code."""
    (error,) = response.context["form"].errors.as_data()["code"]
    return re.sub(r"\d\d:\d\d", "HH:MM", next(iter(error))), error.code


def test_five_wrong_tries_lock_the_code_and_then_even_the_right_date_of_birth_is_refused(client, place, code):
    ava = place["ava"]
    for _ in range(5):
        assert code_error(start(client, code, ava.dob + timedelta(days=1)))[1] == "not_right"

    response = start(client, code, ava.dob)

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and LOCKED in page
    assert "Wait until" in page and "ask your personal adviser for a new code" in page
    assert code_error(response)[1] == "locked"
    assert "_auth_user_id" not in client.session
    assert YoungPersonInvite.objects.get().used_at is None


def test_the_lock_is_on_the_code_however_it_is_typed_and_a_new_code_works(client, place, code):
    ava = place["ava"]
    for typed in [code, code.lower(), code.replace("-", " "), code.replace("-", ""), code]:
        start(client, typed, ava.dob + timedelta(days=1))
    assert code_error(start(client, code.lower(), ava.dob))[1] == "locked"

    client.force_login(place["users"]["priya"])
    new_code = client.post(f"/local-offer/children/{ava.pk}/", {"action": "invite", "email": ""}).context["issued"].code
    client.logout()
    assert start(client, new_code, ava.dob).status_code == 302


def test_the_lock_lifts_after_the_window(client, place, code):
    long_ago = timezone.now() - timedelta(minutes=16)
    SignInFailure.objects.bulk_create([SignInFailure(key=code_lockout_key(code), at=long_ago) for _ in range(5)])
    assert start(client, code, place["ava"].dob).status_code == 302


def test_four_wrong_tries_do_not_lock_and_the_right_code_clears_them(client, place, code):
    ava = place["ava"]
    for _ in range(4):
        start(client, code, ava.dob + timedelta(days=1))
    # The right code and date of birth clear the count, even if the password is then refused...
    assert "This password is too short" in start(client, code, ava.dob, password="short").content.decode()
    assert SignInFailure.objects.count() == 0
    # ...so four more wrong tries still leave the code open.
    for _ in range(4):
        start(client, code, ava.dob + timedelta(days=1))
    response = start(client, code, ava.dob)
    assert response.status_code == 302 and response.url == "/local-offer/me/"
    assert SignInFailure.objects.count() == 0


def test_a_locked_code_does_not_say_whether_it_exists(client, place, code):
    made_up = "ABCD-EFGH" if code != "ABCD-EFGH" else "HGFE-DCBA"
    dob = place["ava"].dob
    answers = {}
    for label, typed in [("real", code), ("made up", made_up)]:
        first = start(client, typed, dob + timedelta(days=1))
        for _ in range(4):
            start(client, typed, dob + timedelta(days=1))
        locked = start(client, typed, dob)
        answers[label] = (first.status_code, code_error(first), locked.status_code, code_error(locked))
    assert answers["real"] == answers["made up"]
    assert answers["real"][3][1] == "locked"


def test_a_locked_code_does_not_lock_staff_or_other_codes(client, place, code):
    for _ in range(5):
        start(client, "ZZZZ-ZZZZ", place["ava"].dob)
    assert start(client, code, place["ava"].dob).status_code == 302
    staff = client.post("/accounts/sign-in/", {"username": "priya", "password": "correct horse battery"})
    assert staff.status_code == 302
