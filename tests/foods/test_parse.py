"""Plain words to foods and amounts on the shipped USDA foods; the grams expected are the SR24
household measures of the food named beside each (USDA National Nutrient Database for Standard
Reference, Release 24, table WEIGHT)."""

import json

import pytest

from openplate.foods.models import Food
from openplate.foods.parse import parse_foods
from openplate.science.units import G_PER_OZ, ML_PER_BOTTLE
from tests.api_client import locations
from tests.cli.runner import openplate

pytestmark = pytest.mark.django_db


def only(text, **kwargs):
    result = parse_foods(text, **kwargs)
    assert len(result.items) == 1, result
    return result.items[0]


def test_two_large_eggs_are_two_of_the_large_egg_measure():
    item = only("2 large eggs")
    assert item.food.source_id == "01123"  # Egg, whole, raw, fresh
    assert (item.quantity, item.unit, item.grams) == (2, "1 large", 100)  # 1 large = 50 g


def test_grams_and_ounces_are_taken_as_written():
    chicken = only("200g chicken breast")
    assert (chicken.unit, chicken.quantity, chicken.grams) == ("g", 200, 200)
    assert "breast" in chicken.food.name.lower()
    steak = only("8 oz sirloin steak")
    assert (steak.unit, steak.quantity) == ("oz", 8)
    assert steak.grams == pytest.approx(8 * G_PER_OZ)


def test_a_volume_uses_the_foods_own_measure_in_that_unit():
    item = only("1 1/2 cups whole milk")
    assert item.food.name.startswith("Milk, whole")
    assert (item.unit, item.quantity, item.grams) == ("1 cup", 1.5, pytest.approx(366))  # 244 g


def test_a_volume_the_food_has_no_measure_for_goes_through_its_density():
    item = only("500 ml whole milk")
    # 1 cup (236.59 ml) of whole milk weighs 244 g
    assert item.unit == "1 cup"
    assert item.grams == pytest.approx(500 * 244 / 236.5882365, rel=1e-6)


def test_a_measure_noun_finds_the_foods_measure():
    item = only("2 cloves of garlic")
    assert item.food.source_id == "11215"  # Garlic, raw: 1 clove = 3 g
    assert (item.unit, item.grams) == ("1 clove", 6)


def test_an_addition_is_the_smallest_measure_of_a_few_grams():
    toast, butter = parse_foods("whole wheat toast with butter").items
    assert "toasted" in toast.food.name
    assert butter.food.name.startswith("Butter")
    assert butter.grams == 5  # 1 pat (1" sq, 1/3" high) = 5 g
    assert butter.written.addition


def test_a_vessel_usda_does_not_name_is_a_cup_and_says_so():
    item = only("a glass of orange juice")
    assert item.food.name.startswith("Orange juice")
    assert item.unit == "1 cup"
    assert "glass" in item.note


def test_calories_follow_the_grams():
    item = only("3 large eggs")
    assert item.kcal == pytest.approx(item.food.energy_kcal * 150 / 100)


def test_words_that_name_no_food_are_unparsed_not_guessed():
    result = parse_foods("2 eggs and xyzzy plugh")
    assert [item.food.source_id for item in result.items] == ["01123"]
    assert result.unparsed == ("xyzzy plugh",)


def test_a_persons_own_food_is_found_for_them_only(new_alice, bob):
    Food.objects.create(
        name="Granola, Alice's", source=Food.Source.CUSTOM, owner=new_alice, energy_kcal=450
    )
    assert only("granola", user_id=new_alice.pk).food.owner == new_alice
    assert only("granola", user_id=bob.pk).food.owner is None


def test_the_items_keep_the_order_written_and_offer_other_foods():
    result = parse_foods("a banana, 2 large eggs and a cup of whole milk")
    names = [item.food.name for item in result.items]
    assert names[0].startswith("Bananas")
    assert names[1].startswith("Egg")
    assert names[2].startswith("Milk")
    assert all(item.candidates[0] == item.food for item in result.items)
    assert all(len(item.candidates) > 1 for item in result.items)


# --- which food the words mean: the unit, as eaten, a cut ------------------------------------


def test_the_unit_says_which_food_among_those_found():
    ranch = only("2 tbsp ranch")
    assert ranch.food.name.startswith("Salad dressing, ranch")  # not ranch-flavoured chips
    assert (ranch.unit, ranch.grams) == ("1 tablespoon", 30)
    whiskey = only("a shot of whiskey")
    assert "distilled" in whiskey.food.name
    assert whiskey.unit.startswith("1 jigger")


def test_the_unit_says_which_food_when_none_found_has_it():
    tuna = only("a can of tuna")
    assert "canned" in tuna.food.name
    assert tuna.unit == "1 can"
    turkey = only("3 slices of turkey")
    assert turkey.food.source_id == "07081"  # Turkey breast, sliced, prepackaged: 1 slice = 15 g
    assert turkey.grams == 45


def test_a_container_of_a_drink_without_its_measure_is_a_standard_one():
    water = only("a bottle of water")
    assert water.food.name.startswith("Water, bottled")
    assert water.grams == pytest.approx(ML_PER_BOTTLE, rel=0.01)  # water: 1 g per ml
    assert "bottle" in water.note


