from datetime import timedelta

import pytest
from django.utils import timezone

from hearth.accounts.models import SignInFailure, User


@pytest.fixture
def practitioner(db):
    user = User(username="priya", role="practitioner")
    user.set_password("correct horse battery")
    user.save()
    return user


def sign_in(client, username, password):
    return client.post("/accounts/sign-in/", {"username": username, "password": password})


@pytest.mark.django_db
class TestSignIn:
    def test_a_correct_password_signs_in(self, client, practitioner):
        response = sign_in(client, "priya", "correct horse battery")
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(practitioner.pk)

    def test_a_wrong_password_shows_the_error_summary_and_keeps_the_username(self, client, practitioner):
        page = sign_in(client, "priya", "wrong").content.decode()
        assert "There is a problem" in page
        assert "Enter a correct username and password. Both are case-sensitive." in page
        assert 'value="priya"' in page

    def test_five_failures_lock_the_account_even_with_the_right_password(self, client, practitioner):
        for _ in range(5):
            sign_in(client, "priya", "wrong")
        response = sign_in(client, "priya", "correct horse battery")
        assert response.status_code == 200
        assert "This account is locked after too many failed sign-ins" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_the_lock_lifts_after_the_window(self, client, practitioner):
        long_ago = timezone.now() - timedelta(minutes=16)
        SignInFailure.objects.bulk_create([SignInFailure(key="priya", at=long_ago) for _ in range(5)])
        assert sign_in(client, "priya", "correct horse battery").status_code == 302

    def test_four_failures_do_not_lock_and_success_clears_them(self, client, practitioner):
        for _ in range(4):
            sign_in(client, "priya", "wrong")
        assert sign_in(client, "priya", "correct horse battery").status_code == 302
        assert SignInFailure.objects.count() == 0

    def test_unknown_usernames_lock_too_so_guessing_names_gains_nothing(self, client):
        for _ in range(5):
            sign_in(client, "nobody", "x")
        assert "locked" in sign_in(client, "nobody", "x").content.decode()


def test_sessions_expire_after_thirty_minutes_of_inactivity(settings):
    assert settings.SESSION_COOKIE_AGE == 1800
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_passwords_are_hashed_with_argon2(settings):
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
def test_a_sign_in_is_audited(client, practitioner):
    from hearth.accounts.audit import AuditEntry

    sign_in(client, "priya", "correct horse battery")
    assert list(AuditEntry.objects.values_list("user__username", "action")) == [("priya", "sign_in")]


@pytest.mark.django_db
def test_a_young_person_goes_to_their_own_pages_whatever_next_says(client, child):
    user = User(username="ava", role="young_person", child=child)
    user.set_password("correct horse battery")
    user.save()
    for next_url, expected in [("", "/local-offer/me/"), ("/worklist/", "/local-offer/me/"),
                               ("https://evil.example/", "/local-offer/me/"),
                               ("/local-offer/me/feedback/", "/local-offer/me/feedback/")]:
        response = client.post(f"/accounts/sign-in/?next={next_url}",
                               {"username": "ava", "password": "correct horse battery"})
        assert response.status_code == 302 and response.url == expected, next_url
        client.logout()
