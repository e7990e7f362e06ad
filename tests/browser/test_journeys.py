"""Journeys in a real browser, and an accessibility scan of every main page on the way."""

from datetime import timedelta

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from hearth.accounts.models import User
from hearth.records import models as m
from tests.browser.conftest import axe_violations

PASSWORD = "correct horse battery"


@pytest.fixture
def council(transactional_db):
    """Two leaving-care teams; Priya (north) is Ava's PA, Sam (south) is not."""
    today = timezone.localdate()
    m.Council.objects.create(name="Northmoor County Council", la_code="888")
    north = m.Team.objects.create(name="Leaving Care North", kind="LEAVING_CARE")
    south = m.Team.objects.create(name="Leaving Care South", kind="LEAVING_CARE")
    priya = m.Worker.objects.create(name="Priya Shah", role="PERSONAL_ADVISER", experience_band="Y3_5", team=north)
    sam = m.Worker.objects.create(name="Sam Okoro", role="PERSONAL_ADVISER", experience_band="Y1_3", team=south)
    tom = m.Worker.objects.create(name="Tom Reed", role="TEAM_MANAGER", experience_band="Y5_PLUS", team=north)
    ava = m.Child.objects.create(la_child_id="C1001", sex="F", dob=today - timedelta(days=365 * 19), ethnic="WBRI")
    m.ChildName.objects.create(child=ava, given_name="Ava", family_name="Hughes")
    m.Allocation.objects.create(child=ava, worker=priya, role="PERSONAL_ADVISER", start=today - timedelta(days=100))
    for username, role, worker in [("priya", "practitioner", priya), ("sam", "practitioner", sam),
                                   ("tom", "team_manager", tom), ("adm", "administrator", None)]:
        user = User(username=username, role=role, worker=worker)
        user.set_password(PASSWORD)
        user.save()
    return ava


def sign_in(browser, live_server, username):
    browser.get(f"{live_server.url}/accounts/sign-in/")
    browser.find_element(By.ID, "id_username").send_keys(username)
    password = browser.find_element(By.ID, "id_password")
    password.send_keys(PASSWORD)
    password.send_keys(Keys.ENTER)  # by keyboard: Enter submits


def fill_date(browser, name, day):
    for part, value in zip("012", (day.day, day.month, day.year)):
        browser.find_element(By.ID, f"id_{name}_{part}").send_keys(str(value))


def submit_and_wait_for(browser, text):
    """Submit the form and wait for the next page (a click returns before the page has loaded)."""
    browser.find_element(By.CSS_SELECTOR, "button[type=submit].govuk-button").click()
    WebDriverWait(browser, 15).until(lambda b: text in b.page_source)


def assert_accessible(browser):
    assert axe_violations(browser) == [], browser.current_url


def test_a_pa_records_a_contact_and_a_move_and_sees_both_on_the_timeline(browser, live_server, council):
    today = timezone.localdate()
    sign_in(browser, live_server, "priya")
    browser.get(f"{live_server.url}/caseload/")
    assert_accessible(browser)
    browser.find_element(By.LINK_TEXT, "Ava Hughes").click()
    assert browser.find_element(By.TAG_NAME, "h1").text.endswith("Ava Hughes")
    assert_accessible(browser)

    browser.find_element(By.LINK_TEXT, "Record a change of accommodation").click()
    fill_date(browser, "start", today - timedelta(days=2))
    Select(browser.find_element(By.ID, "id_accommodation_type")).select_by_visible_text("Supported lodgings")
    browser.find_element(By.ID, "id_suitable_0").click()
    submit_and_wait_for(browser, "Move recorded")

    browser.find_element(By.LINK_TEXT, "Record a contact or visit").click()
    fill_date(browser, "date", today)
    Select(browser.find_element(By.ID, "id_kind")).select_by_visible_text("Visit in person")
    Select(browser.find_element(By.ID, "id_seen_where")).select_by_visible_text("Where they live")
    browser.find_element(By.ID, "id_follows_move_0").click()
    submit_and_wait_for(browser, "Visit in person by Priya Shah")

    timeline = browser.find_element(By.CSS_SELECTOR, "main table:last-of-type").text
    assert "Visit in person by Priya Shah" in timeline
    assert "Supported lodgings" in timeline
    assert_accessible(browser)


def test_another_teams_pa_cannot_open_the_child(browser, live_server, council):
    sign_in(browser, live_server, "sam")
    browser.get(f"{live_server.url}/children/{council.pk}/")
    assert "Ava" not in browser.page_source
    assert "403" in browser.title or "Forbidden" in browser.page_source or "access" in browser.page_source


def test_a_form_error_moves_focus_to_the_error_summary_and_the_page_stays_accessible(browser, live_server, council):
    sign_in(browser, live_server, "priya")
    browser.get(f"{live_server.url}/children/{council.pk}/record/contact/")
    assert_accessible(browser)
    browser.find_element(By.ID, "id_date_0").send_keys("31")
    browser.find_element(By.ID, "id_date_1").send_keys("2")
    browser.find_element(By.ID, "id_date_2").send_keys("2026")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit].govuk-button").click()
    summary = browser.find_element(By.CLASS_NAME, "govuk-error-summary")
    assert "must be a real date" in summary.text
    assert browser.switch_to.active_element == summary
    assert browser.find_element(By.ID, "id_date_0").get_attribute("value") == "31"
    assert_accessible(browser)


@pytest.mark.parametrize(("username", "path"), [
    (None, "/"), (None, "/accounts/sign-in/"), ("tom", "/team/"), ("adm", "/accounts/audit/"),
    ("priya", "/caseload/"), ("priya", "/worklist/"), ("tom", "/worklist/team/"),
])
def test_main_pages_have_no_serious_accessibility_problems(browser, live_server, council, username, path):
    if username:
        sign_in(browser, live_server, username)
    browser.get(f"{live_server.url}{path}")
    assert browser.find_element(By.TAG_NAME, "h1").text
    assert_accessible(browser)
