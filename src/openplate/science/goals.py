"""The daily calorie budget for a weekly weight goal, its safety rules, and the static projection.

Budget = maintenance + weekly rate x 3,500 kcal/lb / 7 (Wishnofsky M. Caloric equivalents of gained
or lost weight. Am J Clin Nutr 1958;6:542-6): the convention every MyPlate-style tracker uses for
the daily target. It is a good first budget and a poor long-range forecast, because expenditure
falls as weight falls; `openplate.science.dynamics` gives the honest forecast.

Safety rules (each leaves a warning the person reads):
- a floor of 1,200 kcal/day for women and 1,500 for men, configurable (the minimums the NIH's
  "Aim for a Healthy Weight" guide gives for unsupervised low-calorie diets);
- a loss faster than 1 % of body weight a week is flagged (above the 0.5-1 % a week most clinical
  guidance advises);
- a loss goal at a BMI under 18.5 (WHO underweight) is refused;
- a loss goal in pregnancy or while breastfeeding is refused (`NO_LOSS_LIFE_STAGES`), and a
  budget set then says it is the person's needs before pregnancy, which these stages raise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from openplate.science import energy
from openplate.science.energy import Formula, MifflinForm, Sex, SexSpecificLinear
from openplate.science.errors import InvalidInput
from openplate.science.units import DAYS_PER_WEEK, KG_PER_LB, UnitSystem, format_mass, lb_from_kg

KCAL_PER_LB = 3500.0  # Wishnofsky 1958
KCAL_PER_DAY_PER_LB_PER_WEEK = KCAL_PER_LB / DAYS_PER_WEEK

# MyPlate's nine weekly goals (lb/week) and their metric counterparts (kg/week).
WEEKLY_GOALS_LB: tuple[float, ...] = (2.0, 1.5, 1.0, 0.5, 0.0, -0.5, -1.0, -1.5, -2.0)
WEEKLY_GOALS_KG: tuple[float, ...] = (1.0, 0.75, 0.5, 0.25, 0.0, -0.25, -0.5, -0.75, -1.0)
MAX_RATE_KG_PER_WEEK = 1.0  # the fastest goal offered either way (1 kg ~ 2.2 lb)

CALORIE_FLOOR_KCAL: dict[Sex, float] = {Sex.FEMALE: 1200.0, Sex.MALE: 1500.0}
# NHLBI Clinical Guidelines 1998; Jensen MD et al., AHA/ACC/TOS 2013, Circulation 2014;129:S102.
MAX_WEEKLY_LOSS_FRACTION = 0.01


class LifeStage(StrEnum):
    """Whether a woman is pregnant or breastfeeding: a budget to lose weight is refused then."""

    NEITHER = "neither"
    PREGNANT = "pregnant"
    BREASTFEEDING = "breastfeeding"


# Why a loss goal is refused in each life stage, as the refusal says it.
NO_LOSS_LIFE_STAGES: dict[LifeStage, str] = {
    # Institute of Medicine. Weight Gain During Pregnancy: Reexamining the Guidelines. National
    # Academies Press, 2009, Table S-1: a total gain is recommended for every pre-pregnancy BMI,
    # obese included; endorsed by ACOG Committee Opinion No. 548, "Weight Gain During
    # Pregnancy" (2013).
    LifeStage.PREGNANT: (
        "in pregnancy: gaining weight is recommended at every starting weight (IOM 2009, ACOG)"
    ),
    # Dietary Guidelines for Americans 2020-2025, chapter 5 (women who are lactating), from the
    # IOM's Dietary Reference Intakes for energy: breastfeeding needs more calories than before
    # pregnancy, so a budget from the usual equations less a deficit undercuts it.
    LifeStage.BREASTFEEDING: (
        "while breastfeeding: it takes more energy than before pregnancy "
        "(Dietary Guidelines for Americans 2020-2025)"
    ),
}
LIFE_STAGE_NOTE = (
    "This budget is your need before pregnancy; pregnancy and breastfeeding raise it, so ask "
    "your midwife, doctor or dietitian how much to add."
)


class GoalRefused(InvalidInput):
    """A goal OpenPlate will not set a budget for, with the reason."""


@dataclass(frozen=True)
class Person:
    sex: Sex
    age_years: float
    height_cm: float
    weight_kg: float
    activity: str = "sedentary"
    body_fat_percent: float | None = None
    life_stage: LifeStage = LifeStage.NEITHER


@dataclass(frozen=True)
class GoalPlan:
    formula: Formula
    bmr_kcal: float
    activity_factor: float
    maintenance_kcal: float
    rate_kg_per_week: float
    unfloored_budget_kcal: float
    floor_kcal: float
    budget_kcal: float
    floor_applied: bool
    effective_rate_kg_per_week: float
    bmi: float
    bmi_category: str
    warnings: tuple[str, ...]


def rate_label(rate_lb_per_week: float) -> str:
    """MyPlate's wording for a weekly goal: "Lose 1 pound per week", "Maintain weight"."""
    if rate_lb_per_week == 0:
        return "Maintain weight"
    verb = "Gain" if rate_lb_per_week > 0 else "Lose"
    amount = abs(rate_lb_per_week)
    unit = "pound" if amount == 1 else "pounds"
    return f"{verb} {amount:g} {unit} per week"


