"""The safe range of a proposed budget: what a weekly check-in may offer a person.

A check-in proposes the estimated expenditure (maintenance, in logged kcal) plus the daily change
of the person's chosen weekly rate. The change is the rate times an energy density, kcal per kg
of weight change in the same calories as the maintenance: by default the 3,500 kcal/lb rule of
`goals` (Wishnofsky 1958, about 7,716 kcal/kg), the rule of the MyPlate budget. The check-in
passes the density the expenditure estimate itself used to turn the weight trend into calories
(`dynamics.weight_change_energy_density` in logged calories), so that a budget keeps the rate
the way the estimate measured it. The same density turns the 1 %-a-week limit into a deficit.
The proposal then stays inside these limits, applied in this order:

- **No loss while pregnant or breastfeeding, nor at a BMI under 18.5.** A loss is proposed at
  maintenance instead, for the reasons the goal form refuses such a goal
  (`goals.NO_LOSS_LIFE_STAGES`: IOM 2009, the Dietary Guidelines 2020-2025; WHO TRS 894, 2000).
- **A loss of at most 1 % of body weight a week.** NHLBI Obesity Education Initiative. Clinical
  Guidelines on the Identification, Evaluation, and Treatment of Overweight and Obesity in Adults,
  1998 (NIH publication 98-4083), and Jensen MD et al. 2013 AHA/ACC/TOS Guideline for the
  Management of Overweight and Obesity in Adults, Circulation 2014;129(25 Suppl 2):S102-S138:
  0.5 to 1 kg (1 to 2 lb) a week, about 1 % of body weight (`goals.MAX_WEEKLY_LOSS_FRACTION`).
- **A deficit of at most 1,000 kcal a day.** Jensen et al. 2014: an energy deficit of 500 to
  750 kcal a day is the usual prescription, and 1,000 kcal a day the top of its range for a
  diet without medical supervision. A deficit beyond the usual range is proposed with a note.
- **A surplus of at most 500 kcal a day.** Slater GJ, Dieter BP, Marsh DJ, et al. Is an energy
  surplus required to maximize skeletal muscle hypertrophy associated with resistance training?
  Front Nutr 2019;6:131: a surplus of about 350 to 500 kcal a day; above it the gain is mostly
  fat. That is about 0.45 kg (1 lb) a week by the 3,500 kcal/lb rule.
- **Never below the floors** of 1,200 kcal a day for women and 1,500 for men
  (`goals.CALORIE_FLOOR_KCAL`), whatever else applies.

Each limit that holds a proposal back leaves a short sentence saying so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from openplate.science import energy, goals
from openplate.science.energy import Sex
from openplate.science.errors import InvalidInput
from openplate.science.goals import LifeStage
from openplate.science.units import DAYS_PER_WEEK, UnitSystem, format_mass

MAX_DAILY_DEFICIT_KCAL = 1000.0  # Jensen et al. 2014 (AHA/ACC/TOS 2013)
USUAL_DAILY_DEFICIT_KCAL = (500.0, 750.0)  # Jensen et al. 2014 (AHA/ACC/TOS 2013)
MAX_DAILY_SURPLUS_KCAL = 500.0  # Slater et al. 2019, the top of 350-500 kcal/day
RULE_KCAL_PER_KG = goals.daily_change_kcal(1.0) * DAYS_PER_WEEK  # 3,500 kcal/lb, per kg


class Limit(StrEnum):
    """A rule that held a proposal back."""

    LIFE_STAGE = "life_stage"  # pregnant or breastfeeding: no loss
    UNDERWEIGHT = "underweight"  # BMI under 18.5: no loss
    WEEKLY_LOSS = "weekly_loss"  # at most 1 % of body weight a week
    DAILY_DEFICIT = "daily_deficit"  # at most 1,000 kcal a day
    DAILY_SURPLUS = "daily_surplus"  # at most 500 kcal a day
    FLOOR = "floor"  # 1,200 kcal for women, 1,500 for men


@dataclass(frozen=True)
class SafeProposal:
    """A proposed budget, what was asked for, and the limits that held it back (if any)."""

    maintenance_kcal: float
    rate_kg_per_week: float
    unconstrained_kcal: float  # maintenance + the chosen rate's daily change
    budget_kcal: float
    bound: tuple[Limit, ...]
    reasons: tuple[str, ...]  # one sentence for each limit in `bound`
    notes: tuple[str, ...] = ()  # said, but nothing held back
    kcal_per_kg: float = RULE_KCAL_PER_KG  # the energy density the rate was converted with

    @property
    def held_back(self) -> bool:
        return bool(self.bound)

    @property
    def daily_change_kcal(self) -> float:
        """The proposal's surplus (+) or deficit (-) against maintenance."""
        return self.budget_kcal - self.maintenance_kcal

    @property
    def effective_rate_kg_per_week(self) -> float:
        """The weekly rate the proposal gives, by the same energy density."""
        return rate_for_daily_change(self.daily_change_kcal, self.kcal_per_kg)


