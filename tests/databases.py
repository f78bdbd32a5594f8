"""A database of its own for a test that runs OpenPlate in a subprocess (the console script, the
server): on SQLite the data folder already is one; on PostgreSQL (DATABASE_URL set) the
subprocess would otherwise write into the shared database, which outlives the run, so a second
run would find the first one's people.

Preparing a new database (the migrations, then the 7,906 shipped foods and the activities) takes
seconds, most of a server's first start. `PreparedDatabase` is one prepared once a run by
OpenPlate itself; a folder that gets a copy of it starts at once. The tests that check what a
first start does to an empty folder keep an empty one.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from openplate.core.config import OWNER_ONLY_FILE, SQLITE_FILE

PREPARE = "from openplate.cli.database import prepare_database; prepare_database(verbose=False)"
PREPARE_SECONDS = 300  # a few seconds on a quiet machine


def shared_database_url() -> str:
    return os.environ.get("DATABASE_URL", "")


@contextmanager
def own_database(prefix: str, *, template: str | None = None) -> Iterator[str | None]:
    """On PostgreSQL, the URL of a database made for the caller (a copy of `template`, if named)
    and dropped after it; else None."""
    shared = shared_database_url()
    if not shared:
        yield None
        return
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    _run(shared, create)
    try:
        yield shared.rsplit("/", 1)[0] + f"/{name}"
    finally:
        _run(
            shared, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@dataclass(frozen=True)
class PreparedDatabase:
    """A database with every migration applied and the shipped foods and activities loaded: a
    SQLite file, or on PostgreSQL a database that others are made from as from a template."""

    sqlite_file: Path | None = None
    template: str | None = None

    @contextmanager
    def copy_for(self, data_dir: Path, prefix: str) -> Iterator[str | None]:
        """A copy for `data_dir`: on SQLite its database file, made with the owner-only mode the
        app gives it; on PostgreSQL a database of its own, whose URL this yields."""
        if self.sqlite_file is not None:
            data_dir.mkdir(parents=True, exist_ok=True)
            copy = data_dir / SQLITE_FILE
            os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE))
            with (
                closing(sqlite3.connect(self.sqlite_file)) as source,
                closing(sqlite3.connect(copy)) as target,
            ):
                source.backup(target)
            yield None
            return
        with own_database(prefix, template=self.template) as database_url:
            yield database_url


@contextmanager
def prepared_in(folder: Path) -> Iterator[PreparedDatabase]:
    """A database prepared as a first start would, by OpenPlate in a process of its own, kept in
    `folder` on SQLite and on PostgreSQL dropped at the end."""
    env = dict(os.environ, OPENPLATE_DATA_DIR=str(folder))
    env.pop("DJANGO_SETTINGS_MODULE", None)  # pytest-django's; OpenPlate must use its own
    with own_database("openplate_prepared") as database_url:
        if database_url:
            env["DATABASE_URL"] = database_url
        done = subprocess.run(
            [sys.executable, "-c", PREPARE],
            env=env,
            capture_output=True,
            text=True,
            timeout=PREPARE_SECONDS,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"preparing the test database failed:\n{done.stderr}")
        if database_url:
            yield PreparedDatabase(template=database_url.rsplit("/", 1)[1])
        else:
            yield PreparedDatabase(sqlite_file=folder / SQLITE_FILE)


def _run(url: str, statement: sql.Composable) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)