MAINTAIN_LABEL = "Maintain my current weight"


def weekly_goal_lb_label(rate_lb_per_week: float) -> str:
    """The goal form's wording: "Lose 1 pound per week", "Maintain my current weight"."""
    return MAINTAIN_LABEL if rate_lb_per_week == 0 else rate_label(rate_lb_per_week)


def weekly_goal_kg_label(rate_kg_per_week: float) -> str:
    """The metric counterpart: "Lose 0.5 kg per week", "Maintain my current weight"."""
    if rate_kg_per_week == 0:
        return MAINTAIN_LABEL
    verb = "Gain" if rate_kg_per_week > 0 else "Lose"
    return f"{verb} {abs(rate_kg_per_week):g} kg per week"


def weekly_goal_label(rate_kg_per_week: float) -> str:
    """The label of the weekly goal a budget was set for, in the units it was chosen in."""
    for rate_lb in WEEKLY_GOALS_LB:
        if math.isclose(rate_lb * KG_PER_LB, rate_kg_per_week, abs_tol=1e-9):
            return weekly_goal_lb_label(rate_lb)
    for rate_kg in WEEKLY_GOALS_KG:
        if math.isclose(rate_kg, rate_kg_per_week, abs_tol=1e-9):
            return weekly_goal_kg_label(rate_kg)
    return weekly_goal_lb_label(round(lb_from_kg(rate_kg_per_week), 2))


def daily_change_kcal(rate_kg_per_week: float) -> float:
    """The daily surplus (+) or deficit (-) for a weekly rate, by the 3,500 kcal/lb rule."""
    return rate_kg_per_week / KG_PER_LB * KCAL_PER_DAY_PER_LB_PER_WEEK


def rate_for_daily_change(kcal_per_day: float) -> float:
    """The weekly rate (kg/week) the 3,500 kcal/lb rule gives for a daily surplus or deficit."""
    return kcal_per_day / KCAL_PER_DAY_PER_LB_PER_WEEK * KG_PER_LB


def plan_goal(
    person: Person,
    rate_kg_per_week: float,
    *,
    formula: Formula | None = None,
    floor_kcal: float | None = None,
    units: UnitSystem = "imperial",
) -> GoalPlan:
    """The daily budget for `person` to change weight by `rate_kg_per_week` (negative to lose)."""
    _check_rate(rate_kg_per_week, units)
    _check_life_stage(person, rate_kg_per_week)
    bmi = energy.bmi(person.weight_kg, person.height_cm)
    if rate_kg_per_week < 0 and bmi.value < energy.UNDERWEIGHT_BMI:
        raise GoalRefused(
            f"a weight-loss goal is not offered at a BMI of {bmi.value:.1f}, under "
            f"{energy.UNDERWEIGHT_BMI:g} (underweight); choose maintain or gain"
        )
    bmr, used_formula = energy.resting_energy(
        person.sex,
        person.weight_kg,
        person.height_cm,
        person.age_years,
        formula=formula,
        body_fat_percent=person.body_fat_percent,
    )
    factor = energy.activity_level(person.activity).factor
    maintenance = bmr * factor
    unfloored = maintenance + daily_change_kcal(rate_kg_per_week)
    floor = CALORIE_FLOOR_KCAL[person.sex] if floor_kcal is None else floor_kcal
    if floor < 0:
        raise InvalidInput(f"the calorie floor must not be negative (got {floor:g})")
    budget = max(unfloored, floor)
    effective_rate = rate_for_daily_change(budget - maintenance)
    plan = GoalPlan(
        formula=used_formula,
        bmr_kcal=bmr,
        activity_factor=factor,
        maintenance_kcal=maintenance,
        rate_kg_per_week=rate_kg_per_week,
        unfloored_budget_kcal=unfloored,
        floor_kcal=floor,
        budget_kcal=budget,
        floor_applied=unfloored < floor,
        effective_rate_kg_per_week=effective_rate,
        bmi=bmi.value,
        bmi_category=bmi.category,
        warnings=(),
    )
    return _with_warnings(plan, person, units)


