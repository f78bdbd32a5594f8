"""Settings for the test run: the real settings, with the data folder in a fresh temporary
directory so that tests never touch a person's own OpenPlate data."""

import os
import tempfile

os.environ.setdefault("OPENPLATE_DATA_DIR", tempfile.mkdtemp(prefix="openplate-tests-"))

from openplate.settings import *  # noqa: F403
