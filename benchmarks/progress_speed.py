"""Server time of the progress page for a person with a year of diary, p50 and p95.

    python benchmarks/progress_speed.py [--requests 200] [--range 1y]   # SQLite in a temp folder
    DATABASE_URL=postgresql://... python benchmarks/progress_speed.py

The person has a goal, about five food entries a day for a year, a weigh-in most mornings and
six cups of water a day. Each request goes through the whole Django stack in-process
(middleware, session, view, template) with the test client, as the server would run it, minus
the network. One warm-up request first.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date, timedelta

import click
from page_timing import time_page

DAYS = 365
ENTRIES_PER_DAY = 5
CUPS_PER_DAY = 6
ML_PER_CUP = 236.5882365


def make_year(today: date, days: int = DAYS) -> object:
    """A person with a goal and `days` days of food, weigh-ins (six days in seven) and water,
    written in bulk so that building the data takes seconds."""
    from django.contrib.auth.models import User

    from openplate.accounts.goals import GoalInput, set_goal
    from openplate.body.models import WaterEntry, WeightEntry
    from openplate.diary.models import Entry, Meal

    user = User.objects.create_user(f"bench-{time.time_ns()}")
    goal = GoalInput(
        sex="female",
        birth_date=date(1985, 6, 1),
        height_cm=165,
        weight_kg=85,
        activity="light",
        rate_kg_per_week=-0.5,
        target_weight_kg=70,
    )
    first = today - timedelta(days=days - 1)
    set_goal(user, goal, on=first)
    meals = list(Meal.values)
    entries, weights, water = [], [], []
    for offset in range(days):
        day = first + timedelta(days=offset)
        for number in range(ENTRIES_PER_DAY):
            kcal = 250.0 + 40 * number
            entries.append(
                Entry(
                    user=user, date=day, meal=meals[number % 4], name="Quick add",
                    energy_kcal=kcal, protein_g=kcal * 0.05, carbohydrate_g=kcal * 0.12,
                    fat_g=kcal * 0.035, nutrients={"energy_kcal": kcal},
                )
            )  # fmt: skip
        if offset % 7 != 3:
            weights.append(WeightEntry(user=user, date=day, weight_kg=85 - offset * 0.03))
        water.extend(WaterEntry(user=user, date=day, ml=ML_PER_CUP) for _ in range(CUPS_PER_DAY))
    Entry.objects.bulk_create(entries, batch_size=500)
    WeightEntry.objects.bulk_create(weights, batch_size=500)
    WaterEntry.objects.bulk_create(water, batch_size=500)
    return user


def measure(user: object, requests: int, period: str = "1y") -> dict[str, float]:
    """Latency statistics in milliseconds of `requests` GETs of the progress page."""
    return time_page(user, f"/progress/?range={period}", requests)


@click.command()
@click.option("--requests", "count", type=int, default=200, show_default=True)
@click.option(
    "--range", "period", type=click.Choice(["4w", "3m", "1y"]), default="1y", show_default=True
)
def main(count: int, period: str) -> None:
    os.environ.setdefault("OPENPLATE_DATA_DIR", tempfile.mkdtemp(prefix="openplate-bench-"))
    from openplate.cli.database import prepare_database

    prepare_database(verbose=False)
    from django.db import connection

    result = measure(make_year(date.today()), count, period)
    click.echo(
        f"{connection.vendor}, progress page ({period}) for a year of {ENTRIES_PER_DAY} entries "
        f"a day, {result['requests']:,} requests: p50 {result['p50_ms']:.2f} ms, "
        f"p95 {result['p95_ms']:.2f} ms, max {result['max_ms']:.2f} ms"
    )


if __name__ == "__main__":
    main()
