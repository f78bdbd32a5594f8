"""Food search latency, p50 and p95, over the shipped foods or a synthetic million-food database.

    python benchmarks/search_speed.py                      # shipped foods, SQLite in a temp folder
    python benchmarks/search_speed.py --foods 1000000      # grow the database to a million first
    DATABASE_URL=postgresql://... python benchmarks/search_speed.py [--foods N]

OPENPLATE_DATA_DIR (a temp folder by default) keeps the SQLite database between runs, so the
synthetic foods are made once. Each query is timed separately, after one warm-up round.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import click
from page_timing import latency_ms

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = [
    "egg", "banana", "apple", "milk", "bread", "rice", "chicken breast", "salmon", "oatmeal",
    "peanut butter", "cheddar cheese", "yogurt", "broccoli", "avocado", "orange juice", "coffee",
    "beer", "pasta", "potato", "sweet potato", "almonds", "olive oil", "butter", "bacon",
    "ground beef", "tuna", "tofu", "lentils", "black beans", "spinach", "carrot", "tomato",
    "strawberries", "blueberries", "grapes", "pizza", "hamburger", "ice cream", "chocolate",
    "honey", "brown rice cooked", "scrambled eggs", "chick", "banan", "bananna", "brocoli",
    "chiken", "yoghurt", "avacado", "whole wheat bread",
]  # fmt: skip


def measure(queries: list[str], repeats: int) -> dict[str, float]:
    """Latency statistics in milliseconds over `repeats` rounds of every query."""
    from openplate.foods.search import search_foods

    for query in queries:  # warm-up: caches, query plans
        search_foods(query)
    latencies = []
    for _ in range(repeats):
        for query in queries:
            start = time.perf_counter()
            search_foods(query)
            latencies.append((time.perf_counter() - start) * 1000)
    return latency_ms(latencies) | {"searches": len(latencies)}


@click.command()
@click.option("--foods", "total", type=int, default=0, help="Grow the database to this many.")
@click.option("--repeats", type=int, default=5, show_default=True)
def main(total: int, repeats: int) -> None:
    os.environ.setdefault("OPENPLATE_DATA_DIR", tempfile.mkdtemp(prefix="openplate-bench-"))
    from openplate.cli.database import prepare_database

    prepare_database(verbose=False)
    from django.db import connection
    from synthetic_foods import add_synthetic_foods

    from openplate.foods.models import Food

    if total:
        missing = max(0, total - Food.objects.count())
        with click.progressbar(length=missing, label="Adding synthetic foods") as bar:
            add_synthetic_foods(total, progress=bar.update)
    count = Food.objects.count()
    result = measure(QUERIES, repeats)
    click.echo(
        f"{connection.vendor}, {count:,} foods, {result['searches']:,} searches: "
        f"p50 {result['p50_ms']:.2f} ms, p95 {result['p95_ms']:.2f} ms, "
        f"max {result['max_ms']:.2f} ms"
    )


if __name__ == "__main__":
    main()
