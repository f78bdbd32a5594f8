"""Running the installed `openplate` console script, as a person or a script would: for the few
tests that prove the script itself works (tests/cli/runner.py runs the commands in-process)."""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.databases import PreparedDatabase, own_database


def openplate_script() -> str:
    beside_python = Path(sys.executable).parent / "openplate"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("openplate")
    assert found, "the openplate console script is not installed"
    return found


# The database of each data folder that has one of its own (see `fresh_data_dir`).
_DATABASES: dict[Path, str] = {}


@contextmanager
def fresh_data_dir(data_dir: Path, prepared: PreparedDatabase | None = None) -> Iterator[Path]:
    """`data_dir` with a database of its own for the commands run on it, on PostgreSQL too: a
    copy of `prepared` (the `prepared_database` fixture's), else an empty one."""
    own = (
        prepared.copy_for(data_dir, "openplate_cli") if prepared else own_database("openplate_cli")
    )
    with own as database_url:
        if database_url:
            _DATABASES[data_dir] = database_url
        try:
            yield data_dir
        finally:
            _DATABASES.pop(data_dir, None)


def environment(data_dir: Path) -> dict[str, str]:
    """The environment of a command on `data_dir`: its own database (`fresh_data_dir`), else the
    SQLite file in the folder, never the shared DATABASE_URL's."""
    env = dict(os.environ, OPENPLATE_DATA_DIR=str(data_dir))
    env.pop("DJANGO_SETTINGS_MODULE", None)  # pytest-django's; the command must use its own
    env.pop("DATABASE_URL", None)
    if data_dir in _DATABASES:
        env["DATABASE_URL"] = _DATABASES[data_dir]
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
