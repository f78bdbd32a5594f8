"""`openplate goal`: the daily budget for a weekly goal.

The JSON keys are a contract for people who script against them: add keys, never rename them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click

from openplate.cli.options import (
    ACTIVITY,
    BODY_WEIGHT,
    WEEKLY_RATE,
    emit,
    kcal,
    person_options,
    unit_system,
)
from openplate.science import goals, units
from openplate.science.energy import Formula, Sex
from openplate.science.units import UnitSystem


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
    help="Start date for the projection (default: today on this computer's clock and zone).",
)
@click.option(
    "--life-stage",
    type=click.Choice([stage.value for stage in goals.LifeStage]),
    default=goals.LifeStage.NEITHER.value,
    show_default=True,
    help="Pregnant or breastfeeding (sex female): a loss goal is refused, as when underweight.",
)
def goal(
    sex: str,
    age: float,
    height: float,
    weight: float,
    body_fat: float | None,
    chosen_units: str | None,
    as_json: bool,
    activity: str,
    rate: float,
    formula: str | None,
    floor: float | None,
    target_weight: float | None,
    start: datetime | None,
    life_stage: str,
) -> None:
    """Daily calorie budget for a weekly weight goal (Mifflin-St Jeor by default)."""
    system = unit_system(chosen_units)
    person = goals.Person(
        Sex(sex), age, height, weight, activity, body_fat, goals.LifeStage(life_stage)
    )
    plan = goals.plan_goal(
        person,
        rate,
        formula=Formula(formula) if formula else None,
        floor_kcal=floor,
        units=system,
    )
    payload = _goal_payload(person, plan, activity)
    projection = None
    if target_weight is not None:
        # No person in the database here: today is the computer's, in the zone it runs in (TZ).
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
    emit(payload, as_json, lambda: _goal_text(person, plan, system, projection))


def _goal_payload(person: goals.Person, plan: goals.GoalPlan, activity: str) -> dict[str, Any]:
    rate_lb = plan.rate_kg_per_week / units.KG_PER_LB
    return {
        "bmr_kcal": kcal(plan.bmr_kcal),
        "maintenance_kcal": kcal(plan.maintenance_kcal),
        "budget_kcal": kcal(plan.budget_kcal),
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
        "daily_change_kcal": kcal(plan.unfloored_budget_kcal - plan.maintenance_kcal),
        "floor_kcal": kcal(plan.floor_kcal),
        "effective_rate_kg_per_week": round(plan.effective_rate_kg_per_week, 4),
        "working": [
            {"text": step.text, "kcal": kcal(step.kcal)} for step in goals.working(person, plan)
        ],
    }


def _goal_text(
    person: goals.Person,
    plan: goals.GoalPlan,
    system: UnitSystem,
    projection: goals.Projection | None,
) -> str:
    """The goal's working, a line a step as the goal page shows it, then the budget and BMI."""
    lines = [f"Goal: {goals.rate_label(round(plan.rate_kg_per_week / units.KG_PER_LB, 2))}"]
    lines += [f"  {step.kcal:>6,.0f} kcal/day  {step.text}" for step in goals.working(person, plan)]
    lines += [
        f"  Daily budget: {plan.budget_kcal:,.0f} kcal/day",
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
