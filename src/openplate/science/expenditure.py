"""A person's energy expenditure (maintenance), day by day, from what they log and weigh.

Expenditure is estimated in logged calories: the calories a person's own log would count for the
food that keeps them at their weight. Someone who logs 80 % of what they eat and burns 2,500 kcal
has a logged-calorie expenditure of 2,000, and a budget of 2,000 logged kcal keeps them level, so
a consistent habit of under-logging cancels out.

The model (docs/science.md, "The expenditure estimate") is a linear state space over days t:

    W[t+1] = W[t] + (I*[t] - E[t]) / (f rho)           trend weight: fat and lean tissue (kg)
    E[t+1] = E[t] + k (W[t+1] - W[t]) + drift           expenditure at the usual intake
    V[t+1] = a V[t] + (1 - a) s (I[t] / usual - 1)      glycogen, its water, extracellular fluid
    A[t+1] = phi A[t] + noise                           the water swing
    y[t]   = W[t] + V[t] + A[t] + scale noise           the weigh-in

with I the day's logged intake, I* = I less its thermic effect above the usual intake, rho and k
the energy density of weight change and the expenditure per kg for the person's body fat, and s
and a the fast masses' response, all from the Hall model (`dynamics`). A Kalman filter and a
Rauch-Tung-Striebel smoother solve it for each logging factor f on a grid; the solutions are
averaged by how well each explains the weigh-ins, and the water swing's scatter and correlation
are the most probable on a grid.

An unlogged day is unknown, not zero: its intake enters as the person's usual intake with a wide
variance. A fasted day is 0 kcal. A day left out by the person is unknown, and so is a day found
incomplete (logged far below the person's usual intake) unless they confirmed it.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from openplate.science import dynamics
from openplate.science.energy import MIFFLIN_ST_JEOR, MifflinForm, Sex, check_adult_age
from openplate.science.errors import InvalidInput
from openplate.science.units import CM_PER_M

Array = NDArray[np.float64]


class DayStatus(StrEnum):
    AUTO = "auto"  # no word from the person: the estimator may find the day incomplete
    COMPLETE = "complete"  # the person kept it / said it is complete: counted as logged
    EXCLUDED = "excluded"  # the person left it out: its intake is unknown (its weight still counts)
    FASTED = "fasted"  # the person fasted: intake counts as 0 kcal


@dataclass(frozen=True)
class LoggedDay:
    intake_kcal: float | None  # None: not logged (unknown, never zero)
    weight_kg: float | None  # None: no weigh-in that day
    status: DayStatus = DayStatus.AUTO
    meals_missing: int = 0  # how many of the person's usual meals have nothing logged that day


@dataclass(frozen=True)
class PersonPrior:
    """What is known of the person; all optional, the more is known the better the prior."""

    sex: Sex | None = None
    age_years: float | None = None
    height_cm: float | None = None
    activity_factor: float | None = None  # PAL, as in energy.ACTIVITY_LEVELS


@dataclass(frozen=True)
class DayEstimate:
    expenditure_kcal: float
    low_kcal: float
    high_kcal: float
    trend_weight_kg: float
    incomplete: bool  # found incomplete (status AUTO only) and therefore left out
    used: bool  # its intake entered the estimate


@dataclass(frozen=True)
class ExpenditureEstimate:
    expenditure_kcal: float  # mean over the last 7 days, in logged calories
    low_kcal: float
    high_kcal: float
    band: float  # nominal coverage of [low, high], e.g. 0.8
    trend_weight_kg: float  # on the last day
    incomplete_days: tuple[int, ...]  # indexes into the input sequence
    days_used: int  # days whose intake entered the estimate
    days: tuple[DayEstimate, ...]  # one per input day
    # Logged kcal per kg of trend-weight change on the last day: the energy density of the
    # person's weight change times the logging factor, averaged over the factors as the estimate.
    kcal_per_kg: float


# Plausible values. The heaviest people recorded weighed about 600 kg; 30,000 kcal is above the
# intake of endurance athletes in multi-day races (about 10,000 kcal/day), so a day above it is
# a logging error rather than a meal.
WEIGHT_RANGE_KG = (20.0, 700.0)
MAX_INTAKE_KCAL = 30_000.0
BAND_RANGE = (0.5, 0.99)

LAST_DAYS = 7  # the headline is the mean over the last week, which evens out weekday swings

# Water and the scale. Beyond the glycogen and fluid that follow intake (modelled, see
# `dynamics.fast_mass_response`), scale weight scatters 0.3-1 kg around the trend in free-living
# adults (sodium, gut content, hydration). The person's own scatter is the most probable value on
# a grid, given their weigh-ins and a prior centred on 0.55 kg (log-normal, SD 0.5 in log units).
# A swing halves from one day to the next, as fluid shifts do (the model's extracellular fluid
# relaxes by exp(-0.93) = 0.39 a day; gut content turns over in one to two days).
WATER_SD_GRID_KG = (0.15, 0.2, 0.27, 0.36, 0.48, 0.64, 0.85, 1.13, 1.5)
WATER_SD_PRIOR_KG = 0.55
WATER_SD_PRIOR_LOG_SD = 0.5
WATER_CORRELATION_GRID = (0.3, 0.5, 0.7)
# A weigh-in this many SDs from its prediction is down-weighted, and scored by Huber's loss in
# the likelihood (Huber PJ. Ann Math Stat 1964;35:73-101); 3 SD leaves Gaussian readings almost
# untouched (0.3 % of them lie further).
OUTLIER_Z = 3.0
SCALE_SD_KG = 0.05  # a bathroom scale's own repeatability, and readings rounded to 0.1 kg
# The fast masses before the first day: an intake change just before logging leaves glycogen and
# fluid up to about a kilogram away from where the usual intake holds them.
FAST_MASS_START_SD_KG = 0.5
# How far a person's fast response to one day's intake may stray from the model's: its
# carbohydrate and salt vary from day to day (the model takes half the energy as carbohydrate).
FAST_RESPONSE_CV = 0.5
# Daily drift of expenditure (kcal/day per day, SD): expenditure moves with weight (about 20-30
# kcal/day per kg, the Hall model's gamma and delta terms) and with adaptive thermogenesis over
# weeks (beta_AT = 0.14 of an intake change, tau 14 days), i.e. a few kcal a day.
EXPENDITURE_DRIFT_SD_KCAL = 8.0
# The thermic effect of food: expenditure rises by this share of a day's intake above the usual
# (beta_TEF of the Hall model, dynamics.PARAMETERS).
THERMIC_EFFECT = dynamics.PARAMETERS.beta_tef
# The trend weight's own daily wander, for what the energy balance does not explain (kg SD).
TREND_WANDER_SD_KG = 0.02

# The logging factor f (logged over eaten calories) turns true calories into logged ones: the
# energy density in logged calories is f rho. Weight and log alone cannot tell f apart from
# expenditure; with the formula's prior they say a little. The estimate is averaged over f on a
# grid across the 0-30 % consistent under-logging it is built for (self-reported intake falls
# 0-45 % below doubly-labelled-water expenditure: Schoeller DA. Metabolism 1995;44(Suppl
# 2):18-22), each value weighted by how well it explains the weigh-ins; the spread of the
# estimates across f widens the band.
LOGGING_FACTOR_GRID = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0)
TYPICAL_LOGGING_FACTOR = 0.85  # the grid's middle, for choosing the water scatter
# Body fat assumed when sex, age or height is missing: 30 % of weight, near the middle of adults'
# range (Jackson AS et al. Int J Obes 2002;26:789-96).
DEFAULT_FAT_FRACTION = 0.30
# Jackson's equation can give a lean young person under 5 % fat or a very heavy one over 60 %;
# the estimate keeps the composition inside that span rather than refuse the person.
FAT_PERCENT_CLAMP = (5.0, 60.0)
HEIGHT_RANGE_CM = (100.0, 250.0)

# Priors on expenditure in logged calories. With the person's sex, age and height: Mifflin-St
# Jeor x PAL, moved to the usual intake (PRIOR_INTAKE_RESPONSE), times each logging factor of
# the grid; its SD combines the equation's error
# (Frankenfield D et al. J Am Diet Assoc 2005;105:775-89: within 10 % of measured in 82 % of
# non-obese adults, an SD of about 8 %) and the PAL's. Without them: the person's usual logged
# intake, as if at maintenance, with an SD of 30 % of it (a deficit or surplus of 500-1,000
# kcal/day is common while dieting or gaining).
RMR_EQUATION_CV = 0.08
DEFAULT_PAL = 1.55  # "moderately active", the middle of energy.ACTIVITY_LEVELS
PAL_SD_UNKNOWN = 0.2  # spread of the five activity levels (1.2-1.9)
PAL_SD_KNOWN = 0.1  # a chosen level still misjudges the person by about one step
INTAKE_PRIOR_CV = 0.3
# The formula gives expenditure at energy balance. Someone eating above or below it burns more
# or less: the thermic effect of food follows the intake at once, and adaptive thermogenesis
# follows it over weeks, together this share of the difference (beta_TEF + beta_AT of the Hall
# model: Hall KD et al. Lancet 2011;378:826-37; the fall in expenditure beyond what the lost
# tissue explains, Rosenbaum M, Leibel RL. Int J Obes 2010;34 Suppl 1:S47-55). The prior is
# taken at the person's usual intake, so a dieter's is lower than the formula's.
PRIOR_INTAKE_RESPONSE = dynamics.PARAMETERS.beta_tef + dynamics.PARAMETERS.beta_at
# Adaptive thermogenesis differs from person to person and builds up over weeks (tau 14 days),
# so a person who began their intake lately has less of it: its SD is taken as half of beta_AT.
PRIOR_INTAKE_RESPONSE_SD = dynamics.PARAMETERS.beta_at / 2

# Unlogged day: intake unknown, entered as the usual intake with this coefficient of variation
# (a person's day-to-day variation of energy intake, CV about 25-30 %: Beaton GH et al. Am J Clin
# Nutr 1979;32:2546-59) plus the extra doubt of a day nobody wrote down.
UNLOGGED_INTAKE_CV = 0.35

# Incomplete days: a day not confirmed complete whose logged intake is below this share of the
# person's usual (median) logged intake. A day logged at a quarter to a half of what was eaten
# falls below it unless the person ate far more than usual; with a day-to-day CV of 25 % (Beaton
# 1979) an ordinary light day falls below it about once in 80 days (a log-normal with SD 0.25
# in log units is under 0.57 of its median 1.2 % of the time). Chosen on the simulated people
# (benchmarks/expenditure_accuracy.py) to keep precision and recall both above 0.8.
INCOMPLETE_SHARE_OF_USUAL = 0.57
# A day missing one of the person's usual meals is incomplete below this share instead: a meal
# is a quarter to a third of a day's intake (three or four a day), so a day logged without one
# lands near 0.67-0.75 of usual, above the share for a day with every meal.
MISSING_MEAL_SHARE_OF_USUAL = 0.8


def estimate_expenditure(
    days: Sequence[LoggedDay], person: PersonPrior | None = None, *, band: float = 0.8
) -> ExpenditureEstimate:
    """Expenditure in logged calories, day by day and as the mean of the last 7 days."""
    _check(days, band, person)
    weights = [day.weight_kg for day in days]
    usual = _usual_intake(days)
    incomplete = tuple(index for index, day in enumerate(days) if _incomplete(day, usual))
    intakes = _intakes(days, set(incomplete))
    first_weight = next(w for w in weights if w is not None)
    fat, delta = _body(person, first_weight, usual)
    rho = float(dynamics.weight_change_energy_density(fat))
    per_kg = float(dynamics.expenditure_per_kg(fat, delta))
    formula = _formula(person, first_weight)

    factors = np.array(LOGGING_FACTOR_GRID)
    if formula is None:
        prior_mean = np.full_like(factors, usual)
        prior_sd = np.full_like(factors, INTAKE_PRIOR_CV * max(usual, 1.0))
    else:
        # The formula is expenditure at maintenance; at the usual intake (usual / f true kcal)
        # the thermic effect and adaptive thermogenesis move it by a share of the difference.
        true_usual = usual / factors
        prior_mean = factors * (formula[0] + PRIOR_INTAKE_RESPONSE * (true_usual - formula[0]))
        # The formula's error carries over at the share (1 - response) that the intake does not
        # set; the response itself is uncertain by PRIOR_INTAKE_RESPONSE_SD.
        formula_sd = (1 - PRIOR_INTAKE_RESPONSE) * formula[0] * formula[1]
        response_sd = PRIOR_INTAKE_RESPONSE_SD * (true_usual - formula[0])
        prior_sd = factors * np.hypot(formula_sd, response_sd)
    unset = np.zeros_like(factors)
    models = _Models(rho * factors, per_kg * factors, prior_mean, prior_sd, unset, unset, usual)
    water_sd, correlation = _most_probable_water(
        intakes, weights, models.one(LOGGING_FACTOR_GRID.index(TYPICAL_LOGGING_FACTOR))
    )
    models = dataclasses.replace(
        models, water_sd=unset + water_sd, water_correlation=unset + correlation
    )
    thermic = np.array([0.0 if i is None else THERMIC_EFFECT * (i - usual) for i in intakes])
    filtered = _filter(models, intakes, weights)
    means, covariances = _smooth(models, filtered)
    fits = [
        _Fit(
            means[:, m, EXPENDITURE] + thermic,
            np.sqrt(covariances[:, m, EXPENDITURE, EXPENDITURE]),
            means[:, m, TREND],
            float(filtered.log_likelihood[m]),
        )
        for m in range(models.size)
    ]
    posterior = _posterior(fits)
    daily, daily_sd, trend, mean, sd = _averaged(fits, posterior)
    z = statistics.NormalDist().inv_cdf(0.5 + band / 2)
    day_estimates = tuple(
        DayEstimate(
            expenditure_kcal=float(daily[t]),
            low_kcal=float(daily[t] - z * daily_sd[t]),
            high_kcal=float(daily[t] + z * daily_sd[t]),
            trend_weight_kg=float(trend[t]),
            incomplete=t in incomplete,
            used=intakes[t] is not None,
        )
        for t in range(len(days))
    )
    return ExpenditureEstimate(
        expenditure_kcal=mean,
        low_kcal=mean - z * sd,
        high_kcal=mean + z * sd,
        band=band,
        trend_weight_kg=float(trend[-1]),
        incomplete_days=incomplete,
        days_used=sum(intake is not None for intake in intakes),
        days=day_estimates,
        kcal_per_kg=float(posterior @ models.rho),
    )


def _check_person(person: PersonPrior) -> None:
    if person.sex is not None and person.sex not in tuple(Sex):
        raise InvalidInput(f"sex must be one of {', '.join(Sex)}")
    if person.age_years is not None:
        check_adult_age(person.age_years)
    low, high = HEIGHT_RANGE_CM
    if person.height_cm is not None and not low <= person.height_cm <= high:
        raise InvalidInput(f"height must be between {low:g} and {high:g} cm")
    low, high = dynamics.PAL_RANGE
    if person.activity_factor is not None and not low <= person.activity_factor <= high:
        raise InvalidInput(f"the activity factor (PAL) must be between {low:g} and {high:g}")


def _check(days: Sequence[LoggedDay], band: float, person: PersonPrior | None) -> None:
    low_band, high_band = BAND_RANGE
    if not low_band <= band <= high_band:
        raise InvalidInput(f"the band must be between {low_band:g} and {high_band:g}")
    low, high = WEIGHT_RANGE_KG
    for day in days:
        if not isinstance(day.status, DayStatus):
            raise InvalidInput(f"a day's status must be one of {', '.join(DayStatus)}")
        if day.weight_kg is not None and not low <= day.weight_kg <= high:
            raise InvalidInput(f"a weight must be between {low:g} and {high:g} kg")
        if day.intake_kcal is not None and not 0 <= day.intake_kcal <= MAX_INTAKE_KCAL:
            raise InvalidInput(f"a day's intake must be between 0 and {MAX_INTAKE_KCAL:g} kcal")
        if not isinstance(day.meals_missing, int) or day.meals_missing < 0:
            raise InvalidInput("a day's missing meals must be a whole number, 0 or more")
    if person is not None:
        _check_person(person)
    if not any(day.weight_kg is not None for day in days):
        raise InvalidInput("the estimate needs at least one weigh-in")
    if not any(_logged(day) for day in days):
        raise InvalidInput("the estimate needs at least one day with its food logged")


def _logged(day: LoggedDay) -> bool:
    if day.status is DayStatus.FASTED:
        return True
    return day.intake_kcal is not None and day.status is not DayStatus.EXCLUDED


def _usual_intake(days: Sequence[LoggedDay]) -> float:
    """The person's usual logged intake: the median of the days they ate on (neither left out
    nor fasted, nor logged at zero), taken again without the days far below the first median, so
    that the incomplete days themselves do not drag it down."""
    logged = [
        day.intake_kcal
        for day in days
        if day.intake_kcal and day.status in (DayStatus.AUTO, DayStatus.COMPLETE)
    ]
    if not logged:
        return 0.0
    first = statistics.median(logged)
    kept = [intake for intake in logged if intake >= INCOMPLETE_SHARE_OF_USUAL * first]
    return float(statistics.median(kept or logged))


def _incomplete(day: LoggedDay, usual: float) -> bool:
    share = MISSING_MEAL_SHARE_OF_USUAL if day.meals_missing else INCOMPLETE_SHARE_OF_USUAL
    return (
        day.status is DayStatus.AUTO
        and day.intake_kcal is not None
        and day.intake_kcal < share * usual
    )


def _intakes(days: Sequence[LoggedDay], incomplete: set[int]) -> list[float | None]:
    intakes: list[float | None] = []
    for index, day in enumerate(days):
        if day.status is DayStatus.FASTED:
            intakes.append(0.0)
        elif day.status is DayStatus.EXCLUDED or index in incomplete:
            intakes.append(None)
        else:
            intakes.append(day.intake_kcal)
    return intakes


def _knows_body(person: PersonPrior | None) -> PersonPrior | None:
    """The person, if their sex, age and height are all known."""
    if person and person.sex and person.age_years is not None and person.height_cm is not None:
        return person
    return None


def _body(person: PersonPrior | None, weight_kg: float, usual: float) -> tuple[float, float]:
    """Fat mass (kg) and the cost of moving a kg (delta, true kcal/kg/day) at the start."""
    known = _knows_body(person)
    if known is not None:
        assert known.sex is not None
        assert known.age_years is not None
        assert known.height_cm is not None
        sex = str(known.sex)
        coefficients = dynamics.SEX_COEFFICIENTS[sex]
        bmi = weight_kg / (known.height_cm / CM_PER_M) ** 2
        fat_percent = (
            coefficients.fat_age * known.age_years
            + coefficients.fat_ln_bmi * math.log(bmi)
            + coefficients.fat_constant
        )
        low, high = FAT_PERCENT_CLAMP
        body = dynamics.baseline(
            sex,
            known.age_years,
            known.height_cm,
            weight_kg,
            known.activity_factor or DEFAULT_PAL,
            body_fat_percent=min(max(fat_percent, low), high),
        )
        return float(body.fat_kg[0]), float(body.delta[0])
    pal = DEFAULT_PAL
    resting = usual / TYPICAL_LOGGING_FACTOR / pal
    delta = ((1 - dynamics.PARAMETERS.beta_tef) * pal - 1) * resting / weight_kg
    return DEFAULT_FAT_FRACTION * weight_kg, max(delta, 0.0)


def _formula(person: PersonPrior | None, weight_kg: float) -> tuple[float, float] | None:
    """Mifflin-St Jeor x PAL (true kcal/day) and its coefficient of variation, if the person's
    sex, age and height are known."""
    person = _knows_body(person)
    if person is None:
        return None
    assert person.sex is not None
    assert person.age_years is not None
    assert person.height_cm is not None
    rmr = MIFFLIN_ST_JEOR[MifflinForm.UNROUNDED][Sex(person.sex)](
        weight_kg, person.height_cm, person.age_years
    )
    known = person.activity_factor is not None
    pal = person.activity_factor if person.activity_factor is not None else DEFAULT_PAL
    pal_sd = PAL_SD_KNOWN if known else PAL_SD_UNKNOWN
    return rmr * pal, math.sqrt(RMR_EQUATION_CV**2 + (pal_sd / pal) ** 2)


# The state of a day: trend (slow tissue) weight, expenditure, the fast masses that follow
# intake (glycogen with its water, extracellular fluid) and the water swing.
TREND, EXPENDITURE, FAST, WATER = range(4)
OBSERVED = np.array([1.0, 0.0, 1.0, 1.0])  # the scale reads trend + fast masses + water


@dataclass(frozen=True)
class _Models:
    """k variants of the model, solved side by side: each array has shape (k,)."""

    rho: Array  # logged kcal per kg of trend weight
    per_kg: Array  # logged kcal/day of expenditure per kg of trend weight
    prior_mean: Array
    prior_sd: Array
    water_sd: Array
    water_correlation: Array
    usual: float  # usual logged intake, kcal/day

    @property
    def size(self) -> int:
        return int(self.rho.shape[0])

    def one(self, index: int) -> _Models:
        keep = slice(index, index + 1)
        return _Models(
            self.rho[keep],
            self.per_kg[keep],
            self.prior_mean[keep],
            self.prior_sd[keep],
            self.water_sd[keep],
            self.water_correlation[keep],
            self.usual,
        )

    def transition(self) -> Array:
        matrices = np.zeros((self.size, 4, 4))
        matrices[:, TREND, TREND] = 1.0
        matrices[:, TREND, EXPENDITURE] = -1.0 / self.rho
        matrices[:, EXPENDITURE, EXPENDITURE] = 1.0 - self.per_kg / self.rho
        matrices[:, FAST, FAST] = _FAST_DECAY
        matrices[:, WATER, WATER] = self.water_correlation
        return matrices

    def step(self, intake: float | None) -> tuple[Array, Array]:
        """The input (k, 4) and process noise (k, 4, 4) of a day with this intake (None:
        unknown, the usual intake with a wide variance)."""
        variance = 0.0
        if intake is None:
            intake, variance = self.usual, (UNLOGGED_INTAKE_CV * self.usual) ** 2
        fast_gain = (1 - _FAST_DECAY) * _FAST.kg_per_intake_share / max(self.usual, 1.0)
        # The day's thermic effect follows its intake; the state holds expenditure at the usual.
        stored = (1 - THERMIC_EFFECT) * intake + THERMIC_EFFECT * self.usual
        push = np.zeros((self.size, 4))
        push[:, TREND] = stored / self.rho
        push[:, EXPENDITURE] = self.per_kg * stored / self.rho
        push[:, FAST] = fast_gain * (intake - self.usual)
        spread = np.zeros((self.size, 4))
        spread[:, TREND] = (1 - THERMIC_EFFECT) / self.rho
        spread[:, EXPENDITURE] = (1 - THERMIC_EFFECT) * self.per_kg / self.rho
        spread[:, FAST] = fast_gain
        noise = variance * spread[:, :, np.newaxis] * spread[:, np.newaxis, :]
        noise[:, TREND, TREND] += TREND_WANDER_SD_KG**2
        noise[:, EXPENDITURE, EXPENDITURE] += EXPENDITURE_DRIFT_SD_KCAL**2
        noise[:, WATER, WATER] += self.water_sd**2 * (1 - self.water_correlation**2)
        noise[:, FAST, FAST] += (FAST_RESPONSE_CV * push[:, FAST]) ** 2
        return push, noise

    def start(self, first_weight: float) -> tuple[Array, Array]:
        mean = np.zeros((self.size, 4))
        mean[:, TREND] = first_weight
        mean[:, EXPENDITURE] = self.prior_mean
        covariance = np.zeros((self.size, 4, 4))
        covariance[:, TREND, TREND] = 1.0
        covariance[:, EXPENDITURE, EXPENDITURE] = self.prior_sd**2
        covariance[:, FAST, FAST] = FAST_MASS_START_SD_KG**2
        covariance[:, WATER, WATER] = self.water_sd**2
        return mean, covariance


_FAST = dynamics.fast_mass_response()
_FAST_DECAY = math.exp(-_FAST.rate_per_day)


@dataclass(frozen=True)
class _Filtered:
    predicted_means: Array  # (days, k, 4)
    predicted_covariances: Array  # (days, k, 4, 4)
    means: Array
    covariances: Array
    log_likelihood: Array  # (k,)


def _filter(
    models: _Models, intakes: Sequence[float | None], weights: Sequence[float | None]
) -> _Filtered:
    """The Kalman filter, forward over the days, for every model at once."""
    n, k = len(intakes), models.size
    transition = models.transition()
    transposed = transition.transpose(0, 2, 1)
    mean, covariance = models.start(next(w for w in weights if w is not None))
    predicted_means, predicted_covariances = np.empty((n, k, 4)), np.empty((n, k, 4, 4))
    means, covariances = np.empty((n, k, 4)), np.empty((n, k, 4, 4))
    log_likelihood = np.zeros(k)
    for t in range(n):
        predicted_means[t], predicted_covariances[t] = mean, covariance
        weight = weights[t]
        if weight is not None:
            innovation = weight - mean @ OBSERVED
            seen = covariance @ OBSERVED
            variance = seen @ OBSERVED + SCALE_SD_KG**2
            # A reading further than OUTLIER_Z from its prediction counts as if its noise were
            # wide enough to put it at OUTLIER_Z, so one mistyped weight cannot swing the estimate.
            z = np.abs(innovation) / np.sqrt(variance)
            widened = variance * np.maximum(1.0, z / OUTLIER_Z) ** 2
            gain = seen / widened[:, np.newaxis]
            mean = mean + gain * innovation[:, np.newaxis]
            covariance = covariance - gain[:, :, np.newaxis] * seen[:, np.newaxis, :]
            huber = np.where(z <= OUTLIER_Z, z**2, 2 * OUTLIER_Z * z - OUTLIER_Z**2)
            log_likelihood -= 0.5 * (np.log(2 * math.pi * variance) + huber)
        means[t], covariances[t] = mean, covariance
        push, noise = models.step(intakes[t])
        mean = (transition @ mean[:, :, np.newaxis])[:, :, 0] + push
        covariance = transition @ covariance @ transposed + noise
    return _Filtered(predicted_means, predicted_covariances, means, covariances, log_likelihood)


def _smooth(models: _Models, filtered: _Filtered) -> tuple[Array, Array]:
    """Rauch-Tung-Striebel smoother back over the filter's days: each day's state mean and
    covariance given every day's log and weigh-in, for every model."""
    transposed = models.transition().transpose(0, 2, 1)
    means, covariances = filtered.means.copy(), filtered.covariances.copy()
    for t in range(len(means) - 2, -1, -1):
        predicted = filtered.predicted_covariances[t + 1]
        gain = filtered.covariances[t] @ transposed @ np.linalg.pinv(predicted, hermitian=True)
        step = (means[t + 1] - filtered.predicted_means[t + 1])[:, :, np.newaxis]
        means[t] = filtered.means[t] + (gain @ step)[:, :, 0]
        covariances[t] = filtered.covariances[t] + gain @ (
            covariances[t + 1] - predicted
        ) @ gain.transpose(0, 2, 1)
    return means, covariances


