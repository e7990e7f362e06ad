"""A contact's note, typed on the casework form: audited, shown to staff on the timeline, and shown on
the young person's own pages only when the worker has not restricted it."""

import pytest

from hearth.accounts.audit import AuditEntry
from hearth.records import models as m
from tests.offer.conftest import PASSWORD, build_place, make_user

RESTRICTED = "Her mother has a new partner with a caution for assault"
FLAG = "Not shown to the young person"  # the fixture already has one restricted contact (a phone call)
OPEN = "Talked about the driving theory test"


@pytest.fixture
def place(db):
    """Priya is Ava's PA (tests/offer/conftest.py); Ava has an account for her own pages."""
    place = build_place()
    place["ava_user"] = make_user("ava", "young_person")
    place["ava_user"].child = place["ava"]
    place["ava_user"].save()
    return place


def record_contact(client, place, **extra):
    today = place["today"]
    client.force_login(place["users"]["priya"])
    return client.post(f"/children/{place['ava'].pk}/record/contact/", {
        "date_0": today.day, "date_1": today.month, "date_2": today.year,
        "kind": "VISIT", "seen_where": "HOME", "follows_move": "no", **extra})


def staff_timeline(client, place) -> str:
    client.force_login(place["users"]["priya"])
    return client.get(f"/children/{place['ava'].pk}/").content.decode()


def young_persons_page(client) -> str:
    client.logout()
    assert client.login(username="ava", password=PASSWORD)
    return client.get("/local-offer/me/").content.decode()


def test_a_restricted_note_is_audited_and_shown_to_staff_but_never_to_the_young_person(client, place):
    response = record_contact(client, place, note=RESTRICTED, restricted="on")
    assert response.status_code == 302
    contact = m.Contact.objects.get(note=RESTRICTED)
    assert contact.restricted is True
    entry = AuditEntry.objects.get(action="create", what=f"Contact {contact.pk}")
    assert (entry.after["note"], entry.after["restricted"]) == (RESTRICTED, True)

    staff = staff_timeline(client, place)
    assert "govuk-notification-banner--success" in staff and "Contact recorded" in staff
    assert RESTRICTED in staff
    assert staff.count(FLAG) == 2

    assert RESTRICTED not in young_persons_page(client)


def test_an_unrestricted_note_is_shown_to_staff_and_the_young_person(client, place):
    response = record_contact(client, place, note=OPEN)
    assert response.status_code == 302
    contact = m.Contact.objects.get(note=OPEN)
    assert contact.restricted is False
    assert AuditEntry.objects.get(what=f"Contact {contact.pk}").after["restricted"] is False

    staff = staff_timeline(client, place)
    assert OPEN in staff
    assert staff.count(FLAG) == 1

    assert OPEN in young_persons_page(client)


def test_a_refused_contact_keeps_the_note_and_the_ticked_box(client, place):
    response = record_contact(client, place, note=OPEN, restricted="on", date_1="13")
    assert response.status_code == 200
    page = response.content.decode()
    assert "The date of contact must be a real date, like 27 3 2025" in page
    assert f"{OPEN}</textarea>" in page
    assert 'id="id_restricted" checked' in page
    assert not m.Contact.objects.filter(note=OPEN).exists()


def test_the_form_asks_for_the_note_and_the_sharing_choice(client, place):
    client.force_login(place["users"]["priya"])
    page = client.get(f"/children/{place['ava'].pk}/record/contact/").content.decode()
    assert '<textarea name="note" class="govuk-textarea"' in page
    assert "Do not show this contact or its note to the young person" in page
    assert 'type="checkbox" name="restricted" class="govuk-checkboxes__input" id="id_restricted">' in page

