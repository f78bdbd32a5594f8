"""What the weight and water endpoints take and answer. Weights are in kg."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import Field

from openplate.body.services import BODY_FAT_RANGE_PERCENT, MAX_WATER_ML, WaterCard, WeighIn
from openplate.core.api_support import Day, InputSchema, Number, QuerySchema
from openplate.core.dates import DAYS_AHEAD, EARLIEST_DAY
from openplate.science.units import BODY_WEIGHT_RANGE_KG, KG_PER_LB, ML_PER_US_CUP

DATE = f"A day from {EARLIEST_DAY} to {DAYS_AHEAD} days after today."
WEIGHT = "{:g} to {:g} kg".format(*BODY_WEIGHT_RANGE_KG)
BODY_FAT = "Body fat, {:g} to {:g} %; null when not known.".format(*BODY_FAT_RANGE_PERCENT)


# The days a list of weigh-ins or the progress series covers.
class PeriodQuery(QuerySchema):
    start: Day | None = Field(default=None, description="The first day; 28 days back if left out.")
    end: Day | None = Field(default=None, description="The last day; today if left out.")


class WeighInIn(InputSchema):
    """A weigh-in: `value` with its `unit`, or `weight_kg`. A second one the same day replaces
    the first."""

    date: Day = Field(description=DATE)
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
    date: Day = Field(description=DATE)
    amount: Number = Field(
        default=1,
        description=f"How much, in `unit`: above 0 and at most {MAX_WATER_ML:g} ml.",
    )
    unit: Literal["cups", "ml"] = Field(
        default="cups", description=f"A cup is the US cup, {ML_PER_US_CUP} ml."
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
