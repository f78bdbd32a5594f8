"""Typed readers of the environment, the data folder, the secret key and the mail settings.

Each reader fails loudly: a value it cannot understand raises ImproperlyConfigured naming the
variable and the value, rather than quietly falling back to the default. Reading writes nothing:
the settings only read, and `prepare_data_dir` (run by the `openplate` commands and the WSGI
module before Django starts) makes the folder and the key.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from pathlib import Path
from typing import Any

import platformdirs
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
FALSE_WORDS = frozenset({"false", "0", "no", "off"})
SECRET_KEY_FILE = "secret_key"
STATIC_FOLDER = "static"
SQLITE_FILE = "openplate.sqlite3"
# SQLite gives its -wal and -shm files the mode of the database file; those left from a run
# before are set too.
SQLITE_COMPANIONS = ("", "-wal", "-shm")
# Health data and the key: the owner's only, whatever the umask or an earlier mode.
OWNER_ONLY_FOLDER = 0o700
OWNER_ONLY_FILE = 0o600
# How long to wait for another process that has just created the secret key file to fill it.
SECRET_KEY_WAIT_SECONDS = 2.0
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The ports mail servers listen on: SMTPS (implicit TLS), submission (STARTTLS), plain SMTP.
SMTP_SSL_PORT = 465
SMTP_STARTTLS_PORT = 587
SMTP_PORT = 25
SMTP_TIMEOUT_SECONDS = 10


def env_str(name: str, default: str) -> str:
    """The variable as text, or `default` when it is unset."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """true/false, 1/0, yes/no or on/off, in any case; unset or empty gives `default`."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if value.lower() in TRUE_WORDS:
        return True
    if value.lower() in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of true/false, 1/0, yes/no or on/off, not {value!r}"
    )


def env_int(name: str, default: int) -> int:
    """A whole number; unset or empty gives `default`."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_positive_int(name: str, default: int) -> int:
    """A whole number above zero; unset or empty gives `default`."""
    number = env_int(name, default)
    if number <= 0:
        raise ImproperlyConfigured(f"{name} must be a whole number above 0, not {number}")
    return number


def env_non_negative_int(name: str, default: int) -> int:
    """A whole number, 0 or above; unset or empty gives `default`."""
    number = env_int(name, default)
    if number < 0:
        raise ImproperlyConfigured(f"{name} must be a whole number, 0 or above, not {number}")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    """Comma-separated items, each stripped, empty items dropped; unset gives `default`."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str) -> str | None:
    """The variable `name`, or the contents of the file named by `name_FILE` (as Docker
    secrets are mounted); None when neither is set."""
    value = os.environ.get(name)
    path = os.environ.get(f"{name}_FILE")
    if value is not None and path is not None:
        raise ImproperlyConfigured(f"set {name} or {name}_FILE, not both")
    if path is None:
        return value
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise ImproperlyConfigured(
            f"{name}_FILE names {path!r}, which cannot be read: {error.strerror}"
        ) from None


def mail_settings() -> dict[str, Any]:
    """Django's e-mail settings from OPENPLATE_EMAIL_*: SMTP when a host is named, else the
    console (the password-reset mail is then printed in the server's log)."""
    host = env_str("OPENPLATE_EMAIL_HOST", "").strip()
    use_tls = env_bool("OPENPLATE_EMAIL_USE_TLS", False)
    use_ssl = env_bool("OPENPLATE_EMAIL_USE_SSL", False)
    if use_tls and use_ssl:
        raise ImproperlyConfigured(
            "set OPENPLATE_EMAIL_USE_TLS (STARTTLS) or OPENPLATE_EMAIL_USE_SSL (TLS from the "
            "first byte), not both"
        )
    default_port = SMTP_SSL_PORT if use_ssl else SMTP_STARTTLS_PORT if use_tls else SMTP_PORT
    return {
        "EMAIL_BACKEND": env_str(
            "OPENPLATE_EMAIL_BACKEND", SMTP_BACKEND if host else CONSOLE_BACKEND
        ),
        "EMAIL_HOST": host or "localhost",
        "EMAIL_PORT": env_positive_int("OPENPLATE_EMAIL_PORT", default_port),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_HOST_USER": env_str("OPENPLATE_EMAIL_USER", ""),
        "EMAIL_HOST_PASSWORD": env_secret("OPENPLATE_EMAIL_PASSWORD") or "",
        "EMAIL_TIMEOUT": env_positive_int("OPENPLATE_EMAIL_TIMEOUT", SMTP_TIMEOUT_SECONDS),
        "DEFAULT_FROM_EMAIL": env_str("OPENPLATE_FROM_EMAIL", "openplate@localhost"),
    }


