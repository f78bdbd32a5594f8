"""`openplate log exercise`, through the command line."""

import json
from datetime import date

import pytest
from django.contrib.auth.models import User

from openplate.body.models import WeightEntry
from tests.cli.runner import openplate

DAY = "2025-03-03"


@pytest.fixture(autouse=True)
def people(db):
    """maria, weighed at 60 kg two days before DAY, and a person never weighed."""
    maria = User.objects.create_user("maria")
    WeightEntry.objects.create(user=maria, date=date(2025, 3, 1), weight_kg=60.0)
    User.objects.create_user("nobody-weighed")


def log_json(*args):
    result = openplate("log", "exercise", "--user", "maria", "--date", DAY, *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_logs_an_activity_by_code():
    entry = log_json("--activity", "12030", "--minutes", "30")
    assert entry["kind"] == "activity"
    assert entry["activity_code"] == "12030"
    assert entry["name"] == "running, 5 mph (12 min/mile)"
    assert (entry["met"], entry["body_weight_kg"], entry["minutes"]) == (8.3, 60.0, 30.0)
    assert entry["energy_kcal"] == 249.0
    assert entry["date"] == DAY


def test_it_logs_an_activity_by_words_the_plain_one_first():
    entry = log_json("--activity", "running", "--minutes", "60")
    assert entry["activity_code"] == "12020"  # jogging, general
    assert entry["energy_kcal"] == 420.0


def test_it_logs_custom_and_strength_exercise():
    custom = log_json("--custom", "Spin class", "--kcal", "420", "--minutes", "45")
    assert (custom["kind"], custom["energy_kcal"], custom["minutes"]) == ("custom", 420.0, 45.0)
    strength = log_json("--strength", "Squats", "--sets", "3", "--reps", "10", "--load-kg", "60")
    assert (strength["sets"], strength["reps"], strength["load_kg"]) == (3, 10, 60.0)
    assert strength["energy_kcal"] == 0
    assert strength["day_exercise_kcal"] >= 420


def test_it_prints_the_formula_for_people():
    result = openplate("log", "exercise", "--user", "maria", "--date", "2025-03-04",
                       "--activity", "12030", "--minutes", "30")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Logged running, 5 mph (12 min/mile) on 2025-03-04: 249 kcal" in result.stdout
    assert "8.3 MET × 60.0 kg × 0.5 h" in result.stdout


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--activity", "12030"), "--minutes"),
        (("--activity", "12030", "--minutes", "0"), "--minutes"),
        (("--activity", "12030", "--minutes", "abc"), "--minutes"),
        (("--activity", "xyzzy", "--minutes", "30"), "--activity"),
        (("--activity", "12030", "--minutes", "30", "--kcal", "5"), "--kcal"),
        (("--custom", "Spin"), "--kcal"),
        (("--custom", "Spin", "--kcal", "-5"), "--energy-kcal"),
        (("--strength", "Squats", "--sets", "0", "--reps", "5"), "--sets"),
        (("--strength", "Squats", "--sets", "3"), "--reps"),
        (("--custom", "Spin", "--kcal", "5", "--strength", "Squats"), "--activity"),
        ((), "--activity"),
        (("--custom", "Spin", "--kcal", "5", "--date", "2025-13-01"), "--date"),
        (("--custom", "Spin", "--kcal", "5", "--date", "1800-01-01"), "--date"),
    ],
)
def test_it_refuses_bad_input_on_one_line(args, named):
    result = openplate("log", "exercise", "--user", "maria", *args)
    assert result.returncode == 2, result.stdout
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert named in result.stderr


def test_it_refuses_an_unknown_person():
    result = openplate("log", "exercise", "--user", "nobody", "--custom", "x", "--kcal", "5")
    assert result.returncode == 2
    assert result.stderr.strip() == "openplate: error: no user named 'nobody'"


def test_it_asks_for_a_weight_before_an_activity():
    result = openplate("log", "exercise", "--user", "nobody-weighed",
                       "--activity", "12030", "--minutes", "30")  # fmt: skip
    assert result.returncode == 2
    assert "weight" in result.stderr
