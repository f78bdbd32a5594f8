"""The default serving, the one people mean, over common shipped foods. The expected names are
SR24's own household measures of each food (USDA National Nutrient Database for Standard
Reference, Release 24, table WEIGHT)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.foods.models import Food
from openplate.foods.servings import amount_text, default_amount, default_measure, serving_choices

pytestmark = pytest.mark.django_db

COMMON = {
    "09040": '1 medium (7" to 7-7/8" long)',  # Bananas, raw: 81-152 g sizes, the middle
    "01123": "1 large",  # Egg, whole, raw, fresh: 38, 44, 50, 56, 63 g, the middle
    "18064": "1 slice",  # Bread, wheat
    "18069": "1 slice",  # Bread, white, commercially prepared
    "01077": "1 cup",  # Milk, whole, 3.25% milkfat, with added vitamin D
    "01001": "1 tbsp",  # Butter, salted: a spoon for what a cup of gives over 300 kcal
    "09003": '1 medium (3" dia)',  # Apples, raw, with skin
    "11674": "1 potato medium",  # Potato, baked, flesh and skin, without salt
    "11529": '1 medium whole (2-3/5" dia)',  # Tomatoes, red, ripe, raw, year round average
    "14209": "1 cup (8 fl oz)",  # Coffee, brewed from grounds, prepared with tap water
    "09206": "1 cup",  # Orange juice, raw
    "19335": "1 tsp",  # Sugars, granulated
    "16098": "2 tbsp",  # Peanut butter, smooth style, with salt
    "01009": "1 slice (1 oz)",  # Cheese, cheddar
    "09037": "1 avocado, NS as to Florida or California",  # Avocados, raw
    "10124": "1 slice cooked",  # Pork, cured, bacon, cooked
    "18239": "1 croissant, medium",  # Croissants, butter
    "12061": "1 oz (23 whole kernels)",  # Nuts, almonds: an almond is too small a piece
}


def usda(code):
    return Food.objects.prefetch_related("servings").get(source="usda", source_id=code)


@pytest.mark.parametrize(("code", "serving"), COMMON.items())
def test_the_default_serving_is_the_one_people_mean(code, serving):
    chosen, quantity = default_amount(usda(code))
    assert (chosen.name, quantity) == (serving, 1.0)


def test_a_food_with_no_measure_starts_at_100_grams():
    food = Food.objects.create(name="Plain stew", source=Food.Source.CUSTOM, energy_kcal=90)
    chosen, quantity = default_amount(food)
    assert (chosen.name, quantity) == ("g", 100.0)


MEASURE = st.tuples(
    st.sampled_from(["1 cup", "1 tbsp", "1 large", "1 small", "1 medium", "3 oz", "1 slice"])
    | st.text(min_size=1, max_size=20),
    st.floats(min_value=0.1, max_value=1000),
)


@given(st.lists(MEASURE, max_size=8), st.floats(min_value=0, max_value=900))
def test_the_rule_always_picks_one_of_the_measures_given(measures, kcal):
    index = default_measure(measures, food_name="Food", kcal_per_100g=kcal)
    assert (index is None) == (not measures)
    assert index is None or 0 <= index < len(measures)


def test_the_sodium_is_read_only_when_the_rule_needs_it():
    def sodium():
        raise AssertionError("read")

    # A piece, or a cup rich enough to be spooned, decides without the sodium.
    assert (
        default_measure(
            [("1 slice", 28)], food_name="Bread", kcal_per_100g=266, sodium_mg_per_100g=sodium
        )
        == 0
    )
    rich = [("1 cup", 240), ("1 tbsp", 15)]
    assert (
        default_measure(rich, food_name="Cream", kcal_per_100g=340, sodium_mg_per_100g=sodium) == 1
    )
    # A lean cup needs it: catsup's 1,114 mg per 100 g (SR24 11935) make it a spoonful.
    lean = [("1 cup", 240), ("1 tbsp", 15)]
    assert (
        default_measure(
            lean, food_name="Catsup", kcal_per_100g=101, sodium_mg_per_100g=lambda: 1114
        )
        == 1
    )


def test_a_food_loaded_without_its_nutrients_costs_no_query_for_a_piece(django_assert_num_queries):
    banana = Food.objects.defer("nutrients").prefetch_related("servings").get(source_id="09040")
    with django_assert_num_queries(0):
        assert default_amount(banana)[0].name.startswith("1 medium")


def test_the_log_form_starts_at_the_default(new_alice_browser):
    banana = usda("09040")
    page = new_alice_browser.get(f"/diary/2026-03-10/add/{banana.pk}/").content.decode()
    medium = serving_choices(banana)[4].name  # SR24 lists the medium fifth
    assert f'value="{medium}" selected' in page.replace("&quot;", '"')


@pytest.mark.parametrize(
    ("how_many", "serving", "grams", "text"),
    [
        (150, "g", 150, "150 g"),
        (1, "g", 12.34, "12.3 g"),
        (4, "oz", 113.4, "4 oz"),
        (2, "1 large", 100, "2 large"),
        (1, "1 cup", 240, "1 cup"),
        (0.5, "1 cup", 120, "0.5 cup"),
        (1.333333, "1 slice", 40, "1.33 slice"),
        (2, "10 chips", 28, "2 × 10 chips"),
    ],
)
def test_an_amount_reads_the_same_everywhere(how_many, serving, grams, text):
    assert amount_text(how_many, serving, grams) == text


@given(st.floats(min_value=0.01, max_value=100), st.sampled_from(["1 cup", "1 large", "oz"]))
def test_a_count_of_servings_reads_to_two_places_at_most(how_many, serving):
    text = amount_text(how_many, serving, None)
    count = text.split(" ")[0]
    assert len(count.partition(".")[2]) <= 2
    assert float(count) == pytest.approx(how_many, abs=0.005)
