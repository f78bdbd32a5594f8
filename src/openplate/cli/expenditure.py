"""`openplate expenditure`: what a person burns, estimated from what they log and weigh.

`openplate expenditure FILE.csv [--sex female|male --age YEARS --height CM] [--json]` reads a
day a row (`date,intake_kcal,weight_kg`; a blank intake is a day not logged, a blank weight a
day without a weigh-in; `-` reads standard input). `openplate expenditure --user NAME` reads the
person's own diary, weigh-ins and marks on days, over the last eight weeks where they live.

With `--json`: `expenditure_kcal`, `low_kcal`, `high_kcal`, `band`, `trend_weight_kg`,
`incomplete_days`, `days_used`, `start`, `end` and `days` (each day's values), the keys of
GET /api/expenditure. They are a contract for scripts: add keys, never rename them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import IO, TYPE_CHECKING, Any

import click

from openplate.cli.options import HEIGHT_IN_CM
from openplate.science.energy import Sex
from openplate.science.expenditure import MAX_INTAKE_KCAL, WEIGHT_RANGE_KG, LoggedDay, PersonPrior

if TYPE_CHECKING:
    from openplate.coach.dated import DatedEstimate

HEADER = ("date", "intake_kcal", "weight_kg")
BOM = "\ufeff"


class CsvError(ValueError):
    """A line of the file that cannot be read; the message names the line."""


@dataclass(frozen=True)
class Days:
    """The days of a file: the first date, then one LoggedDay a calendar day."""

    start: date
    days: list[LoggedDay]


@click.command()
@click.argument("file", type=click.File("r", encoding="utf-8-sig"), required=False)
@click.option("--user", "username", help="Read this person's own diary instead of a file.")
@click.option("--sex", type=click.Choice([s.value for s in Sex]), help="With a file: the sex.")
@click.option("--age", type=float, help="With a file: age in years.")
@click.option(
    "--height", type=HEIGHT_IN_CM, help='With a file: height in cm ("163"), or "5 ft 4 in".'
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def expenditure(
    file: IO[str] | None,
    username: str | None,
    sex: str | None,
    age: float | None,
    height: float | None,
    as_json: bool,
) -> None:
    """Estimate energy expenditure from a CSV of days (date,intake_kcal,weight_kg) or a
    person's diary (--user)."""
    if (file is None) == (username is None):
        raise click.UsageError("give FILE.csv (or - for standard input) or --user NAME, not both")
    if username is not None:
        if sex is not None or age is not None or height is not None:
            raise click.UsageError("--sex, --age and --height go with a file; --user reads them")
        result = _from_diary(username)
    else:
        assert file is not None
        result = _from_file(file, PersonPrior(Sex(sex) if sex else None, age, height))
    payload = result.as_json()
    if as_json:
        click.echo(json.dumps(payload, indent=2))
    else:
        click.echo(summary(payload))


def _from_file(file: IO[str], person: PersonPrior) -> DatedEstimate:
    from openplate.coach.dated import estimate_from

    try:
        days = read_days(file)
    except CsvError as error:
        raise click.UsageError(f"{_name(file)}: {error}") from None
    return estimate_from(days.start, days.days, person)


def _from_diary(username: str) -> DatedEstimate:
    from openplate.cli.database import prepare_database

    prepare_database(verbose=False)
    from django.contrib.auth.models import User

    from openplate.coach.expenditure import expenditure_of

    user = User.objects.filter(username=username).first()
    if user is None:
        raise click.UsageError(f"no user named {username!r}")
    return expenditure_of(user)


def _name(file: IO[str]) -> str:
    name = getattr(file, "name", "-")
    return "standard input" if name in ("-", "<stdin>") else str(name)


def read_days(lines: Iterable[str]) -> Days:
    """The days of a CSV file, a calendar day each: dates missing between two rows are days not
    logged. Raises CsvError naming the line of the first problem."""
    rows = iter(enumerate(lines, start=1))
    header = next(rows, None)
    if header is None or _cells(header[1].removeprefix(BOM)) != list(HEADER):
        raise CsvError(f"line 1: the header must be {','.join(HEADER)}")
    start: date | None = None
    days: list[LoggedDay] = []
    for number, line in rows:
        if not line.strip():
            continue
        day, logged = _row(number, line)
        if start is None:
            start = day
        else:
            last = start + timedelta(days=len(days) - 1)
            if day <= last:
                raise CsvError(f"line {number}: {day} does not come after {last}")
            days.extend(LoggedDay(None, None) for _ in range((day - last).days - 1))
        days.append(logged)
    if start is None:
        raise CsvError("no days: add a row a day under the header")
    return Days(start, days)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().split(",")]


def _row(number: int, line: str) -> tuple[date, LoggedDay]:
    cells = _cells(line)
    if len(cells) != len(HEADER):
        raise CsvError(f"line {number}: expected 3 values (date,intake_kcal,weight_kg)")
    text, intake, weight = cells
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CsvError(f"line {number}: {text!r} is not a date (YYYY-MM-DD)") from None
    return day, LoggedDay(
        _number(number, "intake_kcal", intake, (0.0, MAX_INTAKE_KCAL)),
        _number(number, "weight_kg", weight, WEIGHT_RANGE_KG),
    )


def _number(number: int, column: str, text: str, allowed: tuple[float, float]) -> float | None:
    """The cell's number, None when blank; refused outside `allowed`."""
    if not text:
        return None
    low, high = allowed
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and low <= value <= high):
        raise CsvError(f"line {number}: {column} {text!r} is not a number from {low:g} to {high:g}")
    return value


def summary(payload: dict[str, Any]) -> str:
    """A few lines for a person: the estimate, its band, the trend and the days left out."""
    band = round(payload["band"] * 100)
    lines = [
        f"Expenditure: {payload['expenditure_kcal']:,} kcal/day in logged calories "
        f"(between {payload['low_kcal']:,} and {payload['high_kcal']:,}, {band} % band), "
        f"over the 7 days to {payload['end']}.",
        f"Trend weight: {payload['trend_weight_kg']:.1f} kg. "
        f"Days counted: {payload['days_used']} of {len(payload['days'])}.",
    ]
    if payload["incomplete_days"]:
        lines.append(
            "Left out as incomplete (far below the usual intake): "
            + ", ".join(payload["incomplete_days"])
            + "."
        )
    return "\n".join(lines)
