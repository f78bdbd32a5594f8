"""Throughput and latency of the API and the day page under the production server, with wrk.

    python benchmarks/server_speed.py                   # 100,000 foods, 2 workers, 15 s a path
    python benchmarks/server_speed.py --duration 20 --workers 2 --connections 8

It prepares a data folder (kept between runs, so the synthetic foods are made once) holding
100,000 foods and a person with a goal and 40 entries today, with an API token and a signed-in
session. Then it starts the production server on that folder (`openplate serve --production`
when the command has it, else gunicorn with the same settings: DEBUG off), runs wrk against
each path in turn, authenticated (the bearer token for the API, the session cookie for the
page), and prints requests/s, p50, p95 and p99 at the client, the server's workers' memory
(RSS), and the same paths timed in-process (the Django test client, no network) beside them.

Needs wrk (`apt-get install wrk`) and gunicorn in the environment.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))

ENTRIES = 40
PERSON = "speed"
SEARCH_QUERIES = [
    "egg", "banana", "apple", "milk", "bread", "rice", "chicken breast", "salmon", "oatmeal",
    "peanut butter", "cheddar cheese", "yogurt", "broccoli", "avocado", "coffee", "pasta",
    "potato", "tofu", "lentils", "chocolate",
]  # fmt: skip
DEFAULT_DATA_DIR = Path(tempfile.gettempdir()) / "openplate-server-speed"

# Rotates through the paths given in `paths`, and prints the summary as JSON when done
# (wrk's own report has no p95).
WRK_SCRIPT = """
local paths = {%(paths)s}
local index = 0
wrk.headers["%(header)s"] = "%(value)s"
request = function()
  index = index %% #paths + 1
  return wrk.format("GET", paths[index])
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %%d, "seconds": %%f, "p50_ms": %%f, "p95_ms": %%f, "p99_ms": %%f, ' ..
    '"bad_status": %%d, "socket_errors": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
"""


@dataclass
class Target:
    name: str
    paths: list[str]
    header: str
    value: str
    connections: int | None = None  # the run's own number, if not the option's


@dataclass
class Person:
    token: str
    session_cookie: str
    day: date

    def targets(self) -> list[Target]:
        bearer = ("Authorization", f"Bearer {self.token}")
        cookie = ("Cookie", f"sessionid={self.session_cookie}")
        search = [f"/api/foods?q={query.replace(' ', '+')}" for query in SEARCH_QUERIES]
        return [
            Target("GET /api/entries (40 entries)", [f"/api/entries?date={self.day}"], *bearer),
            Target("GET /api/foods?q= (100,000 foods)", search, *bearer),
            Target("GET /diary/DAY/ (40 entries)", [f"/diary/{self.day}/"], *cookie),
            # What one person sees when the server has nothing else to do.
            Target("GET /diary/DAY/, 1 connection", [f"/diary/{self.day}/"], *cookie, 1),
        ]


def prepare(total_foods: int) -> Person:
    """The data folder's foods and person; the person made anew each run (a fresh token)."""
    from openplate.cli.database import prepare_database

    prepare_database(verbose=False)
    from django.contrib.auth.models import User
    from django.test import Client
    from django.utils import timezone
    from synthetic_foods import add_synthetic_foods

    from openplate.accounts.tokens import create_token
    from openplate.foods.models import Food

    missing = max(0, total_foods - Food.objects.count())
    if missing:
        with click.progressbar(length=missing, label="Adding synthetic foods") as bar:
            add_synthetic_foods(total_foods, progress=bar.update)
    User.objects.filter(username=PERSON).delete()
    day = timezone.localdate()
    user = _person_with_entries(day)
    _, token = create_token(user, "server speed")
    browser = Client()
    browser.force_login(user)
    return Person(token, browser.cookies["sessionid"].value, day)


def _person_with_entries(day: date) -> object:
    from diary_speed import make_diary
    from django.contrib.auth.models import User

    user = make_diary(day, ENTRIES)
    User.objects.filter(pk=user.pk).update(username=PERSON)  # type: ignore[attr-defined]
    return User.objects.get(pk=user.pk)  # type: ignore[attr-defined]


def time_in_process(person: Person, target: Target, requests: int) -> dict[str, float]:
    """p50 and p95 of `requests` GETs through the whole Django stack, without the network, and
    the process's CPU time a request (less disturbed by other work on the machine)."""
    from django.test import Client
    from page_timing import latency_ms

    header = "HTTP_" + target.header.upper()
    client = Client(HTTP_HOST="localhost", **{header: target.value})
    latencies = []
    cpu_start = 0.0
    for number in range(requests + len(target.paths)):  # one warm-up round
        if number == len(target.paths):
            cpu_start = time.process_time()
        path = target.paths[number % len(target.paths)]
        start = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (path, response.status_code)
        if number >= len(target.paths):
            latencies.append(elapsed)
    cpu_ms = (time.process_time() - cpu_start) * 1000 / requests
    return latency_ms(latencies) | {"cpu_ms": cpu_ms}


