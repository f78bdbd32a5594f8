"""Exercise: searching the Compendium's activities, and the caller's exercise entries.

Entries are the caller's only: another person's entry answers 404, as a missing one does.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from pydantic import Field

from openplate.core.api_support import BODY, Day, PathId, QuerySchema, caller, errors_at
from openplate.core.dates import day_problem
from openplate.exercise import services
from openplate.exercise.models import Activity, ExerciseEntry
from openplate.exercise.schemas import (
    DATE,
    ActivityIn,
    ActivityOut,
    CustomIn,
    ExerciseChanges,
    ExerciseIn,
    ExerciseOut,
    StrengthIn,
)

MAX_ACTIVITIES = 100

router = Router(tags=["exercise"])


class ActivityQuery(QuerySchema):
    q: str = Field(
        min_length=1, max_length=200, description='Words ("running 6 mph") or a Compendium code.'
    )
    limit: int = Field(default=20, ge=1, le=MAX_ACTIVITIES)


class DayQuery(QuerySchema):
    date: Day = Field(description=DATE)


@router.get("/activities", response=list[ActivityOut])
def search_activities(request: HttpRequest, query: Query[ActivityQuery]) -> list[Activity]:
    """Activities of the 2011 Compendium matching every word, the plain, common one first."""
    return services.search_activities(query.q, limit=query.limit)


@router.get("/exercise", response=list[ExerciseOut])
def list_exercise(request: HttpRequest, query: Query[DayQuery]) -> list[ExerciseEntry]:
    """The caller's exercise on one day, in the order it was logged."""
    if problem := day_problem(query.date):
        with errors_at(("query",)):
            raise ValidationError({"date": [problem]})
    return list(services.entries_on(caller(request), query.date).select_related("activity"))


@router.post("/exercise", response={201: ExerciseOut})
def log_exercise(request: HttpRequest, payload: ExerciseIn) -> Status[ExerciseEntry]:
    """Log an activity of the Compendium for some minutes (kcal = MET × kg × hours, with the
    caller's last weigh-in, else their goal's weight), a custom exercise with its calories, or
    a strength exercise."""
    user = caller(request)
    entry: ExerciseEntry
    with errors_at(BODY, {"activity": ("activity_code",)}):
        if isinstance(payload, ActivityIn):
            activity = _activity(payload.activity_code, payload.activity_id)
            entry = services.log_activity(
                user, day=payload.date, activity=activity, minutes=payload.minutes
            )
        elif isinstance(payload, CustomIn):
            entry = services.log_custom(
                user,
                day=payload.date,
                name=payload.name,
                energy_kcal=payload.energy_kcal,
                minutes=payload.minutes,
            )
        else:
            assert isinstance(payload, StrengthIn)
            entry = services.log_strength(
                user,
                day=payload.date,
                name=payload.name,
                sets=payload.sets,
                reps=payload.reps,
                load_kg=payload.load_kg,
                minutes=payload.minutes,
            )
    return Status(201, entry)


@router.get("/exercise/{int:entry_id}", response=ExerciseOut)
def get_exercise(request: HttpRequest, entry_id: PathId) -> ExerciseEntry:
    return _own_entry(request, entry_id)


@router.patch("/exercise/{int:entry_id}", response=ExerciseOut)
def update_exercise(
    request: HttpRequest, entry_id: PathId, payload: ExerciseChanges
) -> ExerciseEntry:
    """Change an entry; an activity's calories are computed again with the body weight it was
    logged with, unless it moves to another day."""
    entry = _own_entry(request, entry_id)
    changes: dict[str, Any] = payload.model_dump(exclude_unset=True)
    code, activity_id = changes.pop("activity_code", None), changes.pop("activity_id", None)
    with errors_at(BODY, {"activity": ("activity_code",), "day": ("date",)}):
        if code is not None or activity_id is not None:
            changes["activity"] = _activity(code, activity_id)
        if "date" in changes:
            changes["day"] = changes.pop("date")
        return services.update_entry(caller(request), entry, **changes)


@router.delete("/exercise/{int:entry_id}", response={204: None})
def delete_exercise(request: HttpRequest, entry_id: PathId) -> Status[None]:
    services.delete_entry(caller(request), _own_entry(request, entry_id))
    return Status(204, None)


def _own_entry(request: HttpRequest, entry_id: int) -> ExerciseEntry:
    return get_object_or_404(
        ExerciseEntry.objects.select_related("activity"), pk=entry_id, user=caller(request)
    )


def _activity(code: str | None, activity_id: int | None) -> Activity:
    """The activity by code or id; a ValidationError naming the field when there is none."""
    if activity_id is not None:
        found = Activity.objects.filter(pk=activity_id).first()
        if found is None:
            raise ValidationError({"activity_id": ["No activity has this id."]})
        return found
    found = Activity.objects.filter(code=code).first()
    if found is None:
        raise ValidationError({"activity_code": ["No activity has this code; see /activities."]})
    return found
