"""The hearth command and the settings, run as a person would run them: in a fresh process."""

import os
import sqlite3
import subprocess
import sys


def run(args, **env):
    return subprocess.run(
        [sys.executable, "-m", "hearth.cli", *args],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=120,
    )


def test_every_hearth_command_honours_a_sqlite_database_url(tmp_path):
    db = tmp_path / "elsewhere.sqlite3"
    result = run(["migrate", "--noinput"], DATABASE_URL=f"sqlite:///{db}")
    assert result.returncode == 0, result.stderr
    tables = {row[0] for row in sqlite3.connect(db).execute("select name from sqlite_master where type='table'")}
    assert {"records_child", "records_episode", "accounts_user"} <= tables
    assert run(["has_children"], DATABASE_URL=f"sqlite:///{db}").stdout.strip() == "no"


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {"HEARTH_PRODUCTION": "true", "HEARTH_ALLOWED_HOSTS": "hearth.example.org"}
    env_without_key = {k: v for k, v in os.environ.items() if k != "HEARTH_SECRET_KEY"} | env
    result = subprocess.run([sys.executable, "-m", "hearth.cli", "check"], capture_output=True, text=True,
                            env=env_without_key, timeout=120)
    assert result.returncode != 0
    assert "Set the environment variable HEARTH_SECRET_KEY." in result.stderr


def test_production_settings_switch_debug_off(tmp_path):
    result = run(
        ["shell", "--no-imports", "-c", "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS, settings.SESSION_COOKIE_SECURE)"],
        HEARTH_PRODUCTION="true", HEARTH_SECRET_KEY="x" * 50, HEARTH_ALLOWED_HOSTS="hearth.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'p.sqlite3'}",
    )
    assert result.stdout.split() == ["False", "['hearth.example.org']", "True"], result.stderr


def test_a_malformed_boolean_setting_is_named():
    result = run(["check"], HEARTH_DEBUG="perhaps")
    assert "HEARTH_DEBUG must be true or false, not 'perhaps'." in result.stderr
