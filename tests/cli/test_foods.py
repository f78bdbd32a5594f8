"""`openplate foods`, through the command line, on the test database and its shipped foods."""

import json

import pytest

from tests.cli.runner import openplate

pytestmark = pytest.mark.django_db


def test_search_prints_the_promised_json_keys():
    result = openplate("foods", "search", "banana", "--limit", "3", "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert len(found) == 3
    banana = found[0]
    assert banana["name"] == "Bananas, raw"
    assert (banana["source"], banana["source_id"]) == ("usda", "09040")
    assert banana["kcal_per_100g"] == 89
    assert {"name", "grams"} <= set(banana["servings"][0])
    assert isinstance(banana["id"], int)


def test_show_prints_every_nutrient_with_its_unit():
    result = openplate("foods", "show", "01123", "--json")
    assert result.returncode == 0, result.stderr
    egg = json.loads(result.stdout)
    by_key = {n["key"]: n for n in egg["nutrients_per_100g"]}
    assert by_key["energy_kcal"]["amount"] == 143
    assert by_key["energy_kcal"]["unit"] == "kcal"
    assert by_key["cholesterol_mg"]["unit"] == "mg"
    assert len(by_key) > 40


def test_show_by_source_and_id_agree():
    by_ndb = json.loads(openplate("foods", "show", "01123", "--json").stdout)
    by_source = json.loads(openplate("foods", "show", "usda:01123", "--json").stdout)
    by_id = json.loads(openplate("foods", "show", f"id:{by_ndb['id']}", "--json").stdout)
    assert by_ndb == by_source == by_id


def test_show_names_a_missing_food():
    result = openplate("foods", "show", "usda:00000")
    assert result.returncode == 1
    assert "no food usda:00000" in result.stderr


@pytest.mark.parametrize("code", ["12345", "abcdefghijklm", "4006381333932"])
def test_barcode_refuses_what_is_not_a_barcode(code):
    result = openplate("foods", "barcode", code)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_barcode_says_when_no_food_has_it():
    result = openplate("foods", "barcode", "4006381333931")  # a valid EAN-13
    assert result.returncode == 1
    assert "no food has barcode" in result.stderr


def test_search_shows_no_progress_once_the_foods_are_loaded():
    again = openplate("foods", "search", "egg")
    assert again.returncode == 0
    assert "Loading the USDA foods" not in again.stderr
    assert "Egg, whole" in again.stdout
