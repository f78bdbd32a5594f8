"""`openplate log`: log to a person's diary from the command line.

`log` is a group with one subcommand a kind of log (`log food`, `log saved-meal`,
`log exercise`, `log weight`, `log water`):
each subcommand takes `--user`, `--date` and `--json` through
`log_options`, and calls `log_for` to find the person and refuse bad input the same way.

The JSON keys are a contract for people who script against them: add keys, never rename them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click

from openplate.cli.database import prepare_database
from openplate.cli.options import BODY_WEIGHT, emit

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from openplate.body.services import WaterCard, WeighIn
    from openplate.exercise.models import ExerciseEntry


@click.group()
def log() -> None:
    """Log food, exercise, a weigh-in or water to a person's diary."""


def log_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--user, --date and --json, shared by every `log` subcommand."""
    options = [
        click.option("--user", "username", required=True, help="The person's username."),
        click.option(
            "--date",
            "day",
            type=click.DateTime(formats=["%Y-%m-%d"]),
            help="The day, YYYY-MM-DD (default: today in the person's time zone).",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print one JSON object."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def log_for(username: str, day: datetime | None) -> tuple[User, date]:
    """The person and the day to log for (without --date, their today where they live), with
    the database ready; refuses an unknown user."""
    prepare_database(verbose=False)
    from django.contrib.auth.models import User

    from openplate.accounts.profile import today_for

    user = User.objects.filter(username=username).first()
    if user is None:
        raise click.UsageError(f"no user named {username!r}")
    return user, day.date() if day else today_for(user)


def refuse(error: Exception) -> click.UsageError:
    """A service's ValidationError as one line naming the options at fault."""
    from django.core.exceptions import ValidationError

    assert isinstance(error, ValidationError)
    problems = [
        f"--{field.replace('_', '-')}: {' '.join(messages)}"
        for field, messages in error.message_dict.items()
    ]
    return click.UsageError("; ".join(problems))


@log.command()
@log_options
@click.option("--activity", help='A Compendium code ("12030") or words ("running 6 mph").')
@click.option("--custom", help="A custom exercise's name (with --kcal).")
@click.option("--strength", help="A strength exercise's name (with --sets and --reps).")
@click.option("--minutes", type=float, help="How long; needed for --activity.")
@click.option("--kcal", type=float, help="Calories burned, for --custom.")
@click.option("--sets", type=int, help="For --strength.")
@click.option("--reps", type=int, help="Reps per set, for --strength.")
@click.option("--load-kg", type=float, help="kg lifted per rep, for --strength.")
def exercise(
    username: str,
    day: datetime | None,
    as_json: bool,
    activity: str | None,
    custom: str | None,
    strength: str | None,
    minutes: float | None,
    kcal: float | None,
    sets: int | None,
    reps: int | None,
    load_kg: float | None,
) -> None:
    """Log exercise: an activity of the Compendium for some minutes (kcal = MET × body weight
    in kg × hours), a custom exercise with its calories, or strength sets.

    \b
      openplate log exercise --user maria --activity "running 5 mph" --minutes 30
      openplate log exercise --user maria --custom "Spin class" --kcal 420 --minutes 45
      openplate log exercise --user maria --strength Squats --sets 3 --reps 10 --load-kg 60
    """
    kinds = [name for name, given in (("activity", activity), ("custom", custom),
                                      ("strength", strength)) if given is not None]  # fmt: skip
    if len(kinds) != 1:
        raise click.UsageError("give one of --activity, --custom or --strength")
    _require(kinds[0], minutes=minutes, kcal=kcal, sets=sets, reps=reps, load_kg=load_kg)
    user, logged_on = log_for(username, day)
    from django.core.exceptions import ValidationError

    from openplate.exercise import services

    try:
        if activity is not None:
            found = services.find_activity(activity)
            if found is None:
                raise click.UsageError(f"--activity: no activity matches {activity!r}")
            assert minutes is not None
            entry = services.log_activity(user, day=logged_on, activity=found, minutes=minutes)
        elif custom is not None:
            assert kcal is not None
            entry = services.log_custom(
                user, day=logged_on, name=custom, energy_kcal=kcal, minutes=minutes
            )
        else:
            assert strength is not None
            assert sets is not None
            assert reps is not None
            entry = services.log_strength(
                user,
                day=logged_on,
                name=strength,
                sets=sets,
                reps=reps,
                load_kg=load_kg,
                minutes=minutes,
            )
    except ValidationError as error:
        raise refuse(error) from None
    total = services.burned_kcal_on(user, logged_on)
    emit(_payload(entry, total), as_json, lambda: _text(entry, total))


