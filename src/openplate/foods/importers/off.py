"""Open Food Facts products, as both its CSV and its JSONL exports give them.

Open Food Facts (OFF) gives each nutrient per 100 g of product (per 100 ml for drinks, taken
here as 100 g) in grams, whatever unit the label used: "fields that end with _100g correspond
to the amount of a nutriment (in g, or kJ for energy) for 100 g or 100 ml of product" (OFF's
description of its exports, https://world.openfoodfacts.org/data/data-fields.txt). Energy is
`energy-kcal_100g` in kcal, or in kJ as `energy-kj_100g` and `energy_100g`; `serving_quantity`
is the serving in grams that OFF computed from the label's `serving_size` text.

The conversions to the registry's units (mg, µg, IU) are in `openplate.foods.amounts`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from openplate.foods import amounts
from openplate.foods.importers import rows
from openplate.foods.importers.rows import ImportedFood, Refused, SeenIds
from openplate.science.nutrition import SALT_PER_SODIUM
from openplate.science.units import KJ_PER_KCAL

SOURCE = "off"
ENERGY_KCAL = "energy-kcal_100g"
ENERGY_KJ = ("energy-kj_100g", "energy_100g")
SODIUM = "sodium_100g"
SALT = "salt_100g"
# OFF field (grams per 100 g) -> registry key. Energy, sodium and salt have rules of their own;
# OFF's alcohol_100g is % by volume, not grams, and is left out.
NUTRIENT_FIELDS = {
    "proteins_100g": "protein_g",
    "carbohydrates_100g": "carbohydrate_g",
    "fiber_100g": "fiber_g",
    "sugars_100g": "sugars_g",
    "starch_100g": "starch_g",
    "fat_100g": "fat_g",
    "saturated-fat_100g": "saturated_fat_g",
    "monounsaturated-fat_100g": "monounsaturated_fat_g",
    "polyunsaturated-fat_100g": "polyunsaturated_fat_g",
    "trans-fat_100g": "trans_fat_g",
    "omega-3-fat_100g": "omega_3_g",
    "omega-6-fat_100g": "omega_6_g",
    "cholesterol_100g": "cholesterol_mg",
    "caffeine_100g": "caffeine_mg",
    "potassium_100g": "potassium_mg",
    "calcium_100g": "calcium_mg",
    "iron_100g": "iron_mg",
    "magnesium_100g": "magnesium_mg",
    "phosphorus_100g": "phosphorus_mg",
    "zinc_100g": "zinc_mg",
    "copper_100g": "copper_mg",
    "manganese_100g": "manganese_mg",
    "selenium_100g": "selenium_ug",
    "fluoride_100g": "fluoride_ug",
    "vitamin-a_100g": "vitamin_a_iu",
    "vitamin-c_100g": "vitamin_c_mg",
    "vitamin-d_100g": "vitamin_d_iu",
    "vitamin-e_100g": "vitamin_e_mg",
    "vitamin-k_100g": "vitamin_k_ug",
    "vitamin-b1_100g": "thiamin_mg",
    "vitamin-b2_100g": "riboflavin_mg",
    "vitamin-pp_100g": "niacin_mg",
    "pantothenic-acid_100g": "pantothenic_acid_mg",
    "vitamin-b6_100g": "vitamin_b6_mg",
    "vitamin-b9_100g": "folate_ug",
    "vitamin-b12_100g": "vitamin_b12_ug",
}
CONVERSIONS = tuple((name, key, amounts.per_gram(key)) for name, key in NUTRIENT_FIELDS.items())
SODIUM_PER_GRAM = amounts.per_gram("sodium_mg")
PRODUCT_FIELDS = ("code", "product_name", "product_name_en", "brands")
SERVING_FIELDS = ("serving_size", "serving_quantity")
# Every field a product is read from: the CSV reader keeps these columns only.
FIELDS = (
    *PRODUCT_FIELDS,
    *SERVING_FIELDS,
    ENERGY_KCAL,
    *ENERGY_KJ,
    SODIUM,
    SALT,
    *NUTRIENT_FIELDS,
)
DEFAULT_SERVING_NAME = "1 serving"
# A serving_size that is only an amount ("30 g", "250ml", "") names nothing.
MEASURE_ONLY = re.compile(r"(\d+([.,]\d+)? ?(g|gr|grams?|ml|cl|l)?)?", re.IGNORECASE)

Field = Callable[[str], object]  # a product's field by name; None when absent


def product(line: int, field: Field, nutriment: Field, seen: SeenIds) -> ImportedFood:
    """The food an OFF product describes; raises Refused naming the first bad field."""
    code = rows.barcode("code", field("code"), required=True)
    seen.check(code, line, "code")
    name = rows.text(
        "product_name",
        field("product_name") or field("product_name_en"),
        max_length=rows.MAX_NAME_LENGTH,
        required=True,
    )
    food = ImportedFood(
        line=line,
        source=SOURCE,
        source_id=code,
        name=name,
        brand=rows.text("brands", field("brands"), max_length=rows.MAX_NAME_LENGTH),
        barcode=code,
    )
    nutrients = food.nutrients
    nutrients["energy_kcal"] = _energy_kcal(nutriment)
    for name_100g, key, per_gram in CONVERSIONS:
        raw = nutriment(name_100g)
        if raw is None or raw == "":  # most products give a few nutrients only
            continue
        weight = rows.number(name_100g, raw)
        if weight is not None:
            nutrients[key] = _converted(name_100g, key, weight, per_gram)
    if (sodium := rows.number(SODIUM, nutriment(SODIUM))) is not None:
        nutrients["sodium_mg"] = _converted(SODIUM, "sodium_mg", sodium, SODIUM_PER_GRAM)
    elif (salt := rows.number(SALT, nutriment(SALT))) is not None:
        sodium = _converted(SALT, "sodium_mg", salt, SODIUM_PER_GRAM)
        nutrients["sodium_mg"] = amounts.tidy(sodium / SALT_PER_SODIUM)
    grams = rows.number("serving_quantity", field("serving_quantity"))
    if grams:  # absent or 0: OFF could not tell
        serving = rows.text("serving_size", field("serving_size"), max_length=1_000)
        if len(serving) > rows.MAX_SERVING_NAME_LENGTH or MEASURE_ONLY.fullmatch(serving):
            serving = DEFAULT_SERVING_NAME  # not "30 g = 30 g"
        food.servings.append((serving, rows.serving_grams("serving_quantity", grams)))
    return food


def _converted(field: str, key: str, weight_g: float, per_gram: float) -> float:
    """`weight_g` grams per 100 g, checked, in the registry's unit for `key`."""
    if not 0 <= weight_g <= amounts.MAX_GRAMS_PER_100G:
        rows.check(field, key, amounts.from_grams(key, weight_g), shown=weight_g)
    return weight_g if per_gram == 1 else amounts.tidy(weight_g * per_gram)


def _energy_kcal(nutriment: Field) -> float:
    kcal = rows.number(ENERGY_KCAL, nutriment(ENERGY_KCAL))
    if kcal is not None:
        rows.check(ENERGY_KCAL, "energy_kcal", kcal, shown=kcal)
        return kcal
    for name in ENERGY_KJ:
        kj = rows.number(name, nutriment(name))
        if kj is not None:
            kcal = amounts.tidy(kj / KJ_PER_KCAL)
            if (problem := amounts.problem("energy_kcal", kcal)) is not None:
                raise Refused(name, f"{kj:g} kJ ({kcal:.0f} kcal) {problem}")
            return kcal
    raise Refused(ENERGY_KCAL, f"missing, and so are {' and '.join(ENERGY_KJ)}")
