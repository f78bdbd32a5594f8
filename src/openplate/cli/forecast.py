"""`openplate forecast`: day-by-day weight with the Hall dynamic model, and its goal mode.

The JSON keys are a contract for people who script against them: add keys, never rename them.
"""

from __future__ import annotations

from typing import Any

import click
import numpy as np

from openplate.cli.options import ACTIVITY, BODY_WEIGHT, emit, kcal, person_options, unit_system
from openplate.science import dynamics, energy, goals, units
from openplate.science.energy import Sex
from openplate.science.units import UnitSystem


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
    chosen_units: str | None,
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
    system = unit_system(chosen_units)
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
    static_final = weight + goals.rate_for_daily_change(change) * days / units.DAYS_PER_WEEK
    payload = {
        **_trajectory_payload(trajectory),
        "baseline_intake_kcal": kcal(baseline_intake),
        "intake_kcal": kcal(baseline_intake + change),
        "intake_change_kcal": kcal(change),
        "static_rule_weight_kg": round(static_final, 3),
        "warnings": _intake_warnings(baseline_intake + change, sex),
    }
    emit(payload, as_json, lambda: _forecast_text(payload, system))


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
        "intake_kcal": kcal(intake),
        "maintenance_after_kcal": kcal(float(plan.maintenance_after_kcal[0])),
        "baseline_intake_kcal": kcal(float(people.intake_kcal[0])),
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

    emit(payload, as_json, readable)


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
