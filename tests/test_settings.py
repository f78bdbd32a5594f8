"""The settings themselves: importing them makes nothing, and new passwords are hashed with
Argon2 (the tests' own settings use a fast hasher instead)."""

import re
import runpy
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.hashers import identify_hasher, make_password
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from openplate import settings as real_settings


def test_importing_the_settings_creates_no_folder_and_writes_no_key(tmp_path):
    data_dir = tmp_path / "not-yet"
    code = "import openplate.settings as s; print(repr(s.SECRET_KEY))"
    env = {"OPENPLATE_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "''"
    assert not data_dir.exists()


def test_the_real_settings_hash_new_passwords_with_argon2():
    assert real_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=real_settings.PASSWORD_HASHERS):
        hashed = make_password("correct horse battery staple")
        assert identify_hasher(hashed).algorithm == "argon2"
        assert hashed.startswith("argon2$argon2id$")


def settings_from_the_environment() -> dict[str, Any]:
    """The real settings module run afresh, as a server would read the environment now."""
    return runpy.run_path(real_settings.__file__)


# Each secret: what its file holds, and where the settings show what was read from it.
SECRETS: dict[str, tuple[str, Callable[[dict[str, Any]], Any], str]] = {
    "OPENPLATE_SECRET_KEY": ("a-key-from-a-file", lambda s: s["SECRET_KEY"], "a-key-from-a-file"),
    "DATABASE_URL": (
        "postgresql://plate:db-s3cret@db.example.org:5432/openplate",
        lambda s: s["DATABASES"]["default"]["PASSWORD"],
        "db-s3cret",
    ),
    "OPENPLATE_EMAIL_PASSWORD": ("mail-s3cret", lambda s: s["EMAIL_HOST_PASSWORD"], "mail-s3cret"),
}


@pytest.fixture
def no_secrets(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in SECRETS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(f"{name}_FILE", raising=False)
    return monkeypatch


@pytest.mark.parametrize("name", SECRETS)
def test_each_secret_can_be_read_from_the_file_named_by_its_file_variable(
    no_secrets: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    value, setting, expected = SECRETS[name]
    secret_file = tmp_path / name.lower()
    secret_file.write_text(value + "\n")  # the newline an editor or `echo` leaves is dropped
    no_secrets.setenv(f"{name}_FILE", str(secret_file))
    assert setting(settings_from_the_environment()) == expected


@pytest.mark.parametrize("name", SECRETS)
def test_a_secret_given_both_ways_is_refused_naming_both(
    no_secrets: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    secret_file = tmp_path / "secret"
    secret_file.write_text(SECRETS[name][0])
    no_secrets.setenv(name, SECRETS[name][0])
    no_secrets.setenv(f"{name}_FILE", str(secret_file))
    with pytest.raises(ImproperlyConfigured, match=f"set {name} or {name}_FILE, not both"):
        settings_from_the_environment()


def test_without_database_url_the_database_is_sqlite_in_the_data_folder(
    no_secrets: pytest.MonkeyPatch,
) -> None:
    database = settings_from_the_environment()["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == real_settings.DATA_DIR / "openplate.sqlite3"


def test_the_sqlite_connection_is_kept_from_one_request_to_the_next(
    no_secrets: pytest.MonkeyPatch,
) -> None:
    """Opening one costs milliseconds (Django's functions, the PRAGMAs), more than a small API
    request's own work (docs/PERFORMANCE.md)."""
    database = settings_from_the_environment()["DATABASES"]["default"]
    assert database["CONN_MAX_AGE"] >= 60


def test_the_settings_take_their_mail_from_the_environment(
    no_secrets: pytest.MonkeyPatch,
) -> None:
    for name in ("OPENPLATE_EMAIL_BACKEND", "OPENPLATE_EMAIL_PORT", "OPENPLATE_EMAIL_USE_SSL"):
        no_secrets.delenv(name, raising=False)
    no_secrets.setenv("OPENPLATE_EMAIL_HOST", "mail.example.org")
    no_secrets.setenv("OPENPLATE_EMAIL_USE_TLS", "true")
    settings = settings_from_the_environment()
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"]) == ("mail.example.org", 587)


def test_the_readme_lists_exactly_the_secrets_that_accept_a_file() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `(\w+)` \(or `\1_FILE`\)", section, flags=re.MULTILINE))
    assert listed == set(SECRETS)
