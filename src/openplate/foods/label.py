"""The US Nutrition Facts label: which nutrients it lists, in what order, and their Daily Values
(`openplate.science.nutrition.DAILY_VALUES`, from 21 CFR 101.9).
"""

from __future__ import annotations

from dataclasses import dataclass

from openplate.foods.nutrients import BY_KEY
from openplate.science.nutrition import DAILY_VALUES


@dataclass(frozen=True)
class LabelLine:
    key: str
    label: str
    indent: bool = False
    bold: bool = False

    @property
    def daily_value(self) -> float | None:
        """In the nutrient's own unit; None for a line the label gives no Daily Value."""
        return DAILY_VALUES.get(self.key)


LABEL_LINES: tuple[LabelLine, ...] = (
    LabelLine("fat_g", "Total Fat", bold=True),
    LabelLine("saturated_fat_g", "Saturated Fat", indent=True),
    LabelLine("trans_fat_g", "Trans Fat", indent=True),
    LabelLine("cholesterol_mg", "Cholesterol", bold=True),
    LabelLine("sodium_mg", "Sodium", bold=True),
    LabelLine("carbohydrate_g", "Total Carbohydrate", bold=True),
    LabelLine("fiber_g", "Dietary Fiber", indent=True),
    LabelLine("sugars_g", "Total Sugars", indent=True),
    LabelLine("protein_g", "Protein", bold=True),
)
VITAMIN_AND_MINERAL_LINES: tuple[LabelLine, ...] = (
    LabelLine("vitamin_d_iu", "Vitamin D"),
    LabelLine("calcium_mg", "Calcium"),
    LabelLine("iron_mg", "Iron"),
    LabelLine("potassium_mg", "Potassium"),
)


@dataclass(frozen=True)
class FilledLine:
    line: LabelLine
    amount: float | None
    unit: str
    percent_daily_value: float | None


def fill(
    lines: tuple[LabelLine, ...], per_100g: dict[str, float], grams: float
) -> list[FilledLine]:
    """The label's lines for `grams` of a food with these nutrients per 100 g (None: not known)."""
    filled = []
    for line in lines:
        value = per_100g.get(line.key)
        amount = None if value is None else value * grams / 100
        percent = (
            None if amount is None or line.daily_value is None else 100 * amount / line.daily_value
        )
        filled.append(FilledLine(line, amount, BY_KEY[line.key].unit, percent))
    return filled
