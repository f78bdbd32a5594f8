"""What the diary endpoints take and answer."""

from __future__ import annotations

import datetime as dt
import uuid

from ninja import Schema
from pydantic import Field, field_validator

from openplate.accounts.schemas import GoalOut
from openplate.core.api_support import (
    AMOUNT,
    MAX_TEXT_LENGTH,
    Day,
    Id,
    InputSchema,
    Number,
    limits,
    refusal,
)
from openplate.core.dates import DAYS_AHEAD, EARLIEST_DAY
from openplate.diary.models import DayMark, Entry, Meal, SavedMeal
from openplate.diary.saved_meals import MAX_NAME_LENGTH
from openplate.diary.services import (
    MAX_BATCH,
    MAX_ENTRY_GRAMS,
    MAX_QUICK_ADD_KCAL,
    Amount,
    DaySummary,
)
from openplate.foods.models import Food
from openplate.foods.schemas import FoodSummary, NutrientAmount, nutrient_amounts
from openplate.foods.servings import GRAMS, OUNCES

DATE = f"A day from {EARLIEST_DAY} to {DAYS_AHEAD} days after today."
SERVING = (
    f'One of the food\'s servings by name ("1 medium"), "{GRAMS}" for grams or "{OUNCES}" for '
    "ounces."
)
QUANTITY = f"How many servings; above 0, and at most {MAX_ENTRY_GRAMS:g} g in all."
ENERGY = f"kcal, above 0 and at most {MAX_QUICK_ADD_KCAL:g}."
MACRO = "Grams, or null when not known."
CLIENT_KEY = (
    "Optional: a UUID the caller made for this entry. Sent again with the same key, the call "
    "logs nothing more and answers 200 with the entry that key first logged; so a device that "
    "is not sure a call arrived may send it again."
)


class OnceIn(InputSchema):
    """A call that logs one entry, once per `client_key`."""

    client_key: uuid.UUID | None = Field(default=None, description=CLIENT_KEY)


class EntryIn(OnceIn):
    date: Day = Field(description=DATE)
    meal: Meal
    food_id: Id
    serving: str = Field(default=GRAMS, max_length=MAX_TEXT_LENGTH, description=SERVING)
    quantity: Number = Field(description=QUANTITY, json_schema_extra=limits(AMOUNT))


class BatchItemIn(InputSchema):
    food_id: Id
    serving: str = Field(default=GRAMS, max_length=MAX_TEXT_LENGTH, description=SERVING)
    quantity: Number = Field(description=QUANTITY, json_schema_extra=limits(AMOUNT))
    meal: Meal | None = Field(default=None, description="This food's meal; the batch's if null.")


class BatchIn(InputSchema):
    """Several foods at once, as the plain-words check lists them: all logged, or none."""

    date: Day = Field(description=DATE)
    meal: Meal
    items: list[BatchItemIn] = Field(description=f"1 to {MAX_BATCH} foods.")


class AgainIn(OnceIn):
    date: Day = Field(description=DATE)
    meal: Meal
    food_id: Id


class SavedMealIn(InputSchema):
    """Save the caller's `meal` of `date` under `name`."""

    name: str = Field(
        max_length=MAX_NAME_LENGTH,
        description=f"1 to {MAX_NAME_LENGTH} characters, one of a kind per person.",
    )
    date: Day
    meal: Meal


class SavedMealChanges(InputSchema):
    name: str = Field(
        max_length=MAX_NAME_LENGTH,
        description=f"1 to {MAX_NAME_LENGTH} characters, one of a kind per person.",
    )


class SavedMealLogIn(InputSchema):
    date: Day = Field(description=DATE)
    meal: Meal | None = Field(default=None, description="The meal it was saved from if null.")


class QuickAddIn(OnceIn):
    date: Day = Field(description=DATE)
    meal: Meal
    energy_kcal: Number = Field(
        description=ENERGY, json_schema_extra=limits(AMOUNT, MAX_QUICK_ADD_KCAL)
    )
    protein_g: Number | None = Field(
        default=None, description=MACRO, json_schema_extra=limits(0, MAX_ENTRY_GRAMS)
    )
    carbohydrate_g: Number | None = Field(
        default=None, description=MACRO, json_schema_extra=limits(0, MAX_ENTRY_GRAMS)
    )
    fat_g: Number | None = Field(
        default=None, description=MACRO, json_schema_extra=limits(0, MAX_ENTRY_GRAMS)
    )
    name: str = Field(
        default="Quick add", max_length=MAX_TEXT_LENGTH, description="At most 255 characters."
    )


