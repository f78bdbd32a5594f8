"""What the limits on guessing cost a request: the queries a sign-in and a token request make,
and how long counting one attempt (`limits.hit`) takes (docs/accounts.md, "Limits on guessing").

    python scripts/guessing_limits_cost.py [--hits 2000]

Runs in a fresh data folder, on SQLite, or on the database DATABASE_URL names (which it then
writes to: give it one of its own). Prints the load average first: on a busy machine the times
say little; the query counts are exact.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hits", type=int, default=2000)
    options = parser.parse_args()
    os.environ["OPENPLATE_DATA_DIR"] = tempfile.mkdtemp(prefix="openplate-limits-")
    sys.path.insert(0, str(ROOT / "src"))
    from openplate.cli.database import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    count_queries()
    time_hits(options.hits)


def count_queries() -> None:
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from openplate.accounts.tokens import create_token

    person = User.objects.create_user("alice", password="alice-password")
    _, secret = create_token(person, "script")
    asks = {
        "sign-in, wrong password": ("/accounts/login/", {"password": "not-it"}),
        "sign-in, right password": ("/accounts/login/", {"password": "alice-password"}),
    }
    for name, (path, form) in asks.items():
        with CaptureQueriesContext(connection) as queries:
            Client(HTTP_HOST="localhost").post(path, {"username": "alice", **form})
        print(f"{name}: {len(queries)} queries")
    script = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {secret}")
    script.get("/api/guides")  # the first use notes the token's last use
    for name, client in (
        ("right token", script),
        ("wrong token", Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION="Bearer op_x")),
    ):
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/guides")
        print(f"{name}, GET /api/guides: {len(queries)} queries")


def time_hits(hits: int) -> None:
    from openplate.accounts import limits

    limit = limits.Limit(
        limits.SIGN_UP_PER_ADDRESS, hits * 2, limits.limit(limits.SIGN_UP_PER_ADDRESS).window
    )
    seconds = []
    for number in range(hits):
        started = time.perf_counter()
        limits.hit(limit, f"203.0.113.{number % 200}")
        seconds.append(time.perf_counter() - started)
    median_ms = statistics.median(seconds) * 1e3
    p95_ms = statistics.quantiles(seconds, n=100)[94] * 1e3
    print(f"limits.hit, {hits} tries by 200 keys: median {median_ms:.2f} ms, p95 {p95_ms:.2f} ms")


if __name__ == "__main__":
    main()
