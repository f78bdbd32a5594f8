"""Nutrient amounts per 100 g of food: unit conversions and the limits of the plausible.

Shared by the importers and by custom foods. Pure Python, no Django. The factors (SI prefixes,
international units, salt to sodium, the energy of fat) are `openplate.science`'s, with their
sources. Labels that give vitamin A in µg RAE count carotenoids as retinol equivalents;
converting those at the retinol factor is the convention food databases follow, and it is exact
for retinol only. No food has more energy than pure fat (oils have 884 kcal/100 g in SR24).
"""

from __future__ import annotations

import math

from openplate.foods.nutrients import BY_KEY, IU, KCAL, MICROGRAM
from openplate.science.nutrition import IU_PER_MICROGRAM, MAX_KCAL_PER_100G
from openplate.science.units import G_PER_MASS_UNIT as GRAMS_PER_UNIT

MAX_GRAMS_PER_100G = 100.0
# A serving, or the amount a label's values are given for: a family pack, not a truckload.
MAX_SERVING_GRAMS = 5000.0


def grams(key: str, amount: float) -> float | None:
    """The weight of `amount` of nutrient `key` (in the registry's unit), in grams; None for
    energy."""
    unit = BY_KEY[key].unit
    if unit == KCAL:
        return None
    if unit == IU:
        return amount / IU_PER_MICROGRAM[key] * GRAMS_PER_UNIT[MICROGRAM]
    return amount * GRAMS_PER_UNIT[unit]


def per_gram(key: str) -> float:
    """How much of nutrient `key`, in the registry's unit (mg, µg, IU...), one gram of it is."""
    unit = BY_KEY[key].unit
    if unit == IU:
        return IU_PER_MICROGRAM[key] / GRAMS_PER_UNIT[MICROGRAM]
    return 1 / GRAMS_PER_UNIT[unit]


def from_grams(key: str, weight_g: float) -> float:
    """`weight_g` grams of nutrient `key`, in the registry's unit."""
    return tidy(weight_g * per_gram(key))


def problem(key: str, amount: float) -> str | None:
    """What is implausible about `amount` of `key` per 100 g, or None when nothing is."""
    if not math.isfinite(amount):
        return "is not a number"
    if amount < 0:
        return "is negative"
    if key == "energy_kcal":
        if amount > MAX_KCAL_PER_100G:
            return f"is more than {MAX_KCAL_PER_100G:g} kcal per 100 g, more than pure fat"
        return None
    weight = grams(key, amount)
    if weight is not None and weight > MAX_GRAMS_PER_100G:
        return f"is more than {MAX_GRAMS_PER_100G:g} g per 100 g"
    return None


def tidy(value: float) -> float:
    """`value` to 6 significant digits: 0.0428 g is 42.8 mg, not 42.800000000000004."""
    return float(f"{value:.6g}")