class EntryChanges(InputSchema):
    """The fields to change; the rest stay. A food entry takes serving and quantity, a quick add
    its calories, macros and name."""

    date: Day | None = Field(default=None, description=DATE)
    meal: Meal | None = None
    serving: str | None = Field(default=None, max_length=MAX_TEXT_LENGTH, description=SERVING)
    quantity: Number | None = Field(
        default=None, description=QUANTITY, json_schema_extra=limits(AMOUNT)
    )
    energy_kcal: Number | None = Field(
        default=None, description=ENERGY, json_schema_extra=limits(AMOUNT, MAX_QUICK_ADD_KCAL)
    )
    protein_g: Number | None = Field(
        default=None, description=MACRO, json_schema_extra=limits(0, MAX_ENTRY_GRAMS)
    )
    carbohydrate_g: Number | None = Field(
        default=None, description=MACRO, json_schema_extra=limits(0, MAX_ENTRY_GRAMS)
    )
    fat_g: Number | None = Field(
        default=None, description=MACRO, json_schema_extra=limits(0, MAX_ENTRY_GRAMS)
    )
    name: str | None = Field(
        default=None, max_length=MAX_TEXT_LENGTH, description="At most 255 characters."
    )

    @field_validator("date", "meal", "serving", "quantity", "energy_kcal", "name")
    @classmethod
    def not_null(cls, value: object) -> object:
        """Left out, a field keeps its value; sent as null, only a macro means "not known"."""
        if value is None:
            raise refusal("Leave the field out to keep it as it is.")
        return value


class CopyIn(InputSchema):
    from_date: Day
    to_date: Day = Field(description=DATE)
    meal: Meal | None = Field(default=None, description="Copy this meal only; all when null.")
    to_meal: Meal | None = Field(
        default=None, description="Into this meal (for one meal only); the same meal when null."
    )


class EntryOut(Schema):
    id: int
    date: dt.date
    meal: Meal
    food_id: int | None = Field(description="Null for a quick add, or once the food is deleted.")
    name: str
    serving: str
    serving_grams: float | None
    quantity: float
    grams: float | None = Field(description="Null for a quick add.")
    energy_kcal: float
    protein_g: float | None
    carbohydrate_g: float | None
    fat_g: float | None
    quick_add: bool
    client_key: uuid.UUID | None = Field(description="The key it was logged with, if any.")

    @staticmethod
    def resolve_quick_add(entry: Entry) -> bool:
        return entry.is_quick_add


class EntryDetail(EntryOut):
    nutrients: list[NutrientAmount] = Field(description="For the amount eaten.")

    @staticmethod
    def resolve_nutrients(entry: Entry) -> list[NutrientAmount]:
        return nutrient_amounts(entry.nutrients)


class MacroOut(Schema):
    name: str
    grams: float
    percent_of_kcal: float = Field(description="Of the calories the macros give.")
    target_g: float | None
    target_percent: int | None


class DaySummaryOut(Schema):
    """Budget - Food + Exercise = Remaining."""

    date: dt.date
    budget_kcal: float | None = Field(description="Null until a goal is set.")
    food_kcal: float
    exercise_kcal: float = Field(description="Everything the day's exercise burned.")
    exercise_share: float = Field(
        description="The share of exercise the person adds to the budget: 1, 0.5 or 0."
    )
    exercise_counted_kcal: float = Field(
        description="exercise_share × exercise_kcal: the exercise that remaining_kcal counts."
    )
    remaining_kcal: float | None = Field(
        description="budget_kcal − food_kcal + exercise_counted_kcal; null until a goal is set."
    )
    meals: dict[str, float] = Field(description="kcal per meal.")
    macros: list[MacroOut]
    goal: GoalOut | None = Field(description="The goal in force that day.")

    @staticmethod
    def resolve_date(summary: DaySummary) -> dt.date:
        return summary.day


class DayNutrientsOut(Schema):
    date: dt.date
    nutrients: list[NutrientAmount] = Field(description="Totals of every nutrient eaten.")


class RecentFoodOut(FoodSummary):
    """A recent or favourite food with the amount logging it again logs."""

    again_serving: str = Field(description="The serving last logged, else the default one.")
    again_quantity: float
    again_grams: float
    again_kcal: float

    @staticmethod
    def resolve_again_serving(food: Food) -> str:
        return _again(food).serving.name

    @staticmethod
    def resolve_again_quantity(food: Food) -> float:
        return _again(food).quantity

    @staticmethod
    def resolve_again_grams(food: Food) -> float:
        return _again(food).grams

    @staticmethod
    def resolve_again_kcal(food: Food) -> float:
        return food.energy_kcal * _again(food).grams / 100


def _again(food: Food) -> Amount:
    again = getattr(food, "again", None)
    assert isinstance(again, Amount), "the endpoint sets each food's amount to log again"
    return again


class SavedMealItemOut(Schema):
    food_id: int | None = Field(description="Null for a quick add, or once the food is deleted.")
    name: str
    serving: str
    quantity: float
    grams: float | None
    energy_kcal: float
    protein_g: float | None
    carbohydrate_g: float | None
    fat_g: float | None


class SavedMealOut(Schema):
    id: int
    name: str
    meal: Meal = Field(description="The meal it was saved from, and logs to unless told.")
    energy_kcal: float
    items: list[SavedMealItemOut]

    @staticmethod
    def resolve_energy_kcal(saved: SavedMeal) -> float:
        return sum(item.energy_kcal for item in saved.items.all())


MARK = (
    "complete: the day counts as logged, even a light one; excluded: its food is left out of "
    "the expenditure estimate (its weigh-in still counts); fasted: it counts as 0 kcal, where a "
    "day with nothing logged is unknown."
)


class DayMarkIn(InputSchema):
    status: DayMark.Status = Field(description=MARK)


class DayMarkOut(Schema):
    date: dt.date = Field(validation_alias="day")
    status: DayMark.Status = Field(description=MARK)
