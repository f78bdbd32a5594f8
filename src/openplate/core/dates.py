"""The days a diary, exercise or weight log may be written for."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

EARLIEST_DAY = date(1900, 1, 1)
DAYS_AHEAD = 366  # planning ahead is fine; a log for 2090 is a typo
# The furthest any place is ahead of UTC (Kiribati's Line Islands, UTC+14): no person's today is
# later than the date there, whatever their zone and whatever the server's.
FURTHEST_AHEAD_OF_UTC = timedelta(hours=14)


def latest_today() -> date:
    """The latest date it is anywhere on Earth now."""
    return (datetime.now(UTC) + FURTHEST_AHEAD_OF_UTC).date()


def day_problem(day: object) -> str | None:
    """Why `day` cannot be logged, or None when it can."""
    latest = latest_today() + timedelta(days=DAYS_AHEAD)
    if not isinstance(day, date) or isinstance(day, datetime) or not EARLIEST_DAY <= day <= latest:
        return f"Choose a day between {EARLIEST_DAY:%Y} and {latest:%Y-%m-%d}."
    return None
