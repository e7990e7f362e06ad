"""The local offer in a real browser: a PA invites a young person, who signs in, sees their PA, plan
and entitlements, asks for support and says they do not feel safe; the PA sees both at once.
Public pages pass axe and fit a 320 px wide phone screen without scrolling sideways."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import axe_violations
from tests.offer.conftest import PASSWORD, build_place

NEW_PASSWORD = "blue kettle on the hill"


@pytest.fixture
def place(transactional_db):
    return build_place()


def click_and_wait(browser, element):
    """Click, then wait for the next page, so nothing is read from (or sent by) the old one."""
    page = browser.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(browser, 10).until(EC.staleness_of(page))


def sign_in(browser, live_server, username, password=PASSWORD):
    browser.get(f"{live_server.url}/accounts/sign-in/")
    browser.find_element(By.ID, "id_username").send_keys(username)
    browser.find_element(By.ID, "id_password").send_keys(password)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main button[type=submit]"))


def sign_out(browser):
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Sign out']"))


def submit(browser):
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit].govuk-button"))


def assert_accessible(browser):
    assert axe_violations(browser) == [], browser.current_url


def test_a_pa_invites_a_young_person_who_asks_for_support_and_says_they_do_not_feel_safe(browser, live_server, place):
    # Given Priya, Ava's PA, invites Ava from Ava's record
    sign_in(browser, live_server, "priya")
    browser.get(f"{live_server.url}/children/{place['ava'].pk}/")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Their own pages: invite, and what they asked for"))
    assert_accessible(browser)
    submit(browser)  # no email: Priya gives Ava the code, or the link
    link = browser.find_element(By.ID, "invite-link").get_attribute("href")
    username = browser.find_element(By.ID, "invite-username").text
    sign_out(browser)

    # When Ava opens the link and sets her password
    browser.get(link)
    assert username in browser.page_source
    assert_accessible(browser)
    browser.find_element(By.ID, "id_password").send_keys(NEW_PASSWORD)
    browser.find_element(By.ID, "id_password_again").send_keys(NEW_PASSWORD)
    submit(browser)

    # Then she sees her PA, her plan and her entitlements
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Hello Ava Test" in main
    assert "Priya Shah" in main and "Open a bank account" in main
    assert "No council tax until you are 25" in main and "Setting-up-home allowance" in main
    assert "Police information" not in main
    assert_accessible(browser)

    # She signs out and back in with her new password
    sign_out(browser)
    sign_in(browser, live_server, username, NEW_PASSWORD)
    assert browser.current_url.endswith("/local-offer/me/")

    # She asks for support
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Ask for support"))
    assert_accessible(browser)
    browser.find_element(By.ID, "id_message").send_keys("I am behind with my rent")
    submit(browser)
    assert "We have your message" in browser.page_source

    # And says she does not feel safe where she lives
    browser.get(f"{live_server.url}/local-offer/me/how-things-are/")
    assert_accessible(browser)
    for name, answer in [("feels_safe", "no"), ("someone_to_talk_to", "yes"), ("happy_with_home", "no"),
                         ("managing_money", "yes")]:
        browser.find_element(By.CSS_SELECTOR, f"input[name={name}][value={answer}]").click()
    submit(browser)
    assert "someone will contact you today" in browser.page_source
    sign_out(browser)

    # Then Priya sees both on her worklist at once
    sign_in(browser, live_server, "priya")
    browser.get(f"{live_server.url}/worklist/")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Said they do not feel safe where they live" in main
    assert "Young person asked for support" in main
    assert_accessible(browser)
    sign_out(browser)

    # And so does her team manager
    sign_in(browser, live_server, "tom")
    browser.get(f"{live_server.url}/worklist/team/")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Said they do not feel safe where they live" in main and "Young person asked for support" in main


@pytest.mark.parametrize("path", ["/local-offer/", "/local-offer/what-applies-to-me/",
                                  "/local-offer/what-applies-to-me/?age=19&in_care_now=no&thirteen_weeks=yes"
                                  "&after_16=yes&circumstances=at_university",
                                  "/local-offer/what-applies-to-me/?age=&in_care_now=no",
                                  "/local-offer/start/"])
def test_public_pages_are_accessible_and_fit_a_320_pixel_screen(browser, live_server, place, path):
    browser.set_window_size(1280, 1000)
    browser.get(f"{live_server.url}{path}")
    assert_accessible(browser)
    try:
        browser.set_window_size(320, 800)
        browser.get(f"{live_server.url}{path}")
        inner = browser.execute_script("return window.innerWidth")
        assert inner <= 400, inner  # the window really is phone-sized (Chrome may keep a minimum width)
        wide = browser.execute_script("return document.documentElement.scrollWidth")
        assert wide <= inner, f"{path} scrolls sideways at {inner} px: {wide} px wide"
        assert_accessible(browser)
    finally:
        browser.set_window_size(1280, 1000)


def test_what_applies_to_me_answers_in_the_browser(browser, live_server, place):
    browser.get(f"{live_server.url}/local-offer/")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "What applies to me?"))
    browser.find_element(By.ID, "id_age").send_keys("23")
    for name, answer in [("in_care_now", "no"), ("thirteen_weeks", "yes"), ("after_16", "yes")]:
        browser.find_element(By.CSS_SELECTOR, f"input[name={name}][value={answer}]").click()
    submit(browser)
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Care leaver aged 18 to 24" in main
    assert "A personal adviser again, if you ask, from 21 to 25" in main
    assert "Staying Put with your foster carers" not in main
