"""`openplate goal` and `openplate forecast`: the science, from the command line.

The JSON keys are a contract for people who script against them: add keys, never rename them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import click
import numpy as np

from openplate.science import dynamics, energy, goals, units
from openplate.science.energy import Formula, Sex
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
            "unit_system",
            type=click.Choice(["imperial", "metric"]),
            help="Units for the readable output (default: those of --weight).",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print one JSON object."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _unit_system(chosen: str | None) -> UnitSystem:
    """The chosen system, else the one the weight was typed in."""
    if chosen == "metric":
        return "metric"
    if chosen == "imperial":
        return "imperial"
    typed = click.get_current_context().meta.get("openplate.typed.weight", "").lower()
    return "metric" if "kg" in typed or "kilo" in typed else "imperial"


def _emit(payload: dict[str, Any], as_json: bool, readable: Callable[[], str]) -> None:
    if as_json:
        click.echo(json.dumps(payload, indent=2))
    else:
        click.echo(readable())


def _kcal(value: float) -> int:
    return round(value)


# ---------------------------------------------------------------------------------------- goal


@click.command()
@person_options
@click.option("--activity", type=ACTIVITY, default="sedentary", show_default=True)
@click.option(
    "--rate",
    type=WEEKLY_RATE,
    default="0",
    help='Weekly goal: lb/week as a number (-1 = lose 1 lb), or a quantity such as "-0.5 kg".',
)
@click.option("--formula", type=click.Choice([f.value for f in Formula]), help="BMR equation.")
@click.option("--floor", type=float, help="Calorie floor, kcal/day (default 1200 women, 1500 men).")
@click.option("--target-weight", type=BODY_WEIGHT, help="Weight to reach, for a projected date.")
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Start date for the projection (default today).",
)
def goal(
    sex: str,
    age: float,
    height: float,
    weight: float,
    body_fat: float | None,
    unit_system: str | None,
    as_json: bool,
    activity: str,
    rate: float,
    formula: str | None,
    floor: float | None,
    target_weight: float | None,
    start: datetime | None,
) -> None:
    """Daily calorie budget for a weekly weight goal (Mifflin-St Jeor by default)."""
    system = _unit_system(unit_system)
    person = goals.Person(Sex(sex), age, height, weight, activity, body_fat)
    plan = goals.plan_goal(
        person,
        rate,
        formula=Formula(formula) if formula else None,
        floor_kcal=floor,
        units=system,
    )
    payload = _goal_payload(plan, activity)
    projection = None
    if target_weight is not None:
        start_day = start.date() if start else date.today()
        projection = goals.project_target(
            weight,
            target_weight,
            plan.effective_rate_kg_per_week,
            start_day,
            height_cm=height,
            units=system,
        )
        payload |= {
            "target_weight_kg": round(target_weight, 3),
            "weeks_to_target": None if projection.weeks is None else round(projection.weeks, 2),
            "target_date": projection.reached_on.isoformat() if projection.reached_on else None,
        }
        payload["warnings"] = [*payload["warnings"], *projection.warnings]
    _emit(payload, as_json, lambda: _goal_text(plan, activity, system, projection))


def _goal_payload(plan: goals.GoalPlan, activity: str) -> dict[str, Any]:
    rate_lb = plan.rate_kg_per_week / units.KG_PER_LB
    return {
        "bmr_kcal": _kcal(plan.bmr_kcal),
        "maintenance_kcal": _kcal(plan.maintenance_kcal),
        "budget_kcal": _kcal(plan.budget_kcal),
        "floor_applied": plan.floor_applied,
        "bmi": round(plan.bmi, 1),
        "bmi_category": plan.bmi_category,
        "warnings": list(plan.warnings),
        "formula": plan.formula.value,
        "activity": activity,
        "activity_factor": plan.activity_factor,
        "goal": goals.rate_label(round(rate_lb, 2)),
        "rate_lb_per_week": round(rate_lb, 4),
        "rate_kg_per_week": round(plan.rate_kg_per_week, 4),
        "daily_change_kcal": _kcal(plan.unfloored_budget_kcal - plan.maintenance_kcal),
        "floor_kcal": _kcal(plan.floor_kcal),
        "effective_rate_kg_per_week": round(plan.effective_rate_kg_per_week, 4),
    }


def _goal_text(
    plan: goals.GoalPlan,
    activity: str,
    system: UnitSystem,
    projection: goals.Projection | None,
) -> str:
    level = energy.ACTIVITY_LEVELS[activity]
    formula_name = {
        Formula.MIFFLIN_ST_JEOR: "Mifflin-St Jeor",
        Formula.HARRIS_BENEDICT: "Harris-Benedict (revised)",
        Formula.KATCH_MCARDLE: "Katch-McArdle",
    }[plan.formula]
    change = plan.unfloored_budget_kcal - plan.maintenance_kcal
    lines = [
        f"Goal: {goals.rate_label(round(plan.rate_kg_per_week / units.KG_PER_LB, 2))}",
        f"  BMR ({formula_name}):{plan.bmr_kcal:>12,.0f} kcal/day",
        f"  x {level.factor:g} ({level.label.lower()}) = maintenance "
        f"{plan.maintenance_kcal:,.0f} kcal/day",
        f"  {change:+,.0f} kcal/day for the goal (3,500 kcal per lb)",
        f"  Daily budget: {plan.budget_kcal:,.0f} kcal/day"
        + (" (raised to the floor)" if plan.floor_applied else ""),
        f"  BMI: {plan.bmi:.1f} ({plan.bmi_category})",
    ]
    warnings = list(plan.warnings)
    if projection is not None:
        target = units.format_mass(projection.target_kg, system)
        if projection.reached_on is not None and projection.weeks is not None:
            lines.append(
                f"  {target} around {projection.reached_on.isoformat()} "
                f"({projection.weeks:.1f} weeks at this budget)"
            )
        warnings += projection.warnings
    lines += [f"  ! {warning}" for warning in warnings]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------ forecast


@click.command()
@person_options
@click.option("--pal", type=float, help="Physical activity level, 1.2 to 2.5.")
@click.option("--activity", type=ACTIVITY, help="An activity level instead of --pal.")
@click.option("--intake-change", type=float, help="Change in daily intake, kcal (-500 = eat less).")
@click.option("--intake", type=float, help="New daily intake, kcal, instead of --intake-change.")
@click.option("--pal-after", type=float, help="A new physical activity level from day 0.")
@click.option("--days", type=click.IntRange(1, 3650), default=365, show_default=True)
@click.option("--target-weight", type=BODY_WEIGHT, help="Goal mode: the weight to reach...")
@click.option("--target-day", type=click.IntRange(1, 3650), help="...on this day.")
def forecast(
    sex: str,
    age: float,
    height: float,
    weight: float,
    body_fat: float | None,
    unit_system: str | None,
    as_json: bool,
    pal: float | None,
    activity: str | None,
    intake_change: float | None,
    intake: float | None,
    pal_after: float | None,
    days: int,
    target_weight: float | None,
    target_day: int | None,
) -> None:
    """Forecast weight day by day with the Hall dynamic model (Lancet 2011)."""
    system = _unit_system(unit_system)
    people = dynamics.baseline(
        sex, age, height, weight, _pal(pal, activity), body_fat_percent=body_fat
    )
    if target_weight is not None or target_day is not None:
        if intake is not None or intake_change is not None:
            raise click.UsageError("give either an intake or a target, not both")
        if target_weight is None or target_day is None:
            raise click.UsageError("goal mode needs both --target-weight and --target-day")
        _forecast_target(people, target_weight, target_day, pal_after, sex, system, as_json)
        return
    if intake is not None and intake_change is not None:
        raise click.UsageError("give --intake or --intake-change, not both")
    baseline_intake = float(people.intake_kcal[0])
    change = intake - baseline_intake if intake is not None else (intake_change or 0.0)
    trajectory = dynamics.simulate(people, days, change, pal_after=pal_after)
    static_final = weight + goals.rate_for_daily_change(change) * days / goals.DAYS_PER_WEEK
    payload = {
        **_trajectory_payload(trajectory),
        "baseline_intake_kcal": _kcal(baseline_intake),
        "intake_kcal": _kcal(baseline_intake + change),
        "intake_change_kcal": _kcal(change),
        "static_rule_weight_kg": round(static_final, 3),
        "warnings": _intake_warnings(baseline_intake + change, sex),
    }
    _emit(payload, as_json, lambda: _forecast_text(payload, system))


def _pal(pal: float | None, activity: str | None) -> float:
    if pal is not None and activity is not None:
        raise click.UsageError("give --pal or --activity, not both")
    if pal is None and activity is None:
        raise click.UsageError("give --pal (1.2 to 2.5) or --activity (sedentary ... extra)")
    return pal if pal is not None else energy.ACTIVITY_LEVELS[str(activity)].factor


def _forecast_target(
    people: dynamics.Baseline,
    target_weight: float,
    target_day: int,
    pal_after: float | None,
    sex: str,
    system: UnitSystem,
    as_json: bool,
) -> None:
    plan = dynamics.plan_for_target(people, target_weight, target_day, pal_after=pal_after)
    intake = float(plan.intake_kcal[0])
    payload = {
        "intake_kcal": _kcal(intake),
        "maintenance_after_kcal": _kcal(float(plan.maintenance_after_kcal[0])),
        "baseline_intake_kcal": _kcal(float(people.intake_kcal[0])),
        "target_weight_kg": round(target_weight, 3),
        "target_day": target_day,
        **_trajectory_payload(plan.trajectory),
        "warnings": _intake_warnings(intake, sex),
    }

    def readable() -> str:
        target = units.format_mass(target_weight, system)
        lines = [
            f"To weigh {target} on day {target_day}: eat {intake:,.0f} kcal/day "
            f"(maintenance now {payload['baseline_intake_kcal']:,} kcal/day).",
            f"Then {payload['maintenance_after_kcal']:,} kcal/day holds {target}.",
            *(f"  ! {warning}" for warning in payload["warnings"]),
        ]
        return "\n".join(lines)

    _emit(payload, as_json, readable)


def _trajectory_payload(trajectory: dynamics.Trajectory) -> dict[str, Any]:
    return {
        "day": trajectory.day.tolist(),
        "weight_kg": np.round(trajectory.weight_kg[0], 3).tolist(),
        "fat_mass_kg": np.round(trajectory.fat_mass_kg[0], 3).tolist(),
        "fat_free_mass_kg": np.round(trajectory.fat_free_mass_kg[0], 3).tolist(),
    }


def _intake_warnings(intake: float, sex: str) -> list[str]:
    floor = goals.CALORIE_FLOOR_KCAL[Sex(sex)]
    if intake < floor:
        return [
            f"{intake:,.0f} kcal/day is under the {floor:,.0f} kcal/day minimum for {sex}s "
            "without medical supervision."
        ]
    return []


def _forecast_text(payload: dict[str, Any], system: UnitSystem) -> str:
    days = payload["day"][-1]
    every = 7 if days <= 90 else 30
    shown = sorted({*range(0, days + 1, every), days})
    header = f"{'day':>5}  {'weight':>10}  {'fat mass':>10}  {'fat-free':>10}"
    rows = [
        f"{day:>5}  {units.format_mass(payload['weight_kg'][day], system):>10}  "
        f"{units.format_mass(payload['fat_mass_kg'][day], system):>10}  "
        f"{units.format_mass(payload['fat_free_mass_kg'][day], system):>10}"
        for day in shown
    ]
    final = units.format_mass(payload["weight_kg"][-1], system)
    static = units.format_mass(payload["static_rule_weight_kg"], system)
    summary = [
        f"Eating {payload['intake_kcal']:,} kcal/day "
        f"({payload['intake_change_kcal']:+,} from maintenance "
        f"{payload['baseline_intake_kcal']:,}) for {days} days:",
        header,
        *rows,
        f"Day {days}: {final} by the Hall model; the 3,500 kcal/lb rule would say {static}.",
        "An individual forecast is uncertain by several kg either way.",
        *(f"  ! {warning}" for warning in payload["warnings"]),
    ]
    return "\n".join(summary)
