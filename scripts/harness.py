"""What the evidence scripts share: a scratch OpenPlate (its own data folder and database, SQLite
or a PostgreSQL database created and dropped for the run), its server as a child process that can
be killed, people with API tokens, food files of every import format, and timed HTTP requests.

Used by scripts/import_while_serving.py, scripts/crash_safety.py and scripts/load_test.py; run
from the checkout with its virtualenv (the `openplate` command next to this Python).
"""

from __future__ import annotations

import csv
import gzip
import http.client
import json
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

OPENPLATE = str(Path(sys.executable).with_name("openplate"))
READY_SECONDS = 180  # a first start loads the shipped foods
FOOD_WORDS = [
    *("chocolate", "hazelnut", "spread", "oat", "drink", "greek", "yogurt", "strawberry"),
    *("granola", "bar", "whole", "wheat", "bread", "peanut", "butter", "crunchy", "tomato"),
    *("soup", "basil", "pesto", "green", "tea", "orange", "juice", "dark", "roast", "coffee"),
    *("cheddar", "cheese", "sliced", "ham", "chicken", "breast", "rice", "crackers", "salt"),
]
IMPORT_FORMATS = ("off-jsonl", "off-csv", "csv")
# What a request on a kept-alive connection that the server closed meanwhile fails with.
STALE_CONNECTION = frozenset({"RemoteDisconnected", "BrokenPipeError", "ConnectionResetError"})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}"


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def production_available() -> bool:
    helped = subprocess.run([OPENPLATE, "serve", "--help"], capture_output=True, text=True)
    return "--production" in helped.stdout


@dataclass
class Site:
    """A scratch OpenPlate. `postgres` is a server's URL (any database name in it is replaced by
    `database`); without it, SQLite in the scratch data folder."""

    postgres: str | None = None
    database: str = "openplate_scratch"
    production: bool = False
    workers: int = 2
    threads: int | None = None
    port: int = field(default_factory=free_port)
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="openplate-")))
    server: subprocess.Popen[bytes] | None = None

    @property
    def kind(self) -> str:
        return "PostgreSQL" if self.postgres else "SQLite"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = {**os.environ, "OPENPLATE_DATA_DIR": str(self.folder)}
        env.pop("DATABASE_URL", None)
        if self.postgres:
            env["DATABASE_URL"] = self._postgres_url(self.database)
        return env

    def _postgres_url(self, name: str) -> str:
        assert self.postgres is not None
        parts = urlsplit(self.postgres)
        return urlunsplit(parts._replace(path=f"/{name}"))

    def create(self) -> None:
        """A new, empty database, migrated and with the shipped foods loaded."""
        if self.postgres:
            self._postgres_admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self._postgres_admin(f'CREATE DATABASE "{self.database}"')
        self.python("from openplate.cli.database import prepare_database\n", prepare=True)

    def destroy(self) -> None:
        self.stop_server()
        if self.postgres:
            self._postgres_admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        shutil.rmtree(self.folder, ignore_errors=True)

    def _postgres_admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self._postgres_url("postgres"), autocommit=True) as admin:
            admin.execute(statement)

    def python(self, code: str, *, prepare: bool = False) -> str:
        """Run `code` with Django set up on this site's database; returns what it printed."""
        start = "from openplate.cli.database import prepare_database, setup_django\n" + (
            "prepare_database(verbose=False)\n" if prepare else "setup_django()\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", start + code],
            env=self.env(),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise RuntimeError(f"site python failed:\n{done.stderr}")
        return done.stdout

    def sql(self, query: str) -> list[tuple[Any, ...]]:
        """Rows of `query`, read straight from the database (not through the server)."""
        code = (
            "import json\nfrom django.db import connection\n"
            "with connection.cursor() as cursor:\n"
            f"    cursor.execute({query!r})\n"
            "    print(json.dumps(cursor.fetchall(), default=str))\n"
        )
        return [tuple(row) for row in json.loads(self.python(code))]

    def people(self, count: int, *, with_goal: bool = False) -> list[str]:
        """`count` new people, each with an API token (and no password: no sign-in storm, and no
        Argon2 work); returns their tokens."""
        code = f"""
import json
from datetime import date
from django.contrib.auth.models import User
from openplate.accounts.tokens import create_token
tokens = []
for number in range({count}):
    person = User(username=f"person{{number}}", email=f"person{{number}}@example.com")
    person.set_unusable_password()
    person.save()
    tokens.append(create_token(person, "evidence")[1])
    if {with_goal!r}:
        from openplate.accounts.goals import GoalInput, set_goal
        set_goal(person, GoalInput(sex="female", birth_date=date(1985, 6, 1), height_cm=168,
                 weight_kg=80, activity="light", rate_kg_per_week=-0.45, target_weight_kg=70),
                 on=date.today())
print(json.dumps(tokens))
"""
        tokens: list[str] = json.loads(self.python(code))
        return tokens

    def start_server(self) -> None:
        command = [OPENPLATE, "serve", "--port", str(self.port)]
        if self.production:
            command += ["--production", "--workers", str(self.workers)]
        if self.threads:
            command += ["--threads", str(self.threads)]
        log = (self.folder / "server.log").open("ab")
        # A session of its own, so that a kill reaches the production server's workers too.
        self.server = subprocess.Popen(
            command, env=self.env(), stdout=log, stderr=log, start_new_session=True
        )
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"server stopped: see {self.folder / 'server.log'}")
            try:
                status, _, _ = Client(self.url).get("/healthz")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server did not answer in time")

    def kill_server(self) -> None:
        """kill -9 the server and every process of its session."""
        if self.server is None:
            return
        os.killpg(self.server.pid, signal.SIGKILL)
        self.server.wait()
        self.server = None

    def stop_server(self) -> None:
        if self.server is None:
            return
        os.killpg(self.server.pid, signal.SIGTERM)
        try:
            self.server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill_server()
        self.server = None

    def import_command(self, file_format: str, path: Path) -> list[str]:
        return [OPENPLATE, "foods", "import", file_format, str(path)]

    def count(self, query: str) -> Any:
        """The one value `query` reads, straight from the database file or server (quicker than
        `sql`, for polling)."""
        if self.postgres:
            import psycopg

            with psycopg.connect(self._postgres_url(self.database)) as db:
                row = db.execute(query).fetchone()
        else:
            import sqlite3

            with sqlite3.connect(self.folder / "openplate.sqlite3", timeout=30) as db:
                row = db.execute(query).fetchone()
        return None if row is None else row[0]

    def integrity(self) -> str:
        """SQLite's own check of every page and index ("ok"); on PostgreSQL, that the tables
        read through their indexes and as stored agree (a count each way)."""
        if not self.postgres:
            return ", ".join(str(row[0]) for row in self.sql("PRAGMA integrity_check"))
        problems = []
        for table in ("foods_food", "foods_serving", "diary_entry"):
            code = f"""
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("SET enable_seqscan = off")
    cursor.execute("SELECT count(*) FROM {table} WHERE id > 0")
    indexed = cursor.fetchone()[0]
    cursor.execute("SET enable_seqscan = on")
    cursor.execute("SET enable_indexscan = off")
    cursor.execute("SET enable_bitmapscan = off")
    cursor.execute("SELECT count(*) FROM {table}")
    print(indexed, cursor.fetchone()[0])
"""
            indexed, scanned = self.python(code).split()
            if indexed != scanned:
                problems.append(f"{table}: {indexed} by index, {scanned} stored")
        return "; ".join(problems) or "ok (index and table counts agree)"


