"""Server time of the diary day page with 40 entries, p50 and p95.

    python benchmarks/diary_speed.py [--requests 500]      # SQLite in a temp folder
    DATABASE_URL=postgresql://... python benchmarks/diary_speed.py

Each request goes through the whole Django stack in-process (middleware, session, view, template)
with the test client, as the server would run it, minus the network. One warm-up request first.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date, timedelta

import click
from page_timing import time_page

ENTRIES = 40


def make_diary(day: date, entries: int = ENTRIES) -> object:
    """A person with a goal and `entries` entries on `day`, spread over the four meals."""
    from django.contrib.auth.models import User

    from openplate.accounts.goals import GoalInput, set_goal
    from openplate.diary import services
    from openplate.diary.models import Meal
    from openplate.foods.search import search_foods

    user = User.objects.create_user(f"bench-{time.time_ns()}")
    goal = GoalInput(
        sex="female",
        birth_date=date(1985, 6, 1),
        height_cm=163,
        weight_kg=72,
        activity="light",
        rate_kg_per_week=-0.5,
    )
    set_goal(user, goal, on=day - timedelta(days=7))
    foods = [search_foods(query, limit=1)[0] for query in ("egg", "banana", "rice", "milk")]
    meals = list(Meal.values)
    for number in range(entries):
        food = foods[number % len(foods)]
        services.log_food(
            user, day=day, meal=meals[number % 4], food=food, serving="g", quantity=50 + number
        )
    return user


def measure(user: object, day: date, requests: int) -> dict[str, float]:
    """Latency statistics in milliseconds of `requests` GETs of the day page."""
    return time_page(user, f"/diary/{day.isoformat()}/", requests)


@click.command()
@click.option("--requests", "count", type=int, default=500, show_default=True)
def main(count: int) -> None:
    os.environ.setdefault("OPENPLATE_DATA_DIR", tempfile.mkdtemp(prefix="openplate-bench-"))
    from openplate.cli.database import prepare_database

    prepare_database(verbose=False)
    from django.db import connection

    day = date.today()
    result = measure(make_diary(day), day, count)
    click.echo(
        f"{connection.vendor}, day page with {ENTRIES} entries, {result['requests']:,} requests: "
        f"p50 {result['p50_ms']:.2f} ms, p95 {result['p95_ms']:.2f} ms, "
        f"max {result['max_ms']:.2f} ms"
    )


if __name__ == "__main__":
    main()
