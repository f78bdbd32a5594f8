"""`openplate forecast`, through the command line."""

import json

import pytest

from openplate.science import dynamics
from tests.cli.runner import openplate

BOB = ("--sex", "male", "--age", "40", "--height", "180 cm", "--weight", "100 kg")


def forecast_json(*args):
    result = openplate("forecast", *BOB, *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_prints_one_value_a_day_from_day_0():
    payload = forecast_json("--pal", "1.6", "--intake-change", "-500", "--days", "365")
    assert payload["day"] == list(range(366))
    assert len(payload["weight_kg"]) == len(payload["fat_mass_kg"]) == 366
    assert payload["weight_kg"][0] == 100.0
    expected = dynamics.simulate(dynamics.baseline("male", 40, 180, 100, 1.6), 365, -500)
    assert payload["weight_kg"][365] == pytest.approx(expected.weight_kg[0, 365], abs=1e-3)
    assert payload["fat_mass_kg"][365] == pytest.approx(expected.fat_mass_kg[0, 365], abs=1e-3)


def test_an_absolute_intake_equals_the_same_change():
    by_change = forecast_json("--pal", "1.6", "--intake-change", "-500", "--days", "30")
    intake = by_change["baseline_intake_kcal"] - 500
    by_intake = forecast_json("--pal", "1.6", "--intake", str(intake), "--days", "30")
    assert by_intake["weight_kg"][-1] == pytest.approx(by_change["weight_kg"][-1], abs=0.01)


def test_an_activity_level_stands_for_its_pal():
    by_level = forecast_json("--activity", "moderate", "--days", "10")
    by_pal = forecast_json("--pal", "1.55", "--days", "10")
    assert by_level == by_pal


def test_goal_mode_prints_the_intake_and_the_maintenance_after():
    payload = forecast_json("--pal", "1.6", "--target-weight", "90 kg", "--target-day", "180")
    plan = dynamics.plan_for_target(dynamics.baseline("male", 40, 180, 100, 1.6), 90, 180)
    assert payload["intake_kcal"] == round(plan.intake_kcal[0])
    assert payload["maintenance_after_kcal"] == round(plan.maintenance_after_kcal[0])
    assert payload["weight_kg"][180] == pytest.approx(90.0, abs=1e-3)


def test_it_prints_a_readable_table():
    result = openplate("forecast", *BOB, "--pal", "1.6", "--intake-change", "-500")
    assert result.returncode == 0
    assert "3,500 kcal/lb rule" in result.stdout
    assert "uncertain by several kg" in result.stdout
    assert " 365 " in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--intake-change", "-500"), "--pal"),
        (("--pal", "1.6", "--activity", "light"), "not both"),
        (("--pal", "3.5"), "PAL"),
        (("--pal", "1.6", "--days", "0"), "--days"),
        (("--pal", "1.6", "--target-weight", "90 kg"), "--target-day"),
        (("--pal", "1.6", "--intake-change", "-5000"), "negative"),
        (("--pal", "1.6", "--target-weight", "50 kg", "--target-day", "30"), "eating nothing"),
        (
            ("--pal", "1.6", "--intake", "2000", "--target-weight", "90 kg", "--target-day", "9"),
            "not both",
        ),
    ],
)
def test_it_refuses_bad_input_with_exit_2_and_one_line(args, message):
    result = openplate("forecast", *BOB, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
