"""The servings an amount of a food is given in: its household measures, then grams and ounces.

The diary's entries, the food API's detail and the serving picker all take these names.
"""

from __future__ import annotations

from dataclasses import dataclass

from openplate.foods import amounts
from openplate.foods.models import Food
from openplate.science.units import G_PER_OZ

GRAMS = "g"
OUNCES = "oz"


@dataclass(frozen=True)
class ServingChoice:
    name: str  # what an entry stores and the API takes: "1 medium", "g", "oz"
    label: str
    grams: float


def serving_choices(food: Food) -> list[ServingChoice]:
    """The food's household measures, then grams and ounces. A measure whose name another
    measure of the food has already ("1 slice" of 28 g and of 25 g) is named with its weight, so
    each can be picked by name."""
    measures: list[ServingChoice] = []
    taken = {GRAMS, OUNCES}
    for serving in food.servings.all():
        weight = f"{amounts.tidy(serving.grams):g} g"
        name = serving.name if serving.name not in taken else f"{serving.name} ({weight})"
        taken.add(name)
        measures.append(ServingChoice(name, f"{serving.name} ({weight})", serving.grams))
    return [
        *measures,
        ServingChoice(GRAMS, "grams", 1.0),
        ServingChoice(OUNCES, "ounces", G_PER_OZ),
    ]


def default_serving(food: Food) -> ServingChoice:
    """The serving a new entry of `food` starts at: its first household measure, else grams."""
    return serving_choices(food)[0]
