"""Saved meals: a day's meal saved under a name, logged again in one tap with what it counted."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client

from openplate.diary.models import Entry, SavedMeal, SavedMealItem
from openplate.diary.saved_meals import (
    MAX_NAME_LENGTH,
    log_saved_meal,
    own_saved_meal,
    rename_meal,
    save_meal,
    saved_meals,
)
from openplate.diary.services import log_food, quick_add
from openplate.foods.models import Food

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
NEXT_DAY = DAY + timedelta(days=1)


@pytest.fixture
def breakfast(new_alice: User) -> list[Entry]:
    egg = Food.objects.get(source="usda", source_id="01123")  # Egg, whole, raw, fresh
    return [
        log_food(new_alice, day=DAY, meal="breakfast", food=egg, serving="1 large", quantity=2),
        quick_add(new_alice, day=DAY, meal="breakfast", energy_kcal=120, name="Orange juice"),
    ]


def test_a_saved_meal_keeps_each_item_as_logged(new_alice: User, breakfast: list[Entry]) -> None:
    saved = save_meal(new_alice, name="  My usual   breakfast ", day=DAY, meal="breakfast")
    assert (saved.name, saved.meal) == ("My usual breakfast", "breakfast")
    items = list(saved.items.all())
    assert [(i.name, i.serving, i.quantity) for i in items] == [
        (breakfast[0].name, "1 large", 2),
        ("Orange juice", "", 1),
    ]
    assert items[0].nutrients == breakfast[0].nutrients
    assert saved.kcal == pytest.approx(sum(entry.energy_kcal for entry in breakfast))


def test_logging_it_copies_the_items_into_its_meal(new_alice: User, breakfast: list[Entry]) -> None:
    saved = save_meal(new_alice, name="Usual", day=DAY, meal="breakfast")
    entries = log_saved_meal(new_alice, saved, day=NEXT_DAY)
    assert [(e.date, e.meal, e.name) for e in entries] == [
        (NEXT_DAY, "breakfast", entry.name) for entry in breakfast
    ]
    assert [e.energy_kcal for e in entries] == [e.energy_kcal for e in breakfast]
    assert entries[1].is_quick_add
    lunch = log_saved_meal(new_alice, saved, day=NEXT_DAY, meal="lunch")
    assert {entry.meal for entry in lunch} == {"lunch"}


def test_deleting_the_food_keeps_the_saved_meal_whole(
    new_alice: User, breakfast: list[Entry]
) -> None:
    food = breakfast[0].food
    assert food is not None
    saved = save_meal(new_alice, name="Usual", day=DAY, meal="breakfast")
    SavedMealItem.objects.filter(saved_meal=saved).update(food=None)  # as SET_NULL leaves it
    [eggs, _] = log_saved_meal(new_alice, own_saved_meal(new_alice, saved.pk), day=NEXT_DAY)
    assert (eggs.food_id, eggs.energy_kcal) == (None, breakfast[0].energy_kcal)


@pytest.mark.parametrize(
    ("name", "meal", "field"),
    [
        ("", "breakfast", "name"),
        ("   ", "breakfast", "name"),
        ("x" * (MAX_NAME_LENGTH + 1), "breakfast", "name"),
        ("Lunch", "lunch", "meal"),  # nothing logged in it
        ("Brunch", "brunch", "meal"),
    ],
)
def test_a_bad_save_names_its_field_and_saves_nothing(
    new_alice: User, breakfast: list[Entry], name: str, meal: str, field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        save_meal(new_alice, name=name, day=DAY, meal=meal)
    assert list(refused.value.message_dict) == [field]
    assert not SavedMeal.objects.exists()


def test_a_name_is_one_of_a_kind_per_person(
    new_alice: User, bob: User, breakfast: list[Entry]
) -> None:
    save_meal(new_alice, name="Usual", day=DAY, meal="breakfast")
    with pytest.raises(ValidationError, match="already have a meal named"):
        save_meal(new_alice, name="Usual", day=DAY, meal="breakfast")
    other = save_meal(new_alice, name="Other", day=DAY, meal="breakfast")
    with pytest.raises(ValidationError, match="already have a meal named"):
        rename_meal(other, "Usual")
    assert own_saved_meal(new_alice, other.pk).name == "Other"
    quick_add(bob, day=DAY, meal="breakfast", energy_kcal=100)
    assert save_meal(bob, name="Usual", day=DAY, meal="breakfast").name == "Usual"


def test_nobody_reaches_anothers_saved_meal(new_alice: User, bob: User, breakfast) -> None:
    saved = save_meal(new_alice, name="Usual", day=DAY, meal="breakfast")
    with pytest.raises(ValidationError):
        own_saved_meal(bob, saved.pk)
    assert list(saved_meals(bob)) == []


# --- the pages ---------------------------------------------------------------------------------


def test_a_meal_is_saved_from_the_day_and_logged_in_one_post(
    new_alice: User, new_alice_browser: Client, breakfast: list[Entry]
) -> None:
    new_alice_browser.post(f"/diary/{DAY}/save-meal/", {"meal": "breakfast", "name": "Usual"})
    saved = SavedMeal.objects.get(user=new_alice)
    page = html.unescape(new_alice_browser.get(f"/diary/{NEXT_DAY}/").content.decode())
    assert "+ Usual" in page
    assert "2 foods · 263 kcal" in page  # 2 large eggs (143 kcal per 100 g, 50 g each) + 120
    response = new_alice_browser.post(f"/diary/{NEXT_DAY}/saved-meals/{saved.pk}/")
    assert response.status_code == 302
    assert Entry.objects.filter(date=NEXT_DAY, meal="breakfast").count() == 2


def test_a_bad_name_is_shown_in_place(new_alice_browser: Client, breakfast) -> None:
    response = new_alice_browser.post(f"/diary/{DAY}/save-meal/", {"meal": "breakfast", "name": ""})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'id="save-meal-breakfast-error"' in page
    assert not SavedMeal.objects.exists()


def test_the_saved_meals_page_renames_and_deletes(
    new_alice: User, new_alice_browser: Client, breakfast: list[Entry]
) -> None:
    saved = save_meal(new_alice, name="Usual", day=DAY, meal="breakfast")
    page = html.unescape(new_alice_browser.get("/diary/saved-meals/").content.decode())
    assert "Usual" in page
    assert "Orange juice" in page
    new_alice_browser.post(f"/diary/saved-meals/{saved.pk}/rename/", {"name": "Workdays"})
    assert own_saved_meal(new_alice, saved.pk).name == "Workdays"
    new_alice_browser.post(f"/diary/saved-meals/{saved.pk}/delete/")
    assert not SavedMeal.objects.exists()
    assert Entry.objects.filter(user=new_alice).count() == len(breakfast)


def test_nobody_logs_renames_or_deletes_anothers_saved_meal(
    new_alice: User, breakfast: list[Entry], bob: User
) -> None:
    saved = save_meal(new_alice, name="Usual", day=DAY, meal="breakfast")
    client = Client()
    client.force_login(bob)
    for url in (
        f"/diary/{NEXT_DAY}/saved-meals/{saved.pk}/",
        f"/diary/saved-meals/{saved.pk}/rename/",
        f"/diary/saved-meals/{saved.pk}/delete/",
    ):
        assert client.post(url, {"name": "Mine"}).status_code == 404
    assert own_saved_meal(new_alice, saved.pk).name == "Usual"
    assert not Entry.objects.filter(user=bob).exists()
