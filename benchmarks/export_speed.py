"""Time, size and peak memory of a person's export: a year of diary, weigh-ins, water and
exercise, as the JSON document and as the zip of CSV files.

    python benchmarks/export_speed.py [--repeat 5]       # SQLite in a temp folder
    DATABASE_URL=postgresql://... python benchmarks/export_speed.py

The person is the progress benchmark's (`progress_speed.make_year`: five food entries a day, a
weigh-in six days in seven, six cups of water a day) plus a 30-minute run every other day.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta

import click
from progress_speed import DAYS, make_year

RUN_EVERY_DAYS = 2
RUNNING = "12050"  # running, 6 mph (10 min/mile)


def make_exporting_person(today: date) -> object:
    from openplate.exercise.models import Activity, ExerciseEntry

    user = make_year(today)
    running = Activity.objects.get(code=RUNNING)
    first = today - timedelta(days=DAYS - 1)
    ExerciseEntry.objects.bulk_create(
        ExerciseEntry(
            user=user,  # type: ignore[misc]
            date=first + timedelta(days=offset),
            kind=ExerciseEntry.Kind.ACTIVITY,
            activity=running,
            name=running.description,
            minutes=30,
            met=running.met,
            body_weight_kg=80,
            energy_kcal=running.met * 80 * 0.5,
        )
        for offset in range(0, DAYS, RUN_EVERY_DAYS)
    )
    return user


def measure(user: object, repeat: int) -> dict[str, dict[str, float]]:
    """Per format: median and best seconds, size in bytes and peak traced memory in bytes."""
    from openplate.yourdata.export import export_json, export_zip

    formats: dict[str, Callable[[object], bytes]] = {"json": export_json, "zip": export_zip}
    results = {}
    for name, export in formats.items():
        seconds = []
        for _ in range(repeat):
            start = time.perf_counter()
            data = export(user)
            seconds.append(time.perf_counter() - start)
        tracemalloc.start()
        export(user)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        results[name] = {
            "median_s": statistics.median(seconds),
            "best_s": min(seconds),
            "bytes": float(len(data)),
            "peak_bytes": float(peak),
        }
    return results


@click.command()
@click.option("--repeat", type=int, default=5, show_default=True)
def main(repeat: int) -> None:
    os.environ.setdefault("OPENPLATE_DATA_DIR", tempfile.mkdtemp(prefix="openplate-bench-"))
    from openplate.cli.database import prepare_database

    prepare_database(verbose=False)
    from django.db import connection

    for name, result in measure(make_exporting_person(date.today()), repeat).items():
        click.echo(
            f"{connection.vendor}, {name} export of a year: median {result['median_s'] * 1000:.0f} "
            f"ms, best {result['best_s'] * 1000:.0f} ms, {result['bytes'] / 1e6:.2f} MB, "
            f"peak memory {result['peak_bytes'] / 1e6:.1f} MB"
        )


if __name__ == "__main__":
    main()
