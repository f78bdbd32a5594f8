"""What the progress and weekly report endpoints take and answer. Weights are in kg."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field

from openplate.accounts.schemas import EXERCISE_SHARE
from openplate.body.schemas import WeighInOut
from openplate.progress.period import DayTotals, Forecast


class DayOut(Schema):
    date: dt.date
    budget_kcal: float | None = Field(description="The budget in force; null without a goal.")
    food_kcal: float
    exercise_kcal: float = Field(description="Burned, as logged.")
    exercise_counted_kcal: float = Field(
        description="The exercise added to the budget: exercise_share × exercise_kcal."
    )
    net_kcal: float = Field(description="Food - exercise.")
    remaining_kcal: float | None = Field(description="Budget - food + exercise_counted_kcal.")
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
    """The Hall dynamic model's weight at the goal's budget, from the latest weigh-in's trend
    weight (the goal's start weight until the goal has a weigh-in)."""

    goal_start: dt.date
    start_date: dt.date = Field(description="The day the forecast starts from.")
    start_weight_kg: float = Field(
        description="The trend weight of the latest weigh-in, else the goal's start weight."
    )
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
    def resolve_start_date(forecast: Forecast) -> dt.date:
        return forecast.start

    @staticmethod
    def resolve_start_weight_kg(forecast: Forecast) -> float:
        return forecast.start_kg

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
    net_kcal: float | None = Field(
        description="Per day with food logged: the mean of each such day's food - exercise "
        "(not food_kcal - exercise_kcal, which count different days)."
    )
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
    exercise_share: float = Field(description=EXERCISE_SHARE)
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
    exercise_counted_kcal: float
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
    exercise_counted_kcal: float | None
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
        description="Food, net, remaining and macros per day with food logged (net: the mean "
        "of each such day's food - exercise); budget per day with a goal; exercise and water "
        "per day of the week."
    )
    exercise_share: float = Field(description=EXERCISE_SHARE)
    logged_days: int
    water_goal_ml: float
    weight_change_kg: float | None
