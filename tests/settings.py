"""Settings for the test run: the real settings, with the data folder in a fresh temporary
directory so that tests never touch a person's own OpenPlate data, and a fast password hasher:
Argon2 takes about half a second a person by design (tests/test_settings.py checks that the real
settings use it)."""

import os
import tempfile

# Always a fresh folder, even when the shell names a real one.
os.environ["OPENPLATE_DATA_DIR"] = tempfile.mkdtemp(prefix="openplate-tests-")

from openplate.core import config

config.prepare_data_dir()  # as the `openplate` commands do before Django starts

from openplate.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
