"""`openplate log weight` and `openplate log water`, through the command line."""

import json
from datetime import date

import pytest
from django.contrib.auth.models import User

from openplate.accounts.goals import GoalInput, set_goal
from tests.cli.runner import openplate


@pytest.fixture(autouse=True)
def maria(db):
    """maria: 165 cm tall, with a goal."""
    maria = User.objects.create_user("maria")
    goal = GoalInput("female", date(1990, 1, 1), 165, 75, "light", -0.5)
    set_goal(maria, goal, on=date(2025, 1, 1))


def log_json(kind, *args):
    result = openplate("log", kind, "--user", "maria", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_logs_weigh_ins_with_their_trend_and_bmi():
    first = log_json("weight", "--date", "2025-03-01", "--weight", "165 lb")
    assert first["weight_kg"] == pytest.approx(74.84, abs=0.01)
    assert first["trend_kg"] == first["weight_kg"]  # the trend starts at the first weigh-in
    # BMI = kg / m²: 74.84 / 1.65² = 27.5, WHO "overweight" (25 to 30)
    assert (first["bmi"], first["bmi_category"]) == (27.5, "overweight")
    second = log_json("weight", "--date", "2025-03-02", "--weight", "73.84 kg", "--body-fat", "31")
    # One day on, the trend moves a tenth of the way to the new weight (The Hacker's Diet).
    assert second["trend_kg"] == pytest.approx(74.84 - 0.1, abs=0.01)
    assert second["body_fat_percent"] == 31


def test_a_second_weigh_in_the_same_day_replaces_the_first():
    log_json("weight", "--date", "2025-04-01", "--weight", "70 kg")
    again = log_json("weight", "--date", "2025-04-01", "--weight", "71 kg")
    assert again["weight_kg"] == 71


def test_it_logs_water_a_cup_by_default_or_ml():
    cup = log_json("water", "--date", "2025-03-05")
    assert (cup["total_cups"], cup["entries"]) == (1, 1)
    bottle = log_json("water", "--date", "2025-03-05", "--ml", "500")
    assert bottle["total_ml"] == pytest.approx(736.6, abs=0.1)
    assert bottle["goal_cups"] == 8


def test_it_prints_a_readable_weigh_in():
    result = openplate("log", "weight", "--user", "maria", "--date", "2025-05-01",
                       "--weight", "160 lb")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Weighed 72.6 kg (160.0 lb) on 2025-05-01" in result.stdout
    assert "BMI: 26.7 (overweight)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["weight", "--weight", "9 lb"], "--weight"),
        (["weight", "--weight", "70 kg", "--body-fat", "90"], "--body-fat-percent"),
        (["weight", "--weight", "70 kg", "--date", "1850-01-01"], "--date: Choose a day"),
        (["water", "--cups", "0"], "--amount"),
        (["water", "--ml", "9000"], "at most 4,000 ml"),
        (["water", "--ml", "100", "--cups", "1"], "not both"),
        (["water", "--user", "nobody"], "no user named 'nobody'"),
    ],
)
def test_it_refuses_bad_input_with_exit_2_naming_the_problem(args, message):
    kind, *options = args
    user = [] if "--user" in options else ["--user", "maria"]
    result = openplate("log", kind, *user, *options)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_refused_water_logs_nothing():
    openplate("log", "water", "--user", "maria", "--date", "2025-07-01", "--ml", "9000")
    probe = log_json("water", "--date", "2025-07-01", "--ml", "1")
    assert probe["entries"] == 1
