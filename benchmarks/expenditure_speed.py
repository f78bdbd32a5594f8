"""Server time of the expenditure page and of GET /api/expenditure for a person with years of
diary, p50 and p95.

    python benchmarks/expenditure_speed.py [--requests 100] [--years 3]   # SQLite, temp folder
    DATABASE_URL=postgresql://... python benchmarks/expenditure_speed.py

The person is the progress benchmark's (`progress_speed.make_year`): a goal, five food entries a
day, a weigh-in six days in seven and six cups of water a day, for `--years` years. The window
is eight weeks whatever the history, so the time should not grow with the years.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date

import click
from page_timing import time_page
from progress_speed import DAYS, make_year


@click.command()
@click.option("--requests", "count", type=int, default=100, show_default=True)
@click.option("--years", type=int, default=3, show_default=True)
def main(count: int, years: int) -> None:
    os.environ.setdefault("OPENPLATE_DATA_DIR", tempfile.mkdtemp(prefix="openplate-bench-"))
    from openplate.cli.database import prepare_database

    prepare_database(verbose=False)
    from django.db import connection

    user = make_year(date.today(), DAYS * years)
    for name, url in (("page", "/coach/expenditure/"), ("API", "/api/expenditure")):
        result = time_page(user, url, count)
        click.echo(
            f"{connection.vendor}, expenditure {name} for {years} years of diary, "
            f"{result['requests']:,} requests: p50 {result['p50_ms']:.2f} ms, "
            f"p95 {result['p95_ms']:.2f} ms, max {result['max_ms']:.2f} ms"
        )


if __name__ == "__main__":
    main()