class Client:
    """One keep-alive HTTP connection; every request timed."""

    def __init__(self, url: str, token: str | None = None, timeout: float = 30) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.token, self.timeout = token, timeout
        self.connection: http.client.HTTPConnection | None = None
        self.last_error = ""
        self.errors: dict[str, int] = {}  # connection errors by exception, retried ones too
        self.stale_retries = 0

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any, float]:
        """(status, decoded JSON or None, seconds); status 0 when the connection failed.

        A kept-alive connection the server has closed meanwhile (gunicorn closes one idle for
        2 s) fails before the request reaches it; like a browser, the client then sends the
        request again once on a new connection, and counts it in `stale_retries`."""
        started = time.perf_counter()
        reused = self.connection is not None
        status, decoded = self._send(method, path, body)
        if status == 0 and reused and self.last_error in STALE_CONNECTION:
            self.stale_retries += 1
            status, decoded = self._send(method, path, body)
        return status, decoded, time.perf_counter() - started

    def _send(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout
                )
            self.connection.request(method, path, body=data, headers=headers)
            response = self.connection.getresponse()
            payload = response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                self.close()
        except (OSError, http.client.HTTPException) as error:
            self.last_error = type(error).__name__
            self.errors[self.last_error] = self.errors.get(self.last_error, 0) + 1
            self.close()
            return 0, None
        try:
            return status, json.loads(payload) if payload else None
        except ValueError:
            return status, None

    def get(self, path: str) -> tuple[int, Any, float]:
        return self.request("GET", path)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def write_foods(path: Path, file_format: str, count: int, *, seed: int = 1, first: int = 0) -> Path:
    """A file of `count` good foods in an import format, numbered from `first`: the same
    numbers are the same foods (source id, barcode) whatever the seed, which picks the rest."""
    rng = random.Random(seed)
    foods = [_food(rng, number) for number in range(first, first + count)]
    if file_format == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["source_id", "name", "brand", "kcal_per_100g", "protein_g", "fat_g"])
            writer.writerows(
                [
                    food["id"],
                    food["name"],
                    food["brand"],
                    food["kcal"],
                    food["protein"],
                    food["fat"],
                ]
                for food in foods
            )
    elif file_format == "off-csv":
        with path.open("w", encoding="utf-8") as out:
            out.write("code\tproduct_name\tbrands\tenergy-kcal_100g\tproteins_100g\tfat_100g\n")
            for food in foods:
                values = [food["code"], food["name"], food["brand"], food["kcal"], food["protein"]]
                out.write("\t".join(str(value) for value in [*values, food["fat"]]) + "\n")
    elif file_format == "off-jsonl":
        with (
            gzip.open(path, "wt", encoding="utf-8")
            if path.suffix == ".gz"
            else path.open("w", encoding="utf-8") as out
        ):
            for food in foods:
                product = {
                    "code": food["code"],
                    "product_name": food["name"],
                    "brands": food["brand"],
                    "nutriments": {
                        "energy-kcal_100g": food["kcal"],
                        "proteins_100g": food["protein"],
                        "fat_100g": food["fat"],
                    },
                }
                out.write(json.dumps(product) + "\n")
    else:
        raise ValueError(file_format)
    return path


def _food(rng: random.Random, number: int) -> dict[str, Any]:
    return {
        "id": f"food-{number}",
        "code": f"2{number:012d}",
        "name": " ".join(rng.sample(FOOD_WORDS, rng.randint(2, 5))).capitalize(),
        "brand": rng.choice(("Acme", "Brightfield", "Nordkost", "Golden Mill", "")),
        "kcal": round(rng.uniform(20, 600)),
        "protein": round(rng.uniform(0, 30), 1),
        "fat": round(rng.uniform(0, 40), 1),
    }


@contextmanager
def scratch_site(**options: Any) -> Iterator[Site]:
    site = Site(**options)
    try:
        site.create()
        yield site
    finally:
        site.destroy()
