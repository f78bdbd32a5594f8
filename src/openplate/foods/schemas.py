"""What the food endpoints take and answer. A food has the keys of `openplate foods search
--json` and `openplate foods show --json`, so scripts read both the same way; the detail adds
the serving choices an entry takes."""

from __future__ import annotations

from collections.abc import Mapping

from ninja import Schema
from pydantic import Field

from openplate.core.api_support import InputSchema, Number, QuerySchema
from openplate.foods import amounts
from openplate.foods.custom import MAX_NAME_LENGTH, MAX_SERVING_NAME_LENGTH
from openplate.foods.models import Food, Serving
from openplate.foods.nutrients import NUTRIENTS
from openplate.foods.servings import ServingChoice, serving_choices

MAX_SEARCH_RESULTS = 50


class NutrientAmount(Schema):
    key: str = Field(description='As in the nutrient list: "energy_kcal", "sodium_mg".')
    name: str
    amount: float
    unit: str


def nutrient_amounts(amounts_by_key: Mapping[str, float]) -> list[NutrientAmount]:
    """Every nutrient present, in the order a nutrition label lists them."""
    return [
        NutrientAmount(key=n.key, name=n.label, amount=amounts_by_key[n.key], unit=n.unit)
        for n in NUTRIENTS
        if n.key in amounts_by_key
    ]


class ServingOut(Schema):
    name: str = Field(description='A household measure, "1 medium"; an entry\'s `serving`.')
    grams: float


class FoodSummary(Schema):
    id: int
    source: str = Field(description="usda, off (Open Food Facts), csv, or custom (your own).")
    source_id: str
    name: str
    group: str
    brand: str
    barcode: str
    kcal_per_100g: float
    protein_g_per_100g: float | None
    carbohydrate_g_per_100g: float | None
    fat_g_per_100g: float | None
    servings: list[ServingOut]

    @staticmethod
    def resolve_kcal_per_100g(food: Food) -> float:
        return food.energy_kcal

    @staticmethod
    def resolve_protein_g_per_100g(food: Food) -> float | None:
        return food.protein_g

    @staticmethod
    def resolve_carbohydrate_g_per_100g(food: Food) -> float | None:
        return food.carbohydrate_g

    @staticmethod
    def resolve_fat_g_per_100g(food: Food) -> float | None:
        return food.fat_g

    @staticmethod
    def resolve_servings(food: Food) -> list[Serving]:
        return list(food.servings.all())


class ServingChoiceOut(Schema):
    name: str = Field(description="What an entry's `serving` takes.")
    label: str
    grams: float


class FoodDetail(FoodSummary):
    nutrients_per_100g: list[NutrientAmount]
    serving_choices: list[ServingChoiceOut] = Field(
        description="Every serving an entry of the food may take: its measures (named with their "
        'weight when two share a name, "1 slice (25 g)"), then grams and ounces.'
    )

    @staticmethod
    def resolve_nutrients_per_100g(food: Food) -> list[NutrientAmount]:
        return nutrient_amounts(food.nutrients)

    @staticmethod
    def resolve_serving_choices(food: Food) -> list[ServingChoice]:
        return serving_choices(food)


class FoodSearch(QuerySchema):
    q: str = Field(min_length=1, max_length=200, description="Words of the food's name or brand.")
    limit: int = Field(default=10, ge=1, le=MAX_SEARCH_RESULTS)


class CustomFoodIn(InputSchema):
    name: str = Field(max_length=MAX_NAME_LENGTH)
    brand: str = Field(default="", max_length=MAX_NAME_LENGTH)
    nutrients: dict[str, Number] = Field(
        description="Amounts for `per_grams` grams, keyed and in the units of GET /api/foods/{id}"
        "'s nutrients_per_100g; energy_kcal is required.",
    )
    per_grams: Number = Field(
        default=100.0,
        description=f"The amount the label gives them for; more than 0 and at most "
        f"{amounts.MAX_SERVING_GRAMS:g} g. Other than 100, it becomes a serving of the food.",
    )
    serving_name: str | None = Field(
        default=None,
        max_length=MAX_SERVING_NAME_LENGTH,
        description='The name of that serving, "1 bar" ("1 serving" if left out).',
    )


class ParseIn(InputSchema):
    text: str = Field(
        min_length=1,
        max_length=1000,
        description='What was eaten, in plain words: "2 eggs and a slice of toast with butter".',
    )


class ParsedFood(Schema):
    food_id: int
    source_id: str
    name: str


class ParsedItemOut(Schema):
    text: str = Field(description='The words the item was read from: "2 large eggs".')
    food_id: int
    source_id: str = Field(description="The food's code in its source: the NDB number for USDA.")
    name: str
    quantity: float = Field(description="How many of `unit`.")
    unit: str = Field(description="One of the food's serving choices: an entry's `serving`.")
    grams: float
    kcal: float
    note: str = Field(description="How the amount was read, when not quite as written.")
    candidates: list[ParsedFood] = Field(description="Foods the words may mean, best first.")


class ParseOut(Schema):
    items: list[ParsedItemOut]
    unparsed: list[str] = Field(description="Words that name no food, as written.")