def _check_rate(rate_kg_per_week: float, units: UnitSystem) -> None:
    if not math.isfinite(rate_kg_per_week):
        raise InvalidInput("the weekly goal must be a number")
    if abs(rate_kg_per_week) > MAX_RATE_KG_PER_WEEK + 1e-9:
        limit = format_mass(MAX_RATE_KG_PER_WEEK, units)
        raise InvalidInput(
            f"a weekly goal of {format_mass(rate_kg_per_week, units)} is outside the "
            f"offered range: at most {limit} a week either way"
        )


def _check_life_stage(person: Person, rate_kg_per_week: float) -> None:
    if person.life_stage != LifeStage.NEITHER and person.sex != Sex.FEMALE:
        raise InvalidInput(f"{person.life_stage.value} applies to sex female only")
    why = NO_LOSS_LIFE_STAGES.get(LifeStage(person.life_stage))
    if rate_kg_per_week < 0 and why is not None:
        raise GoalRefused(f"a weight-loss goal is not offered {why}; choose maintain instead")


def _with_warnings(plan: GoalPlan, person: Person, units: UnitSystem) -> GoalPlan:
    warnings: list[str] = []
    if plan.floor_applied:
        warnings.append(
            f"Your budget was raised from {plan.unfloored_budget_kcal:,.0f} to the "
            f"{plan.floor_kcal:,.0f} kcal/day minimum for {person.sex.value}s, so expect about "
            f"{_weekly(plan.effective_rate_kg_per_week, units)} instead of "
            f"{_weekly(plan.rate_kg_per_week, units)}."
        )
    weekly_limit = MAX_WEEKLY_LOSS_FRACTION * person.weight_kg
    if -plan.effective_rate_kg_per_week > weekly_limit + 1e-9:
        warnings.append(
            f"Losing {_weekly(-plan.effective_rate_kg_per_week, units)} is more than 1% of your "
            f"body weight ({format_mass(weekly_limit, units)}) a week; a slower goal is easier to "
            "keep and spares muscle."
        )
    if plan.bmi < energy.UNDERWEIGHT_BMI:
        warnings.append(
            f"Your BMI of {plan.bmi:.1f} is under {energy.UNDERWEIGHT_BMI:g} (underweight); "
            "consider talking with a doctor or dietitian."
        )
    if person.life_stage != LifeStage.NEITHER:
        warnings.append(LIFE_STAGE_NOTE)
    return replace(plan, warnings=tuple(warnings))


def _weekly(rate_kg_per_week: float, units: UnitSystem) -> str:
    return f"{format_mass(abs(rate_kg_per_week), units, decimals=2)} a week"


# --- the working: how a budget was computed, line by line -------------------------------------

FORMULA_NAMES: dict[Formula, str] = {
    Formula.MIFFLIN_ST_JEOR: "Mifflin-St Jeor",
    Formula.HARRIS_BENEDICT: "Harris-Benedict (revised)",
    Formula.KATCH_MCARDLE: "Katch-McArdle",
}
LINEAR_EQUATIONS: dict[Formula, dict[Sex, SexSpecificLinear]] = {
    Formula.MIFFLIN_ST_JEOR: energy.MIFFLIN_ST_JEOR[MifflinForm.ROUNDED],
    Formula.HARRIS_BENEDICT: energy.HARRIS_BENEDICT_REVISED,
}


@dataclass(frozen=True)
class Step:
    """One line of a budget's working: what was done, and the calories after it."""

    text: str
    kcal: float


