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


def latest_day() -> date:
    """The last day OpenPlate takes: DAYS_AHEAD after the latest today on Earth."""
    return latest_today() + timedelta(days=DAYS_AHEAD)


def is_supported_day(day: object) -> bool:
    """Whether `day` is a date (not a date-time) from EARLIEST_DAY to `latest_day()`: the one
    range of days that pages, forms and the API take."""
    return (
        isinstance(day, date)
        and not isinstance(day, datetime)
        and EARLIEST_DAY <= day <= latest_day()
    )


def day_problem(day: object) -> str | None:
    """Why `day` cannot be logged, or None when it can."""
    if not is_supported_day(day):
        return f"Choose a day between {EARLIEST_DAY:%Y} and {latest_day():%Y-%m-%d}."
    return None