def _most_probable_water(
    intakes: Sequence[float | None], weights: Sequence[float | None], model: _Models
) -> tuple[float, float]:
    """The most probable water scatter and day-to-day correlation on the grids, for `model`
    (one model), given the weigh-ins and the scatter's prior."""
    grid = list(itertools.product(WATER_SD_GRID_KG, WATER_CORRELATION_GRID))
    ones = np.ones(len(grid))
    sds = np.array([sd for sd, _ in grid])
    candidates = _Models(
        model.rho * ones,
        model.per_kg * ones,
        model.prior_mean * ones,
        model.prior_sd * ones,
        sds,
        np.array([correlation for _, correlation in grid]),
        model.usual,
    )
    log_prior = -0.5 * (np.log(sds / WATER_SD_PRIOR_KG) / WATER_SD_PRIOR_LOG_SD) ** 2
    best = int(np.argmax(_filter(candidates, intakes, weights).log_likelihood + log_prior))
    return grid[best]


@dataclass(frozen=True)
class _Fit:
    """The smoothed estimate under one logging factor, and how well that factor explains the
    weigh-ins (the filter's log-likelihood)."""

    daily: Array  # expenditure of each day, its thermic effect included
    daily_sd: Array
    trend: Array
    log_likelihood: float


def _posterior(fits: Sequence[_Fit]) -> Array:
    """Each fit's posterior probability, each factor equally likely beforehand."""
    scores = np.array([fit.log_likelihood for fit in fits])
    weights = np.exp(scores - scores.max())
    return np.asarray(weights / weights.sum())


def _averaged(fits: Sequence[_Fit], weights: Array) -> tuple[Array, Array, Array, float, float]:
    """The fits averaged by their posterior probability `weights`: daily mean and SD, trend,
    and the mean and SD of the last days' mean. A mixture's variance is the mean of the
    variances plus the variance of the means."""
    means = np.array([fit.daily for fit in fits])
    sds = np.array([fit.daily_sd for fit in fits])
    daily = weights @ means
    daily_sd = np.sqrt(weights @ (sds**2 + (means - daily) ** 2))
    trend = weights @ np.array([fit.trend for fit in fits])
    # The last days' estimates move together, so the SD of their mean is taken as their mean SD.
    last_means = means[:, -LAST_DAYS:].mean(axis=1)
    last_sds = sds[:, -LAST_DAYS:].mean(axis=1)
    mean = float(weights @ last_means)
    sd = math.sqrt(float(weights @ (last_sds**2 + (last_means - mean) ** 2)))
    return daily, daily_sd, trend, mean, sd