def server_command(port: int, workers: int, threads: int | None) -> list[str]:
    openplate = Path(sys.executable).with_name("openplate")
    serve_help = subprocess.run(
        [str(openplate), "serve", "--help"], capture_output=True, text=True, check=True
    ).stdout
    if "--production" in serve_help:
        command = [str(openplate), "serve", "--production", "--port", str(port)]
        command += ["--workers", str(workers)] if "--workers" in serve_help else []
        command += ["--threads", str(threads)] if threads and "--threads" in serve_help else []
        return command
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return [
        str(gunicorn), "openplate.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--threads", str(threads or 1), "--log-level", "warning",
    ]  # fmt: skip


def start_server(
    command: list[str], port: int, probe: Target, log: Path
) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:  # the access log: a line a request
        server = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{probe.paths[0]}", headers={probe.header: probe.value}
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise click.ClickException(f"the server stopped, see {log}: {' '.join(command)}")
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    stop_server(server)
    raise click.ClickException("the server did not answer within 60 s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def worker_rss_mib(server: subprocess.Popen[bytes]) -> list[float]:
    """RSS of every process in the server's group but its master, largest first."""
    listing = subprocess.run(
        ["ps", "-o", "pid=,rss=", "-g", str(server.pid)], capture_output=True, text=True
    ).stdout
    sizes = [
        int(rss) / 1024
        for pid, rss in (line.split() for line in listing.splitlines())
        if int(pid) != server.pid
    ]
    return sorted(sizes, reverse=True)


def run_wrk(target: Target, port: int, connections: int, seconds: int) -> dict[str, float]:
    paths = ", ".join(json.dumps(path) for path in target.paths)
    script = WRK_SCRIPT % {"paths": paths, "header": target.header, "value": target.value}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(script)
    try:
        output = subprocess.run(
            ["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{seconds}s",
             "-s", file.name, f"http://127.0.0.1:{port}"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        os.unlink(file.name)
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    result["per_second"] = result["requests"] / result["seconds"]
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


@click.command()
@click.option("--foods", "total_foods", default=100_000, show_default=True)
@click.option("--workers", default=2, show_default=True)
@click.option("--threads", type=int, help="Threads per worker (the server's default if not given).")
@click.option("--connections", default=8, show_default=True)
@click.option("--duration", default=15, show_default=True, help="Seconds of wrk per path.")
@click.option("--in-process", "in_process", default=300, show_default=True,
              help="Requests per path timed in-process (0: none).")  # fmt: skip
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_DATA_DIR,
    show_default=True,
    help="Kept between runs; the foods are made once.",
)
def main(
    total_foods: int,
    workers: int,
    threads: int | None,
    connections: int,
    duration: int,
    in_process: int,
    data_dir: Path,
) -> None:
    if shutil.which("wrk") is None:
        raise click.ClickException("wrk is needed: apt-get install wrk")
    os.environ["OPENPLATE_DATA_DIR"] = str(data_dir)
    os.environ.pop("OPENPLATE_DEBUG", None)
    os.environ.pop("DATABASE_URL", None)  # SQLite in the data folder, as the figures are
    person = prepare(total_foods)
    targets = person.targets()
    local = {
        t.name: time_in_process(person, t, in_process)
        for t in targets
        if in_process and t.connections is None
    }
    if in_process:
        click.echo(f"Timed in-process; load average after: {load_average()}")
    from django.db import connections as databases

    databases.close_all()
    port = free_port()
    command = server_command(port, workers, threads)
    click.echo(f"Server: {Path(command[0]).name} {' '.join(command[1:])}")
    click.echo(f"Load average before: {load_average()}")
    server = start_server(command, port, targets[0], data_dir / "server.log")
    try:
        rows = []
        for target in targets:
            clients = target.connections or connections
            run_wrk(target, port, clients, 2)  # warm-up: every worker's caches
            rows.append((target, run_wrk(target, port, clients, duration), load_average()))
        rss = worker_rss_mib(server)
    finally:
        stop_server(server)
    _print_table(rows, local, connections, duration)
    click.echo(f"RSS per worker: {', '.join(f'{size:.0f} MiB' for size in rss)}")


def _print_table(
    rows: list[tuple[Target, dict[str, float], str]],
    local: dict[str, dict[str, float]],
    connections: int,
    duration: int,
) -> None:
    click.echo(f"\nwrk, {connections} connections, {duration} s a path\n")
    click.echo(
        "| path | requests/s | p50 | p95 | p99 | errors | in-process p50 | in-process p95 "
        "| in-process CPU | load average |"
    )
    click.echo("|---|---|---|---|---|---|---|---|---|---|")
    for target, result, load in rows:
        alone = local.get(target.name)
        inside = (
            f"{alone['p50_ms']:.1f} ms | {alone['p95_ms']:.1f} ms | {alone['cpu_ms']:.1f} ms"
            if alone
            else "| | "
        )
        errors = int(result["bad_status"] + result["socket_errors"])
        click.echo(
            f"| {target.name} | {result['per_second']:.0f} | {result['p50_ms']:.1f} ms "
            f"| {result['p95_ms']:.1f} ms | {result['p99_ms']:.1f} ms | {errors} | {inside} "
            f"| {load} |"
        )


if __name__ == "__main__":
    main()
