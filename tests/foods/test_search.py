"""Food search on the shipped USDA data, the same on SQLite and PostgreSQL."""

import pytest

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


@pytest.mark.parametrize("query", ["chick", "chicke", "chiken"])
def test_an_everyday_name_unfinished_or_misspelled_is_still_that_name(query):
    assert top(query, limit=1) == top("chicken", limit=1)


def test_an_unfinished_word_is_only_finished_to_its_commonest_completion():
    # "chee" starts "cheese" more than "cheeseburger": no cheeseburger is guessed
    assert not top("chee", limit=1)[0].startswith("Fast foods, cheeseburger")


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


def test_a_persons_own_food_ranks_high_and_only_for_them(new_alice, bob):
    Food.objects.create(
        name="Alice's banana smoothie", source=Food.Source.CUSTOM, owner=new_alice, energy_kcal=80
    )
    assert top("banana", user_id=new_alice.pk)[:2] == ["Bananas, raw", "Alice's banana smoothie"]
    assert top("banana smoothie", user_id=new_alice.pk)[0] == "Alice's banana smoothie"
    assert "Alice's banana smoothie" not in top("banana", limit=50, user_id=bob.pk)
    assert "Alice's banana smoothie" not in top("banana", limit=50)


def test_results_carry_their_servings():
    banana = search_foods("banana", limit=1)[0]
    assert any(serving.grams == 118 for serving in banana.servings.all())


def test_a_plural_the_light_singular_gets_wrong_still_finds_foods():
    # "fries" is not "fry": the database's stemmer matches it to "fried".
    assert "french fr" in top("french fries", limit=1)[0].lower()


def test_milk_shows_cows_milk_before_sheep_milk_and_buttermilk():
    first = top("milk", limit=3)
    assert any(
        name.startswith(("Milk, whole", "Milk, reduced fat", "Milk, nonfat")) for name in first
    )


def test_own_foods_are_candidates_however_many_shorter_public_names_match(new_alice, monkeypatch):
    long_name = "Alice's chicken, slow-cooked with lemon, garlic and thyme, Sunday recipe"
    Food.objects.create(name=long_name, source=Food.Source.CUSTOM, owner=new_alice, energy_kcal=150)
    monkeypatch.setattr("openplate.foods.search.MAX_CANDIDATES", 5)
    assert long_name in top("chicken", user_id=new_alice.pk, limit=10)
    assert long_name not in top("chicken", limit=50)


def test_the_shortest_names_are_the_candidates(monkeypatch):
    # "cheese" has no row among the everyday names, so it is searched as typed.
    monkeypatch.setattr("openplate.foods.search.MAX_CANDIDATES", 20)
    found = search_foods("cheese", limit=20)
    shortest = sorted(
        Food.objects.filter(name__icontains="cheese", owner=None).values_list("name", flat=True),
        key=len,
    )[:20]
    assert max(len(food.name) for food in found) <= len(shortest[-1]) + 10


def test_a_renamed_food_is_found_by_its_new_name_only():
    food = Food.objects.get(source=Food.Source.USDA, source_id="09040")  # Bananas, raw
    food.name = "Plantain-like banana, raw, a much longer name than before"
    food.save()
    assert food.name in top("plantain")
    assert top("bananas raw", limit=1) != ["Bananas, raw"]
    food.name = "Zyxbanana"
    food.save()
    assert top("zyxbanana") == ["Zyxbanana"]
    assert food.pk not in [found.pk for found in search_foods("plantain", limit=50)]


def test_a_food_given_to_a_person_leaves_everyone_elses_results(bob):
    food = Food.objects.create(name="Quinoa crunch bar", source=Food.Source.CUSTOM, energy_kcal=400)
    assert top("quinoa crunch") == ["Quinoa crunch bar"]
    food.owner = bob
    food.save()
    assert top("quinoa crunch") == []
    assert top("quinoa crunch", user_id=bob.pk) == ["Quinoa crunch bar"]


def test_an_everyday_name_is_searched_in_usda_words():
    # SR24 has no "ketchup": its name for it is "Catsup" (NDB 11935).
    assert top("ketchup", limit=1) == ["Catsup"]


def test_the_words_as_typed_are_searched_when_usda_words_find_nothing():
    # "mince" is British for ground beef, but no ground beef is a pie: SR24's mince pie is
    # "Pie, mince, prepared from recipe" (NDB 18322).
    assert "Pie, mince, prepared from recipe" in top("mince pie")
    # "jam" alone is "jams preserves", but "jam" with other words is read as typed.
    assert any("apricot" in name.lower() for name in top("apricot jam"))


def test_own_foods_are_found_by_the_words_as_typed(new_alice):
    own = "Gran's mac and cheese"
    Food.objects.create(name=own, source=Food.Source.CUSTOM, owner=new_alice, energy_kcal=180)
    assert own in top("mac and cheese", user_id=new_alice.pk, limit=10)
    assert own not in top("mac and cheese", limit=10)
