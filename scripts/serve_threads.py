"""Requests a second from `openplate serve --production` by threads per worker, to choose the
default (`openplate.cli.production.DEFAULT_THREADS`, docs/PERFORMANCE.md).

    python scripts/serve_threads.py [--workers 2] [--threads 1,2,4,8] [--seconds 10]

Each setting serves one data folder, prepared by the first start; 16 clients at once ask for the
sign-in page (a template, a session and a CSRF token) and a food search through the API with a
person's token, half each. Prints one line a setting, with the load average before it ran: on a
busy machine the figures say little.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

CLIENTS = 16
STARTUP_SECONDS = 180
SCRIPT = Path(sys.executable).parent / "openplate"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", default="1,2,4,8")
    parser.add_argument("--seconds", type=float, default=10.0)
    options = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="openplate-threads-"))
    try:
        token = make_person(data_dir)
        print(f"{options.workers} workers, {CLIENTS} clients, {options.seconds:.0f} s each")
        for threads in (int(t) for t in options.threads.split(",")):
            load = os.getloadavg()
            rate, errors = measure(data_dir, token, options.workers, threads, options.seconds)
            print(
                f"threads {threads:>2}: {rate:7.1f} requests/s, {errors} errors "
                f"(load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})"
            )
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def make_person(data_dir: Path) -> str:
    """A person with an API token, in a database prepared as the first start would."""
    code = (
        "from openplate.cli.database import prepare_database; prepare_database(verbose=False); "
        "from django.contrib.auth.models import User; "
        "from openplate.accounts.tokens import create_token; "
        "print(create_token(User.objects.create_user('bench'), 'bench')[1])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=environment(data_dir),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def environment(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, OPENPLATE_DATA_DIR=str(data_dir))
    env.pop("DATABASE_URL", None)
    return env


def measure(
    data_dir: Path, token: str, workers: int, threads: int, seconds: float
) -> tuple[float, int]:
    port = free_port()
    command = [str(SCRIPT), "serve", "--production", "--port", str(port)]
    command += ["--workers", str(workers), "--threads", str(threads)]
    server = subprocess.Popen(
        command, env=environment(data_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        return hammer(base, token, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)


def hammer(base: str, token: str, seconds: float) -> tuple[float, int]:
    requests = [
        urllib.request.Request(f"{base}/accounts/login/"),
        urllib.request.Request(
            f"{base}/api/foods?q=banana", headers={"Authorization": f"Bearer {token}"}
        ),
    ]
    counts = [0] * CLIENTS
    errors = [0] * CLIENTS
    deadline = time.monotonic() + seconds

    def client(index: int) -> None:
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(requests[index % 2], timeout=30) as response:
                    response.read()
                counts[index] += 1
            except OSError:
                errors[index] += 1

    started = time.monotonic()
    clients = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    return sum(counts) / (time.monotonic() - started), sum(errors)


def wait_until_up(base: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"no answer from {base}/healthz in {STARTUP_SECONDS} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


if __name__ == "__main__":
    main()