def daily_change_kcal(rate_kg_per_week: float, kcal_per_kg: float = RULE_KCAL_PER_KG) -> float:
    """The daily surplus (+) or deficit (-) of a weekly rate, at `kcal_per_kg`."""
    return rate_kg_per_week * kcal_per_kg / DAYS_PER_WEEK


def rate_for_daily_change(kcal_per_day: float, kcal_per_kg: float = RULE_KCAL_PER_KG) -> float:
    """The weekly rate (kg/week) of a daily surplus or deficit, at `kcal_per_kg`."""
    return kcal_per_day * DAYS_PER_WEEK / kcal_per_kg


def max_weekly_loss_kg(weight_kg: float) -> float:
    """The fastest loss a proposal allows, in kg a week: 1 % of body weight."""
    return goals.MAX_WEEKLY_LOSS_FRACTION * weight_kg


def propose_budget(
    maintenance_kcal: float,
    rate_kg_per_week: float,
    weight_kg: float,
    sex: Sex,
    *,
    life_stage: LifeStage = LifeStage.NEITHER,
    bmi: float | None = None,
    units: UnitSystem = "metric",
    kcal_per_kg: float = RULE_KCAL_PER_KG,
) -> SafeProposal:
    """The budget that keeps `rate_kg_per_week` (negative to lose) from `maintenance_kcal`,
    held inside the safe range for a person of `weight_kg`, `sex`, `life_stage` and `bmi`.
    Rates become calories at `kcal_per_kg`; weights in the reasons are written in `units`."""
    _check(maintenance_kcal, rate_kg_per_week, weight_kg, bmi, kcal_per_kg)
    requested = daily_change_kcal(rate_kg_per_week, kcal_per_kg)
    unconstrained = maintenance_kcal + requested
    change, limits = _limited_change(requested, weight_kg, life_stage, bmi, kcal_per_kg)
    budget = maintenance_kcal + change
    floor = goals.CALORIE_FLOOR_KCAL[Sex(sex)]
    if budget < floor:
        budget = floor
        # Only the no-loss rules still say something once the floor sets the number.
        limits = [limit for limit in limits if limit in (Limit.LIFE_STAGE, Limit.UNDERWEIGHT)]
        limits.append(Limit.FLOOR)
    if math.isclose(budget, unconstrained, rel_tol=0, abs_tol=1e-9):
        budget, limits = unconstrained, []
    reasons = tuple(_reason(limit, weight_kg, Sex(sex), life_stage, bmi, units) for limit in limits)
    return SafeProposal(
        maintenance_kcal=maintenance_kcal,
        rate_kg_per_week=rate_kg_per_week,
        unconstrained_kcal=unconstrained,
        budget_kcal=budget,
        bound=tuple(limits),
        reasons=reasons,
        notes=_notes(maintenance_kcal - budget),
        kcal_per_kg=kcal_per_kg,
    )


