"""What the weight, water, progress and report endpoints take and answer. Weights are in kg."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import Field

from openplate.api_support import InputSchema, Number
from openplate.dates import DAYS_AHEAD, EARLIEST_DAY
from openplate.progress.period import DayTotals, Forecast
from openplate.progress.services import (
    BODY_FAT_RANGE_PERCENT,
    MAX_WATER_ML,
    ML_PER_CUP,
    WaterCard,
    WeighIn,
)
from openplate.science.units import BODY_WEIGHT_RANGE_KG, KG_PER_LB

DATE = f"A day from {EARLIEST_DAY} to {DAYS_AHEAD} days after today."
WEIGHT = "{:g} to {:g} kg".format(*BODY_WEIGHT_RANGE_KG)
BODY_FAT = "Body fat, {:g} to {:g} %; null when not known.".format(*BODY_FAT_RANGE_PERCENT)


class WeighInIn(InputSchema):
    """A weigh-in: `value` with its `unit`, or `weight_kg`. A second one the same day replaces
    the first."""

    date: dt.date = Field(description=DATE)
    value: Number | None = Field(default=None, description=f"The weight in `unit` ({WEIGHT}).")
    unit: Literal["kg", "lb"] = Field(default="kg", description="The unit of `value`.")
    weight_kg: Number | None = Field(default=None, description=f"Or the weight in kg ({WEIGHT}).")
    body_fat_percent: Number | None = Field(default=None, description=BODY_FAT)


class WeighInOut(Schema):
    id: int
    date: dt.date
    weight_kg: float
    weight_lb: float
    body_fat_percent: float | None
    trend_kg: float = Field(
        description="The Hacker's Diet trend on this day: 10 % of the way to each weigh-in."
    )
    bmi: float | None = Field(description="kg/m², from the profile's height; null without one.")
    bmi_category: str | None = Field(description="The WHO category of the BMI.")

    @staticmethod
    def resolve_weight_lb(point: WeighIn) -> float:
        return point.weight_kg / KG_PER_LB

    @staticmethod
    def resolve_bmi(point: WeighIn) -> float | None:
        return point.bmi.value if point.bmi else None

    @staticmethod
    def resolve_bmi_category(point: WeighIn) -> str | None:
        return point.bmi.category if point.bmi else None


class WaterIn(InputSchema):
    date: dt.date = Field(description=DATE)
    amount: Number = Field(
        default=1,
        description=f"How much, in `unit`: above 0 and at most {MAX_WATER_ML:g} ml.",
    )
    unit: Literal["cups", "ml"] = Field(
        default="cups", description=f"A cup is the US cup, {ML_PER_CUP} ml."
    )


class WaterOut(Schema):
    date: dt.date
    total_ml: float
    total_cups: float
    goal_ml: float
    goal_cups: float
    entries: int = Field(description="How many times water was logged that day.")

    @staticmethod
    def resolve_date(card: WaterCard) -> dt.date:
        return card.day

    @staticmethod
    def resolve_total_cups(card: WaterCard) -> float:
        return card.cups

    @staticmethod
    def resolve_goal_cups(card: WaterCard) -> float:
        return card.goal_cups


class DayOut(Schema):
    date: dt.date
    budget_kcal: float | None = Field(description="The budget in force; null without a goal.")
    food_kcal: float
    exercise_kcal: float
    net_kcal: float = Field(description="Food - exercise.")
    remaining_kcal: float | None = Field(description="Budget - food + exercise.")
    protein_g: float
    carbohydrate_g: float
    fat_g: float
    food_entries: int
    water_ml: float
    weight_kg: float | None = Field(description="The day's weigh-in, if any.")
    trend_kg: float | None = Field(description="The trend, carried from the last weigh-in.")

    @staticmethod
    def resolve_date(day: DayTotals) -> dt.date:
        return day.day

    @staticmethod
    def resolve_food_entries(day: DayTotals) -> int:
        return day.entries


class ForecastPoint(Schema):
    date: dt.date
    weight_kg: float


class ForecastOut(Schema):
    """The Hall dynamic model's weight, from the goal's start weight at its budget."""

    goal_start: dt.date
    intake_kcal: float
    target_weight_kg: float | None
    reached_on: dt.date | None = Field(
        description="When the forecast reaches the goal weight; null if not within 3 years."
    )
    points: list[ForecastPoint]

    @staticmethod
    def resolve_target_weight_kg(forecast: Forecast) -> float | None:
        return forecast.target_kg

    @staticmethod
    def resolve_points(forecast: Forecast) -> list[dict[str, object]]:
        return [{"date": day, "weight_kg": kg} for day, kg in forecast.points]


class Macros(Schema):
    protein: float
    carbohydrate: float
    fat: float


class MacroSplitOut(Schema):
    grams: Macros
    percent: Macros = Field(description="Shares of the calories from the three macros.")


class AveragesOut(Schema):
    label: str
    start: dt.date
    end: dt.date
    days: int
    logged_days: int = Field(description="Days with food logged.")
    food_kcal: float | None = Field(description="Per day with food logged.")
    exercise_kcal: float = Field(description="Per day.")
    net_kcal: float | None
    weight_change_kg: float | None = Field(description="The trend's change over the window.")


class StreaksOut(Schema):
    food_current: int
    food_longest: int
    weigh_in_current: int
    weigh_in_longest: int
    weigh_in_days: int = Field(description="Days with a weigh-in in the period.")


class ProgressOut(Schema):
    start: dt.date
    end: dt.date
    units: str = Field(description="How the person likes weights shown: imperial or metric.")
    height_cm: float | None
    target_weight_kg: float | None
    days: list[DayOut]
    weigh_ins: list[WeighInOut]
    forecast: ForecastOut | None
    macros: MacroSplitOut
    averages: list[AveragesOut] = Field(
        description="The last 7 days, the last 30 days, and the period."
    )
    streaks: StreaksOut


class WeekTotals(Schema):
    budget_kcal: float
    food_kcal: float
    exercise_kcal: float
    net_kcal: float
    remaining_kcal: float
    protein_g: float
    carbohydrate_g: float
    fat_g: float
    water_ml: float


class WeekAverages(Schema):
    budget_kcal: float | None
    food_kcal: float | None
    exercise_kcal: float | None
    net_kcal: float | None
    remaining_kcal: float | None
    protein_g: float | None
    carbohydrate_g: float | None
    fat_g: float | None
    water_ml: float | None


class WeekReportOut(Schema):
    start: dt.date = Field(description="The Monday.")
    end: dt.date = Field(description="The Sunday.")
    days: list[DayOut]
    totals: WeekTotals
    averages: WeekAverages = Field(
        description="Food, net, remaining and macros per day with food logged; budget per day "
        "with a goal; exercise and water per day of the week."
    )
    logged_days: int
    water_goal_ml: float
    weight_change_kg: float | None
