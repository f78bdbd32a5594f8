"""One tap for what people eat again: a food logged again at its last amount, several foods in one
batch (all or none), each meal's offers on the day page, and the serving form's live total.

Expected calories come from each food's own data (kcal per 100 g × grams / 100).
"""

from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client

from openplate.diary import services
from openplate.diary.models import Entry
from openplate.diary.services import FoodToLog, log_again, log_food, log_foods
from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food
from openplate.foods.servings import default_amount

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
MEDIUM = '1 medium (7" to 7-7/8" long)'  # a banana's SR24 household measure, 118 g


def usda(source_id: str) -> Food:
    return Food.objects.prefetch_related("servings").get(source="usda", source_id=source_id)


@pytest.fixture
def banana() -> Food:
    return usda("09040")  # Bananas, raw


@pytest.fixture
def egg() -> Food:
    return usda("01123")  # Egg, whole, raw, fresh


# --- logging again -----------------------------------------------------------------------------


def test_a_food_logs_again_at_the_amount_last_logged(new_alice: User, banana: Food) -> None:
    log_food(new_alice, day=DAY, meal="snacks", food=banana, serving="g", quantity=80)
    log_food(new_alice, day=DAY, meal="snacks", food=banana, serving=MEDIUM, quantity=2)
    again = log_again(new_alice, day=DAY + timedelta(days=1), meal="breakfast", food=banana)
    assert (again.serving, again.quantity, again.meal) == (MEDIUM, 2, "breakfast")
    assert again.energy_kcal == pytest.approx(banana.energy_kcal * 2 * 118 / 100)


def test_a_food_never_logged_logs_at_its_default_serving(new_alice: User, egg: Food) -> None:
    serving, quantity = default_amount(egg)
    entry = log_again(new_alice, day=DAY, meal="breakfast", food=egg)
    assert (entry.serving, entry.quantity) == (serving.name, quantity)


def test_another_persons_amount_is_not_the_last(new_alice: User, bob: User, egg: Food) -> None:
    log_food(bob, day=DAY, meal="breakfast", food=egg, serving="g", quantity=300)
    entry = log_again(new_alice, day=DAY, meal="breakfast", food=egg)
    assert entry.serving == default_amount(egg)[0].name


def test_a_serving_the_food_no_longer_has_falls_back_to_the_default(new_alice: User) -> None:
    stew = create_custom_food(
        new_alice, "Stew", nutrients={"energy_kcal": 100}, per_grams=300, serving_name="1 bowl"
    )
    log_food(new_alice, day=DAY, meal="dinner", food=stew, serving="1 bowl", quantity=1)
    stew.servings.all().delete()
    stew = Food.objects.prefetch_related("servings").get(pk=stew.pk)
    entry = log_again(new_alice, day=DAY, meal="dinner", food=stew)
    assert (entry.serving, entry.quantity) == ("g", 100)


# --- the batch ---------------------------------------------------------------------------------


def test_a_batch_logs_every_food_in_order(new_alice: User, banana: Food, egg: Food) -> None:
    entries = log_foods(
        new_alice,
        day=DAY,
        meal="breakfast",
        foods=[FoodToLog(egg, "1 large", 2), FoodToLog(banana, MEDIUM, 1, meal="snacks")],
    )
    assert [(e.name, e.meal) for e in entries] == [
        (egg.name, "breakfast"),
        (banana.name, "snacks"),
    ]
    assert Entry.objects.filter(user=new_alice).count() == 2


def test_a_batch_with_one_bad_food_logs_none_and_names_it(
    new_alice: User, banana: Food, egg: Food
) -> None:
    with pytest.raises(ValidationError) as refused:
        log_foods(
            new_alice,
            day=DAY,
            meal="breakfast",
            foods=[
                FoodToLog(egg, "1 large", 2),
                FoodToLog(banana, MEDIUM, 0),
                FoodToLog(banana, "1 slice", 1),
            ],
        )
    assert set(refused.value.message_dict) == {"items.1.quantity", "items.2.serving"}
    assert not Entry.objects.exists()


def test_an_empty_or_huge_batch_is_refused(new_alice: User, egg: Food) -> None:
    for foods in ([], [FoodToLog(egg, "g", 1)] * (services.MAX_BATCH + 1)):
        with pytest.raises(ValidationError) as refused:
            log_foods(new_alice, day=DAY, meal="lunch", foods=foods)
        assert list(refused.value.message_dict) == ["items"]
    assert not Entry.objects.exists()


# --- what each meal offers ---------------------------------------------------------------------


def test_each_meal_offers_its_own_latest_foods_once(
    new_alice: User, banana: Food, egg: Food
) -> None:
    log_food(new_alice, day=DAY, meal="breakfast", food=egg, serving="1 large", quantity=1)
    log_food(new_alice, day=DAY, meal="breakfast", food=banana, serving="g", quantity=50)
    log_food(new_alice, day=DAY, meal="breakfast", food=egg, serving="1 large", quantity=3)
    log_food(new_alice, day=DAY, meal="snacks", food=banana, serving=MEDIUM, quantity=1)
    services.quick_add(new_alice, day=DAY, meal="breakfast", energy_kcal=100)
    offered = services.recent_by_meal(new_alice)
    assert [(e.food_id, e.quantity) for e in offered["breakfast"]] == [(egg.pk, 3), (banana.pk, 50)]
    assert [e.serving for e in offered["snacks"]] == [MEDIUM]
    assert offered["lunch"] == offered["dinner"] == []