# Which options each kind needs, and which it takes.
_NEEDS = {"activity": {"minutes"}, "custom": {"kcal"}, "strength": {"sets", "reps"}}
_TAKES = {
    "activity": {"minutes"},
    "custom": {"kcal", "minutes"},
    "strength": {"sets", "reps", "load_kg", "minutes"},
}


def _require(kind: str, **given: float | None) -> None:
    for option in sorted(_NEEDS[kind]):
        if given[option] is None:
            raise click.UsageError(f"--{kind} needs --{option.replace('_', '-')}")
    for option, value in sorted(given.items()):
        if value is not None and option not in _TAKES[kind]:
            raise click.UsageError(f"--{option.replace('_', '-')} is not for --{kind}")


def _payload(entry: ExerciseEntry, day_total: float) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "date": entry.date.isoformat(),
        "kind": entry.kind,
        "name": entry.name,
        "activity_code": entry.activity.code if entry.activity else None,
        "minutes": entry.minutes,
        "met": entry.met,
        "body_weight_kg": entry.body_weight_kg,
        "energy_kcal": round(entry.energy_kcal, 1),
        "sets": entry.sets,
        "reps": entry.reps,
        "load_kg": entry.load_kg,
        "day_exercise_kcal": round(day_total, 1),
    }


def _text(entry: ExerciseEntry, day_total: float) -> str:
    from openplate.science.units import MINUTES_PER_HOUR

    lines = [f"Logged {entry.name} on {entry.date.isoformat()}: {entry.energy_kcal:,.0f} kcal"]
    if entry.met and entry.body_weight_kg and entry.minutes:
        lines.append(
            f"  {entry.met:g} MET × {entry.body_weight_kg:.1f} kg × "
            f"{entry.minutes / MINUTES_PER_HOUR:.2g} h"
        )
    if entry.sets:
        load = f" at {entry.load_kg:g} kg" if entry.load_kg is not None else ""
        lines.append(f"  {entry.sets} × {entry.reps}{load}")
    lines.append(f"  Exercise that day: {day_total:,.0f} kcal")
    return "\n".join(lines)


MEALS = ("breakfast", "lunch", "dinner", "snacks")


@log.command()
@log_options
@click.argument("text")
@click.option("--meal", type=click.Choice(MEALS), help="Default: by the hour of the person's day.")
def food(username: str, day: datetime | None, as_json: bool, text: str, meal: str | None) -> None:
    """Log what TEXT says was eaten, read as `openplate parse` reads it: every food, or none
    when any words name no food.

    \b
      openplate log food --user maria "2 large eggs, a slice of toast and a coffee"
      openplate log food --user maria --meal dinner "200g salmon and a cup of rice"
    """
    if not text.strip():
        raise click.UsageError("TEXT is empty: say what was eaten, as in '2 eggs and toast'")
    user, logged_on = log_for(username, day)
    from django.core.exceptions import ValidationError

    from openplate.diary import services
    from openplate.diary.meals import meal_now
    from openplate.foods.parse import ParseError, parse_foods

    try:
        result = parse_foods(text, user_id=user.pk, recent_food_ids=services.food_history(user))
    except ParseError as error:
        raise click.UsageError(f"TEXT: {error}") from None
    if result.unparsed:
        words = ", ".join(repr(words) for words in result.unparsed)
        raise click.UsageError(f"TEXT: no food matches {words}; nothing was logged")
    foods = [services.FoodToLog(i.food, i.serving.name, i.quantity) for i in result.items]
    try:
        entries = services.log_foods(user, day=logged_on, meal=meal or meal_now(), foods=foods)
    except ValidationError as error:
        raise refuse(error) from None
    emit(_entries_payload(entries), as_json, lambda: _entries_text(entries))


@log.command("saved-meal")
@log_options
@click.argument("name")
@click.option("--meal", type=click.Choice(MEALS), help="Default: the meal it was saved from.")
def saved_meal(
    username: str, day: datetime | None, as_json: bool, name: str, meal: str | None
) -> None:
    """Log the saved meal NAME ("My usual breakfast") again.

    \b
      openplate log saved-meal --user maria "My usual breakfast"
    """
    user, logged_on = log_for(username, day)
    from django.core.exceptions import ValidationError

    from openplate.diary.saved_meals import log_saved_meal, saved_meals

    saved = saved_meals(user).filter(name=" ".join(name.split())).first()
    if saved is None:
        known = ", ".join(repr(m.name) for m in saved_meals(user)) or "none yet"
        raise click.UsageError(f"NAME: no saved meal named {name!r} (saved meals: {known})")
    try:
        entries = log_saved_meal(user, saved, day=logged_on, meal=meal)
    except ValidationError as error:
        raise refuse(error) from None
    emit(_entries_payload(entries), as_json, lambda: _entries_text(entries))


