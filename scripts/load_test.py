"""200 people using OpenPlate at once for 60 s, on loopback: throughput, latency, errors, and
whether every acknowledged write is stored.

Each simulated person is a thread with a keep-alive connection and an API token (the accounts
are made beforehand, so there is no sign-in storm and the rate limits on guessing never apply).
Between actions a person waits --think seconds on average (uniformly 0.5x to 1.5x), then does
one of: open the day (35 %), search foods (25 %), log a food (15 %), change an entry's
quantity (10 %), delete an entry (7 %), weigh in on one of the last 60 days (8 %). At the end the
database is read directly: every logged entry the server acknowledged and none deleted is there
with its last acknowledged quantity, every acknowledged delete is gone, and every day's last
acknowledged weigh-in is the one stored.

The client shares the machine with the server: its CPU time, and the server's, are reported.

    .venv/bin/python scripts/load_test.py --production
    .venv/bin/python scripts/load_test.py --production --postgres postgresql://postgres@127.0.0.1:5432/

Results: docs/evidence.md, and a line in docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Client, Site, load_average, machine, percentile, production_available

ACTIONS = {
    "open the day": 35,
    "search foods": 25,
    "log a food": 15,
    "change an entry": 10,
    "delete an entry": 7,
    "weigh in": 8,
}
SEARCHES = (
    *("egg", "chicken breast", "rice", "banana", "greek yogurt", "whole wheat bread", "apple"),
    *("milk", "cheddar", "oats", "salmon", "broccoli", "peanut butter", "coffee", "pasta"),
)
MEALS = ("breakfast", "lunch", "dinner", "snacks")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Person:
    """What one person did, and what the server acknowledged of it."""

    token: str
    rng: random.Random
    entries: dict[int, float] = field(default_factory=dict)  # id -> last acknowledged quantity
    deleted: set[int] = field(default_factory=set)
    weights: dict[str, float] = field(default_factory=dict)  # day -> last acknowledged kg
    timings: list[tuple[str, float, int]] = field(default_factory=list)  # (action, s, status)
    connection_errors: dict[str, int] = field(default_factory=dict)
    stale_retries: int = 0


def main() -> None:
    options = _arguments()
    production = options.production and production_available()
    site = Site(
        postgres=options.postgres,
        database="openplate_load",
        production=production,
        workers=options.workers,
    )
    try:
        print(f"Preparing a scratch {site.kind} site in {site.folder} ...", file=sys.stderr)
        site.create()
        tokens = site.people(options.people, with_goal=True)
        food_ids = [row[0] for row in site.sql(_usda_foods())]
        user_ids = {row[1]: row[0] for row in site.sql("SELECT id, username FROM auth_user")}
        site.start_server()
        print(f"Running {options.people} people for {options.seconds} s ...", file=sys.stderr)
        report = _run(site, tokens, food_ids, options)
        report["stored"] = _check(site, report.pop("people"), user_ids)  # type: ignore[arg-type]
    finally:
        site.destroy()
    report.update(
        database=site.kind,
        server=f"serve --production --workers {options.workers}" if production else "serve",
        machine=machine(),
    )
    print(json.dumps(report, indent=2))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between actions")
    parser.add_argument("--postgres", help="a PostgreSQL server's URL (default: SQLite)")
    parser.add_argument("--production", action="store_true", help="serve --production, if there")
    parser.add_argument("--workers", type=int, default=2)
    return parser.parse_args()


def _usda_foods() -> str:
    return "SELECT id FROM foods_food WHERE source = 'usda' ORDER BY id LIMIT 2000"


def _run(
    site: Site, tokens: list[str], food_ids: list[int], options: argparse.Namespace
) -> dict[str, object]:
    people = [Person(token, random.Random(number)) for number, token in enumerate(tokens)]
    deadline = time.monotonic() + options.seconds
    threads = [
        threading.Thread(target=_live, args=(site, person, food_ids, deadline, options.think))
        for person in people
    ]
    server_cpu_before = _session_cpu_seconds(site)
    client_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    client_after = resource.getrusage(resource.RUSAGE_SELF)
    server_cpu = _session_cpu_seconds(site) - server_cpu_before
    load = load_average()
    timings = [timing for person in people for timing in person.timings]
    errors = [(action, status) for action, _, status in timings if not 200 <= status < 300]
    client_cpu = (client_after.ru_utime - client_before.ru_utime) + (
        client_after.ru_stime - client_before.ru_stime
    )
    by_action = defaultdict(list)
    for action, seconds, _ in timings:
        by_action[action].append(seconds)
    return {
        "people": people,
        "seconds": round(wall, 1),
        "requests": len(timings),
        "requests_per_second": round(len(timings) / wall, 1),
        "latency_ms": _latencies([seconds for _, seconds, _ in timings]),
        "latency_ms_by_action": {action: _latencies(s) for action, s in sorted(by_action.items())},
        "errors": len(errors),
        "error_statuses": sorted({f"{action}: {status}" for action, status in errors}),
        "connection_errors_by_kind": dict(
            sum((Counter(person.connection_errors) for person in people), Counter())
        ),
        "stale_keep_alive_retries": sum(person.stale_retries for person in people),
        "client_cpu_share_of_one_core": round(client_cpu / wall, 2),
        "server_cpu_share_of_one_core": round(server_cpu / wall, 2),
        "load_average_at_end": load,
    }


def _latencies(values: list[float]) -> dict[str, float]:
    return {
        name: round(percentile(values, share) * 1000, 1)
        for name, share in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99))
    } | {"max": round(max(values, default=float("nan")) * 1000, 1)}


def _live(site: Site, person: Person, food_ids: list[int], deadline: float, think: float) -> None:
    client = Client(site.url, person.token)
    rng = person.rng
    today = date.today()
    time.sleep(rng.uniform(0, think))  # not everyone at the same instant
    while time.monotonic() < deadline:
        action = rng.choices(list(ACTIONS), weights=list(ACTIONS.values()))[0]
        live = [entry for entry in person.entries if entry not in person.deleted]
        if action in ("change an entry", "delete an entry") and not live:
            action = "log a food"
        status, seconds = _act(client, person, action, live, food_ids, today)
        person.timings.append((action, seconds, status))
        time.sleep(rng.uniform(0.5 * think, 1.5 * think))
    client.close()
    person.connection_errors, person.stale_retries = client.errors, client.stale_retries


def _act(
    client: Client,
    person: Person,
    action: str,
    live: list[int],
    food_ids: list[int],
    today: date,
) -> tuple[int, float]:
    rng = person.rng
    if action == "open the day":
        status, _, seconds = client.get(f"/api/days/{today.isoformat()}")
    elif action == "search foods":
        query = rng.choice(SEARCHES).replace(" ", "+")
        status, _, seconds = client.get(f"/api/foods?q={query}")
    elif action == "log a food":
        quantity = rng.choice((50, 100, 150, 200))
        body = {
            "date": today.isoformat(),
            "meal": rng.choice(MEALS),
            "food_id": rng.choice(food_ids),
            "serving": "g",
            "quantity": quantity,
        }
        status, answer, seconds = client.request("POST", "/api/entries", body)
        if status == 201:
            person.entries[answer["id"]] = quantity
    elif action == "change an entry":
        entry, quantity = rng.choice(live), rng.choice((25, 75, 125, 300))
        status, _, seconds = client.request(
            "PATCH", f"/api/entries/{entry}", {"quantity": quantity}
        )
        if status == 200:
            person.entries[entry] = quantity
    elif action == "delete an entry":
        entry = rng.choice(live)
        status, _, seconds = client.request("DELETE", f"/api/entries/{entry}")
        if status == 204:
            person.deleted.add(entry)
    else:
        day = (today - timedelta(days=rng.randrange(60))).isoformat()
        kg = round(rng.uniform(60, 110), 1)
        body = {"date": day, "weight_kg": kg}
        status, _, seconds = client.request("POST", "/api/weights", body)
        if status in (200, 201):
            person.weights[day] = kg
    return status, seconds


def _check(site: Site, people: list[Person], user_ids: dict[str, int]) -> dict[str, int]:
    """Acknowledged writes against the database, read directly."""
    entries = {row[0]: row[1] for row in site.sql("SELECT id, quantity FROM diary_entry")}
    weights = {
        (row[0], str(row[1])): row[2]
        for row in site.sql("SELECT user_id, date, weight_kg FROM body_weightentry")
    }
    missing = wrong = still_there = weights_wrong = 0
    for number, person in enumerate(people):
        user_id = user_ids[f"person{number}"]
        for entry, quantity in person.entries.items():
            if entry in person.deleted:
                still_there += entry in entries
            elif entry not in entries:
                missing += 1
            elif abs(float(entries[entry]) - quantity) > 1e-9:
                wrong += 1
        for day, kg in person.weights.items():
            stored = weights.get((user_id, day))
            weights_wrong += stored is None or abs(float(stored) - kg) > 0.05
    return {
        "entries_acknowledged": sum(len(person.entries) for person in people),
        "deletes_acknowledged": sum(len(person.deleted) for person in people),
        "weigh_ins_acknowledged": sum(len(person.weights) for person in people),
        "entries_missing": missing,
        "entries_with_another_quantity": wrong,
        "deleted_entries_still_there": still_there,
        "weigh_ins_not_as_acknowledged": weights_wrong,
    }


def _session_cpu_seconds(site: Site) -> float:
    """CPU seconds used so far by every process of the server's session (its workers too)."""
    if site.server is None:
        return 0.0
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == site.server.pid:  # the session id
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


if __name__ == "__main__":
    main()
