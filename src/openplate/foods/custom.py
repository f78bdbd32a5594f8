"""A person's own foods, entered from a label: per 100 g, or per serving and scaled to 100 g.

Only their owner sees them: search filters on `owner_id` (openplate.foods.search).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from openplate.core.checks import is_amount
from openplate.foods import amounts
from openplate.foods.models import Food, Serving
from openplate.foods.nutrients import BY_KEY
from openplate.science.nutrition import MAX_KCAL_PER_100G

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_NAME_LENGTH = 255
MAX_SERVING_NAME_LENGTH = 160
DEFAULT_SERVING_NAME = "1 serving"

Refuse = Callable[[str, str], None]  # (field, message)


def create_custom_food(
    owner: User,
    name: str,
    *,
    nutrients: dict[str, float],
    per_grams: float = 100.0,
    serving_name: str | None = None,
    brand: str = "",
) -> Food:
    """Save `owner`'s food from `nutrients` as a label gives them for `per_grams` grams.

    The amounts are keyed and in units as in `openplate.foods.nutrients` (energy_kcal,
    protein_g, sodium_mg...) and are stored per 100 g. With `serving_name` ("1 bar") or a
    `per_grams` other than 100, the food gets a serving of `per_grams` grams ("1 serving" when
    unnamed). Raises ValidationError with a message for each field at fault: the name, an
    unknown nutrient, a missing, negative or impossible amount, or `per_grams`.
    """
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    name = " ".join(name.split())
    brand = " ".join(brand.split())
    if not name:
        refuse("name", "A name is required.")
    elif len(name) > MAX_NAME_LENGTH:
        refuse("name", f"At most {MAX_NAME_LENGTH} characters.")
    if len(brand) > MAX_NAME_LENGTH:
        refuse("brand", f"At most {MAX_NAME_LENGTH} characters.")
    if serving_name is not None:
        serving_name = " ".join(serving_name.split())
        if not serving_name:
            refuse("serving_name", "Name the serving, or leave it out.")
        elif len(serving_name) > MAX_SERVING_NAME_LENGTH:
            refuse("serving_name", f"At most {MAX_SERVING_NAME_LENGTH} characters.")
    if not is_amount(per_grams, amounts.MAX_SERVING_GRAMS):
        refuse("per_grams", f"More than 0 g and at most {amounts.MAX_SERVING_GRAMS:,.0f} g.")
    if "energy_kcal" not in nutrients:
        refuse("energy_kcal", "Energy (kcal) is required.")
    per_100g = _per_100g(nutrients, per_grams if "per_grams" not in errors else 100.0, refuse)
    if errors:
        raise ValidationError(errors)

    food = Food(owner=owner, source=Food.Source.CUSTOM, name=name, brand=brand)
    food.set_nutrients(per_100g)
    with transaction.atomic():
        food.save()
        if serving_name is not None or per_grams != 100:
            Serving.objects.create(
                food=food, name=serving_name or DEFAULT_SERVING_NAME, grams=per_grams
            )
    return food


def _per_100g(nutrients: dict[str, float], per_grams: float, refuse: Refuse) -> dict[str, float]:
    scale = 100.0 / per_grams
    per_100g: dict[str, float] = {}
    for key, amount in nutrients.items():
        if key not in BY_KEY:
            refuse("nutrients", f"Unknown nutrient {key!r}.")
            continue
        if not _is_number(amount):
            refuse(key, "Enter a number.")
            continue
        if amount < 0:
            refuse(key, "Cannot be negative.")
            continue
        value = amounts.tidy(float(amount) * scale)
        if amounts.problem(key, value) is None:
            per_100g[key] = value
        elif key == "energy_kcal":
            refuse(
                key,
                f"{amount:g} kcal in {per_grams:g} g is {value:,.0f} kcal per 100 g; no food "
                f"has more than {MAX_KCAL_PER_100G:g} (pure fat).",
            )
        else:
            unit = BY_KEY[key].unit
            refuse(key, f"{amount:g} {unit} in {per_grams:g} g is more than the food weighs.")
    return per_100g


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
