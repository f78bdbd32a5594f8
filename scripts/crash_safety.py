"""kill -9 in the middle of writes: is anything acknowledged lost, or anything half-done kept?

On a scratch OpenPlate (SQLite, or a PostgreSQL database created and dropped for the run):

1. The server: --clients people log quick adds as fast as they can; the server (every process of
   it) is killed with SIGKILL mid-burst and started again. Every write it acknowledged (a 201 with
   the entry's id) must be there, and the database must pass its integrity check.
2. Each importer (off-jsonl, off-csv, csv): a file of --foods foods is imported; then a second
   file that updates every one of them and adds as many new ones is imported, and
   `openplate foods import` is killed with SIGKILL once it has committed a few batches. The next
   command (`openplate foods search`, which starts as the server does) must undo the batches:
   the foods, counted and summed, as after the first import, and no import left in the journal.
   The second file, imported again, then lands whole.

    .venv/bin/python scripts/crash_safety.py
    .venv/bin/python scripts/crash_safety.py --postgres postgresql://postgres@127.0.0.1:5432/

Results: docs/evidence.md.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    IMPORT_FORMATS,
    OPENPLATE,
    Client,
    Site,
    load_average,
    machine,
    production_available,
    write_foods,
)

SOURCE = {"off-jsonl": "off", "off-csv": "off", "csv": "csv"}
# Killed a few batches after the updates, among the new foods: both kinds are undone.
BATCHES_PAST_THE_UPDATES = 3
BATCH_SIZE = "from openplate.foods.importers import saving\nprint(saving.BATCH_SIZE)"
FOODS_SUM = "SELECT count(*) || ' foods, ' || round(sum(energy_kcal)) || ' kcal' FROM foods_food"


def main() -> None:
    options = _arguments()
    production = options.production and production_available()
    site = Site(postgres=options.postgres, database="openplate_crash", production=production)
    results: dict[str, object] = {"database": site.kind, "machine": machine()}
    try:
        print(f"Preparing a scratch {site.kind} site in {site.folder} ...", file=sys.stderr)
        site.create()
        results["load_average_at_start"] = load_average()
        results["server_killed_mid_burst"] = kill_the_server(site, options.clients)
        for number, file_format in enumerate(IMPORT_FORMATS):
            results[f"import_killed_{file_format}"] = kill_an_import(
                site, file_format, options.foods, first=number * 10 * options.foods
            )
        results["integrity_at_end"] = site.integrity()
        results["load_average_at_end"] = load_average()
    finally:
        site.destroy()
    print(json.dumps(results, indent=2))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--foods", type=int, default=20_000, help="foods a file (x2 the second)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--postgres", help="a PostgreSQL server's URL (default: SQLite)")
    parser.add_argument("--production", action="store_true", help="serve --production, if there")
    return parser.parse_args()


def kill_the_server(site: Site, clients: int) -> dict[str, object]:
    tokens = site.people(clients)
    site.start_server()
    acknowledged: list[int] = []
    failed = []
    stop = threading.Event()

    def person(token: str) -> None:
        client = Client(site.url, token, timeout=5)
        number = 0
        while not stop.is_set():
            number += 1
            status, body, _ = client.request(
                "POST",
                "/api/entries/quick-add",
                {"date": date.today().isoformat(), "meal": "snacks", "energy_kcal": number},
            )
            if status == 201:
                acknowledged.append(body["id"])
            else:
                failed.append(status)
                time.sleep(0.05)

    threads = [threading.Thread(target=person, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    time.sleep(3)
    acknowledged_at_kill = len(acknowledged)
    site.kill_server()
    time.sleep(0.5)
    stop.set()
    for thread in threads:
        thread.join()
    site.start_server()  # the restart: recovery, if any, is the database's own
    stored = {row[0] for row in site.sql("SELECT id FROM diary_entry")}
    missing = set(acknowledged) - stored
    site.stop_server()
    return {
        "acknowledged_writes": len(acknowledged),
        "acknowledged_before_the_kill_signal": acknowledged_at_kill,
        "failed_writes_around_the_kill": len(failed),
        "entries_stored_after_restart": len(stored),
        "acknowledged_but_missing": len(missing),
        "integrity_after_restart": site.integrity(),
    }


def kill_an_import(site: Site, file_format: str, count: int, *, first: int) -> dict[str, object]:
    suffix = ".jsonl" if file_format == "off-jsonl" else ".csv"
    original = write_foods(site.folder / f"first{suffix}", file_format, count, seed=1, first=first)
    update = write_foods(
        site.folder / f"second{suffix}", file_format, 2 * count, seed=2, first=first
    )
    _import(site, file_format, original)
    before = site.count(FOODS_SUM)
    batch_size = int(site.python(BATCH_SIZE))
    importer = subprocess.Popen(
        site.import_command(file_format, update),
        env=site.env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    batches = 0
    kill_at = count // batch_size + BATCHES_PAST_THE_UPDATES
    while importer.poll() is None and batches < kill_at:
        time.sleep(0.05)
        batches = site.count("SELECT count(*) FROM foods_importbatch") or 0
    os.kill(importer.pid, signal.SIGKILL)
    importer.wait()
    at_the_kill = site.count(FOODS_SUM)
    restart_began = time.monotonic()
    restarted = subprocess.run(
        [OPENPLATE, "foods", "search", "chocolate", "--limit", "1"],
        env=site.env(),
        capture_output=True,
        text=True,
    )
    restart_seconds = time.monotonic() - restart_began
    after_restart = site.count(FOODS_SUM)
    runs_left = site.count("SELECT count(*) FROM foods_importrun")
    integrity = site.integrity()
    _import(site, file_format, update)
    return {
        "foods_before": before,
        "batches_committed_when_killed": batches,
        "foods_when_killed": at_the_kill,
        "restart_said": restarted.stderr.strip(),
        "restart_seconds_with_the_undo": round(restart_seconds, 1),
        "foods_after_restart": after_restart,
        "as_before": after_restart == before,
        "unfinished_runs_left": runs_left,
        "integrity_after_restart": integrity,
        "foods_after_importing_the_second_file_whole": site.count(FOODS_SUM),
    }


def _import(site: Site, file_format: str, path: Path) -> None:
    done = subprocess.run(
        site.import_command(file_format, path), env=site.env(), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"import of {path.name} failed: {done.stderr}")


if __name__ == "__main__":
    main()
