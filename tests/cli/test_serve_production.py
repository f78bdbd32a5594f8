"""`openplate serve --production`: the console script started for real, once for the module, on an
empty data folder and database of its own (its first start prepares them before the workers
boot): gunicorn's workers, hashed static files, JSON logs."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests import servers
from tests.cli.console import environment, fresh_data_dir, openplate_script

pytestmark = [pytest.mark.database, pytest.mark.slow]

WORKERS = 2
# A year: what a browser may keep a file whose name changes with its content.
YEAR_SECONDS = 365 * 24 * 60 * 60
LOG_FIELDS = {"time", "level", "logger", "message"}
REQUEST_FIELDS = {"method", "path", "status", "duration_ms"}
ACCESS_LOGGER = "gunicorn.access"


@dataclass(frozen=True)
class Server:
    url: str
    port: int
    data_dir: Path
    log: Path
    process: subprocess.Popen[bytes]

    def log_lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.log.read_text().splitlines() if line]

    def access_log_paths(self, until_path: str) -> list[str]:
        """The paths in the access log, once `until_path` is among them: a worker writes its
        access line after it has sent the answer, so the line can come a moment after it."""
        deadline = time.monotonic() + 10
        while True:
            paths = [line["path"] for line in self.log_lines() if line["logger"] == ACCESS_LOGGER]
            if until_path in paths or time.monotonic() > deadline:
                return paths
            time.sleep(0.05)


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir = tmp_path_factory.mktemp("serve-production")
    command = [openplate_script(), "serve", "--production", "--workers", str(WORKERS), "--port"]
    with (
        fresh_data_dir(data_dir),
        servers.running(
            lambda port: [*command, str(port)],
            environment(data_dir),
            data_dir / "serve.log",
            log_stdout=False,  # the JSON log lines are on stderr
        ) as running,
    ):
        yield Server(running.url, running.port, data_dir, running.log, running.process)


def test_it_answers_the_health_check_with_the_policy(server: Server) -> None:
    status, headers, body = fetch(f"{server.url}/healthz")
    assert (status, body) == (200, b"ok")
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_it_serves_static_files_by_hashed_names_kept_for_a_year(server: Server) -> None:
    _, _, page = fetch(f"{server.url}/accounts/login/")
    found = re.search(rb'href="(/static/openplate/site\.([0-9a-f]{12})\.css)"', page)
    assert found, "the page links the stylesheet by its hashed name"

    status, headers, body = fetch(server.url + found[1].decode())

    assert status == 200
    assert b"font-family" in body
    max_age = re.search(r"max-age=(\d+)", headers["Cache-Control"])
    assert max_age, headers["Cache-Control"]
    assert int(max_age[1]) >= YEAR_SECONDS
    assert "immutable" in headers["Cache-Control"]
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_every_log_line_is_a_json_object_and_requests_have_their_fields(server: Server) -> None:
    fetch(f"{server.url}/healthz")
    server.access_log_paths(until_path="/healthz")
    lines = server.log_lines()  # json.loads fails on any line that is not JSON

    assert lines
    assert all(line.keys() >= LOG_FIELDS for line in lines)
    requests = [line for line in lines if line["logger"] == ACCESS_LOGGER]
    health = next(line for line in requests if line["path"] == "/healthz")
    assert health.keys() >= REQUEST_FIELDS
    assert (health["method"], health["status"]) == ("GET", 200)
    assert health["duration_ms"] >= 0


def test_the_access_log_leaves_out_the_query_string(server: Server) -> None:
    """A search's words are the person's own: the log keeps the path only."""
    fetch(f"{server.url}/accounts/login/?next=/diary/words/%3Ftext%3Dcheesecake")
    logged = server.access_log_paths(until_path="/accounts/login/")
    assert "/accounts/login/" in logged
    assert "cheesecake" not in server.log.read_text()


def _alive_workers(server: Server) -> list[int]:
    booted = [
        int(found[1])
        for line in server.log_lines()
        if (found := re.fullmatch(r"Booting worker with pid: (\d+)", line["message"]))
    ]
    return [pid for pid in booted if Path(f"/proc/{pid}").exists()]


def test_it_runs_the_workers_as_processes_of_the_master(server: Server) -> None:
    # The health check answers once one worker is up; on a busy machine the other may still boot.
    deadline = time.monotonic() + servers.STARTUP_SECONDS
    while len(alive := _alive_workers(server)) < WORKERS and time.monotonic() < deadline:
        time.sleep(0.1)

    assert len(alive) == WORKERS
    assert all(_parent_of(pid) == server.process.pid for pid in alive)


def test_the_migrations_ran_once_before_the_workers(server: Server) -> None:
    messages = [line["message"] for line in server.log_lines()]
    assert messages.count("Applying the database's migrations") <= 1
    first_worker = next(i for i, m in enumerate(messages) if m.startswith("Booting worker"))
    assert all(i < first_worker for i, m in enumerate(messages) if "migrations" in m)


@pytest.mark.skipif("DATABASE_URL" in os.environ, reason="the database is PostgreSQL")
def test_the_database_files_are_the_owners_only(server: Server) -> None:
    files = [server.data_dir / name for name in ("openplate.sqlite3", "secret_key")]
    files += list(server.data_dir.glob("openplate.sqlite3-*"))  # -wal and -shm, while open
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in files} == {
        path.name: 0o600 for path in files
    }
    assert stat.S_IMODE(server.data_dir.stat().st_mode) == 0o700


def test_a_second_server_on_the_same_port_is_refused_in_one_line(
    server: Server, tmp_path: Path
) -> None:
    result = subprocess.run(
        [openplate_script(), "serve", "--production", "--port", str(server.port)],
        env=environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"openplate: cannot listen on 127.0.0.1:{server.port}: Address already in use"
    ]


def _parent_of(pid: int) -> int:
    # /proc/PID/stat: "pid (name) state ppid ..."; the name may hold spaces, so split after it.
    after_name = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(after_name[1])
