"""A large food import next to a live server: do the web writes made meanwhile wait, or fail?

Starts a scratch OpenPlate (`openplate serve`, or `serve --production` with --production), gives
--clients people a token each, and has each of them log a quick add every --pause seconds while
--foods synthetic Open Food Facts products are imported (`foods.importers.saving.import_file`, as
`openplate foods import off-csv` runs it, in a process of its own). Reports every write's status,
the writes' wait (p50, p99, max) during the import, the import's longest transactions, and checks
that every write the server acknowledged is stored.

    .venv/bin/python scripts/import_while_serving.py                      # SQLite
    .venv/bin/python scripts/import_while_serving.py --postgres postgresql://postgres@127.0.0.1:5432/

Results: docs/PERFORMANCE.md ("Web writes during a food import").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    Client,
    Site,
    load_average,
    machine,
    percentile,
    production_available,
    write_foods,
)

# Run in the import's own process: every transaction the import opens is timed, from its BEGIN
# to its COMMIT, and so is every statement it runs outside one (each its own transaction).
TIMED_IMPORT = """
import json, sys, time
from django.db import connection, transaction
from openplate.foods.importers.saving import import_file

spans, started = [], []  # (seconds, what)
enter, leave = transaction.Atomic.__enter__, transaction.Atomic.__exit__

def timed_enter(self):
    if not connection.in_atomic_block:
        started.append(time.perf_counter())
    return enter(self)

def timed_exit(self, *exc):
    result = leave(self, *exc)
    if not connection.in_atomic_block:
        spans.append((time.perf_counter() - started.pop(), "transaction"))
    return result

def timed_statement(execute, sql, params, many, context):
    if connection.in_atomic_block:
        return execute(sql, params, many, context)
    begun = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        spans.append((time.perf_counter() - begun, " ".join(sql.split())[:40]))

transaction.Atomic.__enter__, transaction.Atomic.__exit__ = timed_enter, timed_exit
begun = time.perf_counter()
with connection.execute_wrapper(timed_statement):
    result = import_file("off-csv", __import__("pathlib").Path(sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - begun, "created": result.created,
                  "transactions": spans}))
"""


def main() -> None:
    options = _arguments()
    production = options.production and production_available()
    site = Site(
        postgres=options.postgres, database="openplate_import_serving", production=production
    )
    try:
        print(f"Preparing a scratch {site.kind} site in {site.folder} ...", file=sys.stderr)
        site.create()
        tokens = site.people(options.clients)
        products = write_foods(site.folder / "products.csv", "off-csv", options.foods)
        site.start_server()
        report = _run(site, tokens, products, options.pause)
    finally:
        site.destroy()
    report.update(
        database=site.kind,
        server="serve --production --workers 2" if production else "serve (waitress, 4 threads)",
        clients=options.clients,
        machine=machine(),
    )
    print(json.dumps(report, indent=2))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--foods", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--pause", type=float, default=0.1, help="seconds between a client's writes"
    )
    parser.add_argument("--postgres", help="a PostgreSQL server's URL (default: SQLite)")
    parser.add_argument("--production", action="store_true", help="serve --production, if there")
    return parser.parse_args()


def _run(site: Site, tokens: list[str], products: Path, pause: float) -> dict[str, object]:
    writes: list[tuple[float, int, float, int | None]] = []  # (start, status, seconds, entry id)
    stop = threading.Event()

    def person(token: str) -> None:
        client = Client(site.url, token)
        number = 0
        while not stop.is_set():
            number += 1
            begun = time.monotonic()
            status, body, seconds = client.request(
                "POST",
                "/api/entries/quick-add",
                {"date": date.today().isoformat(), "meal": "snacks", "energy_kcal": 100 + number},
            )
            entry = body.get("id") if status == 201 and isinstance(body, dict) else None
            writes.append((begun, status, seconds, entry))
            stop.wait(pause)
        client.close()

    threads = [threading.Thread(target=person, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    time.sleep(2)  # the writes' pace without an import, for comparison
    load_before = load_average()
    import_started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _with_django(TIMED_IMPORT), str(products)],
        env=site.env(),
        capture_output=True,
        text=True,
    )
    import_ended = time.monotonic()
    load_during = load_average()
    time.sleep(1)
    stop.set()
    for thread in threads:
        thread.join()
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    imported = json.loads(done.stdout.strip().splitlines()[-1])
    during = [w for w in writes if import_started <= w[0] <= import_ended]
    waits = [seconds for _, status, seconds, _ in during if status in (200, 201)]
    acknowledged = {entry for *_, entry in writes if entry is not None}
    stored = {row[0] for row in site.sql("SELECT id FROM diary_entry")}
    transactions = [seconds for seconds, _ in imported["transactions"]]
    longest = sorted(imported["transactions"], reverse=True)[:5]
    return {
        "foods_imported": imported["created"],
        "import_seconds": round(imported["seconds"], 2),
        "import_transactions": len(transactions),
        "longest_import_transaction_ms": round(max(transactions) * 1000, 1),
        "import_transaction_p99_ms": round(percentile(transactions, 0.99) * 1000, 1),
        "longest_five": [f"{seconds * 1000:.0f} ms {what}" for seconds, what in longest],
        "writes_total": len(writes),
        "writes_during_import": len(during),
        "statuses": dict(Counter(status for _, status, _, _ in writes)),
        "statuses_during_import": dict(Counter(status for _, status, _, _ in during)),
        "write_wait_during_import_ms": {
            "p50": round(percentile(waits, 0.5) * 1000, 1),
            "p99": round(percentile(waits, 0.99) * 1000, 1),
            "max": round(max(waits, default=float("nan")) * 1000, 1),
        },
        "acknowledged_writes_missing": len(acknowledged - stored),
        "load_average_before_and_at_end": [load_before, load_during],
    }


def _with_django(code: str) -> str:
    return "from openplate.cli.database import setup_django\nsetup_django()\n" + code


if __name__ == "__main__":
    main()
