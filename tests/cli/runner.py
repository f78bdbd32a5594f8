"""Running the `openplate` command line inside the test process, as the console script would.

The commands that need the database use the test database, so a test that runs one asks for it
(the `db` fixture). The data folder they prepare is the test settings' temporary one.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

from django.conf import settings

from openplate.cli import main
from openplate.core import config


@dataclass(frozen=True)
class Result:
    """What the command did, named as `subprocess.CompletedProcess` names it."""

    returncode: int
    stdout: str
    stderr: str


def openplate(*args: str) -> Result:
    """Run `openplate ARGS...` and capture its exit code, stdout and stderr apart."""
    assert config.data_dir() == settings.DATA_DIR, "the command would prepare another folder"
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        try:
            main(list(args))
        except SystemExit as stopped:
            code = _exit_code(stopped.code, stderr)
        else:
            raise AssertionError("openplate.cli.main returned instead of exiting")
    return Result(code, stdout.getvalue(), stderr.getvalue())


def _exit_code(code: str | int | None, stderr: io.StringIO) -> int:
    """The code the process would exit with: Python prints a message and exits 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=stderr)
    return 1
