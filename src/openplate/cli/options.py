"""What the science commands share: quantity options, the person's options, output helpers."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from openplate.science import energy, units
from openplate.science.energy import Sex
from openplate.science.units import UnitSystem


class Quantity(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A quantity a person types ("5 ft 4 in", "72.5 kg"), parsed by `openplate.science.units`."""

    def __init__(self, name: str, parse: Callable[[str], float]) -> None:
        self.name = name
        self._parse = parse

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, float):
            return value
        if ctx is not None and param is not None:
            ctx.meta[f"openplate.typed.{param.name}"] = str(value)
        try:
            return self._parse(str(value))
        except units.UnitError as error:
            self.fail(str(error), param, ctx)


HEIGHT = Quantity("height", units.parse_height_cm)
# `expenditure --height CM`: a bare number is centimetres there; a unit may still be given.
HEIGHT_IN_CM = Quantity(
    "height", lambda text: units.parse_height_cm(f"{text} cm" if _is_number(text) else text)
)
BODY_WEIGHT = Quantity("weight", units.parse_body_weight_kg)
WEEKLY_RATE = Quantity("rate", units.parse_weekly_rate_kg)
ACTIVITY = click.Choice(list(energy.ACTIVITY_LEVELS))


def person_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that describe a person, shared by `goal` and `forecast`."""
    options = [
        click.option("--sex", type=click.Choice([s.value for s in Sex]), required=True),
        click.option("--age", type=float, required=True, help="Age in years (18 or over)."),
        click.option("--height", type=HEIGHT, required=True, help='"5 ft 4 in", "163 cm"...'),
        click.option("--weight", type=BODY_WEIGHT, required=True, help='"160 lb", "72.5 kg"...'),
        click.option("--body-fat", type=float, help="Body-fat percentage, if known."),
        click.option(
            "--units",
            "chosen_units",
            type=click.Choice(["imperial", "metric"]),
            help="Units for the readable output (default: those of --weight).",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print one JSON object."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def unit_system(chosen: str | None) -> UnitSystem:
    """The chosen system, else the one the weight was typed in."""
    if chosen == "metric":
        return "metric"
    if chosen == "imperial":
        return "imperial"
    typed = click.get_current_context().meta.get("openplate.typed.weight", "").lower()
    return "metric" if "kg" in typed or "kilo" in typed else "imperial"


def emit(payload: dict[str, Any], as_json: bool, readable: Callable[[], str]) -> None:
    if as_json:
        click.echo(json.dumps(payload, indent=2))
    else:
        click.echo(readable())


def kcal(value: float) -> int:
    return round(value)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
