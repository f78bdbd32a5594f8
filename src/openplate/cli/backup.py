"""`openplate backup FILE`: a copy of the whole database taken while the server runs.

SQLite through its online backup API (a consistent copy even while requests write); PostgreSQL
through `pg_dump` in its custom format. docs/deploying.md says how to restore either.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

import click

from openplate.cli.database import setup_django

OWNER_ONLY_FILE = 0o600  # a backup holds everyone's health data
BYTES_PER_MB = 1_000_000


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def backup(file: Path) -> None:
    """Copy the whole database to FILE (new; readable by its owner only)."""
    if file.exists():
        raise click.UsageError(f"{file} exists already; name a new file")
    if not file.parent.is_dir():
        raise click.UsageError(f"no folder {file.parent} to write {file.name} in")
    setup_django()
    from django.conf import settings

    database: dict[str, Any] = settings.DATABASES["default"]
    _create_for_owner(file)
    try:
        if str(database["ENGINE"]).endswith("sqlite3"):
            _copy_sqlite(Path(database["NAME"]), file)
        else:
            _dump_postgresql(database, file)
    except BaseException:
        file.unlink(missing_ok=True)  # never leave half a backup that looks like one
        raise
    size = file.stat().st_size / BYTES_PER_MB
    click.echo(f"Backed up the database to {file} ({size:.1f} MB).")


def _create_for_owner(file: Path) -> None:
    try:
        os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE))
    except OSError as error:
        raise click.UsageError(f"cannot write {file}: {error.strerror}") from None


def _copy_sqlite(source: Path, file: Path) -> None:
    if not source.is_file():
        raise click.ClickException(f"no database at {source}")
    try:
        with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(file)) as copy:
            live.backup(copy)
            (verdict,) = copy.execute("PRAGMA quick_check").fetchone()
    except sqlite3.Error as error:
        raise click.ClickException(f"cannot back up {source}: {error}") from None
    if verdict != "ok":
        raise click.ClickException(f"the copy of {source} is damaged: {verdict}")


def _dump_postgresql(database: dict[str, Any], file: Path) -> None:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise click.ClickException("pg_dump is not installed (PostgreSQL's client tools)")
    # The password through the environment, never on a command line others can read.
    environment = dict(os.environ, PGPASSWORD=str(database.get("PASSWORD") or ""))
    command = [pg_dump, "--format=custom", "--no-owner", f"--file={file}"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command.append(f"{option}={database[key]}")
    command.append(str(database["NAME"]))
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        reason = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"
        raise click.ClickException(f"pg_dump: {reason}")
