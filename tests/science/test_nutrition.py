"""Nutrition reference values (openplate.science.nutrition) against what their sources print:
the FDA's sample Nutrition Facts label, the IOM's macronutrient ranges, a half gallon."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.science import nutrition

# The FDA's sample label of the 2016 rule ("How to Understand and Use the Nutrition Facts
# Label"): a 55 g serving with 230 calories, and each amount with the %DV the label prints.
SAMPLE_LABEL_CALORIES = 230
SAMPLE_LABEL = {  # key: (amount, printed %DV)
    "fat_g": (8, 10),
    "saturated_fat_g": (1, 5),
    "cholesterol_mg": (0, 0),
    "sodium_mg": (160, 7),
    "carbohydrate_g": (37, 13),
    "fiber_g": (4, 14),
    "vitamin_d_iu": (2 * 40, 10),  # 2 mcg
    "calcium_mg": (260, 20),
    "iron_mg": (8, 45),
    "potassium_mg": (240, 6),
}
VITAMINS_AND_MINERALS = {"vitamin_d_iu", "calcium_mg", "iron_mg", "potassium_mg"}


def label_rounding(percent: float, vitamin_or_mineral: bool) -> float:
    """21 CFR 101.9(c)(8)(iii): vitamins and minerals in 2 % steps up to 10 %, 5 % steps up to
    50 %, 10 % steps above; the other nutrients to the nearest 1 %."""
    if not vitamin_or_mineral:
        return round(percent)
    step = 2 if percent <= 10 else 5 if percent <= 50 else 10
    return step * round(percent / step)


@pytest.mark.parametrize(("key", "amount", "printed"), [(k, *v) for k, v in SAMPLE_LABEL.items()])
def test_the_daily_values_give_the_fda_sample_labels_percentages(key, amount, printed):
    percent = 100 * amount / nutrition.DAILY_VALUES[key]
    assert label_rounding(percent, key in VITAMINS_AND_MINERALS) == printed


def test_the_atwater_factors_give_the_sample_labels_calories():
    grams = {"protein": 3, "carbohydrate": 37, "fat": 8}
    kcal = sum(grams[name] * nutrition.ATWATER_KCAL_PER_GRAM[name] for name in grams)
    # Calories above 50 are printed to the nearest 10 (21 CFR 101.9(c)(1)).
    assert round(kcal, -1) == SAMPLE_LABEL_CALORIES


def test_the_default_split_lies_inside_the_acceptable_ranges():
    # IOM 2005: protein 10-35 %, carbohydrate 45-65 %, fat 20-35 % of energy.
    published = {"protein": (10, 35), "carbohydrate": (45, 65), "fat": (20, 35)}
    assert dict(nutrition.AMDR_PERCENT) == published
    for name, (low, high) in published.items():
        assert low <= nutrition.DEFAULT_MACRO_PERCENT[name] <= high
    assert sum(nutrition.DEFAULT_MACRO_PERCENT.values()) == 100


def test_the_default_water_goal_is_half_a_us_gallon():
    # Eight 8-fl-oz glasses are 64 fl oz, half a gallon of 231 in³ (NIST Handbook 44).
    assert pytest.approx(231 * 16.387064 / 2, rel=1e-12) == nutrition.DEFAULT_WATER_GOAL_ML


def test_no_food_has_more_energy_than_pure_fat():
    # USDA SR24: oils, the purest fats, have 884 kcal per 100 g; the limit is 9 kcal/g.
    assert 884 <= nutrition.MAX_KCAL_PER_100G == 900


macros = st.floats(0, 500)


@given(protein=macros, carbohydrate=macros, fat=macros)
def test_energy_shares_add_up_to_the_whole(protein, carbohydrate, fat):
    shares = nutrition.energy_shares({"protein": protein, "carbohydrate": carbohydrate, "fat": fat})
    expected = 100 if protein + carbohydrate + fat > 0 else 0
    assert sum(shares.values()) == pytest.approx(expected)


@given(st.floats(800, 5000), st.sampled_from([(20, 50, 30), (30, 40, 30), (10, 60, 30)]))
def test_macro_grams_give_back_the_budget(budget, split):
    percent = dict(zip(nutrition.MACROS, split, strict=True))
    grams = nutrition.macro_grams(budget, percent)
    kcal = sum(grams[name] * nutrition.ATWATER_KCAL_PER_GRAM[name] for name in nutrition.MACROS)
    assert kcal == pytest.approx(budget)
    assert nutrition.energy_shares(grams) == pytest.approx(percent)
