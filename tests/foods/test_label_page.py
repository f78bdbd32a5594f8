"""The Nutrition Facts page of a food."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from openplate.foods.label import LABEL_LINES, fill
from openplate.foods.models import Food

pytestmark = pytest.mark.django_db


def egg() -> Food:
    return Food.objects.get(source=Food.Source.USDA, source_id="01123")  # Egg, whole, raw, fresh


def test_it_shows_the_label_for_a_household_measure(client: Client) -> None:
    page = client.get(f"/foods/{egg().pk}/?serving=1 large").content.decode()
    assert "Nutrition Facts" in page
    assert "1 large (50 g)" in page
    assert "<strong>72</strong>" in page  # 143 kcal per 100 g x 50 g
    assert "Cholesterol 186 mg" in page  # 372 mg per 100 g
    assert "62%" in page  # of the 300 mg Daily Value


def test_it_shows_100_g_when_asked(client: Client) -> None:
    page = client.get(f"/foods/{egg().pk}/?serving=100 g").content.decode()
    assert "<strong>143</strong>" in page


def test_an_unknown_nutrient_says_so_rather_than_zero() -> None:
    lines = fill(LABEL_LINES, {"fat_g": 10.0}, 50)
    fat = next(line for line in lines if line.line.key == "fat_g")
    trans = next(line for line in lines if line.line.key == "trans_fat_g")
    assert fat.amount == 5
    assert fat.percent_daily_value == pytest.approx(100 * 5 / 78)
    assert trans.amount is None


def test_a_custom_food_label_is_for_its_owner_only(client: Client, new_alice: User) -> None:
    food = Food.objects.create(
        name="Alice's soup", source=Food.Source.CUSTOM, owner=new_alice, energy_kcal=50
    )
    assert client.get(f"/foods/{food.pk}/").status_code == 404
    client.force_login(new_alice)
    assert client.get(f"/foods/{food.pk}/").status_code == 200
