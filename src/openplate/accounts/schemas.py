"""What the profile, goal and token endpoints take and answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ninja import Schema
from pydantic import Field, field_validator

from openplate.accounts.exercise_share import SHARES, UNKNOWN_SHARE
from openplate.accounts.goals import (
    MACRO_PERCENT_RANGE,
    GoalInput,
    macro_targets_g,
    working_of,
)
from openplate.accounts.models import ExerciseShare, Goal, Profile
from openplate.core.api_support import (
    MAX_TEXT_LENGTH,
    CalendarDate,
    InputSchema,
    Number,
    WholeNumber,
    refusal,
)
from openplate.science import energy, goals
from openplate.science.energy import Sex
from openplate.science.goals import WEEKLY_GOALS_KG, WEEKLY_GOALS_LB
from openplate.science.units import BODY_WEIGHT_RANGE_KG, HEIGHT_RANGE_CM, KG_PER_LB


def _either_way(rates: Iterable[float], form: str = "{:g}") -> str:
    """The weekly goals as a sentence: "0, ±0.5, ±1, ±1.5 or ±2"."""
    sizes = [form.format(rate) for rate in sorted(rate for rate in rates if rate > 0)]
    return "0, ±" + ", ±".join(sizes[:-1]) + f" or ±{sizes[-1]}"


# The goal form's weekly goals: MyPlate's nine in lb/week, and their metric counterparts. In
# kg/week, an lb goal may be given rounded: -0.454 stands for -1 lb/week.
RATES_LB = _either_way(WEEKLY_GOALS_LB)
RATES_KG = _either_way(WEEKLY_GOALS_KG)
LB_RATES_IN_KG = _either_way((lb * KG_PER_LB for lb in WEEKLY_GOALS_LB), "{:.3f}")
RATES_OFFERED = f"{RATES_KG} kg/week, or {RATES_LB} lb/week ({LB_RATES_IN_KG} kg/week)"
OFFERED_RATES_KG = tuple(sorted({*WEEKLY_GOALS_KG, *(lb * KG_PER_LB for lb in WEEKLY_GOALS_LB)}))
RATE_TOLERANCE_KG = 0.0005

AGE = "An adult's: {:g} to {:g} years old today.".format(*energy.ADULT_AGE_RANGE_YEARS)
HEIGHT = "{:g} to {:g} cm.".format(*HEIGHT_RANGE_CM)
WEIGHT = "{:g} to {:g} kg.".format(*BODY_WEIGHT_RANGE_KG)
TARGET = "{:g} to {:g} kg".format(*BODY_WEIGHT_RANGE_KG)
TIME_ZONE = (
    "The IANA time zone the person's days follow (America/Los_Angeles): today, the day's "
    "totals, streaks and reports start at midnight there. Set from the browser at sign-up, else "
    "the server's zone."
)
EXERCISE_SHARE = (
    "The share of each day's logged exercise added to its budget: 1 (all, the default), 0.5 "
    "(half) or 0 (none). The activity level describes daily life, so logged exercise comes on "
    "top of it: remaining = budget - food + exercise_share × exercise."
)
MACRO_SHARES = (
    "% of calories, {:g} to {:g}; protein, carbohydrate and fat add up to 100. A share left out "
    "keeps today's ({}, {} and {} at first)."
).format(
    *MACRO_PERCENT_RANGE,
    GoalInput.protein_percent,
    GoalInput.carbohydrate_percent,
    GoalInput.fat_percent,
)

LIFE_STAGE = (
    "`pregnant`, `breastfeeding` or `neither`, for sex female only (male is always `neither`). "
    "Then a loss goal is refused (422 on the weekly goal), as at a BMI under 18.5: choose 0 to "
    "maintain. Set with the goal; left out, the profile's is kept."
)


class GoalIn(InputSchema):
    sex: Sex
    birth_date: CalendarDate = Field(description=AGE)
    height_cm: Number = Field(description=HEIGHT)
    weight_kg: Number = Field(description=WEIGHT)
    activity: str = Field(
        max_length=MAX_TEXT_LENGTH,
        json_schema_extra={"enum": list(energy.ACTIVITY_LEVELS)},
        description="The activity level; its factor multiplies the BMR.",
    )
    rate_kg_per_week: Number | None = Field(
        default=None,
        description=f"The weekly goal, negative to lose: {RATES_OFFERED}. Give this or "
        "rate_lb_per_week.",
    )
    rate_lb_per_week: Number | None = Field(
        default=None,
        description=f"The weekly goal in lb/week: {RATES_LB}. Give this or rate_kg_per_week.",
    )
    units: Profile.Units | None = Field(
        default=None, description="How the pages show amounts; unchanged when left out."
    )
    protein_percent: WholeNumber | None = Field(default=None, description=MACRO_SHARES)
    carbohydrate_percent: WholeNumber | None = Field(default=None, description=MACRO_SHARES)
    fat_percent: WholeNumber | None = Field(default=None, description=MACRO_SHARES)
    target_weight_kg: Number | None = Field(
        default=None,
        description=f"The goal weight, {TARGET}; null for none. Left out, today's is kept.",
    )
    life_stage: Profile.LifeStage | None = Field(default=None, description=LIFE_STAGE)

    @field_validator("rate_kg_per_week")
    @classmethod
    def offered_kg_rate(cls, rate: float | None) -> float | None:
        if rate is None:
            return None
        for offered in OFFERED_RATES_KG:
            if abs(rate - offered) <= RATE_TOLERANCE_KG:
                return offered
        raise refusal(f"Choose one of the weekly goals offered: {RATES_OFFERED}.")

    @field_validator("rate_lb_per_week")
    @classmethod
    def offered_lb_rate(cls, rate: float | None) -> float | None:
        if rate is not None and rate not in WEEKLY_GOALS_LB:
            raise refusal(f"Choose one of the weekly goals offered: {RATES_LB}.")
        return rate


class StepOut(Schema):
    text: str = Field(description='What was done: "× 1.375 for lightly active = maintenance".')
    kcal: float = Field(description="The calories after the step.")


class MacroGrams(Schema):
    protein: float
    carbohydrate: float
    fat: float


class GoalOut(Schema):
    """A goal as it was set, with every step from the person to the budget."""

    starts_on: dt.date
    rate_kg_per_week: float
    rate_lb_per_week: float
    sex: str
    age_years: float
    height_cm: float
    weight_kg: float
    activity: str
    formula: str = Field(description="The BMR equation used.")
    bmr_kcal: float
    activity_factor: float
    maintenance_kcal: float = Field(description="bmr_kcal × activity_factor.")
    floor_kcal: float = Field(description="The lowest budget offered without supervision.")
    floor_applied: bool
    budget_kcal: float
    effective_rate_kg_per_week: float = Field(description="What the budget gives, floor and all.")
    bmi: float
    warnings: list[str]
    protein_percent: int
    carbohydrate_percent: int
    fat_percent: int
    macro_targets_g: MacroGrams
    target_weight_kg: float | None = Field(description="The goal weight, if one was given.")
    working: list[StepOut] = Field(
        description="How the budget was computed, a step a line, as the goal page and "
        "`openplate goal` show it."
    )

    @staticmethod
    def resolve_rate_lb_per_week(goal: Goal) -> float:
        return goal.rate_kg_per_week / KG_PER_LB

    @staticmethod
    def resolve_macro_targets_g(goal: Goal) -> dict[str, float]:
        return macro_targets_g(goal)

    @staticmethod
    def resolve_working(goal: Goal) -> list[goals.Step]:
        return working_of(goal)


class ProfileOut(Schema):
    units: str
    sex: str
    birth_date: dt.date
    height_cm: float
    activity: str
    water_goal_ml: float = Field(description="The daily water goal (8 US cups unless changed).")
    life_stage: str = Field(
        description="`neither`, `pregnant` or `breastfeeding`, as set with the last goal: in "
        "pregnancy and while breastfeeding a loss goal is refused."
    )


class ProfileChanges(InputSchema):
    """The settings a person changes outside the goal form; a field left out stays as it is."""

    units: Profile.Units | None = Field(
        default=None, description="How pages show heights and weights: `imperial` or `metric`."
    )
    water_goal_ml: Number | None = Field(
        default=None, description="The daily water goal in ml, 500 to 10,000."
    )
    time_zone: str | None = Field(
        default=None,
        max_length=MAX_TEXT_LENGTH,
        description=f"{TIME_ZONE} Works before the first goal too.",
        examples=["America/Los_Angeles"],
    )
    exercise_share: Number | None = Field(
        default=None,
        description=f"{EXERCISE_SHARE} Works before the first goal too.",
        json_schema_extra={"enum": [float(share) for share in ExerciseShare]},
    )

    @field_validator("exercise_share")
    @classmethod
    def offered_share(cls, share: float | None) -> float | None:
        if share is not None and share not in SHARES:
            raise refusal(UNKNOWN_SHARE)
        return share


class ProfileWithGoal(Schema):
    username: str
    time_zone: str = Field(description=TIME_ZONE)
    exercise_share: float = Field(description=EXERCISE_SHARE)
    today: dt.date = Field(
        description="Today where the person lives: the day a log without a date is for."
    )
    profile: ProfileOut | None = Field(description="Empty until the first goal is set.")
    goal: GoalOut | None = Field(description="The goal in force today.")


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="The token's first characters, to recognise it.")
    created: dt.datetime
    last_used: dt.datetime | None
