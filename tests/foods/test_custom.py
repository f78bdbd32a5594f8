"""A person's own foods: entered per 100 g or per serving, validated, and seen by their owner
only."""

import pytest
from django.core.exceptions import ValidationError

from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food
from openplate.foods.search import search_foods

pytestmark = pytest.mark.django_db


def test_it_stores_a_label_per_100g_as_it_is(new_alice):
    food = create_custom_food(
        new_alice, "Grandma's flapjack", nutrients={"energy_kcal": 450, "protein_g": 6.5}
    )
    food.refresh_from_db()
    assert (food.owner, food.source, food.source_id) == (new_alice, Food.Source.CUSTOM, "")
    assert food.nutrients == {"energy_kcal": 450, "protein_g": 6.5}
    assert (food.energy_kcal, food.protein_g, food.fat_g) == (450, 6.5, None)
    assert not food.servings.exists()


def test_it_scales_a_label_per_serving_to_100g_and_keeps_the_serving(new_alice):
    food = create_custom_food(
        new_alice,
        "Protein bar",
        nutrients={"energy_kcal": 200, "protein_g": 20, "sodium_mg": 150, "vitamin_d_iu": 40},
        per_grams=60,
        serving_name="1 bar",
        brand="Gymfuel",
    )
    food.refresh_from_db()
    assert food.nutrients == {
        "energy_kcal": pytest.approx(333.333),
        "protein_g": pytest.approx(33.3333),
        "sodium_mg": 250,
        "vitamin_d_iu": pytest.approx(66.6667),
    }
    assert food.energy_kcal == pytest.approx(333.333)
    assert food.brand == "Gymfuel"
    assert [(s.name, s.grams) for s in food.servings.all()] == [("1 bar", 60)]


def test_an_unnamed_serving_is_one_serving(new_alice):
    food = create_custom_food(new_alice, "Soup", nutrients={"energy_kcal": 120}, per_grams=250)
    assert [(s.name, s.grams) for s in food.servings.all()] == [("1 serving", 250)]


def fields_refused(**kwargs):
    with pytest.raises(ValidationError) as refused:
        create_custom_food(**kwargs)
    return refused.value.message_dict


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"name": "  "}, "name", "A name is required."),
        ({"nutrients": {"protein_g": 5}}, "energy_kcal", "Energy (kcal) is required."),
        ({"nutrients": {"energy_kcal": -1}}, "energy_kcal", "Cannot be negative."),
        ({"nutrients": {"energy_kcal": 90, "fat_g": -2}}, "fat_g", "Cannot be negative."),
        ({"nutrients": {"energy_kcal": 90, "zinc": 1}}, "nutrients", "Unknown nutrient 'zinc'."),
        ({"nutrients": {"energy_kcal": float("nan")}}, "energy_kcal", "Enter a number."),
        ({"per_grams": 0}, "per_grams", "More than 0 g and at most 5,000 g."),
        ({"per_grams": -30}, "per_grams", "More than 0 g and at most 5,000 g."),
        ({"per_grams": 5001}, "per_grams", "More than 0 g and at most 5,000 g."),
        ({"serving_name": " "}, "serving_name", "Name the serving, or leave it out."),
        (
            {"nutrients": {"energy_kcal": 500}, "per_grams": 30},
            "energy_kcal",
            "500 kcal in 30 g is 1,667 kcal per 100 g; no food has more than 900 (pure fat).",
        ),
        (
            {"nutrients": {"energy_kcal": 100, "sugars_g": 40}, "per_grams": 30},
            "sugars_g",
            "40 g in 30 g is more than the food weighs.",
        ),
    ],
)
def test_it_refuses_bad_input_field_by_field(new_alice, kwargs, field, message):
    arguments = {"owner": new_alice, "name": "Bar", "nutrients": {"energy_kcal": 90}, **kwargs}
    assert fields_refused(**arguments) == {field: [message]}
    assert not Food.objects.filter(owner=new_alice).exists()


def test_it_reports_every_bad_field_at_once(new_alice):
    refused = fields_refused(
        owner=new_alice, name="", nutrients={"fat_g": -1, "salt": 2}, per_grams=0
    )
    assert set(refused) == {"name", "energy_kcal", "fat_g", "nutrients", "per_grams"}


def test_only_the_owner_finds_it(new_alice, bob):
    create_custom_food(new_alice, "Zucchinibrot nach Oma", nutrients={"energy_kcal": 280})
    assert [f.name for f in search_foods("zucchinibrot", user_id=new_alice.pk)] == [
        "Zucchinibrot nach Oma"
    ]
    assert search_foods("zucchinibrot", user_id=bob.pk) == []
    assert search_foods("zucchinibrot") == []
