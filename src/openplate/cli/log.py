"""`openplate log`: log to a person's diary from the command line.

`log` is a group so that every kind of log is one subcommand (`log exercise`, and later others
such as `log weight`): each subcommand takes `--user`, `--date` and `--json` through
`log_options`, and calls `log_for` to find the person and refuse bad input the same way.

The JSON keys are a contract for people who script against them: add keys, never rename them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click

from openplate.cli.database import prepare_database
from openplate.cli.options import emit

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from openplate.exercise.models import ExerciseEntry


@click.group()
def log() -> None:
    """Log exercise to a person's diary."""


def log_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--user, --date and --json, shared by every `log` subcommand."""
    options = [
        click.option("--user", "username", required=True, help="The person's username."),
        click.option(
            "--date",
            "day",
            type=click.DateTime(formats=["%Y-%m-%d"]),
            help="The day, YYYY-MM-DD (default today).",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print one JSON object."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def log_for(username: str, day: datetime | None) -> tuple[User, date]:
    """The person and the day to log for, with the database ready; refuses an unknown user."""
    prepare_database(verbose=False)
    from django.contrib.auth.models import User
    from django.utils import timezone

    user = User.objects.filter(username=username).first()
    if user is None:
        raise click.UsageError(f"no user named {username!r}")
    return user, day.date() if day else timezone.localdate()


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
    lines = [f"Logged {entry.name} on {entry.date.isoformat()}: {entry.energy_kcal:,.0f} kcal"]
    if entry.met and entry.body_weight_kg and entry.minutes:
        lines.append(
            f"  {entry.met:g} MET × {entry.body_weight_kg:.1f} kg × {entry.minutes / 60:.2g} h"
        )
    if entry.sets:
        load = f" at {entry.load_kg:g} kg" if entry.load_kg is not None else ""
        lines.append(f"  {entry.sets} × {entry.reps}{load}")
    lines.append(f"  Exercise that day: {day_total:,.0f} kcal")
    return "\n".join(lines)