def _check(
    maintenance_kcal: float, rate: float, weight_kg: float, bmi: float | None, kcal_per_kg: float
) -> None:
    numbers = (maintenance_kcal, rate, weight_kg, 0.0 if bmi is None else bmi, kcal_per_kg)
    if not all(math.isfinite(number) for number in numbers):
        raise InvalidInput("maintenance, rate, weight, BMI and energy must be finite numbers")
    if maintenance_kcal <= 0:
        raise InvalidInput(f"maintenance must be positive (got {maintenance_kcal:g} kcal)")
    if weight_kg <= 0:
        raise InvalidInput(f"body weight must be positive (got {weight_kg:g} kg)")
    if bmi is not None and bmi <= 0:
        raise InvalidInput(f"BMI must be positive (got {bmi:g})")
    if kcal_per_kg <= 0:
        raise InvalidInput(f"the energy per kg must be positive (got {kcal_per_kg:g} kcal)")


def _limited_change(
    requested: float,
    weight_kg: float,
    life_stage: LifeStage,
    bmi: float | None,
    kcal_per_kg: float,
) -> tuple[float, list[Limit]]:
    """The daily change after the loss and surplus limits, and the limits that set it."""
    if requested > MAX_DAILY_SURPLUS_KCAL:
        return MAX_DAILY_SURPLUS_KCAL, [Limit.DAILY_SURPLUS]
    if requested >= 0:
        return requested, []
    if LifeStage(life_stage) is not LifeStage.NEITHER:
        return 0.0, [Limit.LIFE_STAGE]
    if bmi is not None and bmi < energy.UNDERWEIGHT_BMI:
        return 0.0, [Limit.UNDERWEIGHT]
    allowed = {
        Limit.WEEKLY_LOSS: daily_change_kcal(max_weekly_loss_kg(weight_kg), kcal_per_kg),
        Limit.DAILY_DEFICIT: MAX_DAILY_DEFICIT_KCAL,
    }
    tightest = min(allowed.values())
    if -requested <= tightest:
        return requested, []
    binding = [limit for limit, deficit in allowed.items() if math.isclose(deficit, tightest)]
    return -tightest, binding


def _reason(
    limit: Limit,
    weight_kg: float,
    sex: Sex,
    life_stage: LifeStage,
    bmi: float | None,
    units: UnitSystem,
) -> str:
    if limit is Limit.FLOOR:
        people = "women" if sex is Sex.FEMALE else "men"
        return f"Held at {goals.CALORIE_FLOOR_KCAL[sex]:,.0f} kcal, the minimum for {people}."
    if limit is Limit.LIFE_STAGE:
        return f"No loss while {LifeStage(life_stage).value}: proposed at maintenance."
    if limit is Limit.UNDERWEIGHT:
        return (
            f"No loss at a BMI of {bmi:.1f}, under {energy.UNDERWEIGHT_BMI:g}: "
            "proposed at maintenance."
        )
    if limit is Limit.WEEKLY_LOSS:
        most = format_mass(max_weekly_loss_kg(weight_kg), units)
        share = goals.MAX_WEEKLY_LOSS_FRACTION * 100
        return f"Held to a loss of {share:g} % of your weight a week ({most})."
    if limit is Limit.DAILY_DEFICIT:
        return f"Held to a deficit of {MAX_DAILY_DEFICIT_KCAL:,.0f} kcal a day."
    return f"Held to a surplus of {MAX_DAILY_SURPLUS_KCAL:,.0f} kcal a day."


def _notes(deficit_kcal: float) -> tuple[str, ...]:
    low, high = USUAL_DAILY_DEFICIT_KCAL
    if deficit_kcal > high + 1e-9:
        return (
            f"A deficit of {deficit_kcal:,.0f} kcal a day is above the usual {low:,.0f} to "
            f"{high:,.0f}.",
        )
    return ()
