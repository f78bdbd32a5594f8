"""Server time of the weekly check-in, p50 and p95: making it (the estimate, the safe range and
three forecasts), and the check-in page and GET /api/check-ins once it is made.

    python benchmarks/check_in_speed.py [--requests 100] [--years 1]   # SQLite, temp folder
    DATABASE_URL=postgresql://... python benchmarks/check_in_speed.py

The person is the progress benchmark's (`progress_speed.make_year`), checking in today. Making
a check-in is timed as a call of `make_check_in` (the first visit of the week pays it); the page
and the API as GETs through the whole stack in-process.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date

import click
from page_timing import latency_ms, time_page
from progress_speed import DAYS, make_year


@click.command()
@click.option("--requests", "count", type=int, default=100, show_default=True)
@click.option("--years", type=int, default=1, show_default=True)
def main(count: int, years: int) -> None:
    os.environ.setdefault("OPENPLATE_DATA_DIR", tempfile.mkdtemp(prefix="openplate-bench-"))
    from openplate.cli.database import prepare_database

    prepare_database(verbose=False)
    from django.db import connection

    from openplate.accounts.models import Account
    from openplate.accounts.profile import today_for
    from openplate.coach.checkins import make_check_in
    from openplate.coach.models import CheckIn

    user = make_year(date.today(), DAYS * years)
    today = today_for(user)  # type: ignore[arg-type]
    Account.objects.update_or_create(user=user, defaults={"check_in_weekday": today.weekday()})
    made = []
    for _ in range(max(count // 5, 5)):
        CheckIn.objects.filter(user=user).delete()
        start = time.perf_counter()
        make_check_in(user, today)  # type: ignore[arg-type]
        made.append((time.perf_counter() - start) * 1000)
    timings = {"making": latency_ms(made) | {"requests": len(made)}}
    for name, url in (("page", "/coach/check-in/"), ("API", "/api/check-ins")):
        timings[name] = time_page(user, url, count)
    for name, result in timings.items():
        click.echo(
            f"{connection.vendor}, check-in {name}, {years} years of diary, "
            f"{result['requests']:,} runs: p50 {result['p50_ms']:.2f} ms, "
            f"p95 {result['p95_ms']:.2f} ms, max {result['max_ms']:.2f} ms"
        )


if __name__ == "__main__":
    main()
