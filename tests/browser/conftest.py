"""Headless Chromium (Debian's chromium and chromedriver, installed by ./run) driven by Selenium,
with axe-core from npm for accessibility scans."""

import json
import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def _chromium() -> tuple[str, str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (browser and driver):
        pytest.fail("Browser tests need Debian's chromium and chromium-driver; ./run installs them.")
    return browser, driver


@pytest.fixture(scope="session")
def _chrome(tmp_path_factory):
    """One browser for the session (starting Chromium is the slow part); each test gets it clean."""
    tmp_path = tmp_path_factory.mktemp("chromium")
    binary, driver = _chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1000", f"--user-data-dir={tmp_path / 'profile'}"]:
        options.add_argument(flag)
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    chrome.implicitly_wait(2)
    yield chrome
    chrome.quit()


@pytest.fixture
def browser(_chrome):
    yield _chrome
    _chrome.delete_all_cookies()


def axe_violations(browser, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (WCAG 2.x A and AA rules) on the current page; return the violations of the given impact."""
    browser.execute_script(AXE.read_text())
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
        ".then(r => done(JSON.stringify(r.violations)));"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in json.loads(result) if v["impact"] in impacts
    ]


@pytest.fixture(autouse=True)
def _audit_log_flushable(django_db_setup, django_db_blocker, live_server):
    """Browser tests need a live server in another thread, so their data is removed afterwards by
    flushing the tables. On SQLite that is a DELETE, which the audit log's trigger refuses
    (PostgreSQL truncates, which row triggers do not see). This fixture tears down before the
    flush: it lifts the delete trigger for the flush, and the next browser test's set-up puts
    it back. (The trigger itself is tested in tests/accounts/test_audit.py, which runs first.)"""
    from importlib import import_module

    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return
    migration = import_module("hearth.accounts.migrations.0004_auditentry_append_only")
    create = next(sql for sql in migration.SQLITE if "no_delete" in sql)
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER IF EXISTS accounts_auditentry_no_delete")
        cursor.execute(create)
    yield
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER IF EXISTS accounts_auditentry_no_delete")
