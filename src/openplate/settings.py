"""The one settings module. Everything a deployment changes comes from the environment.

SQLite in the data folder by default; set DATABASE_URL for PostgreSQL. Importing this module
reads and creates nothing: the `openplate` commands and `openplate.wsgi` prepare the data folder
(`config.prepare_data_dir`) before Django starts.
"""

from pathlib import Path
from typing import Any

import dj_database_url

from openplate.core import config

DATA_DIR: Path = config.data_dir()

SECRET_KEY = config.stored_secret_key(DATA_DIR)
DEBUG = config.env_bool("OPENPLATE_DEBUG", False)
ALLOWED_HOSTS = config.env_list("OPENPLATE_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = config.env_list("OPENPLATE_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # First, so that its templates/registration/ pages replace the admin's and auth's own.
    "openplate",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # serves the API documentation page's scripts itself, so it works offline
    # OpenPlate's own, floor by floor (docs/architecture.md).
    "openplate.accounts",
    "openplate.foods",
    "openplate.body",
    "openplate.exercise",
    "openplate.guides",
    "openplate.diary",
    "openplate.coach",
    "openplate.progress",
    "openplate.yourdata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The signed-in person's time zone for the request: "today" is their day.
    "openplate.accounts.middleware.TimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "openplate.urls"
WSGI_APPLICATION = "openplate.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "openplate.accounts.context_processors.numbers_light",
            ],
        },
    },
]

SQLITE_BUSY_TIMEOUT = 5  # seconds a write waits for SQLite's write lock before failing
DATABASES: dict[str, dict[str, Any]]
# A secret (it may hold a password), so it can also be given as DATABASE_URL_FILE.
if database_url := config.env_secret("DATABASE_URL"):
    DATABASES = {
        "default": dict(
            dj_database_url.parse(database_url, conn_max_age=60, conn_health_checks=True)
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "openplate.sqlite3",
            # WAL and IMMEDIATE transactions keep the server's threads from failing with
            # "database is locked" when two requests write at once: a writer waits for the
            # other, up to the timeout (seconds). Imports commit in batches of tens of
            # milliseconds (foods.importers.journal), so a request waits far less than that.
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": SQLITE_BUSY_TIMEOUT,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT * 1000}"
                ),
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id for new passwords (the winner of the Password Hashing Competition); the others only
# to check, and upgrade on sign-in, passwords stored by older setups.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Mail (the password-reset link): EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS,
# EMAIL_USE_SSL, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_TIMEOUT and DEFAULT_FROM_EMAIL.
globals().update(config.mail_settings())
# Django's own password check; the user comes with their account (the time zone) in one query.
AUTHENTICATION_BACKENDS = ["openplate.accounts.backends.AccountBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "diary:today"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = config.env_str("OPENPLATE_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / config.STATIC_FOLDER
# WhiteNoise serves straight from the apps' static folders, so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        # Replace Django's own handlers (DEBUG-only console, mail to ADMINS) with the root's.
        "django": {"level": "INFO"},
        # `openplate serve` prints its own line saying where it listens.
        "waitress": {"level": "WARNING"},
    },
}
