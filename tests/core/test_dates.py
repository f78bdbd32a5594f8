"""The days a log may be written for: from 1900 to 366 days after the latest today anywhere."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from openplate.core.dates import day_problem, latest_today


@pytest.mark.parametrize(
    ("moment", "latest"),
    [
        # 09:59 UTC is 23:59 in Kiritimati (UTC+14), the furthest ahead: still March 10 there.
        (datetime(2026, 3, 10, 9, 59, tzinfo=UTC), date(2026, 3, 10)),
        # 10:00 UTC is midnight there: March 11 has begun somewhere.
        (datetime(2026, 3, 10, 10, 0, tzinfo=UTC), date(2026, 3, 11)),
    ],
)
def test_the_latest_today_is_kiritimatis(moment, latest):
    with time_machine.travel(moment, tick=False):
        assert latest_today() == latest


def test_a_person_far_ahead_of_utc_may_plan_366_days_from_their_own_today():
    # 20:00 UTC on March 10 is 09:00 on March 11 in Auckland (UTC+13) and 10:00 in Kiritimati.
    with time_machine.travel(datetime(2026, 3, 10, 20, 0, tzinfo=UTC), tick=False):
        assert day_problem(date(2027, 3, 12)) is None  # March 11, 2026 + 366 days
        assert day_problem(date(2027, 3, 13)) == "Choose a day between 1900 and 2027-03-12."


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2026, 3, 10)])
def test_it_takes_the_first_day_and_today(day):
    with time_machine.travel(datetime(2026, 3, 10, 12, 0, tzinfo=UTC), tick=False):
        assert day_problem(day) is None


@pytest.mark.parametrize(
    "day", [date(1899, 12, 31), datetime(2026, 3, 10, 12, 0), "2026-03-10", None]
)
def test_it_refuses_what_is_not_a_day_in_range(day):
    assert day_problem(day) is not None
