"""What the exercise endpoints take and answer."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field, field_validator, model_validator

from openplate.core.api_support import (
    AMOUNT,
    MAX_TEXT_LENGTH,
    Day,
    Id,
    InputSchema,
    Number,
    WholeNumber,
    limits,
    refusal,
)
from openplate.core.dates import DAYS_AHEAD, EARLIEST_DAY
from openplate.exercise.models import ExerciseEntry
from openplate.exercise.services import (
    MAX_EXERCISE_KCAL,
    MAX_LOAD_KG,
    MAX_MINUTES,
    MAX_REPS,
    MAX_SETS,
)

DATE = f"A day from {EARLIEST_DAY} to {DAYS_AHEAD} days after today."
MINUTES = f"Above 0 and at most {MAX_MINUTES:,}."
OPTIONAL_MINUTES = f"{MINUTES} Optional; null or left out when not known."
CODE = 'The Compendium code, 5 digits ("12030"); see GET /activities.'
ACTIVITY_ID = "The activity's id, as GET /activities answers it; or give activity_code."
ENERGY = f"kcal, above 0 and at most {MAX_EXERCISE_KCAL:,.0f}."
SETS = f"1 to {MAX_SETS}."
REPS = f"Per set, 1 to {MAX_REPS}."
LOAD = f"kg lifted per rep, 0 to {MAX_LOAD_KG:g}; null when not known."
NAME = "At most 255 characters."


class ActivityOut(Schema):
    id: int
    code: str
    heading: str
    description: str
    met: float = Field(description="Metabolic equivalents: kcal per kg of body weight per hour.")


class ExerciseOut(Schema):
    id: int
    date: dt.date
    kind: ExerciseEntry.Kind
    name: str
    activity_id: int | None = Field(description="For an activity entry.")
    activity_code: str | None = Field(description="For an activity entry.")
    minutes: float | None
    met: float | None = Field(description="The MET the calories were computed with.")
    body_weight_kg: float | None = Field(description="The weight the calories were computed with.")
    energy_kcal: float
    sets: int | None
    reps: int | None
    load_kg: float | None

    @staticmethod
    def resolve_activity_code(entry: ExerciseEntry) -> str | None:
        return entry.activity.code if entry.activity else None


class _ChoosesActivity(InputSchema):
    activity_code: str | None = Field(default=None, max_length=MAX_TEXT_LENGTH, description=CODE)
    activity_id: Id | None = Field(default=None, description=ACTIVITY_ID)

    @model_validator(mode="after")
    def at_most_one_activity(self) -> _ChoosesActivity:
        if self.activity_code is not None and self.activity_id is not None:
            raise refusal("Give activity_code or activity_id, not both.")
        return self


class ActivityIn(_ChoosesActivity):
    """An activity of the Compendium for some minutes: MET × body weight × hours."""

    kind: Literal["activity"]
    date: Day = Field(description=DATE)
    minutes: Number = Field(description=MINUTES, json_schema_extra=limits(AMOUNT, MAX_MINUTES))

    @model_validator(mode="after")
    def needs_activity(self) -> ActivityIn:
        if self.activity_code is None and self.activity_id is None:
            raise refusal("Give activity_code or activity_id.")
        return self


class CustomIn(InputSchema):
    """Calories entered by hand (a watch's, a machine's)."""

    kind: Literal["custom"]
    date: Day = Field(description=DATE)
    name: str = Field(max_length=MAX_TEXT_LENGTH, description=NAME)
    energy_kcal: Number = Field(
        description=ENERGY, json_schema_extra=limits(AMOUNT, MAX_EXERCISE_KCAL)
    )
    minutes: Number | None = Field(
        default=None, description=OPTIONAL_MINUTES, json_schema_extra=limits(AMOUNT, MAX_MINUTES)
    )


class StrengthIn(InputSchema):
    """Sets × reps at a load; with minutes, its calories at 3.5 METs."""

    kind: Literal["strength"]
    date: Day = Field(description=DATE)
    name: str = Field(max_length=MAX_TEXT_LENGTH, description=NAME)
    sets: WholeNumber = Field(description=SETS, json_schema_extra=limits(1, MAX_SETS))
    reps: WholeNumber = Field(description=REPS, json_schema_extra=limits(1, MAX_REPS))
    load_kg: Number | None = Field(
        default=None, description=LOAD, json_schema_extra=limits(0, MAX_LOAD_KG)
    )
    minutes: Number | None = Field(
        default=None, description=OPTIONAL_MINUTES, json_schema_extra=limits(AMOUNT, MAX_MINUTES)
    )


ExerciseIn = Annotated[ActivityIn | CustomIn | StrengthIn, Field(discriminator="kind")]


class ExerciseChanges(_ChoosesActivity):
    """The fields to change; the rest stay. Any entry takes a date; an activity its activity or
    minutes; a custom exercise its name, calories or minutes; a strength entry its name, sets,
    reps, load or minutes. A null minutes or load_kg clears it where it is optional."""

    date: Day | None = Field(default=None, description=DATE)
    minutes: Number | None = Field(
        default=None, description=OPTIONAL_MINUTES, json_schema_extra=limits(AMOUNT, MAX_MINUTES)
    )
    name: str | None = Field(default=None, max_length=MAX_TEXT_LENGTH, description=NAME)
    energy_kcal: Number | None = Field(
        default=None, description=ENERGY, json_schema_extra=limits(AMOUNT, MAX_EXERCISE_KCAL)
    )
    sets: WholeNumber | None = Field(
        default=None, description=SETS, json_schema_extra=limits(1, MAX_SETS)
    )
    reps: WholeNumber | None = Field(
        default=None, description=REPS, json_schema_extra=limits(1, MAX_REPS)
    )
    load_kg: Number | None = Field(
        default=None, description=LOAD, json_schema_extra=limits(0, MAX_LOAD_KG)
    )

    @field_validator("date", "name", "energy_kcal", "sets", "reps", "activity_code", "activity_id")
    @classmethod
    def not_null(cls, value: object) -> object:
        """Left out, a field keeps its value; only minutes and load_kg may be null."""
        if value is None:
            raise refusal("Leave the field out to keep it as it is.")
        return value