def test_a_meal_offers_at_most_a_few_foods(new_alice: User) -> None:
    for name in "ABCDEF":
        food = create_custom_food(new_alice, f"Food {name}", nutrients={"energy_kcal": 10})
        log_food(new_alice, day=DAY, meal="lunch", food=food, serving="g", quantity=10)
    names = [entry.name for entry in services.recent_by_meal(new_alice)["lunch"]]
    assert names == ["Food F", "Food E", "Food D", "Food C"][: services.AGAIN_PER_MEAL]


# --- the pages ---------------------------------------------------------------------------------


def page_of(client: Client, url: str) -> str:
    return html.unescape(client.get(url).content.decode())


def test_the_day_page_logs_a_recent_food_again_in_one_post(
    new_alice: User, new_alice_browser: Client, banana: Food
) -> None:
    log_food(new_alice, day=DAY, meal="snacks", food=banana, serving=MEDIUM, quantity=1)
    tomorrow = DAY + timedelta(days=1)
    page = page_of(new_alice_browser, f"/diary/{tomorrow}/")
    offer = re.search(r'<div class="again".*?</div>', page, re.S)
    assert offer is not None
    assert f"+ {banana.name}" in offer[0]
    assert f"{MEDIUM} · {banana.energy_kcal * 118 / 100:.0f} kcal" in offer[0]
    response = new_alice_browser.post(
        f"/diary/{tomorrow}/again/", {"food_id": banana.pk, "meal": "snacks"}
    )
    assert response.status_code == 302
    entry = Entry.objects.get(user=new_alice, date=tomorrow)
    assert (entry.food_id, entry.serving, entry.meal) == (banana.pk, MEDIUM, "snacks")


def test_copy_yesterdays_meal_is_offered_until_the_meal_has_food(
    new_alice: User, new_alice_browser: Client, egg: Food
) -> None:
    log_food(new_alice, day=DAY, meal="breakfast", food=egg, serving="1 large", quantity=2)
    tomorrow = DAY + timedelta(days=1)
    assert "Copy Mar 3’s breakfast" in page_of(new_alice_browser, f"/diary/{tomorrow}/")
    new_alice_browser.post(f"/diary/{tomorrow}/copy/", {"from_date": DAY, "meal": "breakfast"})
    assert Entry.objects.filter(date=tomorrow, meal="breakfast").count() == 1
    assert "Copy Mar 3’s breakfast" not in page_of(new_alice_browser, f"/diary/{tomorrow}/")


def test_the_add_page_logs_recent_and_favourite_foods_in_one_post(
    new_alice: User, new_alice_browser: Client, banana: Food, egg: Food
) -> None:
    log_food(new_alice, day=DAY, meal="snacks", food=banana, serving="g", quantity=60)
    services.set_favourite(new_alice, egg, True)
    page = page_of(new_alice_browser, f"/diary/{DAY}/add/?meal=lunch")
    assert re.search(r'id="recent-foods".*?\+ 60 g.*?53 kcal', page, re.S)  # 89 kcal per 100 g
    egg_serving, _ = default_amount(egg)
    assert re.search(rf'id="favourite-foods".*?\+ {re.escape(egg_serving.name)}', page, re.S)
    new_alice_browser.post(f"/diary/{DAY}/again/", {"food_id": egg.pk, "meal": "lunch"})
    assert Entry.objects.get(user=new_alice, meal="lunch").serving == egg_serving.name


def test_logging_again_refuses_a_food_out_of_sight(new_alice_browser: Client, bob: User) -> None:
    secret = create_custom_food(bob, "Bob's stew", nutrients={"energy_kcal": 100})
    response = new_alice_browser.post(f"/diary/{DAY}/again/", {"food_id": secret.pk})
    assert response.status_code == 404
    assert new_alice_browser.post(f"/diary/{DAY}/again/", {"food_id": "x"}).status_code == 404
    assert not Entry.objects.exists()


def serving_facts(page: str) -> dict:
    found = re.search(r'<script id="serving-facts" type="application/json">(.*?)</script>', page)
    assert found is not None
    return json.loads(found[1])


def test_the_serving_form_shows_what_the_amount_gives_before_saving(
    new_alice_browser: Client, banana: Food
) -> None:
    page = page_of(new_alice_browser, f"/diary/{DAY}/add/{banana.pk}/")
    facts = serving_facts(page)
    assert facts["per_100g"]["kcal"] == banana.energy_kcal
    assert facts["servings"][MEDIUM] == 118
    kcal = banana.energy_kcal * 118 / 100
    protein = banana.protein_g * 118 / 100
    total = re.search(r'<output id="serving-total"[^>]*>(.*?)</output>', page)
    assert total is not None
    assert total[1].startswith(f"{kcal:.0f} kcal · {protein:.1f} g protein")


def test_the_edit_form_shows_the_total_from_the_entrys_own_amounts(
    new_alice: User, new_alice_browser: Client, egg: Food
) -> None:
    entry = log_food(new_alice, day=DAY, meal="breakfast", food=egg, serving="1 large", quantity=2)
    facts = serving_facts(page_of(new_alice_browser, f"/diary/entries/{entry.pk}/"))
    assert facts["per_100g"]["kcal"] == pytest.approx(egg.energy_kcal)
    assert facts["per_100g"]["fat"] == pytest.approx(egg.fat_g)
