"""`openplate serve`: the web app started for real through the installed console script, once
for the module, on a data folder and a database of its own."""

import os
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.console import environment, fresh_data_dir, openplate_script
from tests.cli.runner import openplate

pytestmark = pytest.mark.database  # its server has a database of its own

STARTUP_SECONDS = 120  # the first start loads the foods; a busy machine is slow at it


@dataclass(frozen=True)
class Server:
    url: str
    data_dir: Path
    log: Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("serve")
    port = free_port()
    log_path = data_dir / "serve.log"
    with fresh_data_dir(data_dir), log_path.open("w") as log:
        process = subprocess.Popen(
            [openplate_script(), "serve", "--port", str(port)],
            env=environment(data_dir),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while True:
                if process.poll() is not None:
                    pytest.fail(
                        f"openplate serve exited {process.returncode}:\n{log_path.read_text()}"
                    )
                try:
                    if get(f"{base}/healthz") == (200, "ok"):
                        break
                except (urllib.error.URLError, ConnectionError):
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"no answer on {base}/healthz:\n{log_path.read_text()}")
                time.sleep(0.2)
            yield Server(base, data_dir, log_path)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.slow
def test_it_serves_the_home_page(server: Server) -> None:
    status, body = get(f"{server.url}/")
    assert status == 200
    assert "OpenPlate" in body
    assert "running at" in server.log.read_text()
    assert (server.data_dir / "secret_key").exists()


@pytest.mark.slow
@pytest.mark.skipif("DATABASE_URL" in os.environ, reason="the database is PostgreSQL")
def test_it_migrates_the_sqlite_database_before_serving(server: Server) -> None:
    database = server.data_dir / "openplate.sqlite3"
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
