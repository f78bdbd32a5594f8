"""Setting a person's goal, and finding the goal in force on a day.

The science (`openplate.science.goals`) computes the budget; this module checks the form's
fields, keeps the result as a Goal starting on the day it was set, and answers "which budget
applies to this day" for the diary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from openplate.accounts.models import BudgetSource, Goal, Profile
from openplate.science import energy, goals, nutrition, units
from openplate.science.energy import Formula, Sex
from openplate.science.errors import InvalidInput
from openplate.science.nutrition import DEFAULT_MACRO_PERCENT

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MACRO_PERCENT_RANGE = (5, 80)
CHECK_IN_STEP = "Set by your weekly check-in, from what your log and weigh-ins show you burn"


@dataclass(frozen=True)
class GoalInput:
    """What the goal form asks, in SI units."""

    sex: str
    birth_date: date
    height_cm: float
    weight_kg: float
    activity: str
    rate_kg_per_week: float
    units: str = Profile.Units.IMPERIAL
    protein_percent: int = DEFAULT_MACRO_PERCENT["protein"]
    carbohydrate_percent: int = DEFAULT_MACRO_PERCENT["carbohydrate"]
    fat_percent: int = DEFAULT_MACRO_PERCENT["fat"]
    target_weight_kg: float | None = None
    life_stage: str | None = None  # pregnant, breastfeeding or neither; None keeps the profile's


# The code of a refused loss goal (underweight, pregnant or breastfeeding): the goal form offers
# to maintain instead.
LOSS_REFUSED = "loss_refused"


def age_on(birth_date: date, day: date) -> float:
    return (day - birth_date).days / units.DAYS_PER_YEAR


def set_goal(user: User, goal: GoalInput, *, on: date) -> Goal:
    """Save `goal` as `user`'s goal from `on`, replacing one set earlier the same day.

    Raises ValidationError naming each field at fault; nothing is saved then.
    """
    life_stage = _life_stage(user, goal)
    goal = replace(goal, life_stage=life_stage)
    _check(goal, on)
    person = goals.Person(
        Sex(goal.sex),
        age_on(goal.birth_date, on),
        goal.height_cm,
        goal.weight_kg,
        goal.activity,
        life_stage=goals.LifeStage(life_stage),
    )
    system: units.UnitSystem = "metric" if goal.units == Profile.Units.METRIC else "imperial"
    try:
        plan = goals.plan_goal(person, goal.rate_kg_per_week, units=system)
    except goals.GoalRefused as error:
        refusal = ValidationError(_sentence(str(error)), code=LOSS_REFUSED)
        raise ValidationError({"rate_kg_per_week": [refusal]}) from None
    except InvalidInput as error:
        raise ValidationError({"rate_kg_per_week": [_sentence(str(error))]}) from None
    with transaction.atomic():
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "units": goal.units,
                "sex": goal.sex,
                "birth_date": goal.birth_date,
                "height_cm": goal.height_cm,
                "activity": goal.activity,
                "life_stage": life_stage,
            },
        )
        saved, _ = Goal.objects.update_or_create(
            user=user,
            starts_on=on,
            defaults={
                "rate_kg_per_week": goal.rate_kg_per_week,
                "sex": goal.sex,
                "age_years": person.age_years,
                "height_cm": goal.height_cm,
                "weight_kg": goal.weight_kg,
                "activity": goal.activity,
                "formula": plan.formula.value,
                "bmr_kcal": plan.bmr_kcal,
                "activity_factor": plan.activity_factor,
                "maintenance_kcal": plan.maintenance_kcal,
                "floor_kcal": plan.floor_kcal,
                "floor_applied": plan.floor_applied,
                "budget_kcal": plan.budget_kcal,
                "effective_rate_kg_per_week": plan.effective_rate_kg_per_week,
                "bmi": plan.bmi,
                "warnings": [_sentence(warning) for warning in plan.warnings],
                "protein_percent": goal.protein_percent,
                "carbohydrate_percent": goal.carbohydrate_percent,
                "fat_percent": goal.fat_percent,
                "target_weight_kg": goal.target_weight_kg,
            },
        )
    return saved


def goal_on(user: User, day: date) -> Goal | None:
    """The goal in force on `day`: the last one started by then. Days before the first goal
    take the first goal, so a diary started before the goal form still shows a budget."""
    started = Goal.objects.filter(user=user, starts_on__lte=day).order_by("-starts_on").first()
    return started or Goal.objects.filter(user=user).order_by("starts_on").first()


def macro_shares(goal: Goal) -> dict[str, int]:
    """The goal's shares (%) of its budget for protein, carbohydrate and fat."""
    return {
        "protein": goal.protein_percent,
        "carbohydrate": goal.carbohydrate_percent,
        "fat": goal.fat_percent,
    }


def macro_targets_g(goal: Goal) -> dict[str, float]:
    """Grams of protein, carbohydrate and fat that make up the goal's shares of its budget."""
    return nutrition.macro_grams(goal.budget_kcal, macro_shares(goal))


def working_of(goal: Goal) -> list[goals.Step]:
    """How `goal`'s budget was computed, a line a step, from the values kept with it. A budget
    from a check-in shows the formula's working, then the check-in's budget."""
    person, plan = person_and_plan(goal)
    if goal.budget_source != BudgetSource.CHECK_IN:
        return goals.working(person, plan)
    formula_budget = max(plan.unfloored_budget_kcal, plan.floor_kcal)
    steps = goals.working(person, replace(plan, budget_kcal=formula_budget))
    return [*steps, goals.Step(CHECK_IN_STEP, goal.budget_kcal)]


