"""The Hall dynamic body-weight model for adults: honest forecasts of weight change.

Source: Hall KD, Sacks G, Chandramohan D, Chow CC, Wang YC, Gortmaker SL, Swinburn BA.
Quantification of the effect of energy imbalance on bodyweight. Lancet 2011;378:826-37
(PMC3880593), and its web appendix "Dynamic mathematical model of body weight change in adults" —
the model behind the NIH Body Weight Planner. Equations and parameters were checked against the
R package INSP-RH/bw (src/adult_weight.cpp) and the hallmodel-core kernel; see docs/science.md.

Body weight BW = F + L + ECF + (1 + 2.7) G: fat F, lean tissue L, extracellular fluid ECF and
glycogen G with 2.7 kg of water per kg. With intake EI = EI0 + dEI (kcal/day) and carbohydrate
CI = pcarb EI, and t in days:

    rhoG dG/dt = CI - kG G^2                                            (glycogen)
    [Na] dECF/dt = -xiNa (ECF - ECF0) - xiCI (1 - CI/CIb)               (extracellular fluid)
    tauAT dAT/dt = betaAT dEI - AT                                      (adaptive thermogenesis)
    EE = K + gF F + gL L + delta BW + betaTEF dEI + AT + etaF dF/dt + etaL dL/dt
    rhoF dF/dt + rhoL dL/dt = EI - EE - rhoG dG/dt,  with  F = F0 exp((L - L0) / 10.4 kg)  (Forbes)

Solving the last two for dL/dt gives

    dL/dt = (EI - rhoG dG/dt - K - betaTEF dEI - AT - delta (ECF + 3.7 G) - (gF + delta) F
             - (gL + delta) L) / (rhoL + etaL + F (rhoF + etaF) / 10.4)

Numerical scheme. G, ECF and AT do not depend on L or F, and with intake constant over a step
each has an exact solution (a Riccati equation for G, linear relaxations for ECF and AT). They are
advanced exactly, and their contribution to the energy balance is integrated exactly over the
step. The slow lean mass is advanced by the explicit midpoint rule against that exact mean drive.
Day k's intake applies on [k, k+1); day 0 is the baseline. Against the same model on a 1/64-day
step, one-day steps differ by under a gram over a year (tests/science/test_dynamics.py).

One step function serves NumPy arrays (many people at once) and Python floats (one person, where
NumPy's per-call overhead would dominate).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from openplate.science.energy import ADULT_AGE_RANGE_YEARS, MIFFLIN_ST_JEOR, MifflinForm, Sex
from openplate.science.errors import InvalidInput
from openplate.science.units import CM_PER_M, KJ_PER_KCAL

Array = NDArray[np.float64]
# The appendix computes the baseline resting rate with Mifflin-St Jeor as fitted, unrounded.
RMR_EQUATION = MIFFLIN_ST_JEOR[MifflinForm.UNROUNDED]


@dataclass(frozen=True)
class HallParameters:
    """Hall et al. 2011 web appendix; energies converted from SI with 4.184 kJ/kcal."""

    rho_fat: float = 39.5e3 / KJ_PER_KCAL  # energy density of fat, kcal/kg
    rho_lean: float = 7.6e3 / KJ_PER_KCAL  # energy density of lean tissue, kcal/kg
    rho_glycogen: float = 17.6e3 / KJ_PER_KCAL  # energy density of glycogen, kcal/kg
    gamma_fat: float = 13.0 / KJ_PER_KCAL  # fat maintenance cost, kcal/kg/day
    gamma_lean: float = 92.0 / KJ_PER_KCAL  # lean maintenance cost, kcal/kg/day
    eta_fat: float = 750.0 / KJ_PER_KCAL  # cost of fat synthesis, kcal/kg
    eta_lean: float = 960.0 / KJ_PER_KCAL  # cost of lean synthesis, kcal/kg
    beta_tef: float = 0.10  # thermic effect of food, fraction of the intake change
    beta_at: float = 0.14  # adaptive thermogenesis, fraction of the intake change
    tau_at_days: float = 14.0  # adaptive thermogenesis time constant
    sodium_mg_per_l: float = 3220.0  # extracellular sodium concentration [Na]
    xi_na_mg_per_l_day: float = 3000.0  # renal sodium response to ECF change
    xi_ci_mg_per_day: float = 4000.0  # sodium retention from carbohydrate change
    glycogen_kg: float = 0.5  # baseline glycogen G0
    carb_fraction: float = 0.5  # carbohydrate share of intake, pcarb
    forbes_kg: float = 10.4  # Forbes body-composition constant
    glycogen_water_kg_per_kg: float = 2.7  # water stored with each kg of glycogen


PARAMETERS = HallParameters()
PAL_RANGE = (1.2, 2.5)
MIN_BODY_FAT_PERCENT = 2.0


@dataclass(frozen=True)
class SexCoefficients:
    """Baseline sub-models of the Hall appendix, one set per sex (the resting rate is
    `RMR_EQUATION`'s)."""

    fat_age: float  # Jackson AS et al. Int J Obes 2002;26:789-96: fat % from age and ln BMI
    fat_ln_bmi: float
    fat_constant: float
    ecf_age: float  # Silva AM et al. Am J Hum Biol 2007: ECF (L) from age, height (m), weight
    ecf_height_m: float
    ecf_weight: float
    ecf_constant: float


SEX_COEFFICIENTS: dict[str, SexCoefficients] = {
    "male": SexCoefficients(0.14, 37.31, -103.94, 0.025, 9.57, 0.191, -12.4),
    "female": SexCoefficients(0.14, 39.96, -102.01, 0.0, 5.98, 0.167, -4.0),
}


@dataclass(frozen=True)
class Baseline:
    """The starting state of n people, each field an array of shape (n,)."""

    weight_kg: Array
    rmr_kcal: Array
    pal: Array
    fat_kg: Array
    lean_kg: Array
    ecf_kg: Array
    intake_kcal: Array  # EI0 = PAL x RMR, the intake that holds the starting weight
    k_kcal: Array  # K, set so that expenditure equals EI0 at baseline
    delta: Array  # physical-activity cost, kcal/kg/day
    params: HallParameters = PARAMETERS

    @property
    def size(self) -> int:
        return int(self.weight_kg.shape[0])

    def delta_at(self, pal: ArrayLike | None) -> Array:
        """delta for a new physical-activity level (the baseline one when `pal` is None)."""
        if pal is None:
            return self.delta
        new_pal = _checked_pal(np.broadcast_to(np.asarray(pal, dtype=float), self.pal.shape))
        return ((1 - self.params.beta_tef) * new_pal - 1) * self.rmr_kcal / self.weight_kg


def baseline(
    sex: str | Sequence[str],
    age_years: ArrayLike,
    height_cm: ArrayLike,
    weight_kg: ArrayLike,
    pal: ArrayLike,
    *,
    body_fat_percent: ArrayLike | None = None,
    params: HallParameters = PARAMETERS,
) -> Baseline:
    """The baseline state (Hall appendix sub-models) for one or many people.

    Body fat is estimated from age and BMI (Jackson 2002) unless `body_fat_percent` is given.
    """
    sexes = np.atleast_1d(np.asarray(sex, dtype=str))
    unknown = set(sexes.tolist()) - set(SEX_COEFFICIENTS)
    if unknown:
        raise InvalidInput(f"sex must be 'female' or 'male', not {sorted(unknown)[0]!r}")
    numbers = [
        np.atleast_1d(np.asarray(v, dtype=float)) for v in (age_years, height_cm, weight_kg, pal)
    ]
    try:
        shape = np.broadcast_shapes(sexes.shape, *(x.shape for x in numbers))
    except ValueError:
        raise InvalidInput("give one value, or one value per person, for each input") from None
    if len(shape) != 1:
        raise InvalidInput("give one value, or one value per person, for each input")
    age, height_cm_, weight, pal_ = (np.broadcast_to(x, shape).astype(float) for x in numbers)
    sexes = np.broadcast_to(sexes, shape)
    n = shape[0]
    _check_inputs(age, height_cm_, weight)
    pal_ = _checked_pal(pal_)

    def by_sex(male: float, female: float) -> Array:
        return np.where(sexes == "male", male, female).astype(np.float64)

    def coefficient(name: str) -> Array:
        return by_sex(
            getattr(SEX_COEFFICIENTS["male"], name), getattr(SEX_COEFFICIENTS["female"], name)
        )

    def rmr_coefficient(name: str) -> Array:
        return by_sex(
            getattr(RMR_EQUATION[Sex.MALE], name), getattr(RMR_EQUATION[Sex.FEMALE], name)
        )

    height_m = height_cm_ / CM_PER_M
    rmr = (
        rmr_coefficient("per_kg") * weight
        + rmr_coefficient("per_cm") * height_cm_
        + rmr_coefficient("per_year") * age
        + rmr_coefficient("intercept")
    )
    if body_fat_percent is None:
        bmi = weight / height_m**2
        fat_percent = (
            coefficient("fat_age") * age
            + coefficient("fat_ln_bmi") * np.log(bmi)
            + coefficient("fat_constant")
        )
    else:
        fat_percent = np.broadcast_to(np.asarray(body_fat_percent, dtype=float), (n,)).copy()
    if np.any(fat_percent < MIN_BODY_FAT_PERCENT) or np.any(fat_percent >= 100):
        raise InvalidInput(
            f"body fat would be under {MIN_BODY_FAT_PERCENT:g}% (or not a percentage): "
            "the model needs a plausible body composition; check height and weight"
        )
    fat = weight * fat_percent / 100.0
    ecf = (
        coefficient("ecf_age") * age
        + coefficient("ecf_height_m") * height_m
        + coefficient("ecf_weight") * weight
        + coefficient("ecf_constant")
    )
    glycogen_mass = (1 + params.glycogen_water_kg_per_kg) * params.glycogen_kg
    lean = weight - fat - ecf - glycogen_mass
    if np.any(lean <= 0):
        raise InvalidInput("the model's body composition has no lean mass left: check inputs")
    intake = pal_ * rmr
    delta = ((1 - params.beta_tef) * pal_ - 1) * rmr / weight
    k = intake - params.gamma_fat * fat - params.gamma_lean * lean - delta * weight
    return Baseline(weight, rmr, pal_, fat, lean, ecf, intake, k, delta, params)


def _check_inputs(age: Array, height_cm: Array, weight: Array) -> None:
    low, high = ADULT_AGE_RANGE_YEARS
    if np.any((age < low) | (age > high)) or not np.all(np.isfinite(age)):
        raise InvalidInput(f"the adult model needs ages from {low:g} to {high:g} years")
    if not (np.all(height_cm > 0) and np.all(weight > 0)):
        raise InvalidInput("height and weight must be positive")
    if not (np.all(np.isfinite(height_cm)) and np.all(np.isfinite(weight))):
        raise InvalidInput("height and weight must be finite numbers")


def _checked_pal(pal: Array) -> Array:
    low, high = PAL_RANGE
    if not np.all((pal >= low) & (pal <= high)):
        raise InvalidInput(f"physical activity level (PAL) must be between {low:g} and {high:g}")
    return np.asarray(pal, dtype=float)


@dataclass(frozen=True)
class Trajectory:
    """Daily states of n people, from day 0 (baseline) to the last day, shape (n, days + 1)."""

    day: NDArray[np.int64]
    weight_kg: Array
    fat_mass_kg: Array
    intake_kcal: Array  # the intake of each day, shape (n, days)
    # The mean expenditure of each day, shape (n, days), when asked for (`with_expenditure`).
    expenditure_kcal: Array | None = None

    @property
    def fat_free_mass_kg(self) -> Array:
        return self.weight_kg - self.fat_mass_kg


def simulate(
    people: Baseline,
    days: int,
    intake_change_kcal: ArrayLike = 0.0,
    *,
    pal_after: ArrayLike | None = None,
    steps_per_day: int = 1,
    with_expenditure: bool = False,
) -> Trajectory:
    """Daily weight and fat mass for a change in intake (and optionally in activity).

    `intake_change_kcal` is relative to each person's baseline intake: a number, one per person
    (shape (n,)), or a daily schedule (shape (n, days)). `pal_after` is a new physical-activity
    level from day 0 on. With `with_expenditure` the trajectory also holds each day's mean
    expenditure, from the energy balance: the day's intake less the change in the energy stored
    as fat, lean tissue and glycogen (rhoF F + rhoL L + rhoG G).
    """
    if days < 1 or steps_per_day < 1:
        raise InvalidInput("days and steps per day must be at least 1")
    schedule = _daily_schedule(people, intake_change_kcal, days)
    delta = people.delta_at(pal_after)
    scalar = people.size == 1
    weight_rows: Any = [0.0] * (days + 1) if scalar else np.empty((days + 1, people.size))
    fat_rows: Any = [0.0] * (days + 1) if scalar else np.empty((days + 1, people.size))
    stored_rows: Any = None
    if with_expenditure:
        stored_rows = [0.0] * (days + 1) if scalar else np.empty((days + 1, people.size))
    state = _State.at_baseline(people, scalar)
    constants: _StepConstants | None = None
    for start, stop, change in _constant_runs(schedule):
        run = _StepConstants.for_run(people, change, delta, 1.0 / steps_per_day, scalar)
        state = state.rebased(constants, run)
        constants = run
        state = _run(
            state, constants, start, stop, steps_per_day, weight_rows, fat_rows, stored_rows
        )
    assert constants is not None  # there is always at least one run
    _record(state, constants, days, weight_rows, fat_rows, stored_rows)
    weight = np.asarray(weight_rows, dtype=float).T
    fat = np.asarray(fat_rows, dtype=float).T
    if scalar:
        weight, fat = weight[np.newaxis, :], fat[np.newaxis, :]
    intake = people.intake_kcal[:, np.newaxis] + schedule
    expenditure = None
    if stored_rows is not None:
        stored = np.asarray(stored_rows, dtype=float).T.reshape(people.size, days + 1)
        expenditure = intake - np.diff(stored, axis=1)
    return Trajectory(
        day=np.arange(days + 1),
        weight_kg=weight,
        fat_mass_kg=fat,
        intake_kcal=intake,
        expenditure_kcal=expenditure,
    )


def _daily_schedule(people: Baseline, intake_change_kcal: ArrayLike, days: int) -> Array:
    change = np.asarray(intake_change_kcal, dtype=float)
    if change.ndim <= 1:
        change = np.broadcast_to(
            np.reshape(change, (-1, 1)) if change.ndim else change, (people.size, days)
        )
    elif change.shape != (people.size, days):
        raise InvalidInput(
            f"a daily intake schedule must have shape (people, days) = ({people.size}, {days})"
        )
    change = np.broadcast_to(change, (people.size, days))
    if not np.all(np.isfinite(change)):
        raise InvalidInput("intake changes must be finite numbers")
    if np.any(people.intake_kcal[:, np.newaxis] + change < 0):
        raise InvalidInput("the intake change would make intake negative")
    return change


def _constant_runs(schedule: Array) -> list[tuple[int, int, Array]]:
    """Split a (n, days) schedule into runs of days over which nobody's intake changes."""
    days = schedule.shape[1]
    starts = [0, *(np.flatnonzero(np.any(schedule[:, 1:] != schedule[:, :-1], axis=0)) + 1)]
    stops = [*starts[1:], days]
    return [(int(a), int(b), schedule[:, a]) for a, b in zip(starts, stops, strict=True)]


@dataclass
class _State:
    """Lean mass, glycogen, and ECF and AT as gaps from the levels the current intake tends to."""

    lean: Any
    glycogen: Any
    ecf_gap: Any
    thermogenesis_gap: Any

    @classmethod
    def at_baseline(cls, people: Baseline, scalar: bool) -> _State:
        glycogen = np.full(people.size, people.params.glycogen_kg)
        values = (people.lean_kg, glycogen, np.zeros(people.size), np.zeros(people.size))
        if scalar:
            return cls(*(float(v[0]) for v in values))
        return cls(*(v.copy() for v in values))

    def rebased(self, old: _StepConstants | None, new: _StepConstants) -> _State:
        """The same state, its gaps measured from a new intake's equilibria."""
        if old is None:
            return _State(self.lean, self.glycogen, -new.ecf_inf_offset, -new.at_inf)
        return _State(
            self.lean,
            self.glycogen,
            self.ecf_gap + old.ecf_inf_offset - new.ecf_inf_offset,
            self.thermogenesis_gap + old.at_inf - new.at_inf,
        )


@dataclass(frozen=True)
class _StepConstants:
    """Everything a step needs that is fixed while intake is constant (floats or (n,) arrays).

    Per step of length h, with s = sqrt(CI/kG) and r = sqrt(CI kG)/rhoG, the glycogen Riccati
    equation has the exact solution G' = (G + s tanh(rh)) / d with d = 1 + G tanh(rh)/s, and
    the integral of G over the step is (rhoG/kG) (ln cosh(rh) + ln d).
    """

    exp: Callable[[Any], Any]
    log: Callable[[Any], Any]
    drive_h: Any  # the part of the step's energy balance that is fixed while intake is
    at_inf: Any
    at_decay: float
    at_mean: float  # integral of the AT gap's decay over a step, per unit gap
    ecf: Any  # ECF the intake tends to
    ecf_inf_offset: Any  # that, less baseline ECF
    ecf_decay: float
    ecf_cost: Any  # delta x the integral of the ECF gap's decay over a step
    g_s_tanh: Any
    g_tanh_over_s: Any
    g_cost: Any  # delta (1 + 2.7) rhoG / kG: weight cost of glycogen integral per ln d
    rho_glycogen: float
    wet_glycogen: float
    fat_cost_h: Any  # (gF + delta) h
    lean_cost_h: Any  # (gL + delta) h
    denominator_0: float
    denominator_1: float
    inv_forbes: float
    fat_offset: Any  # ln F0 - L0 / 10.4, so that F = exp(L / 10.4 + fat_offset)
    rho_fat: float = PARAMETERS.rho_fat
    rho_lean: float = PARAMETERS.rho_lean

    def energy_stored(self, fat: Any, lean: Any, glycogen: Any) -> Any:
        return self.rho_fat * fat + self.rho_lean * lean + self.rho_glycogen * glycogen

    @classmethod
    def for_run(
        cls, people: Baseline, change: Array, delta: Array, h: float, scalar: bool
    ) -> _StepConstants:
        p = people.params
        intake = people.intake_kcal + change
        carbs = np.maximum(p.carb_fraction * intake, 1e-9)  # zero intake is a valid limit
        k_glycogen = p.carb_fraction * people.intake_kcal / p.glycogen_kg**2
        scale = np.sqrt(carbs / k_glycogen)
        rate_h = np.sqrt(carbs * k_glycogen) / p.rho_glycogen * h
        ecf_relax = p.xi_na_mg_per_l_day / p.sodium_mg_per_l
        ecf_decay = math.exp(-ecf_relax * h)
        at_decay = math.exp(-h / p.tau_at_days)
        ecf_offset = -p.xi_ci_mg_per_day * (1 - intake / people.intake_kcal) / p.xi_na_mg_per_l_day
        ecf_inf = people.ecf_kg + ecf_offset
        at_inf = p.beta_at * change
        g_cost = delta * (1 + p.glycogen_water_kg_per_kg) * p.rho_glycogen / k_glycogen
        arrays: dict[str, Any] = {
            "drive_h": (intake - people.k_kcal - p.beta_tef * change - at_inf - delta * ecf_inf) * h
            - g_cost * np.log(np.cosh(rate_h)),
            "at_inf": at_inf,
            "ecf": ecf_inf,
            "ecf_inf_offset": ecf_offset,
            "ecf_cost": delta * (1 - ecf_decay) / ecf_relax,
            "g_s_tanh": scale * np.tanh(rate_h),
            "g_tanh_over_s": np.tanh(rate_h) / scale,
            "g_cost": g_cost,
            "fat_cost_h": (p.gamma_fat + delta) * h,
            "lean_cost_h": (p.gamma_lean + delta) * h,
            "fat_offset": np.log(people.fat_kg) - people.lean_kg / p.forbes_kg,
        }
        if scalar:
            arrays = {name: float(value[0]) for name, value in arrays.items()}
        return cls(
            exp=math.exp if scalar else np.exp,
            log=math.log if scalar else np.log,
            at_decay=at_decay,
            at_mean=p.tau_at_days * (1 - at_decay),
            ecf_decay=ecf_decay,
            rho_glycogen=p.rho_glycogen,
            rho_fat=p.rho_fat,
            rho_lean=p.rho_lean,
            wet_glycogen=1 + p.glycogen_water_kg_per_kg,
            denominator_0=p.rho_lean + p.eta_lean,
            denominator_1=(p.rho_fat + p.eta_fat) / p.forbes_kg,
            inv_forbes=1 / p.forbes_kg,
            **arrays,
        )


def _run(
    state: _State,
    c: _StepConstants,
    start: int,
    stop: int,
    steps_per_day: int,
    weight_rows: Any,
    fat_rows: Any,
    stored_rows: Any = None,
) -> _State:
    """Advance `state` from day `start` to day `stop`, recording each day's starting state."""
    lean, glycogen = state.lean, state.glycogen
    ecf_gap, at_gap = state.ecf_gap, state.thermogenesis_gap
    exp, log = c.exp, c.log
    for day in range(start, stop):
        for step in range(steps_per_day):
            fat = exp(lean * c.inv_forbes + c.fat_offset)
            if step == 0:
                weight_rows[day] = fat + lean + (c.ecf + ecf_gap) + c.wet_glycogen * glycogen
                fat_rows[day] = fat
                if stored_rows is not None:
                    stored_rows[day] = c.energy_stored(fat, lean, glycogen)
            # The fast states, advanced exactly, and the energy they take or give over the step.
            d = glycogen * c.g_tanh_over_s + 1.0
            new_glycogen = (glycogen + c.g_s_tanh) / d
            drive = (
                c.drive_h
                - c.rho_glycogen * (new_glycogen - glycogen)
                - c.at_mean * at_gap
                - c.ecf_cost * ecf_gap
                - c.g_cost * log(d)
            )
            glycogen = new_glycogen
            at_gap = at_gap * c.at_decay
            ecf_gap = ecf_gap * c.ecf_decay
            # The slow lean mass, by the midpoint rule against that drive.
            change = (drive - c.fat_cost_h * fat - c.lean_cost_h * lean) / (
                c.denominator_0 + c.denominator_1 * fat
            )
            mid_lean = lean + 0.5 * change
            mid_fat = exp(mid_lean * c.inv_forbes + c.fat_offset)
            change = (drive - c.fat_cost_h * mid_fat - c.lean_cost_h * mid_lean) / (
                c.denominator_0 + c.denominator_1 * mid_fat
            )
            lean = lean + change
    return _State(lean, glycogen, ecf_gap, at_gap)


def _record(
    state: _State,
    c: _StepConstants,
    day: int,
    weight_rows: Any,
    fat_rows: Any,
    stored_rows: Any = None,
) -> None:
    fat = c.exp(state.lean * c.inv_forbes + c.fat_offset)
    ecf = c.ecf + state.ecf_gap
    weight_rows[day] = fat + state.lean + ecf + c.wet_glycogen * state.glycogen
    fat_rows[day] = fat
    if stored_rows is not None:
        stored_rows[day] = c.energy_stored(fat, state.lean, state.glycogen)


@dataclass(frozen=True)
class TargetPlan:
    """Goal mode: the constant intake that reaches a target weight on a target day."""

    intake_kcal: Array  # the constant daily intake until the target day
    maintenance_after_kcal: Array  # the intake whose long-run equilibrium is the target weight
    trajectory: Trajectory  # day 0 to the target day at `intake_kcal`


def plan_for_target(
    people: Baseline,
    target_weight_kg: ArrayLike,
    target_day: int,
    *,
    pal_after: ArrayLike | None = None,
    tolerance_kg: float = 1e-5,
    max_iterations: int = 60,
) -> TargetPlan:
    """Find, for each person, the constant intake that gives `target_weight_kg` on `target_day`.

    Weight on a given day rises monotonically with intake, so a bracketed secant search (the
    Illinois variant of regula falsi) converges in a few simulations, for all people at once.
    The bracket runs from eating nothing to eating twice the baseline intake.
    """
    target = np.broadcast_to(np.asarray(target_weight_kg, dtype=float), (people.size,))
    if target_day < 1:
        raise InvalidInput("the target day must be at least 1")

    def excess(change: Array) -> Array:
        final = simulate(people, target_day, change, pal_after=pal_after).weight_kg[:, -1]
        return np.asarray(final - target, dtype=float)

    low, high = -people.intake_kcal.copy(), people.intake_kcal.copy()
    f_low, f_high = excess(low), excess(high)
    _check_reachable(f_low, f_high, target, target_day)
    change = high
    side = np.zeros(people.size)  # which end moved last: -1 low, +1 high
    for _ in range(max_iterations):
        change = high - f_high * (high - low) / (f_high - f_low)
        f = excess(change)
        if np.all(np.abs(f) <= tolerance_kg):
            break
        moves_high = f > 0
        f_low = np.where(moves_high & (side > 0), f_low / 2, f_low)
        f_high = np.where(~moves_high & (side < 0), f_high / 2, f_high)
        high, f_high = np.where(moves_high, change, high), np.where(moves_high, f, f_high)
        low, f_low = np.where(moves_high, low, change), np.where(moves_high, f_low, f)
        side = np.where(moves_high, 1.0, -1.0)
    trajectory = simulate(people, target_day, change, pal_after=pal_after)
    return TargetPlan(
        intake_kcal=people.intake_kcal + change,
        maintenance_after_kcal=maintenance_intake(people, target, pal_after=pal_after),
        trajectory=trajectory,
    )


def _check_reachable(f_low: Array, f_high: Array, target: Array, target_day: int) -> None:
    if np.any(f_low > 0):
        heavy = float(target[np.argmax(f_low > 0)])
        raise InvalidInput(
            f"{heavy:.1f} kg cannot be reached by day {target_day} even eating nothing; "
            "allow more time"
        )
    if np.any(f_high < 0):
        light = float(target[np.argmax(f_high < 0)])
        raise InvalidInput(
            f"{light:.1f} kg cannot be reached by day {target_day} even at twice your "
            "maintenance intake; allow more time"
        )


def maintenance_intake(
    people: Baseline, weight_kg: ArrayLike, *, pal_after: ArrayLike | None = None
) -> Array:
    """The constant intake (kcal/day) whose long-run equilibrium weight is `weight_kg`.

    At equilibrium every derivative is zero: glycogen sits at G0 sqrt(EI/EI0), ECF at its
    carbohydrate-set level, AT at betaAT dEI, fat and lean on the Forbes curve, and intake equals
    expenditure. EI enters those only weakly, so a fixed-point iteration converges in a few rounds.
    (The NIH planner's `cals4balance` instead uses the composition reached on the target day; the
    two differ by a few kcal/day, the glycogen and water that refill afterwards.)
    """
    p = people.params
    weight = np.broadcast_to(np.asarray(weight_kg, dtype=float), (people.size,))
    delta = people.delta_at(pal_after)
    beta = p.beta_tef + p.beta_at
    intake = people.intake_kcal.copy()
    for _ in range(100):
        ratio = intake / people.intake_kcal
        glycogen = p.glycogen_kg * np.sqrt(ratio)
        ecf = people.ecf_kg - p.xi_ci_mg_per_day * (1 - ratio) / p.xi_na_mg_per_l_day
        fat = _fat_on_forbes_curve(
            people, weight - ecf - (1 + p.glycogen_water_kg_per_kg) * glycogen
        )
        lean = weight - ecf - (1 + p.glycogen_water_kg_per_kg) * glycogen - fat
        new_intake = (
            people.k_kcal
            + p.gamma_fat * fat
            + p.gamma_lean * lean
            + delta * weight
            - beta * people.intake_kcal
        ) / (1 - beta)
        converged = np.all(np.abs(new_intake - intake) < 1e-9)
        intake = new_intake
        if converged:
            break
    return np.asarray(intake, dtype=float)


def _fat_on_forbes_curve(people: Baseline, fat_plus_lean: Array) -> Array:
    """Solve F + L = M with L = L0 + 10.4 ln(F/F0), by Newton's method on u = ln F."""
    c = people.params.forbes_kg
    rhs = fat_plus_lean - people.lean_kg + c * np.log(people.fat_kg)
    u = np.log(people.fat_kg)
    for _ in range(100):
        step = (np.exp(u) + c * u - rhs) / (np.exp(u) + c)
        u = u - step
        if np.all(np.abs(step) < 1e-13):
            break
    return np.asarray(np.exp(u), dtype=float)


def weight_change_energy_density(fat_kg: ArrayLike, params: HallParameters = PARAMETERS) -> Array:
    """The energy (kcal) in a kg of slow weight change at body fat `fat_kg`, as the model stores it.

    Along the Forbes curve (F = F0 exp((L - L0)/10.4)) a small change splits into lean and fat
    as dL/dF = 10.4/F, so the lean share of the change is p = 10.4/(10.4 + F) (Forbes GB. Ann N Y
    Acad Sci 2000;904:359-65; Hall KD. Int J Obes 2008;32:573-6) and a kg of change holds
    (1 - p) rhoF + p rhoL. Glycogen and its water, and extracellular fluid, settle within days
    of a change in intake and are left out: this is the density of sustained change.
    """
    fat = np.asarray(fat_kg, dtype=float)
    if not np.all(np.isfinite(fat)) or np.any(fat <= 0):
        raise InvalidInput("body fat must be a positive number of kilograms")
    lean_share = params.forbes_kg / (params.forbes_kg + fat)
    return np.asarray((1 - lean_share) * params.rho_fat + lean_share * params.rho_lean, dtype=float)


@dataclass(frozen=True)
class FastMassResponse:
    """How glycogen with its water and extracellular fluid follow a change in intake, linearised
    about the usual intake: they move toward `kg_per_intake_share` x (EI/EI0 - 1) at
    `rate_per_day`."""

    kg_per_intake_share: float
    rate_per_day: float


def fast_mass_response(params: HallParameters = PARAMETERS) -> FastMassResponse:
    """The fast masses of the model as one first-order response to intake.

    Glycogen settles at G0 sqrt(EI/EI0), so with its water it moves (1 + 2.7) G0 / 2 kg per unit
    share of intake; extracellular fluid settles xiCI/xiNa litres lower per unit share of
    carbohydrate lost, and relaxes at xiNa/[Na] per day. Glycogen relaxes at 2 CI/(G0 rhoG) per
    day, about the same (0.95/day at 2,000 kcal), so the fluid's rate serves for both.
    """
    glycogen = (1 + params.glycogen_water_kg_per_kg) * params.glycogen_kg / 2
    fluid = params.xi_ci_mg_per_day / params.xi_na_mg_per_l_day
    return FastMassResponse(glycogen + fluid, params.xi_na_mg_per_l_day / params.sodium_mg_per_l)


def expenditure_per_kg(
    fat_kg: ArrayLike, delta: ArrayLike, params: HallParameters = PARAMETERS
) -> Array:
    """How much expenditure (kcal/day) changes per kg of slow weight change at body fat `fat_kg`:
    the upkeep of the tissue gained or lost, split by the Forbes lean share p = 10.4/(10.4 + F),
    plus the cost of moving it, (1 - p) gammaF + p gammaL + delta (delta from `Baseline`)."""
    fat = np.asarray(fat_kg, dtype=float)
    lean_share = params.forbes_kg / (params.forbes_kg + fat)
    upkeep = (1 - lean_share) * params.gamma_fat + lean_share * params.gamma_lean
    return np.asarray(upkeep + np.asarray(delta, dtype=float), dtype=float)
