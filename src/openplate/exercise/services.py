"""Logging exercise: an activity for some minutes (calories = MET × body weight × hours), a
custom exercise with the calories the person enters, or strength sets. The pages and the API call
these; each raises ValidationError naming the fields at fault and then saves nothing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet, Sum

from openplate.body.services import body_weight_on
from openplate.core.checks import day_errors, is_amount, is_number, raise_errors
from openplate.exercise.models import Activity, ExerciseEntry
from openplate.exercise.search import search_activities
from openplate.science.exercise import met_kcal
from openplate.science.units import MINUTES_PER_HOUR

if TYPE_CHECKING:
    from django.contrib.auth.models import User

NO_WEIGHT = "Log your weight or set your goal first: the calories depend on your weight."
MAX_MINUTES = 24 * MINUTES_PER_HOUR
MAX_EXERCISE_KCAL = 10_000.0
MAX_SETS = 100
MAX_REPS = 1000
MAX_LOAD_KG = 1000.0
# Strength work timed by the person counts at the Compendium's 02054, "resistance (weight)
# training, multiple exercises, 8-15 repetitions at varied resistance": 3.5 METs.
STRENGTH_ACTIVITY_CODE = "02054"
# What an update may change, by kind; the day may change for every kind.
CHANGEABLE: dict[str, frozenset[str]] = {
    ExerciseEntry.Kind.ACTIVITY: frozenset({"activity", "minutes"}),
    ExerciseEntry.Kind.CUSTOM: frozenset({"name", "energy_kcal", "minutes"}),
    ExerciseEntry.Kind.STRENGTH: frozenset({"name", "sets", "reps", "load_kg", "minutes"}),
}

__all__ = [
    "burned_kcal_on",
    "delete_entry",
    "entries_on",
    "find_activity",
    "log_activity",
    "log_custom",
    "log_strength",
    "search_activities",
    "update_entry",
]


def find_activity(reference: str) -> Activity | None:
    """The activity with code `reference` ("12020"), else the first that `reference`'s words
    find ("running 5 mph")."""
    found = search_activities(reference, limit=1)
    return found[0] if found else None


def log_activity(user: User, *, day: date, activity: Activity, minutes: float) -> ExerciseEntry:
    errors = day_errors(day)
    _check_minutes(errors, minutes, required=True)
    weight = body_weight_on(user, day)
    if weight is None:
        errors.setdefault("activity", []).append(NO_WEIGHT)
    raise_errors(errors)
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
    errors = day_errors(day)
    name = _name(errors, name)
    _check_kcal(errors, energy_kcal)
    _check_minutes(errors, minutes, required=False)
    raise_errors(errors)
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
    errors = day_errors(day)
    name = _name(errors, name)
    _check_count(errors, "sets", sets, MAX_SETS)
    _check_count(errors, "reps", reps, MAX_REPS)
    _check_load(errors, load_kg)
    _check_minutes(errors, minutes, required=False)
    weight = body_weight_on(user, day) if minutes else None
    raise_errors(errors)
    met = _strength_met()
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


def update_entry(user: User, entry: ExerciseEntry, **changes: Any) -> ExerciseEntry:
    """Change an entry: its `day` (any kind); an activity's `activity` or `minutes`; a custom
    exercise's `name`, `energy_kcal` or `minutes`; a strength entry's `name`, `sets`, `reps`,
    `load_kg` or `minutes`. None clears an optional field (`minutes`, `load_kg`).

    The calories are computed again from the entry's MET (the new activity's, when it changes)
    and the body weight stored with it, so editing an old entry never pulls in a later weigh-in;
    only moving it to another day looks the weight up again, for that day.
    """
    if entry.user_id != user.pk:
        raise ExerciseEntry.DoesNotExist("No such exercise entry.")
    kind = ExerciseEntry.Kind(entry.kind)
    day = changes.pop("day", entry.date)
    errors = day_errors(day)
    for field in sorted(set(changes) - CHANGEABLE[kind]):
        kinds = [ExerciseEntry.Kind(k).label.lower() for k, f in CHANGEABLE.items() if field in f]
        errors[field] = [f"Only for {' or '.join(kinds)} entries." if kinds else "Unknown field."]
    fields: dict[str, Any] = {"date": day}
    minutes = changes.get("minutes", entry.minutes)
    if "minutes" in changes:
        _check_minutes(errors, minutes, required=kind == ExerciseEntry.Kind.ACTIVITY)
        fields["minutes"] = minutes
    if "name" in changes:
        fields["name"] = _name(errors, changes["name"])
    if kind == ExerciseEntry.Kind.CUSTOM and "energy_kcal" in changes:
        _check_kcal(errors, changes["energy_kcal"])
        fields["energy_kcal"] = changes["energy_kcal"]
    if kind == ExerciseEntry.Kind.STRENGTH:
        for count, most in (("sets", MAX_SETS), ("reps", MAX_REPS)):
            if count in changes:
                _check_count(errors, count, changes[count], most)
                fields[count] = changes[count]
        if "load_kg" in changes:
            _check_load(errors, changes["load_kg"])
            fields["load_kg"] = changes["load_kg"]
    if kind != ExerciseEntry.Kind.CUSTOM and not errors:
        fields |= _recomputed(user, entry, day, minutes, changes.get("activity"), errors)
    raise_errors(errors)
    for field, value in fields.items():
        setattr(entry, field, value)
    entry.save()
    return entry


def delete_entry(user: User, entry: ExerciseEntry) -> None:
    if entry.user_id != user.pk:
        raise ExerciseEntry.DoesNotExist("No such exercise entry.")
    entry.delete()


def _recomputed(
    user: User,
    entry: ExerciseEntry,
    day: date,
    minutes: float | None,
    activity: Activity | None,
    errors: dict[str, list[str]],
) -> dict[str, Any]:
    """The calories of an activity or strength entry after a change, and what they came from."""
    fields: dict[str, Any] = {}
    met = entry.met
    if activity is not None:
        met = activity.met
        fields |= {"activity": activity, "name": activity.description, "met": met}
    elif met is None and entry.kind == ExerciseEntry.Kind.STRENGTH:
        met = _strength_met()
    weight = entry.body_weight_kg
    if day != entry.date or weight is None:
        weight = body_weight_on(user, day) if minutes else None
    if not minutes or met is None or weight is None:
        if entry.kind == ExerciseEntry.Kind.ACTIVITY:
            errors.setdefault("activity", []).append(NO_WEIGHT)
        return fields | {"energy_kcal": 0.0, "met": None, "body_weight_kg": None}
    return fields | {
        "met": met,
        "body_weight_kg": weight,
        "energy_kcal": met_kcal(met, weight, minutes),
    }


def _strength_met() -> float | None:
    strength = Activity.objects.filter(code=STRENGTH_ACTIVITY_CODE)
    return strength.values_list("met", flat=True).first()


def entries_on(user: User, day: date) -> QuerySet[ExerciseEntry]:
    return ExerciseEntry.objects.filter(user=user, date=day)


def burned_kcal_on(user: User, day: date) -> float:
    """Calories spent in exercise on `day`: the "+ Exercise" of the diary."""
    total = entries_on(user, day).aggregate(total=Sum("energy_kcal"))["total"]
    return float(total or 0.0)


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
    if not is_amount(minutes, MAX_MINUTES):
        errors["minutes"] = [f"Enter minutes above 0 and at most {MAX_MINUTES:,}."]


def _check_kcal(errors: dict[str, list[str]], energy_kcal: Any) -> None:
    if not is_amount(energy_kcal, MAX_EXERCISE_KCAL):
        errors["energy_kcal"] = [f"Enter calories above 0 and at most {MAX_EXERCISE_KCAL:,.0f}."]


def _check_load(errors: dict[str, list[str]], load_kg: Any) -> None:
    if load_kg is not None and (not is_number(load_kg) or not 0 <= load_kg <= MAX_LOAD_KG):
        errors["load_kg"] = [f"Enter a weight from 0 to {MAX_LOAD_KG:g} kg, or leave it empty."]


def _check_count(errors: dict[str, list[str]], field: str, value: Any, most: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= most:
        errors[field] = [f"Enter a whole number from 1 to {most:,}."]
