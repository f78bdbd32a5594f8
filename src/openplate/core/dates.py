"""The days a diary, exercise or weight log may be written for."""

from __future__ import annotations

from datetime import date, datetime, timedelta

EARLIEST_DAY = date(1900, 1, 1)
DAYS_AHEAD = 366  # planning ahead is fine; a log for 2090 is a typo


def day_problem(day: object) -> str | None:
    """Why `day` cannot be logged, or None when it can."""
    latest = date.today() + timedelta(days=DAYS_AHEAD)
    if not isinstance(day, date) or isinstance(day, datetime) or not EARLIEST_DAY <= day <= latest:
        return f"Choose a day between {EARLIEST_DAY:%Y} and {latest:%Y-%m-%d}."
    return None
