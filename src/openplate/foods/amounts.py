"""Nutrient amounts per 100 g of food: unit conversions and the limits of the plausible.

Shared by the importers and by custom foods. Pure Python, no Django.

Sources:
- Salt to sodium: salt = sodium x 2.5, the factor EU labels use (Regulation (EU) No 1169/2011,
  Annex I, point 11), and so the one Open Food Facts uses.
- International units: 1 IU of vitamin A is 0.3 µg of retinol (so 1 µg = 3.33 IU), and 1 IU of
  vitamin D is 0.025 µg (1 µg = 40 IU); NIH Office of Dietary Supplements, *Vitamin A* and
  *Vitamin D* fact sheets for health professionals. Labels that give vitamin A in µg RAE count
  carotenoids as retinol equivalents; converting those at the retinol factor is the convention
  food databases follow, and it is exact for retinol only.
- Energy: fat, the densest nutrient, gives 9 kcal/g (Atwater's general factor), so no food has
  more than 900 kcal per 100 g; oils have 884 in USDA SR24.
"""

from __future__ import annotations

import math

from openplate.foods.nutrients import BY_KEY, GRAM, IU, KCAL, MICROGRAM, MILLIGRAM

SALT_PER_SODIUM = 2.5
MAX_KCAL_PER_100G = 900.0
MAX_GRAMS_PER_100G = 100.0
# A serving, or the amount a label's values are given for: a family pack, not a truckload.
MAX_SERVING_GRAMS = 5000.0

GRAMS_PER_UNIT = {GRAM: 1.0, MILLIGRAM: 1e-3, MICROGRAM: 1e-6}
IU_PER_MICROGRAM = {"vitamin_a_iu": 1 / 0.3, "vitamin_d_iu": 40.0}


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
