"""`openplate goal`, through the command line: the contract scripts rely on."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.cli.runner import openplate

ALICE = ("--sex", "female", "--age", "35", "--height", "5 ft 4 in", "--weight", "160 lb")
# Mifflin-St Jeor for Alice, by hand: 10 x 72.5748 + 6.25 x 162.56 - 5 x 35 - 161 = 1405.75
ALICE_BMR = 1405.75


def goal_json(*args):
    result = openplate("goal", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_prints_the_promised_json_keys():
    payload = goal_json(*ALICE, "--activity", "light", "--rate", "-1")
    assert payload["bmr_kcal"] == round(ALICE_BMR)
    assert payload["maintenance_kcal"] == round(ALICE_BMR * 1.375)
    assert payload["budget_kcal"] == round(ALICE_BMR * 1.375 - 500)
    assert payload["floor_applied"] is False
    assert payload["bmi"] == 27.5
    assert payload["warnings"] == []


def test_it_takes_a_metric_rate():
    payload = goal_json(*ALICE, "--activity", "light", "--rate", "-0.5 kg")
    assert payload["rate_kg_per_week"] == -0.5
    assert payload["daily_change_kcal"] == round(-0.5 / 0.45359237 * 500)


def test_it_reports_the_floor_with_a_warning():
    payload = goal_json(
        "--sex",
        "female",
        "--age",
        "60",
        "--height",
        "152 cm",
        "--weight",
        "60 kg",
        "--rate",
        "-2",
    )
    assert payload["floor_applied"] is True
    assert payload["budget_kcal"] == 1200
    assert any("minimum" in warning for warning in payload["warnings"])


def test_it_projects_a_target_date():
    payload = goal_json(
        *ALICE,
        "--activity",
        "light",
        "--rate",
        "-1",
        "--target-weight",
        "140 lb",
        "--start",
        "2026-01-01",
    )
    assert payload["weeks_to_target"] == 20
    assert payload["target_date"] == "2026-05-21"


def test_the_projection_starts_on_todays_date_where_the_computer_is():
    """With no person in the database, today is the computer's: 22:30 on March 9 in Honolulu
    is March 10 in UTC, and the 20 weeks count from March 9."""
    evening = datetime(2026, 3, 9, 22, 30, tzinfo=ZoneInfo("Pacific/Honolulu"))
    with time_machine.travel(evening, tick=False):  # sets the process's zone too (TZ)
        payload = goal_json(*ALICE, "--activity", "light", "--rate", "-1",
                            "--target-weight", "140 lb")  # fmt: skip
    assert payload["target_date"] == "2026-07-27"  # March 9 + 140 days


def test_it_prints_a_readable_summary():
    result = openplate("goal", *ALICE, "--activity", "light", "--rate", "-1")
    assert result.returncode == 0
    assert "Lose 1 pound per week" in result.stdout
    assert "Daily budget: 1,433 kcal/day" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--height", "20 ft"), "plausible height"),
        (("--weight", "-3 kg"), "negative"),
        (("--weight", "abc"), "--weight"),
        (("--height", "5 parsecs"), "parsecs"),
        (("--rate", "-5"), "offered range"),
        (("--age", "12"), "adults"),
        (("--activity", "couch"), "--activity"),
    ],
)
def test_it_refuses_bad_input_with_exit_2_and_one_line(args, message):
    base = dict(zip(ALICE[::2], ALICE[1::2], strict=True))
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    flat = [item for pair in base.items() for item in pair]
    result = openplate("goal", *flat)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_it_refuses_a_loss_goal_when_underweight():
    result = openplate(
        "goal",
        "--sex",
        "female",
        "--age",
        "25",
        "--height",
        "170 cm",
        "--weight",
        "50 kg",
        "--rate",
        "-1",
    )
    assert result.returncode == 2
    assert "underweight" in result.stderr


def test_the_life_stage_is_neither_unless_given():
    assert goal_json(*ALICE, "--rate", "-1") == goal_json(
        *ALICE, "--rate", "-1", "--life-stage", "neither"
    )


@pytest.mark.parametrize(
    ("stage", "why"), [("pregnant", "pregnancy"), ("breastfeeding", "breastfeeding")]
)
def test_it_refuses_a_loss_goal_in_pregnancy_or_while_breastfeeding(stage, why):
    result = openplate("goal", *ALICE, "--rate", "-1", "--life-stage", stage)
    assert result.returncode == 2
    assert why in result.stderr
    assert "choose maintain" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_it_budgets_maintain_in_pregnancy_with_a_note():
    payload = goal_json(*ALICE, "--rate", "0", "--life-stage", "pregnant")
    assert payload["budget_kcal"] == goal_json(*ALICE, "--rate", "0")["budget_kcal"]
    assert any("before pregnancy" in warning for warning in payload["warnings"])


def test_pregnancy_is_refused_for_sex_male():
    result = openplate("goal", *ALICE, "--sex", "male", "--life-stage", "pregnant")
    assert result.returncode == 2
    assert "female only" in result.stderr
