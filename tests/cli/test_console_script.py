"""The installed `openplate` console script, end to end, in a process of its own: the rest of
tests/cli runs the same commands in-process (tests/cli/runner.py)."""

import json
import re
from pathlib import Path

import pytest

from openplate import __version__
from openplate.foods.loading import shipped_food_count
from tests.cli.console import fresh_data_dir, run

ALICE = ("--sex", "female", "--age", "35", "--height", "5 ft 4 in", "--weight", "160 lb")


def test_it_prints_its_version(tmp_path: Path) -> None:
    result = run(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"openplate, version {__version__}\n"


def test_goal_prints_the_promised_json_keys(tmp_path: Path) -> None:
    result = run(tmp_path, "goal", *ALICE, "--activity", "light", "--rate", "-1", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert {"bmr_kcal", "maintenance_kcal", "budget_kcal", "floor_applied", "bmi"} <= set(payload)
    assert payload["budget_kcal"] == round(1405.75 * 1.375 - 500)  # as tests/cli/test_goal.py


def test_bad_input_exits_2_with_one_line_on_stderr(tmp_path: Path) -> None:
    result = run(tmp_path, "goal", *ALICE[:-1], "-3 kg")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("openplate: error: ")
    assert "negative" in result.stderr
    assert result.stdout == ""


def test_manage_runs_djangos_checks(tmp_path: Path) -> None:
    result = run(tmp_path, "manage", "check")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
@pytest.mark.database
def test_the_first_command_on_a_new_data_folder_prepares_its_database(tmp_path: Path) -> None:
    """Migrations applied, the foods and activities loaded, with their progress on stderr; the
    next command finds it all ready and says nothing on stderr."""
    with fresh_data_dir(tmp_path):
        first = run(tmp_path, "foods", "search", "banana", "--limit", "1", "--json")
        again = run(tmp_path, "foods", "search", "egg", "--limit", "1")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)[0]["name"] == "Bananas, raw"
    assert "Loading the USDA foods" in first.stderr
    assert f"Foods: {shipped_food_count():,} added, 0 updated." in first.stderr
    assert re.search(r"^Activities: [\d,]+ loaded\.$", first.stderr, re.MULTILINE)
    assert again.returncode == 0, again.stderr
    assert again.stderr == ""
    assert "Egg, whole" in again.stdout