def test_a_counted_noun_finds_a_food_counted_in_it():
    sandwich = only("a chicken sandwich")
    assert sandwich.unit == "1 sandwich"  # not a spoon of sandwich spread


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("a cup of brown rice", "Rice, brown"),
        ("a cup of black beans", "Beans, black"),
        ("a pork chop", "Pork"),
        ("a cup of tomato soup", "Soup, tomato"),
        ("1 cup of steamed broccoli", "Broccoli"),
    ],
)
def test_a_food_found_raw_or_unprepared_is_eaten_cooked_or_prepared(text, head):
    name = only(text).food.name
    assert name.startswith(head)
    assert "raw" not in name
    assert "condensed" not in name
    assert any(word in name for word in ("cooked", "prepared", "boiled"))


def test_words_that_say_raw_or_dry_keep_the_food_as_sold():
    assert "raw" in only("a cup of raw brown rice").food.name
    assert "condensed" in only("a cup of condensed tomato soup").food.name


def test_a_food_the_person_logs_is_taken_as_they_log_it():
    raw = Food.objects.get(source_id="20036")  # Rice, brown, long-grain, raw
    assert only("a cup of brown rice", recent_food_ids=[raw.pk]).food == raw


def test_a_cut_is_the_measure_that_names_it_not_another_food():
    item = only("1 cup sliced strawberries")
    assert item.food.source_id == "09316"  # Strawberries, raw
    assert (item.unit, item.grams) == ("1 cup, sliced", 166)


def test_a_measure_noun_after_the_food_is_its_unit():
    item = only("a garlic clove")
    assert item.food.source_id == "11215"
    assert item.grams == 3


def test_an_everyday_name_with_a_size_word_is_no_size():
    one, two = only("a big mac"), only("2 big macs")
    assert one.food.source_id == two.food.source_id == "21237"  # McDONALD'S, BIG MAC
    assert two.grams == 2 * one.grams


def test_a_serving_of_several_pieces_or_half_of_one_counts_whole_pieces():
    nuggets = only("10 chicken mcnuggets")
    assert nuggets.grams == pytest.approx(10 / 4 * 64)  # 4 pieces = 64 g
    grapefruit = only("half a grapefruit")
    assert grapefruit.unit.startswith("0.5 fruit")
    assert grapefruit.quantity == 1


def test_counting_uses_the_foods_own_piece_however_light():
    saltines = only("5 saltines")
    assert saltines.grams == 15  # 1 cracker square = 3 g
    shrimp = only("12 shrimp")
    assert (shrimp.unit, shrimp.grams) == ("4 large", 66)  # cooked, 4 large = 22 g


def test_and_joins_a_dish_the_words_find_but_with_only_what_they_find_first():
    assert len(parse_foods("a ham and cheese sandwich").items) == 1
    corn, butter = parse_foods("an ear of corn with butter").items
    assert corn.food.name.startswith("Corn")
    assert butter.food.name.startswith("Butter")


def test_a_parsed_item_costs_no_query_for_its_nutrients(django_assert_max_num_queries):
    parse_foods("a cup of milk")  # warm the caches
    with django_assert_max_num_queries(3):  # the candidates, the foods, their servings
        parse_foods("a cup of milk")


# --- the CLI and the API share one contract ----------------------------------------------------

ITEM_KEYS = {"text", "food_id", "source_id", "name", "quantity", "unit", "grams", "kcal"}


def test_the_cli_prints_the_items_and_the_unparsed_words_as_json():
    result = openplate("parse", "2 large eggs and xyzzy", "--json")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    (egg,) = printed["items"]
    assert set(egg) >= ITEM_KEYS
    assert (egg["source_id"], egg["unit"], egg["quantity"], egg["grams"]) == (
        "01123",
        "1 large",
        2,
        100,
    )
    assert printed["unparsed"] == ["xyzzy"]


def test_the_cli_reads_aloud_without_json():
    result = openplate("parse", "2 large eggs")
    assert result.returncode == 0, result.stderr
    assert "Egg, whole, raw, fresh" in result.stdout
    assert "100 g" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["   "], "TEXT is empty"),
        (["eggs", "--user", "nobody"], "no user named 'nobody'"),
        ([", ".join(["egg"] * 31)], "at most 30"),
    ],
)
def test_the_cli_refuses_bad_input_with_exit_2(args, message):
    result = openplate("parse", *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_the_cli_reads_as_a_person(new_alice):
    Food.objects.create(
        name="Granola, Alice's", source=Food.Source.CUSTOM, owner=new_alice, energy_kcal=450
    )
    result = openplate("parse", "granola", "--user", new_alice.username, "--json")
    assert json.loads(result.stdout)["items"][0]["name"] == "Granola, Alice's"


def test_the_api_answers_what_the_cli_prints(new_alice_api):
    response = new_alice_api.post("/parse", {"text": "2 large eggs and xyzzy"})
    assert response.status_code == 200
    cli = json.loads(openplate("parse", "2 large eggs and xyzzy", "--json").stdout)
    assert response.json() == cli


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"text": ""}, ["body", "payload", "text"]),
        ({"text": ", ".join(["egg"] * 31)}, ["body", "payload", "text"]),
        ({"words": "eggs"}, ["body", "payload", "words"]),
    ],
)
def test_the_api_refuses_bad_text_naming_the_field(new_alice_api, body, where):
    response = new_alice_api.post("/parse", body)
    assert response.status_code == 422
    assert where in locations(response)