def _entries_payload(entries: list[Any]) -> dict[str, Any]:
    return {
        "entries": [
            {
                "id": entry.pk,
                "date": entry.date.isoformat(),
                "meal": entry.meal,
                "food_id": entry.food_id,
                "name": entry.name,
                "serving": entry.serving,
                "quantity": entry.quantity,
                "grams": entry.grams,
                "kcal": entry.energy_kcal,
            }
            for entry in entries
        ],
        "kcal": sum(entry.energy_kcal for entry in entries),
    }


def _entries_text(entries: list[Any]) -> str:
    lines = [
        f"{entry.date} {entry.meal}: {entry.name}, {entry.quantity:g} × {entry.serving}, "
        f"{entry.energy_kcal:,.0f} kcal"
        for entry in entries
    ]
    return "\n".join(
        [*lines, f"Logged {len(entries)}, {sum(e.energy_kcal for e in entries):,.0f} kcal."]
    )


@log.command()
@log_options
@click.option("--weight", type=BODY_WEIGHT, required=True, help='"160 lb", "72.5 kg"...')
@click.option("--body-fat", type=float, help="Body-fat percentage, if measured.")
def weight(
    username: str, day: datetime | None, as_json: bool, weight: float, body_fat: float | None
) -> None:
    """Log a weigh-in; a second one on the same day replaces the first.

    \b
      openplate log weight --user maria --weight "161.4 lb"
      openplate log weight --user maria --date 2025-03-03 --weight "73.2 kg" --body-fat 31
    """
    user, logged_on = log_for(username, day)
    from django.core.exceptions import ValidationError

    from openplate.body import services

    try:
        services.log_weight(user, day=logged_on, weight=weight, body_fat_percent=body_fat)
    except ValidationError as error:
        raise refuse(error) from None
    [point] = [p for p in services.weigh_ins(user, end=logged_on) if p.date == logged_on]
    emit(_weigh_in_payload(point), as_json, lambda: _weigh_in_text(point))


@log.command()
@log_options
@click.option("--cups", type=float, help="Cups of water (US cups of 236.6 ml); default 1.")
@click.option("--ml", type=float, help="Or millilitres.")
def water(
    username: str, day: datetime | None, as_json: bool, cups: float | None, ml: float | None
) -> None:
    """Log water drunk: a cup unless told otherwise.

    \b
      openplate log water --user maria
      openplate log water --user maria --ml 500
    """
    if cups is not None and ml is not None:
        raise click.UsageError("give --cups or --ml, not both")
    user, logged_on = log_for(username, day)
    from django.core.exceptions import ValidationError

    from openplate.accounts.profile import CUPS, ML
    from openplate.body import services

    if ml is not None:
        amount, unit = ml, ML
    else:
        amount, unit = (1.0 if cups is None else cups), CUPS
    try:
        services.log_water(user, day=logged_on, amount=amount, unit=unit)
    except ValidationError as error:
        raise refuse(error) from None
    card = services.water_card(user, logged_on)
    emit(_water_payload(card), as_json, lambda: _water_text(card))


def _weigh_in_payload(point: WeighIn) -> dict[str, Any]:
    from openplate.science.units import lb_from_kg

    return {
        "date": point.date.isoformat(),
        "weight_kg": round(point.weight_kg, 2),
        "weight_lb": round(lb_from_kg(point.weight_kg), 1),
        "body_fat_percent": point.body_fat_percent,
        "trend_kg": round(point.trend_kg, 2),
        "bmi": round(point.bmi.value, 1) if point.bmi else None,
        "bmi_category": point.bmi.category if point.bmi else None,
    }


def _weigh_in_text(point: WeighIn) -> str:
    from openplate.science.units import lb_from_kg

    kg, trend = point.weight_kg, point.trend_kg
    lines = [f"Weighed {kg:.1f} kg ({lb_from_kg(kg):.1f} lb) on {point.date.isoformat()}"]
    lines.append(f"  Trend: {trend:.1f} kg ({lb_from_kg(trend):.1f} lb)")
    if point.bmi:
        lines.append(f"  BMI: {point.bmi.value:.1f} ({point.bmi.category})")
    return "\n".join(lines)


def _water_payload(card: WaterCard) -> dict[str, Any]:
    return {
        "date": card.day.isoformat(),
        "total_ml": round(card.total_ml, 1),
        "total_cups": round(card.cups, 2),
        "goal_ml": round(card.goal_ml, 1),
        "goal_cups": round(card.goal_cups, 2),
        "entries": card.entries,
    }


def _water_text(card: WaterCard) -> str:
    return (
        f"Water on {card.day.isoformat()}: {card.cups:.3g} of {card.goal_cups:.3g} cups "
        f"({card.total_ml:,.0f} of {card.goal_ml:,.0f} ml)"
    )
