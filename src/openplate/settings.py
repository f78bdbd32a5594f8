"""The one settings module. Everything a deployment changes comes from the environment.

SQLite in the data folder by default; set DATABASE_URL for PostgreSQL. Importing this module
reads and creates nothing: the `openplate` commands and `openplate.wsgi` prepare the data folder
(`config.prepare_data_dir`) before Django starts.
"""

from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF

from openplate.core import config

DATA_DIR: Path = config.data_dir()
# Set by `openplate serve --production`: hashed static files collected, JSON logs, no DEBUG.
PRODUCTION = config.production()

SECRET_KEY = config.stored_secret_key(DATA_DIR)
DEBUG = config.debug(production=PRODUCTION)
ALLOWED_HOSTS = config.env_list("OPENPLATE_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = config.env_list("OPENPLATE_CSRF_TRUSTED_ORIGINS", [])

# --- HTTPS behind a reverse proxy (docs/deploying.md) ---
# OPENPLATE_HTTPS=1: browsers reach OpenPlate over HTTPS through a proxy that sets
# X-Forwarded-Proto. Cookies are then sent over HTTPS only, and browsers told to keep to it.
HTTPS = config.env_bool("OPENPLATE_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = (
    config.env_non_negative_int("OPENPLATE_HSTS_SECONDS", 31_536_000) if HTTPS else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS and config.env_bool("OPENPLATE_HSTS_SUBDOMAINS", False)
SECURE_SSL_REDIRECT = HTTPS and config.env_bool("OPENPLATE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # checked over plain HTTP from the machine itself
# How many proxies in front of OpenPlate append to X-Forwarded-For: the client's address is the
# one that many entries from the right (openplate.core.client.client_address); 0 trusts no
# header and takes REMOTE_ADDR. Rate limits and lockouts key on that address.
TRUSTED_PROXY_COUNT = config.env_non_negative_int("OPENPLATE_TRUSTED_PROXY_COUNT", 0)
# Every response, static files too: the app's own scripts and styles only, never inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# --- end of HTTPS ---

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
    "axes",  # locks an account after too many wrong passwords (docs/accounts.md)
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
    "csp.middleware.CSPMiddleware",  # before WhiteNoise, so static files carry the policy too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Under /api/, every error in the API's JSON shape, even those Django answers (404, 500).
    "openplate.core.api_errors.ApiErrorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The signed-in person's time zone for the request: "today" is their day.
    "openplate.accounts.middleware.TimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Limits on guessing: 429 over a limit; django-axes' lockout answer last, as it asks.
    "openplate.accounts.middleware.GuessingLimitsMiddleware",
    "axes.middleware.AxesMiddleware",
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
            "NAME": DATA_DIR / config.SQLITE_FILE,
            # Kept open from one request to the next: opening one costs about 3 ms (Django's
            # functions and the PRAGMAs below), more than a small API request's own work.
            "CONN_MAX_AGE": 600,
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
# First django-axes, refusing a locked account before its password is checked; then Django's own
# password check, the user coming with their account (the time zone) in one query.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "openplate.accounts.backends.AccountBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "diary:today"
LOGOUT_REDIRECT_URL = "login"

# --- Limits on guessing (docs/accounts.md) ---
# An account is locked for OPENPLATE_LOCKOUT_MINUTES after OPENPLATE_SIGNIN_ATTEMPTS wrong
# passwords (django-axes, counting in the database); a completed password reset unlocks it.
LOCKOUT_MINUTES = config.env_positive_int("OPENPLATE_LOCKOUT_MINUTES", 15)
AXES_FAILURE_LIMIT = config.env_positive_int("OPENPLATE_SIGNIN_ATTEMPTS", 10)
AXES_COOLOFF_TIME = timedelta(minutes=LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username"]  # per account; per address: GUESSING_LIMITS below
SILENCED_SYSTEM_CHECKS = ["axes.W006"]  # "no ip_address in the parameters": it is counted below
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the lockout ends when it said it would
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful sign-in
AXES_CLIENT_IP_CALLABLE = "openplate.core.client.client_address"
AXES_LOCKOUT_CALLABLE = "openplate.accounts.refusals.account_locked"
# Attempts per client address (or e-mail address) and window in minutes, counted in the
# database by openplate.accounts.limits.
RATE_LIMIT_MINUTES = config.env_positive_int("OPENPLATE_RATE_LIMIT_MINUTES", 60)
GUESSING_LIMITS: dict[str, tuple[int, int]] = {
    "sign_in_per_address": (
        config.env_positive_int("OPENPLATE_SIGNIN_ATTEMPTS_PER_ADDRESS", 50),
        LOCKOUT_MINUTES,
    ),
    "wrong_token_per_address": (
        config.env_positive_int("OPENPLATE_WRONG_TOKENS_PER_ADDRESS", 20),
        LOCKOUT_MINUTES,
    ),
    "sign_up_per_address": (
        config.env_positive_int("OPENPLATE_SIGNUPS_PER_ADDRESS", 10),
        RATE_LIMIT_MINUTES,
    ),
    "reset_per_address": (
        config.env_positive_int("OPENPLATE_RESETS_PER_ADDRESS", 10),
        RATE_LIMIT_MINUTES,
    ),
    "reset_per_email": (
        config.env_positive_int("OPENPLATE_RESETS_PER_EMAIL", 3),
        RATE_LIMIT_MINUTES,
    ),
}
# --- end of limits on guessing ---

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
if PRODUCTION:
    # Collected into STATIC_ROOT at start, with hashed names browsers may keep for a year.
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "openplate.core.static_storage.HashedStaticFiles"},
    }
else:
    # WhiteNoise serves straight from the apps' static folders: no collectstatic step.
    WHITENOISE_USE_FINDERS = True

# One JSON object a line in production (time, level, logger, message, and the request's
# method, path, status and duration_ms in the access log); plain lines otherwise.
LOG_FORMATTER = (
    {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "{levelname}{name}{message}",
        "style": "{",
        "rename_fields": {"levelname": "level", "name": "logger"},
        "timestamp": "time",
    }
    if PRODUCTION
    else {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": LOG_FORMATTER},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        # Replace Django's own handlers (DEBUG-only console, mail to ADMINS) with the root's.
        "django": {"level": "INFO"},
        # `openplate serve` prints its own line saying where it listens.
        "waitress": {"level": "WARNING"},
        # django-axes notes every sign-in at INFO; its failures and lockouts are WARNINGs.
        "axes": {"level": "WARNING"},
    },
}
