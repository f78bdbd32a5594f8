"""`openplate backup FILE`, and the restore docs/deploying.md describes, performed: a person's
food logged in one data folder (or database) is there, through `openplate export`, after the
backup is restored into a fresh one. The live folder starts from the run's prepared database
(tests/databases.py); the fresh one holds nothing but the restored backup."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.cli.console import environment, fresh_data_dir, openplate_script, run
from tests.cli.runner import openplate
from tests.databases import PreparedDatabase

DAY = "2025-05-01"
ALICE = ("--username", "alice", "--email", "alice@example.org")


def log_a_day(data_dir: Path) -> None:
    env = environment(data_dir) | {"DJANGO_SUPERUSER_PASSWORD": "a long passphrase 2025"}
    made = subprocess.run(
        [openplate_script(), "manage", "createsuperuser", "--noinput", *ALICE],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    logged = run(data_dir, "log", "food", "--user", "alice", "--date", DAY, "2 eggs")
    assert logged.returncode == 0, logged.stderr


def exported(data_dir: Path) -> dict[str, Any]:
    out = data_dir.parent / f"alice-from-{data_dir.name}.json"
    result = run(data_dir, "export", "--user", "alice", "--out", str(out))
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(out.read_text())
    return document


def food_logged(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [(entry["date"], entry["meal"]) for entry in document["diary_entries"]]


@pytest.mark.slow
@pytest.mark.database
@pytest.mark.skipif("DATABASE_URL" in os.environ, reason="the database is PostgreSQL")
def test_a_sqlite_backup_restored_into_a_fresh_data_folder_has_the_data(
    tmp_path: Path, prepared_database: PreparedDatabase
) -> None:
    live, fresh = tmp_path / "live", tmp_path / "fresh"
    copy = tmp_path / "openplate-backup.sqlite3"
    with fresh_data_dir(live, prepared_database):
        log_a_day(live)
        before = exported(live)
        result = run(live, "backup", str(copy))

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Backed up the database to {copy} (")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    # The restore, as docs/deploying.md says: the copy becomes the new folder's database.
    fresh.mkdir()
    shutil.copy(copy, fresh / "openplate.sqlite3")
    after = exported(fresh)
    assert food_logged(after) == food_logged(before)
    assert len(food_logged(after)) == 1


@pytest.mark.slow
@pytest.mark.database
@pytest.mark.skipif("DATABASE_URL" not in os.environ, reason="the database is SQLite")
def test_a_postgresql_backup_restored_into_a_fresh_database_has_the_data(
    tmp_path: Path, prepared_database: PreparedDatabase
) -> None:
    live, fresh = tmp_path / "live", tmp_path / "fresh"
    copy = tmp_path / "openplate.dump"
    with fresh_data_dir(live, prepared_database):
        log_a_day(live)
        before = exported(live)
        result = run(live, "backup", str(copy))
        assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with fresh_data_dir(fresh):
        # The restore, as docs/deploying.md says: pg_restore into an empty database.
        url = environment(fresh)["DATABASE_URL"]
        restored = subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={url}", str(copy)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert restored.returncode == 0, restored.stderr
        after = exported(fresh)
    assert food_logged(after) == food_logged(before)
    assert len(food_logged(after)) == 1


def test_it_refuses_to_overwrite_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "backup.sqlite3"
    existing.write_text("yesterday's backup")
    result = openplate("backup", str(existing))
    assert result.returncode == 2
    assert result.stderr == f"openplate: error: {existing} exists already; name a new file\n"
    assert existing.read_text() == "yesterday's backup"


def test_it_refuses_a_missing_folder(tmp_path: Path) -> None:
    result = openplate("backup", str(tmp_path / "no-such-folder" / "backup.sqlite3"))
    assert result.returncode == 2
    assert "no folder" in result.stderr
    assert not (tmp_path / "no-such-folder").exists()
