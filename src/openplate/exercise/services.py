"""Logging exercise: an activity for some minutes (calories = MET × body weight × hours), a
custom exercise with the calories the person enters, or strength sets. The pages and the API call
these; each raises ValidationError naming the fields at fault and then saves nothing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet, Sum

from openplate.accounts.goals import goal_on
from openplate.dates import day_problem
from openplate.exercise.models import Activity, ExerciseEntry
from openplate.progress.models import WeightEntry
from openplate.science.exercise import met_kcal

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_MINUTES = 24 * 60
MAX_EXERCISE_KCAL = 10_000.0
MAX_SETS = 100
MAX_REPS = 1000
MAX_LOAD_KG = 1000.0
# Strength work timed by the person counts at the Compendium's 02054, "resistance (weight)
# training, multiple exercises, 8-15 repetitions at varied resistance": 3.5 METs.
STRENGTH_ACTIVITY_CODE = "02054"


def search_activities(query: str, *, limit: int = 30) -> list[Activity]:
    """Activities whose heading or description holds every word of `query`."""
    activities = Activity.objects.all()
    for word in query.lower().split():
        activities = activities.filter(Q(description__icontains=word) | Q(heading__icontains=word))
    return list(activities[:limit])


def body_weight_on(user: User, day: date) -> float | None:
    """The person's weight for the calories of `day`: their last weigh-in by then, else their
    first one, else the weight their goal was set with."""
    weighed = WeightEntry.objects.filter(user=user)
    entry = (
        weighed.filter(date__lte=day).order_by("-date").first() or weighed.order_by("date").first()
    )
    if entry is not None:
        return entry.weight_kg
    goal = goal_on(user, day)
    return goal.weight_kg if goal else None


def log_activity(user: User, *, day: date, activity: Activity, minutes: float) -> ExerciseEntry:
    errors = _errors(day)
    _check_minutes(errors, minutes, required=True)
    weight = body_weight_on(user, day)
    if weight is None:
        errors.setdefault("activity", []).append(
            "Log your weight or set your goal first: the calories depend on your weight."
        )
    _raise(errors)
    assert weight is not None
    return ExerciseEntry.objects.create(
        user=user,
        date=day,
        kind=ExerciseEntry.Kind.ACTIVITY,
        activity=activity,
        name=activity.description,
        minutes=minutes,
        met=activity.met,
        body_weight_kg=weight,
        energy_kcal=met_kcal(activity.met, weight, minutes),
    )


def log_custom(
    user: User, *, day: date, name: str, energy_kcal: float, minutes: float | None = None
) -> ExerciseEntry:
    errors = _errors(day)
    name = _name(errors, name)
    if not _number(energy_kcal) or not 0 < energy_kcal <= MAX_EXERCISE_KCAL:
        errors["energy_kcal"] = [f"Enter calories above 0 and at most {MAX_EXERCISE_KCAL:,.0f}."]
    _check_minutes(errors, minutes, required=False)
    _raise(errors)
    return ExerciseEntry.objects.create(
        user=user,
        date=day,
        kind=ExerciseEntry.Kind.CUSTOM,
        name=name,
        minutes=minutes,
        energy_kcal=energy_kcal,
    )


def log_strength(
    user: User,
    *,
    day: date,
    name: str,
    sets: int,
    reps: int,
    load_kg: float | None = None,
    minutes: float | None = None,
) -> ExerciseEntry:
    """A strength exercise ("Squats", 3 × 10 at 60 kg); with minutes, its calories too."""
    errors = _errors(day)
    name = _name(errors, name)
    _check_count(errors, "sets", sets, MAX_SETS)
    _check_count(errors, "reps", reps, MAX_REPS)
    if load_kg is not None and (not _number(load_kg) or not 0 <= load_kg <= MAX_LOAD_KG):
        errors["load_kg"] = [f"Enter a weight from 0 to {MAX_LOAD_KG:g} kg, or leave it empty."]
    _check_minutes(errors, minutes, required=False)
    weight = body_weight_on(user, day) if minutes else None
    _raise(errors)
    met = Activity.objects.filter(code=STRENGTH_ACTIVITY_CODE).values_list("met", flat=True).first()
    kcal = met_kcal(met, weight, minutes) if minutes and weight and met else 0.0
    return ExerciseEntry.objects.create(
        user=user,
        date=day,
        kind=ExerciseEntry.Kind.STRENGTH,
        name=name,
        sets=sets,
        reps=reps,
        load_kg=load_kg,
        minutes=minutes,
        met=met if kcal else None,
        body_weight_kg=weight if kcal else None,
        energy_kcal=kcal,
    )


def entries_on(user: User, day: date) -> QuerySet[ExerciseEntry]:
    return ExerciseEntry.objects.filter(user=user, date=day)


def burned_kcal_on(user: User, day: date) -> float:
    """Calories spent in exercise on `day`: the "+ Exercise" of the diary."""
    total = entries_on(user, day).aggregate(total=Sum("energy_kcal"))["total"]
    return float(total or 0.0)


def _errors(day: date) -> dict[str, list[str]]:
    problem = day_problem(day)
    return {"date": [problem]} if problem else {}


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _name(errors: dict[str, list[str]], name: Any) -> str:
    cleaned = " ".join(str(name).split()) if isinstance(name, str) else ""
    if not cleaned:
        errors["name"] = ["Name the exercise."]
    elif len(cleaned) > 255:
        errors["name"] = ["At most 255 characters."]
    return cleaned


def _check_minutes(errors: dict[str, list[str]], minutes: Any, *, required: bool) -> None:
    if minutes is None and not required:
        return
    if not _number(minutes) or not 0 < minutes <= MAX_MINUTES:
        errors["minutes"] = [f"Enter minutes above 0 and at most {MAX_MINUTES:,}."]


def _check_count(errors: dict[str, list[str]], field: str, value: Any, most: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= most:
        errors[field] = [f"Enter a whole number from 1 to {most:,}."]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value
