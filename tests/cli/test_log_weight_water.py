"""`openplate log weight` and `openplate log water`, through the installed console script."""

import json

import pytest

from tests.cli.console import fresh_data_dir, run

SETUP = """
from datetime import date
from django.contrib.auth.models import User
from openplate.accounts.goals import GoalInput, set_goal
maria = User.objects.create_user("maria")
set_goal(maria, GoalInput("female", date(1990, 1, 1), 165, 75, "light", -0.5), on=date(2025, 1, 1))
"""


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """One data folder for the module, with maria: 165 cm tall, with a goal."""
    folder = tmp_path_factory.mktemp("log-weight")
    with fresh_data_dir(folder):
        first = run(folder, "log", "water", "--user", "maria")
        assert "no user named 'maria'" in first.stderr  # and the database is now made
        made = run(folder, "manage", "shell", "-c", SETUP)
        assert made.returncode == 0, made.stderr
        yield folder


def log_json(data_dir, kind, *args):
    result = run(data_dir, "log", kind, "--user", "maria", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_logs_weigh_ins_with_their_trend_and_bmi(data_dir):
    first = log_json(data_dir, "weight", "--date", "2025-03-01", "--weight", "165 lb")
    assert first["weight_kg"] == pytest.approx(74.84, abs=0.01)
    assert first["trend_kg"] == first["weight_kg"]  # the trend starts at the first weigh-in
    # BMI = kg / m²: 74.84 / 1.65² = 27.5, WHO "overweight" (25 to 30)
    assert (first["bmi"], first["bmi_category"]) == (27.5, "overweight")
    second = log_json(
        data_dir, "weight", "--date", "2025-03-02", "--weight", "73.84 kg", "--body-fat", "31"
    )
    # One day on, the trend moves a tenth of the way to the new weight (The Hacker's Diet).
    assert second["trend_kg"] == pytest.approx(74.84 - 0.1, abs=0.01)
    assert second["body_fat_percent"] == 31


def test_a_second_weigh_in_the_same_day_replaces_the_first(data_dir):
    log_json(data_dir, "weight", "--date", "2025-04-01", "--weight", "70 kg")
    again = log_json(data_dir, "weight", "--date", "2025-04-01", "--weight", "71 kg")
    assert again["weight_kg"] == 71


def test_it_logs_water_a_cup_by_default_or_ml(data_dir):
    cup = log_json(data_dir, "water", "--date", "2025-03-05")
    assert (cup["total_cups"], cup["entries"]) == (1, 1)
    bottle = log_json(data_dir, "water", "--date", "2025-03-05", "--ml", "500")
    assert bottle["total_ml"] == pytest.approx(736.6, abs=0.1)
    assert bottle["goal_cups"] == 8


def test_it_prints_a_readable_weigh_in(data_dir):
    result = run(data_dir, "log", "weight", "--user", "maria", "--date", "2025-05-01",
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
def test_it_refuses_bad_input_with_exit_2_naming_the_problem(data_dir, args, message):
    kind, *options = args
    user = [] if "--user" in options else ["--user", "maria"]
    result = run(data_dir, "log", kind, *user, *options)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_refused_water_logs_nothing(data_dir):
    run(data_dir, "log", "water", "--user", "maria", "--date", "2025-07-01", "--ml", "9000")
    probe = log_json(data_dir, "water", "--date", "2025-07-01", "--ml", "1")
    assert probe["entries"] == 1
