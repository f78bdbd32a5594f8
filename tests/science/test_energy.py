"""BMR equations, activity levels and BMI against hand-worked values from the published papers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.science import energy
from openplate.science.energy import Formula, Sex
from openplate.science.errors import InvalidInput

# (sex, kg, cm, years, expected kcal/day), each worked by hand from the equation in the paper.
MIFFLIN_ST_JEOR_CASES = [
    # Mifflin et al. 1990: 10 W + 6.25 H - 5 A + 5 (men) / - 161 (women)
    (Sex.MALE, 80.0, 180.0, 25.0, 800 + 1125 - 125 + 5),
    (Sex.FEMALE, 72.57477, 162.56, 35.0, 725.7477 + 1016.0 - 175 - 161),
    (Sex.FEMALE, 55.0, 160.0, 70.0, 550 + 1000 - 350 - 161),
    (Sex.MALE, 120.0, 190.0, 50.0, 1200 + 1187.5 - 250 + 5),
]

HARRIS_BENEDICT_CASES = [
    # Roza & Shizgal 1984, Table 4
    (Sex.MALE, 80.0, 180.0, 25.0, 88.362 + 13.397 * 80 + 4.799 * 180 - 5.677 * 25),
    (Sex.FEMALE, 60.0, 165.0, 40.0, 447.593 + 9.247 * 60 + 3.098 * 165 - 4.330 * 40),
]


@pytest.mark.parametrize(("sex", "kg", "cm", "age", "expected"), MIFFLIN_ST_JEOR_CASES)
def test_it_computes_mifflin_st_jeor(sex, kg, cm, age, expected):
    assert energy.mifflin_st_jeor(sex, kg, cm, age) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(("sex", "kg", "cm", "age", "expected"), HARRIS_BENEDICT_CASES)
def test_it_computes_revised_harris_benedict(sex, kg, cm, age, expected):
    assert energy.harris_benedict(sex, kg, cm, age) == pytest.approx(expected, abs=1e-9)


def test_it_computes_katch_mcardle_from_lean_mass():
    # 80 kg at 20 % fat: 64 kg lean; 370 + 21.6 x 64 = 1752.4 (McArdle, Katch & Katch)
    assert energy.katch_mcardle(80.0, 20.0) == pytest.approx(1752.4, abs=1e-9)


def test_it_uses_katch_mcardle_when_body_fat_is_known():
    ree, formula = energy.resting_energy(Sex.MALE, 80, 180, 25, body_fat_percent=20)
    assert formula is Formula.KATCH_MCARDLE
    assert ree == pytest.approx(1752.4)


def test_it_uses_mifflin_st_jeor_by_default():
    ree, formula = energy.resting_energy(Sex.MALE, 80, 180, 25)
    assert formula is Formula.MIFFLIN_ST_JEOR
    assert ree == pytest.approx(1805.0)


def test_it_refuses_katch_mcardle_without_body_fat():
    with pytest.raises(InvalidInput, match="body-fat"):
        energy.resting_energy(Sex.MALE, 80, 180, 25, formula=Formula.KATCH_MCARDLE)


@pytest.mark.parametrize("age", [17.9, 121, -1])
def test_it_refuses_ages_outside_adulthood(age):
    with pytest.raises(InvalidInput, match="adults"):
        energy.resting_energy(Sex.FEMALE, 60, 165, age)


@pytest.mark.parametrize("body_fat", [0, 1.5, 80])
def test_it_refuses_implausible_body_fat(body_fat):
    with pytest.raises(InvalidInput, match="body fat"):
        energy.katch_mcardle(70, body_fat)


def test_activity_levels_are_the_conventional_factors():
    factors = {key: level.factor for key, level in energy.ACTIVITY_LEVELS.items()}
    assert factors == {
        "sedentary": 1.2,
        "light": 1.375,
        "moderate": 1.55,
        "very": 1.725,
        "extra": 1.9,
    }


def test_it_names_the_known_levels_for_an_unknown_one():
    with pytest.raises(InvalidInput, match="sedentary, light, moderate, very, extra"):
        energy.activity_level("couch")


@pytest.mark.parametrize(
    ("kg", "cm", "expected"),
    [(72.57477, 162.56, 27.464), (70.0, 175.0, 22.857), (100.0, 180.0, 30.864)],
)
def test_it_computes_bmi(kg, cm, expected):
    assert energy.bmi(kg, cm) == pytest.approx(expected, abs=5e-4)


@pytest.mark.parametrize(
    ("value", "category"),
    [
        (16.0, "underweight"),
        (18.49, "underweight"),
        (18.5, "normal"),
        (24.99, "normal"),
        (25.0, "overweight"),
        (30.0, "obese class I"),
        (35.0, "obese class II"),
        (40.0, "obese class III"),
    ],
)
def test_it_uses_the_who_bmi_categories(value, category):
    assert energy.bmi_category(value) == category


@given(st.floats(120, 220), st.floats(10, 60))
def test_weight_at_bmi_inverts_bmi(height_cm, bmi_value):
    weight = energy.weight_at_bmi(bmi_value, height_cm)
    assert energy.bmi(weight, height_cm) == pytest.approx(bmi_value, rel=1e-12)


@given(
    st.sampled_from(list(Sex)),
    st.floats(30, 250),
    st.floats(130, 220),
    st.floats(18, 100),
    st.floats(0.1, 20),
)
def test_mifflin_st_jeor_rises_with_weight(sex, kg, cm, age, extra_kg):
    assert energy.mifflin_st_jeor(sex, kg + extra_kg, cm, age) > energy.mifflin_st_jeor(
        sex, kg, cm, age
    )