def person_and_plan(goal: Goal) -> tuple[goals.Person, goals.GoalPlan]:
    """The person and the plan a goal was set with, as it kept them, for its working."""
    person = goals.Person(
        Sex(goal.sex), goal.age_years, goal.height_cm, goal.weight_kg, goal.activity
    )
    plan = goals.GoalPlan(
        formula=Formula(goal.formula),
        bmr_kcal=goal.bmr_kcal,
        activity_factor=goal.activity_factor,
        maintenance_kcal=goal.maintenance_kcal,
        rate_kg_per_week=goal.rate_kg_per_week,
        unfloored_budget_kcal=goal.maintenance_kcal
        + goals.daily_change_kcal(goal.rate_kg_per_week),
        floor_kcal=goal.floor_kcal,
        budget_kcal=goal.budget_kcal,
        floor_applied=goal.floor_applied,
        effective_rate_kg_per_week=goal.effective_rate_kg_per_week,
        bmi=goal.bmi,
        bmi_category=energy.bmi_category(goal.bmi),
        warnings=tuple(goal.warnings),
    )
    return person, plan


def _life_stage(user: User, goal: GoalInput) -> str:
    """The life stage given, else the profile's for a woman: a caller that does not ask (a
    script, a check-in) never clears a pregnancy. A man's is neither."""
    if goal.life_stage is not None:
        return goal.life_stage
    profile = Profile.objects.filter(user=user).first()
    if profile is None or goal.sex != Sex.FEMALE:
        return str(Profile.LifeStage.NEITHER)
    return profile.life_stage


def _check(goal: GoalInput, on: date) -> None:
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if goal.sex not in {sex.value for sex in Sex}:
        refuse("sex", "Choose female or male.")
    if goal.activity not in energy.ACTIVITY_LEVELS:
        refuse("activity", "Choose an activity level.")
    if goal.units not in Profile.Units.values:
        refuse("units", "Choose US or metric units.")
    if goal.life_stage not in Profile.LifeStage.values:
        refuse("life_stage", "Choose pregnant, breastfeeding or neither.")
    elif goal.life_stage != Profile.LifeStage.NEITHER and goal.sex != Sex.FEMALE:
        refuse("life_stage", "Pregnant or breastfeeding applies to sex female only.")
    low_age, high_age = energy.ADULT_AGE_RANGE_YEARS
    age = age_on(goal.birth_date, on)
    if not low_age <= age <= high_age:
        refuse(
            "birth_date",
            f"The budget equations are for adults {low_age:g} to {high_age:g} years old.",
        )
    _check_range(refuse, "height_cm", "Height", goal.height_cm, units.HEIGHT_RANGE_CM, "cm")
    _check_range(refuse, "weight_kg", "Weight", goal.weight_kg, units.BODY_WEIGHT_RANGE_KG, "kg")
    if goal.target_weight_kg is not None:
        _check_range(
            refuse,
            "target_weight_kg",
            "Goal weight",
            goal.target_weight_kg,
            units.BODY_WEIGHT_RANGE_KG,
            "kg",
        )
    if abs(goal.rate_kg_per_week) > goals.MAX_RATE_KG_PER_WEEK:
        refuse("rate_kg_per_week", "Choose one of the weekly goals offered.")
    shares = (goal.protein_percent, goal.carbohydrate_percent, goal.fat_percent)
    low, high = MACRO_PERCENT_RANGE
    for field, share in zip(
        ("protein_percent", "carbohydrate_percent", "fat_percent"), shares, strict=True
    ):
        if not low <= share <= high:
            refuse(field, f"Between {low} and {high} %.")
    if sum(shares) != 100:
        refuse(
            "fat_percent",
            f"Protein, carbohydrate and fat must add up to 100 % (now {sum(shares)} %).",
        )
    if errors:
        raise ValidationError(errors)


def _check_range(
    refuse: Callable[[str, str], None],
    field: str,
    noun: str,
    value: float,
    allowed: tuple[float, float],
    unit: str,
) -> None:
    low, high = allowed
    if not low <= value <= high:
        refuse(field, f"{noun} must be between {low:g} and {high:g} {unit}.")


def _sentence(text: str) -> str:
    """A science message ("a weight-loss goal is not offered ...") as a sentence for a page."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def adopt_budget(
    user: User,
    budget_kcal: float,
    *,
    on: date,
    effective_rate_kg_per_week: float,
    warnings: Sequence[str] = (),
) -> Goal:
    """A goal from `on` like the one in force then, with `budget_kcal` as its budget: a weekly
    check-in's proposal the person accepted. The rate, the person and the formula's working
    stay as they were. Raises ValidationError when there is no goal to start from."""
    current = goal_on(user, on)
    if current is None:
        raise ValidationError({"budget_kcal": ["Set a goal first: the budget replaces its own."]})
    kept = {
        field.attname: getattr(current, field.attname)
        for field in Goal._meta.concrete_fields
        if field.name not in ("id", "user", "starts_on", "updated")
    }
    saved, _ = Goal.objects.update_or_create(
        user=user,
        starts_on=on,
        defaults={
            **kept,
            "budget_kcal": budget_kcal,
            "budget_source": BudgetSource.CHECK_IN,
            "effective_rate_kg_per_week": effective_rate_kg_per_week,
            "warnings": list(warnings),
        },
    )
    return saved
