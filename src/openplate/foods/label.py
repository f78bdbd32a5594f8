"""The US Nutrition Facts label: which nutrients it lists, in what order, and their Daily Values.

Daily Values for adults and children 4 years and older: 21 CFR 101.9(c)(8)(iv) and (c)(9), as
revised by the FDA's 2016 final rule "Food Labeling: Revision of the Nutrition and Supplement
Facts Labels" (81 FR 33742). Vitamin D's 20 µg is 800 IU (40 IU per µg).
"""

from __future__ import annotations

from dataclasses import dataclass

from openplate.foods.nutrients import BY_KEY


@dataclass(frozen=True)
class LabelLine:
    key: str
    label: str
    indent: bool = False
    daily_value: float | None = None  # in the nutrient's own unit
    bold: bool = False


LABEL_LINES: tuple[LabelLine, ...] = (
    LabelLine("fat_g", "Total Fat", daily_value=78, bold=True),
    LabelLine("saturated_fat_g", "Saturated Fat", indent=True, daily_value=20),
    LabelLine("trans_fat_g", "Trans Fat", indent=True),
    LabelLine("cholesterol_mg", "Cholesterol", daily_value=300, bold=True),
    LabelLine("sodium_mg", "Sodium", daily_value=2300, bold=True),
    LabelLine("carbohydrate_g", "Total Carbohydrate", daily_value=275, bold=True),
    LabelLine("fiber_g", "Dietary Fiber", indent=True, daily_value=28),
    LabelLine("sugars_g", "Total Sugars", indent=True),
    LabelLine("protein_g", "Protein", bold=True),
)
VITAMIN_AND_MINERAL_LINES: tuple[LabelLine, ...] = (
    LabelLine("vitamin_d_iu", "Vitamin D", daily_value=800),
    LabelLine("calcium_mg", "Calcium", daily_value=1300),
    LabelLine("iron_mg", "Iron", daily_value=18),
    LabelLine("potassium_mg", "Potassium", daily_value=4700),
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
