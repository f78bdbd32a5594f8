"""Nutrition reference values: the energy of the macronutrients, the shares of energy they may
supply, the Daily Values of the US label, the factors labels convert with, and the water goal.

- Energy per gram: the Atwater general factors, 4 kcal/g for protein and carbohydrate and 9 for
  fat (Merrill AL, Watt BK. Energy value of foods: basis and derivation. USDA Agriculture
  Handbook No. 74, 1955, revised 1973).
- Shares of energy: the Acceptable Macronutrient Distribution Ranges for adults, protein 10-35 %,
  carbohydrate 45-65 %, fat 20-35 % (Institute of Medicine. Dietary Reference Intakes for
  Energy, Carbohydrate, Fiber, Fat, Fatty Acids, Cholesterol, Protein, and Amino Acids. National
  Academies Press, 2005, chapter 11).
- Daily Values for adults and children 4 years and older: 21 CFR 101.9(c)(8)(iv) and (c)(9), as
  revised by the FDA's 2016 final rule "Food Labeling: Revision of the Nutrition and Supplement
  Facts Labels" (81 FR 33742).
- Salt to sodium: salt = sodium x 2.5, the factor EU labels use (Regulation (EU) No 1169/2011,
  Annex I, point 11), and so the one Open Food Facts uses.
- International units: 1 IU of vitamin A is 0.3 µg of retinol, and 1 IU of vitamin D is
  0.025 µg (1 µg = 40 IU); NIH Office of Dietary Supplements, *Vitamin A* and *Vitamin D* fact
  sheets for health professionals.
- Water: eight glasses of 8 US fl oz a day, the "8 x 8" habit MyPlate's default follows (Valtin
  H. "Drink at least eight glasses of water a day." Really? Am J Physiol Regul Integr Comp
  Physiol 2002;283:R993-1004, which traces it and finds no evidence that more is needed).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from openplate.science.units import ML_PER_US_CUP

MACROS: Final = ("protein", "carbohydrate", "fat")

ATWATER_KCAL_PER_GRAM: Final[Mapping[str, float]] = MappingProxyType(
    {"protein": 4.0, "carbohydrate": 4.0, "fat": 9.0}
)
# No food has more energy per 100 g than pure fat.
MAX_KCAL_PER_100G: Final = 100 * ATWATER_KCAL_PER_GRAM["fat"]

# Acceptable Macronutrient Distribution Ranges, % of energy (IOM 2005).
AMDR_PERCENT: Final[Mapping[str, tuple[float, float]]] = MappingProxyType(
    {"protein": (10.0, 35.0), "carbohydrate": (45.0, 65.0), "fat": (20.0, 35.0)}
)
# The split a new goal starts with, inside each range.
DEFAULT_MACRO_PERCENT: Final[Mapping[str, int]] = MappingProxyType(
    {"protein": 20, "carbohydrate": 50, "fat": 30}
)

SALT_PER_SODIUM: Final = 2.5
IU_PER_MICROGRAM: Final[Mapping[str, float]] = MappingProxyType(
    {"vitamin_a_iu": 1 / 0.3, "vitamin_d_iu": 40.0}
)

# Daily Values, each in the unit of the nutrient's key (vitamin D's 20 µg as IU).
DAILY_VALUES: Final[Mapping[str, float]] = MappingProxyType(
    {
        "fat_g": 78.0,
        "saturated_fat_g": 20.0,
        "cholesterol_mg": 300.0,
        "sodium_mg": 2300.0,
        "carbohydrate_g": 275.0,
        "fiber_g": 28.0,
        "vitamin_d_iu": 20 * IU_PER_MICROGRAM["vitamin_d_iu"],
        "calcium_mg": 1300.0,
        "iron_mg": 18.0,
        "potassium_mg": 4700.0,
    }
)

DEFAULT_WATER_GOAL_ML: Final = 8 * ML_PER_US_CUP


def macro_grams(budget_kcal: float, percent_of_kcal: Mapping[str, float]) -> dict[str, float]:
    """Grams of each macro that supply its share (%) of `budget_kcal`."""
    return {
        name: budget_kcal * percent_of_kcal[name] / 100 / ATWATER_KCAL_PER_GRAM[name]
        for name in MACROS
    }


def energy_shares(grams: Mapping[str, float]) -> dict[str, float]:
    """Each macro's share (%) of the energy the three supply; all 0 when they supply none."""
    kcal = {name: grams[name] * ATWATER_KCAL_PER_GRAM[name] for name in MACROS}
    total = sum(kcal.values())
    return {name: 100 * kcal[name] / total if total else 0.0 for name in MACROS}