def data_dir() -> Path:
    """The folder for the database and the secret key: OPENPLATE_DATA_DIR, or the platform's
    per-user data folder. Only named here; `prepare_data_dir` makes it."""
    configured = env_str("OPENPLATE_DATA_DIR", "")
    return Path(configured).expanduser() if configured else platformdirs.user_data_path("openplate")


def production() -> bool:
    """OPENPLATE_PRODUCTION, which `openplate serve --production` sets for itself."""
    return env_bool("OPENPLATE_PRODUCTION", False)


def debug(*, production: bool) -> bool:
    """OPENPLATE_DEBUG, refused in production: its error pages show the settings and the code."""
    wanted = env_bool("OPENPLATE_DEBUG", False)
    if wanted and production:
        raise ImproperlyConfigured("OPENPLATE_DEBUG cannot be on in production")
    return wanted


def prepare_data_dir() -> Path:
    """Make the data folder, its static files folder, the secret key and the SQLite file where
    they are missing; the folder, the key and the database readable by their owner only (they
    hold health data), even when they were made before with other modes."""
    folder = data_dir()
    folder.mkdir(mode=OWNER_ONLY_FOLDER, parents=True, exist_ok=True)
    _restrict(folder, OWNER_ONLY_FOLDER)
    (folder / STATIC_FOLDER).mkdir(exist_ok=True)  # WhiteNoise warns on every start without it
    secret_key(folder)
    if (key_file := folder / SECRET_KEY_FILE).exists():
        _restrict(key_file, OWNER_ONLY_FILE)
    if env_secret("DATABASE_URL") is None:
        prepare_sqlite_file(folder / SQLITE_FILE)
    return folder


def prepare_sqlite_file(path: Path) -> None:
    """Create the database file with the owner's mode before SQLite would (with the umask's),
    and restrict the files a run before left."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE))
    for suffix in SQLITE_COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            _restrict(companion, OWNER_ONLY_FILE)


def _restrict(path: Path, mode: int) -> None:
    if stat.S_IMODE(path.stat().st_mode) != mode:
        path.chmod(mode)


def stored_secret_key(folder: Path) -> str:
    """OPENPLATE_SECRET_KEY (or its _FILE), else the key kept in `folder`; "" when there is
    none yet (Django then refuses to use it, and `prepare_data_dir` makes one)."""
    configured = env_secret("OPENPLATE_SECRET_KEY")
    if configured:
        return configured
    path = folder / SECRET_KEY_FILE
    return _read_secret_key(path) if path.exists() else ""


def secret_key(folder: Path) -> str:
    """OPENPLATE_SECRET_KEY (or its _FILE), else the key kept in `folder`, made on first use."""
    if stored := stored_secret_key(folder):
        return stored
    path = folder / SECRET_KEY_FILE
    key = secrets.token_urlsafe(50)
    try:
        # Exclusive create: of two processes starting at once, one writes and both read its key.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE)
    except FileExistsError:
        return _read_secret_key(path)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(key + "\n")
    return key


def _read_secret_key(path: Path) -> str:
    # The file may exist but still be empty for a moment while its creator writes it.
    deadline = time.monotonic() + SECRET_KEY_WAIT_SECONDS
    while not (key := path.read_text(encoding="utf-8").strip()):
        if time.monotonic() > deadline:
            raise ImproperlyConfigured(f"{path} is empty; delete it to have a new key made")
        time.sleep(0.05)
    return key
