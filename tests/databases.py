"""A database of its own for a test that runs OpenPlate in a subprocess (the console script, the
server): on SQLite the data folder already is one; on PostgreSQL (DATABASE_URL set) the
subprocess would otherwise write into the shared database, which outlives the run, so a second
run would find the first one's people."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql


@contextmanager
def own_database(prefix: str) -> Iterator[str | None]:
    """On PostgreSQL, the URL of a database made for the caller and dropped after it; else None."""
    shared = os.environ.get("DATABASE_URL", "")
    if not shared:
        yield None
        return
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    _run(shared, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield shared.rsplit("/", 1)[0] + f"/{name}"
    finally:
        _run(
            shared, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def _run(url: str, statement: sql.Composed) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)
