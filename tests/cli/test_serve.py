"""`openplate serve`: the web app started for real through the installed console script, once
for the module, on an empty data folder and database of its own (its first start prepares them,
as a person's does)."""

import os
import sqlite3
import subprocess
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from openplate.foods.loading import shipped_food_count
from tests.cli.console import environment, fresh_data_dir, openplate_script
from tests.cli.runner import openplate
from tests.servers import Server, running

pytestmark = pytest.mark.database  # its server has a database of its own


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("serve")


@pytest.fixture(scope="module")
def server(data_dir: Path) -> Iterator[Server]:
    with (
        fresh_data_dir(data_dir),
        running(
            lambda port: [openplate_script(), "serve", "--port", str(port)],
            environment(data_dir),
            data_dir / "serve.log",
        ) as server,
    ):
        yield server


@pytest.mark.slow
def test_it_serves_the_home_page(server: Server, data_dir: Path) -> None:
    status, body = get(f"{server.url}/")
    assert status == 200
    assert "OpenPlate" in body
    assert "running at" in server.log.read_text()
    assert (data_dir / "secret_key").exists()


@pytest.mark.slow
def test_its_first_start_loads_the_shipped_foods(server: Server) -> None:
    assert f"Foods: {shipped_food_count():,} added, 0 updated." in server.log.read_text()


@pytest.mark.slow
@pytest.mark.skipif("DATABASE_URL" in os.environ, reason="the database is PostgreSQL")
def test_it_migrates_the_sqlite_database_before_serving(server: Server, data_dir: Path) -> None:
    database = data_dir / "openplate.sqlite3"
    assert database.exists()
    with closing(sqlite3.connect(database)) as connection:
        (applied,) = connection.execute("SELECT COUNT(*) FROM django_migrations").fetchone()
    assert applied > 0


def test_it_refuses_a_bad_setting_in_one_line(tmp_path: Path) -> None:
    """Read as the settings are imported, so only a process of its own can show it."""
    env = environment(tmp_path) | {"OPENPLATE_DEBUG": "maybe"}
    result = subprocess.run(
        [openplate_script(), "serve"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "openplate: OPENPLATE_DEBUG must be one of true/false, 1/0, yes/no or on/off, not 'maybe'"
    ]


@pytest.mark.parametrize("port", ["0", "65536", "abc"])
def test_it_refuses_a_bad_port(port: str) -> None:
    result = openplate("serve", "--port", port)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "--port" in result.stderr
    assert "Traceback" not in result.stderr


def test_it_refuses_workers_without_production() -> None:
    result = openplate("serve", "--workers", "3")
    assert result.returncode == 2
    assert result.stderr == (
        "openplate: error: --workers needs --production (plain serve is one process)\n"
    )
