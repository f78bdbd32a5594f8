"""Food search on the shipped USDA data, the same on SQLite and PostgreSQL."""

import pytest
from django.contrib.auth.models import User

from openplate.foods.models import Food
from openplate.foods.search import search_foods

pytestmark = pytest.mark.django_db


def top(query, limit=5, **kwargs):
    return [food.name for food in search_foods(query, limit=limit, **kwargs)]


def test_egg_shows_whole_eggs_before_eggnog_and_substitutes():
    results = top("egg", limit=10)
    assert results[0].startswith("Egg, whole")
    assert all("nog" not in name and "substitute" not in name for name in results[:3])


def test_banana_shows_the_raw_banana_first():
    assert top("banana")[0] == "Bananas, raw"


def test_chick_finds_chicken():
    assert any(name.startswith("Chicken") for name in top("chick"))


def test_brown_rice_cooked_finds_cooked_brown_rice():
    first = top("brown rice cooked")[0]
    assert first.startswith("Rice, brown")
    assert "cooked" in first


def test_plurals_and_word_order_do_not_matter():
    assert top("eggs") == top("egg")
    assert top("cooked rice brown") == top("brown rice cooked")


def test_nothing_to_search_for_finds_nothing():
    assert search_foods("   ") == []
    assert search_foods("and of the") == []


def test_a_persons_own_food_ranks_first_and_only_for_them():
    alice = User.objects.create_user("alice")
    bob = User.objects.create_user("bob")
    Food.objects.create(
        name="Alice's banana smoothie", source=Food.Source.CUSTOM, owner=alice, energy_kcal=80
    )
    assert top("banana", user_id=alice.pk)[0] == "Alice's banana smoothie"
    assert "Alice's banana smoothie" not in top("banana", limit=50, user_id=bob.pk)
    assert "Alice's banana smoothie" not in top("banana", limit=50)


def test_results_carry_their_servings():
    banana = search_foods("banana", limit=1)[0]
    assert any(serving.grams == 118 for serving in banana.servings.all())
