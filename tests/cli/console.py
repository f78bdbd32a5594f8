"""Running the installed `openplate` console script, as a person or a script would."""

import os
import shutil
import subprocess
import sys
from pathlib import Path


def openplate_script() -> str:
    beside_python = Path(sys.executable).parent / "openplate"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("openplate")
    assert found, "the openplate console script is not installed"
    return found


def environment(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, OPENPLATE_DATA_DIR=str(data_dir))
    env.pop("DJANGO_SETTINGS_MODULE", None)  # pytest-django's; the command must use its own
    return env


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [openplate_script(), *args],
        env=environment(data_dir),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
