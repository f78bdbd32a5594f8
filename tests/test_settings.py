"""The settings themselves: importing them makes nothing, and new passwords are hashed with
Argon2 (the tests' own settings use a fast hasher instead)."""

import subprocess
import sys

from django.contrib.auth.hashers import identify_hasher, make_password
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
