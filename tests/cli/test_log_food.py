"""`openplate log food` (plain words, every food or none) and `openplate log saved-meal`."""

import json
from datetime import date

import pytest
from django.contrib.auth.models import User

from openplate.diary.models import Entry
from openplate.diary.saved_meals import save_meal
from openplate.diary.services import quick_add
from openplate.foods.models import Food
from tests.cli.runner import openplate

DAY = "2025-03-03"
EGG_KCAL_PER_100G = 143  # USDA SR24 01123, Egg, whole, raw, fresh: 1 large = 50 g


@pytest.fixture(autouse=True)
def maria(db):
    return User.objects.create_user("maria")


def log_json(*args):
    result = openplate("log", *args, "--user", "maria", "--date", DAY, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_logs_every_food_the_words_name(maria):
    logged = log_json("food", "--meal", "breakfast", "2 large eggs and a banana")
    egg = Food.objects.get(source="usda", source_id="01123")
    eggs = logged["entries"][0]
    assert (eggs["food_id"], eggs["meal"], eggs["date"]) == (egg.pk, "breakfast", DAY)
    assert logged["entries"][0]["kcal"] == pytest.approx(EGG_KCAL_PER_100G)  # 2 × 50 g
    assert len(logged["entries"]) == Entry.objects.filter(user=maria).count() == 2


def test_words_that_name_no_food_log_nothing(maria):
    result = openplate("log", "food", "--user", "maria", "2 eggs and xyzzy")
    assert result.returncode == 2
    assert "xyzzy" in result.stderr
    assert "nothing was logged" in result.stderr
    assert openplate("log", "food", "--user", "maria", " ").returncode == 2
    assert not Entry.objects.exists()


def test_it_logs_a_saved_meal_by_name(maria):
    quick_add(maria, day=date(2025, 3, 1), meal="lunch", energy_kcal=450, name="Soup")
    save_meal(maria, name="My usual lunch", day=date(2025, 3, 1), meal="lunch")
    logged = log_json("saved-meal", "My usual lunch")
    assert [(e["name"], e["meal"], e["kcal"]) for e in logged["entries"]] == [
        ("Soup", "lunch", 450)
    ]
    missing = openplate("log", "saved-meal", "--user", "maria", "Brunch")
    assert missing.returncode == 2
    assert "'My usual lunch'" in missing.stderr
