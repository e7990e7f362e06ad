"""The one settings module. Development defaults; production reads the environment.

HEARTH_PRODUCTION=true switches off debug and requires a secret key and allowed hosts.
DATABASE_URL chooses the database (SQLite file under var/ by default).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from hearth.env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("HEARTH_VAR_DIR", str(BASE_DIR / "var")))

PRODUCTION = env_bool("HEARTH_PRODUCTION", False)
DEBUG = env_bool("HEARTH_DEBUG", not PRODUCTION)
# Demo mode shows the demo logins on the home page; never on in production.
DEMO = env_bool("HEARTH_DEMO", False) and not PRODUCTION

if PRODUCTION:
    SECRET_KEY = env_str("HEARTH_SECRET_KEY")
    ALLOWED_HOSTS = env_list("HEARTH_ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("Set HEARTH_ALLOWED_HOSTS (comma-separated) in production.")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
else:
    SECRET_KEY = env_str("HEARTH_SECRET_KEY", "dev-only-not-secret-hearth")
    ALLOWED_HOSTS = env_list("HEARTH_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "hearth.accounts",
    "hearth.records",
    "hearth.casework",
    "hearth.synth",
    "hearth.returns.ssda903",
    "hearth.analytics",
    "hearth.packs",
    "hearth.offer",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

if PRODUCTION:
    # In production WhiteNoise serves the collected static files; in development runserver does.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "hearth.urls"
WSGI_APPLICATION = "hearth.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hearth" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hearth.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Enforce foreign keys and wait for locks rather than failing at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20})
    # Tests use a file, not memory, so the browser tests' live server can serve requests in
    # parallel threads, each with its own connection; one file per test run, so runs side by
    # side do not share it. pytest-django deletes it at the end.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test_hearth_{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "casework:home"
# Sessions end after 30 minutes without a request (every request renews the session).
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Sign-in lockout: this many failures for one username within the window locks it for the window.
HEARTH_SIGN_IN_MAX_FAILURES = 5
HEARTH_SIGN_IN_LOCKOUT_MINUTES = 15
# Email (young people's invitations): printed to the console unless a backend is configured.
EMAIL_BACKEND = env_str("HEARTH_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("HEARTH_FROM_EMAIL", "hearth@localhost")

FORM_RENDERER = "hearth.govuk_forms.GovukFormRenderer"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# GOV.UK Frontend's built assets, installed by npm (./run) into node_modules.
_GOVUK_DIST = BASE_DIR / "node_modules" / "govuk-frontend" / "dist"
STATICFILES_DIRS = [("govuk", _GOVUK_DIST / "govuk")] if _GOVUK_DIST.exists() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
