"""`openplate log` without --date logs for the person's own today, in their time zone.

2026-03-10 08:30 UTC is 22:30 on March 9 in Honolulu; 2026-03-10 20:00 UTC is 09:00 on March 11
in Auckland.
"""

import json
from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth.models import User

from openplate.accounts.models import Account
from tests.cli.runner import openplate

HONOLULU_EVENING = datetime(2026, 3, 10, 8, 30, tzinfo=UTC)
AUCKLAND_MORNING = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)


def maria_in(zone: str | None) -> None:
    maria = User.objects.create_user("maria")
    if zone is not None:
        Account.objects.create(user=maria, time_zone=zone)


def logged_on(*args: str) -> str:
    result = openplate("log", *args, "--user", "maria", "--json")
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout)["date"])


@pytest.mark.parametrize(
    ("zone", "moment", "their_today"),
    [
        ("Pacific/Honolulu", HONOLULU_EVENING, "2026-03-09"),
        ("Pacific/Auckland", AUCKLAND_MORNING, "2026-03-11"),
        (None, AUCKLAND_MORNING, "2026-03-10"),  # no zone chosen: the server's, UTC
    ],
)
def test_the_default_day_is_the_persons_today(db, zone, moment, their_today):
    maria_in(zone)
    with time_machine.travel(moment, tick=False):
        assert logged_on("water") == their_today
        assert logged_on("weight", "--weight", "70 kg") == their_today
        assert logged_on("exercise", "--custom", "Swim", "--kcal", "200") == their_today


def test_a_date_given_is_taken_as_it_is(db):
    maria_in("Pacific/Auckland")
    with time_machine.travel(AUCKLAND_MORNING, tick=False):
        assert logged_on("water", "--date", "2026-03-10") == "2026-03-10"


def test_the_help_says_whose_today(db):
    help_text = " ".join(openplate("log", "water", "--help").stdout.split())
    assert "(default: today in the person's time zone)" in help_text
