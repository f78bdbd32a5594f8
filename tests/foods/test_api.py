"""The food endpoints: search, one food, and a person's own foods."""

import json
from datetime import date

import pytest

from openplate.cli.foods import food_detail, food_summary
from openplate.diary.services import log_food
from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food
from tests.api_client import locations

pytestmark = pytest.mark.django_db

BODY = ["body", "payload"]


@pytest.fixture
def banana():
    return Food.objects.get(source="usda", source_id="09040")


def as_json(value):
    """What the value looks like once sent: the CLI prints JSON too."""
    return json.loads(json.dumps(value))


def test_it_finds_the_plain_food_first_with_the_clis_keys(new_alice_api, banana):
    response = new_alice_api.get("/foods", q="banana", limit=3)
    assert response.status_code == 200
    found = response.json()
    assert len(found) == 3
    assert found[0] == as_json(food_summary(banana))


def test_a_logged_food_ranks_higher_but_never_above_the_plain_food(new_alice_api):
    pudding = Food.objects.get(source="usda", source_id="19320")  # Puddings, banana, dry mix
    raw = Food.objects.get(source="usda", source_id="09040")  # Bananas, raw
    before = [food["id"] for food in new_alice_api.get("/foods", q="banana", limit=50).json()]
    log_food(new_alice_api.user, day=date(2025, 3, 3), meal="lunch", food=pudding, quantity=30)
    after = [food["id"] for food in new_alice_api.get("/foods", q="banana", limit=50).json()]
    assert after[0] == raw.pk
    assert after.index(pudding.pk) < before.index(pudding.pk)


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ({}, ["query", "q"]),
        ({"q": ""}, ["query", "q"]),
        ({"q": "banana", "limit": 51}, ["query", "limit"]),
        ({"q": "banana", "limit": 0}, ["query", "limit"]),
        ({"q": "x" * 201}, ["query", "q"]),
    ],
)
def test_it_refuses_a_search_naming_the_parameter(new_alice_api, query, location):
    assert locations(new_alice_api.get("/foods", **query)) == [location]


def test_it_answers_an_empty_list_when_nothing_matches(new_alice_api):
    assert new_alice_api.get("/foods", q="the of").json() == []


def test_it_shows_a_food_as_the_cli_does(new_alice_api, banana):
    response = new_alice_api.get(f"/foods/{banana.pk}")
    assert response.status_code == 200
    assert response.json().items() >= as_json(food_detail(banana)).items()
    units = {n["key"]: n["unit"] for n in response.json()["nutrients_per_100g"]}
    assert (units["energy_kcal"], units["potassium_mg"]) == ("kcal", "mg")


def test_it_names_every_serving_an_entry_may_take(new_alice_api):
    bread = Food.objects.get(source="usda", source_id="18069")  # two measures named "1 slice"
    choices = new_alice_api.get(f"/foods/{bread.pk}").json()["serving_choices"]
    names = [choice["name"] for choice in choices]
    assert len(names) == len(set(names))
    assert names[-2:] == ["g", "oz"]
    second_slice = next(choice for choice in choices if choice["name"] == "1 slice (25 g)")
    entry = new_alice_api.post(
        "/entries",
        {"date": "2025-03-03", "meal": "lunch", "food_id": bread.pk,
         "serving": "1 slice (25 g)", "quantity": 1},
    )  # fmt: skip
    assert entry.json()["grams"] == second_slice["grams"] == 25


def test_a_serving_reads_without_usdas_note_of_where_its_weight_came_from(new_alice_api):
    # SR24 names banana pudding's half cup "0.5 cup From 19211" (another food's NDB number).
    pudding = Food.objects.get(source="usda", source_id="19122")
    choices = new_alice_api.get(f"/foods/{pudding.pk}").json()["serving_choices"]
    assert [(choice["name"], choice["label"]) for choice in choices] == [
        ("0.5 cup", "0.5 cup (142 g)"),
        ("g", "grams"),
        ("oz", "ounces"),
    ]


def test_it_answers_404_for_a_missing_food(new_alice_api):
    assert new_alice_api.get("/foods/999999999").status_code == 404
    assert new_alice_api.get("/foods/banana").status_code == 404


def test_it_saves_a_food_from_a_label_per_serving(new_alice_api):
    response = new_alice_api.post(
        "/foods",
        {"name": " Oat  bar ", "brand": "Acme", "per_grams": 40, "serving_name": "1 bar",
         "nutrients": {"energy_kcal": 180, "protein_g": 4, "sodium_mg": 60}},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    food = response.json()
    assert (food["name"], food["brand"], food["source"]) == ("Oat bar", "Acme", "custom")
    assert food["kcal_per_100g"] == 450
    assert food["servings"] == [{"name": "1 bar", "grams": 40}]
    by_key = {n["key"]: n["amount"] for n in food["nutrients_per_100g"]}
    assert by_key == {"energy_kcal": 450, "protein_g": 10, "sodium_mg": 150}
    assert Food.objects.get(pk=food["id"]).owner == new_alice_api.user


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({"name": "Bar", "nutrients": {"protein_g": 4}}, ["nutrients", "energy_kcal"]),
        ({"name": "Bar", "nutrients": {"energy_kcal": 100, "protein_g": -1}},
         ["nutrients", "protein_g"]),
        ({"name": "Bar", "nutrients": {"energy_kcal": 100, "protein_g": 150}},
         ["nutrients", "protein_g"]),
        ({"name": "Bar", "nutrients": {"energy_kcal": 100, "magic_g": 1}}, ["nutrients"]),
        ({"name": "Bar", "nutrients": {"energy_kcal": 950}}, ["nutrients", "energy_kcal"]),
        ({"name": "Bar", "nutrients": {"energy_kcal": "lots"}}, ["nutrients", "energy_kcal"]),
        ({"name": "   ", "nutrients": {"energy_kcal": 100}}, ["name"]),
        ({"name": "Bar", "nutrients": {"energy_kcal": 100}, "per_grams": 0}, ["per_grams"]),
        ({"name": "Bar", "nutrients": {"energy_kcal": 100}, "serving_name": " "},
         ["serving_name"]),
        ({"nutrients": {"energy_kcal": 100}}, ["name"]),
    ],
)  # fmt: skip
def test_it_refuses_a_food_naming_the_field_and_saves_nothing(new_alice_api, body, location):
    assert locations(new_alice_api.post("/foods", body)) == [[*BODY, *location]]
    assert not Food.objects.filter(owner__isnull=False).exists()


def test_it_lists_ones_own_foods_by_name(new_alice_api, bob_api):
    create_custom_food(new_alice_api.user, "Stew", nutrients={"energy_kcal": 120})
    create_custom_food(new_alice_api.user, "Apple pie", nutrients={"energy_kcal": 240})
    create_custom_food(bob_api.user, "Bob's bread", nutrients={"energy_kcal": 250})
    assert [food["name"] for food in new_alice_api.get("/foods/mine").json()] == [
        "Apple pie",
        "Stew",
    ]


def test_it_finds_ones_own_foods_and_not_another_persons(new_alice_api, bob_api):
    create_custom_food(
        new_alice_api.user, "Grandma's zucchini bread", nutrients={"energy_kcal": 300}
    )
    create_custom_food(bob_api.user, "Bob's zucchini bread", nutrients={"energy_kcal": 250})
    assert [f["name"] for f in new_alice_api.get("/foods", q="zucchini bread").json()][:1] == [
        "Grandma's zucchini bread"
    ]
    assert "Grandma's zucchini bread" not in str(bob_api.get("/foods", q="zucchini bread").json())
