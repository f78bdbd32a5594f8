"""Resting energy expenditure, activity levels and body-mass index.

All energies are kcal/day, masses kg, heights cm, ages years. Every equation names its paper; the
coefficients sit in tables beside their source rather than inline.

- Mifflin MD, St Jeor ST, Hill LA, Scott BJ, Daugherty SA, Koh YO. A new predictive equation for
  resting energy expenditure in healthy individuals. Am J Clin Nutr 1990;51:241-7. The paper
  gives REE = 9.99 W + 6.25 H - 4.92 A + 166 S - 161 (S = 1 for men, 0 for women) and rounds it
  to 10 W + 6.25 H - 5 A + 5 for men and - 161 for women, the form calculators use.
- Roza AM, Shizgal HM. The Harris Benedict equation reevaluated: resting energy requirements and
  the body cell mass. Am J Clin Nutr 1984;40:168-82 (the revised Harris-Benedict equation).
- Katch-McArdle: McArdle WD, Katch FI, Katch VL. Exercise Physiology: Nutrition, Energy, and Human
  Performance (lean-mass equation 370 + 21.6 x LBM).
- Activity factors: the multipliers of resting energy tabulated with these equations by McArdle
  WD, Katch FI, Katch VL. Exercise Physiology: Nutrition, Energy, and Human Performance
  (Lippincott Williams & Wilkins), and used by MyPlate and the clinical calculators (Medscape's
  Mifflin-St Jeor calculator lists the same five). They are physical activity levels (total over
  resting expenditure) for five descriptions of a week, a convention rather than a measurement.
- BMI categories: WHO. Obesity: preventing and managing the global epidemic. WHO Technical Report
  Series 894, 2000, Table 2.1.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from openplate.science.errors import InvalidInput
from openplate.science.units import CM_PER_M


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


class Formula(StrEnum):
    MIFFLIN_ST_JEOR = "mifflin-st-jeor"
    HARRIS_BENEDICT = "harris-benedict"
    KATCH_MCARDLE = "katch-mcardle"


@dataclass(frozen=True)
class SexSpecificLinear:
    """REE = intercept + per_kg x weight + per_cm x height + per_year x age."""

    intercept: float
    per_kg: float
    per_cm: float
    per_year: float

    def __call__(self, weight_kg: float, height_cm: float, age_years: float) -> float:
        return (
            self.intercept
            + self.per_kg * weight_kg
            + self.per_cm * height_cm
            + self.per_year * age_years
        )


class MifflinForm(StrEnum):
    ROUNDED = "rounded"  # the budget, as MyPlate and every calculator compute it
    UNROUNDED = "unrounded"  # the Hall model's baseline (its web appendix uses these)


# Mifflin et al. 1990: the equation as fitted, and its rounded form.
MIFFLIN_ST_JEOR: dict[MifflinForm, dict[Sex, SexSpecificLinear]] = {
    MifflinForm.ROUNDED: {
        Sex.MALE: SexSpecificLinear(intercept=5.0, per_kg=10.0, per_cm=6.25, per_year=-5.0),
        Sex.FEMALE: SexSpecificLinear(intercept=-161.0, per_kg=10.0, per_cm=6.25, per_year=-5.0),
    },
    MifflinForm.UNROUNDED: {
        Sex.MALE: SexSpecificLinear(intercept=5.0, per_kg=9.99, per_cm=6.25, per_year=-4.92),
        Sex.FEMALE: SexSpecificLinear(intercept=-161.0, per_kg=9.99, per_cm=6.25, per_year=-4.92),
    },
}

# Roza & Shizgal 1984, Table 4.
HARRIS_BENEDICT_REVISED: dict[Sex, SexSpecificLinear] = {
    Sex.MALE: SexSpecificLinear(intercept=88.362, per_kg=13.397, per_cm=4.799, per_year=-5.677),
    Sex.FEMALE: SexSpecificLinear(intercept=447.593, per_kg=9.247, per_cm=3.098, per_year=-4.330),
}

# McArdle, Katch & Katch: REE = 370 + 21.6 x lean body mass (kg).
KATCH_MCARDLE_INTERCEPT = 370.0
KATCH_MCARDLE_PER_KG_LEAN = 21.6


@dataclass(frozen=True)
class ActivityLevel:
    key: str
    factor: float
    label: str
    description: str


# Multipliers of resting energy (McArdle, Katch & Katch; see the module docstring). The
# descriptions are of daily life without workouts, since logged exercise is added on top, as
# MyPlate adds it; their examples follow MyFitnessPal's activity levels, which work the same way.
ACTIVITY_LEVELS: dict[str, ActivityLevel] = {
    level.key: level
    for level in (
        ActivityLevel("sedentary", 1.2, "Sedentary", "Mostly sitting: a desk job, little walking"),
        ActivityLevel(
            "light",
            1.375,
            "Lightly active",
            "On your feet much of the day: a teacher, a salesperson",
        ),
        ActivityLevel(
            "moderate",
            1.55,
            "Moderately active",
            "Moving much of the day: a food server, a postal carrier",
        ),
        ActivityLevel(
            "very", 1.725, "Very active", "Physical work most of the day: a carpenter, a courier"
        ),
        ActivityLevel(
            "extra",
            1.9,
            "Extra active",
            "Hard physical work all day: a farm hand, a builder's labourer",
        ),
    )
}

ADULT_AGE_RANGE_YEARS = (18.0, 120.0)
BODY_FAT_RANGE_PERCENT = (2.0, 75.0)


@dataclass(frozen=True)
class Bmi:
    value: float  # kg/m²
    category: str  # WHO TRS 894 Table 2.1: "underweight", "normal", "overweight", "obese class I"…


@dataclass(frozen=True)
class BmiCategory:
    name: str
    lower: float  # inclusive lower bound, kg/m^2


# WHO TRS 894, Table 2.1.
BMI_CATEGORIES: tuple[BmiCategory, ...] = (
    BmiCategory("underweight", 0.0),
    BmiCategory("normal", 18.5),
    BmiCategory("overweight", 25.0),
    BmiCategory("obese class I", 30.0),
    BmiCategory("obese class II", 35.0),
    BmiCategory("obese class III", 40.0),
)
UNDERWEIGHT_BMI = BMI_CATEGORIES[1].lower


def activity_level(key: str) -> ActivityLevel:
    """The activity level named `key` (sedentary, light, moderate, very, extra)."""
    try:
        return ACTIVITY_LEVELS[key]
    except KeyError:
        known = ", ".join(ACTIVITY_LEVELS)
        raise InvalidInput(f"unknown activity level {key!r}; choose one of {known}") from None


def check_adult_age(age_years: float) -> None:
    low, high = ADULT_AGE_RANGE_YEARS
    if not low <= age_years <= high:
        raise InvalidInput(
            f"age {age_years:g} is outside {low:g}-{high:g} years: these equations are for adults"
        )


def mifflin_st_jeor(
    sex: Sex,
    weight_kg: float,
    height_cm: float,
    age_years: float,
    form: MifflinForm = MifflinForm.ROUNDED,
) -> float:
    """Resting energy expenditure (kcal/day), Mifflin-St Jeor 1990."""
    return MIFFLIN_ST_JEOR[form][Sex(sex)](weight_kg, height_cm, age_years)


def harris_benedict(sex: Sex, weight_kg: float, height_cm: float, age_years: float) -> float:
    """Resting energy expenditure (kcal/day), Harris-Benedict as revised by Roza & Shizgal 1984."""
    return HARRIS_BENEDICT_REVISED[Sex(sex)](weight_kg, height_cm, age_years)


def lean_body_mass(weight_kg: float, body_fat_percent: float) -> float:
    """Fat-free mass (kg) from weight and body-fat percentage."""
    low, high = BODY_FAT_RANGE_PERCENT
    if not low <= body_fat_percent <= high:
        raise InvalidInput(f"body fat {body_fat_percent:g}% is outside {low:g}-{high:g}%")
    return weight_kg * (1.0 - body_fat_percent / 100.0)


def katch_mcardle(weight_kg: float, body_fat_percent: float) -> float:
    """Resting energy expenditure (kcal/day) from lean body mass, Katch-McArdle."""
    lean = lean_body_mass(weight_kg, body_fat_percent)
    return KATCH_MCARDLE_INTERCEPT + KATCH_MCARDLE_PER_KG_LEAN * lean


def resting_energy(
    sex: Sex,
    weight_kg: float,
    height_cm: float,
    age_years: float,
    *,
    formula: Formula | None = None,
    body_fat_percent: float | None = None,
) -> tuple[float, Formula]:
    """REE (kcal/day) and the formula used.

    Without a formula: Katch-McArdle when body fat is known (it needs no sex or age and tracks
    lean mass), Mifflin-St Jeor otherwise (the most accurate of the weight-height equations in
    Frankenfield et al., J Am Diet Assoc 2005;105:775-89).
    """
    check_adult_age(age_years)
    if formula is None:
        formula = Formula.MIFFLIN_ST_JEOR if body_fat_percent is None else Formula.KATCH_MCARDLE
    if formula is Formula.KATCH_MCARDLE:
        if body_fat_percent is None:
            raise InvalidInput("the Katch-McArdle formula needs your body-fat percentage")
        return katch_mcardle(weight_kg, body_fat_percent), formula
    if formula is Formula.HARRIS_BENEDICT:
        return harris_benedict(sex, weight_kg, height_cm, age_years), formula
    return mifflin_st_jeor(sex, weight_kg, height_cm, age_years), formula


def bmi(weight_kg: float, height_cm: float) -> Bmi:
    """Body-mass index (kg/m²) and its WHO category."""
    if not weight_kg > 0 or not height_cm > 0:
        raise InvalidInput("weight and height must be above zero")
    height_m = height_cm / CM_PER_M
    value = weight_kg / (height_m * height_m)
    return Bmi(value, bmi_category(value))


def bmi_category(value: float) -> str:
    """The WHO category of a BMI value."""
    name = BMI_CATEGORIES[0].name
    for category in BMI_CATEGORIES:
        if value >= category.lower:
            name = category.name
    return name


def weight_at_bmi(bmi_value: float, height_cm: float) -> float:
    """The weight (kg) that gives `bmi_value` at `height_cm`."""
    height_m = height_cm / CM_PER_M
    return bmi_value * height_m * height_m