def working(person: Person, plan: GoalPlan) -> list[Step]:
    """How `plan`'s budget for `person` was computed, line by line; the goal page, the API and
    `openplate goal` all show these lines."""
    level = energy.activity_level(person.activity)
    change = daily_change_kcal(plan.rate_kg_per_week)
    steps = [
        Step(
            f"Resting energy (BMR), {FORMULA_NAMES[plan.formula]}{_equation(person, plan)}",
            plan.bmr_kcal,
        ),
        Step(
            f"× {plan.activity_factor:g} for {level.label.lower()} = maintenance",
            plan.maintenance_kcal,
        ),
    ]
    if change == 0:
        steps.append(Step("No change a day to maintain your weight", plan.maintenance_kcal))
    else:
        rate_lb = round(lb_from_kg(abs(plan.rate_kg_per_week)), 2)
        steps.append(
            Step(
                f"{_sign(change)} {abs(change):,.0f} kcal a day to "
                f"{weekly_goal_label(plan.rate_kg_per_week).lower()} "
                f"({rate_lb:g} lb × {KCAL_PER_LB:,.0f} kcal per lb ÷ {DAYS_PER_WEEK} days)",
                plan.maintenance_kcal + change,
            )
        )
    if plan.floor_applied:
        people = "women" if person.sex == Sex.FEMALE else "men"
        steps.append(
            Step(
                f"Raised to the minimum of {plan.floor_kcal:,.0f} kcal for {people}",
                plan.budget_kcal,
            )
        )
    return steps


def _equation(person: Person, plan: GoalPlan) -> str:
    """ ": 10 × 72.6 kg + 6.25 × 162.6 cm − 5 × 35.0 years − 161", or "" without one."""
    if plan.formula is Formula.KATCH_MCARDLE:
        if person.body_fat_percent is None:
            return ""
        lean = energy.lean_body_mass(person.weight_kg, person.body_fat_percent)
        return (
            f": {energy.KATCH_MCARDLE_INTERCEPT:g} + {energy.KATCH_MCARDLE_PER_KG_LEAN:g} × "
            f"{lean:.1f} kg lean mass"
        )
    table = LINEAR_EQUATIONS[plan.formula][Sex(person.sex)]
    text = f": {table.per_kg:g} × {person.weight_kg:.1f} kg"
    for coefficient, quantity in (
        (table.per_cm, f"{person.height_cm:.1f} cm"),
        (table.per_year, f"{person.age_years:.1f} years"),
    ):
        text += f" {_sign(coefficient)} {abs(coefficient):g} × {quantity}"
    return text + f" {_sign(table.intercept)} {abs(table.intercept):g}"


def _sign(number: float) -> str:
    return "+" if number >= 0 else "−"


@dataclass(frozen=True)
class Projection:
    """When a target weight is reached at a constant weekly rate (the static 3,500 kcal/lb rule)."""

    target_kg: float
    weeks: float | None
    reached_on: date | None
    warnings: tuple[str, ...]


def project_target(
    weight_kg: float,
    target_kg: float,
    rate_kg_per_week: float,
    start: date,
    *,
    height_cm: float | None = None,
    units: UnitSystem = "imperial",
) -> Projection:
    """The date `target_kg` is reached from `weight_kg` at `rate_kg_per_week`, from `start`."""
    warnings: list[str] = []
    if height_cm is not None and energy.bmi(target_kg, height_cm).value < energy.UNDERWEIGHT_BMI:
        healthy = energy.weight_at_bmi(energy.UNDERWEIGHT_BMI, height_cm)
        warnings.append(
            f"A target of {format_mass(target_kg, units)} is underweight for your height "
            f"(BMI under {energy.UNDERWEIGHT_BMI:g} below {format_mass(healthy, units)})."
        )
    change = target_kg - weight_kg
    if change == 0:
        return Projection(target_kg, 0.0, start, tuple(warnings))
    if rate_kg_per_week == 0 or math.copysign(1, change) != math.copysign(1, rate_kg_per_week):
        warnings.append(
            f"At this goal you will not reach {format_mass(target_kg, units)}: "
            "the weekly goal points the other way."
        )
        return Projection(target_kg, None, None, tuple(warnings))
    weeks = change / rate_kg_per_week
    days = math.ceil(weeks * DAYS_PER_WEEK - 1e-9)
    return Projection(target_kg, weeks, start + timedelta(days=days), tuple(warnings))
