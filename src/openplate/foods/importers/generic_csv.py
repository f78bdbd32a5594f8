"""OpenPlate's own CSV: comma-separated, a header row, one food a row (docs/foods-import.md).

Columns: `source_id`, `name` and `kcal_per_100g` are required; `brand`, `barcode`,
`serving_name` and `serving_grams` are optional, and so is every nutrient of the registry, as a
column named by its key (`protein_g`, `sodium_mg`, `vitamin_a_iu`...), per 100 g and in the
registry's unit. A column the format does not know refuses the file, so that a misspelled
nutrient is not silently dropped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from openplate.foods.importers import rows
from openplate.foods.importers.rows import (
    BadRow,
    ImportedFood,
    Refused,
    Row,
    SeenIds,
    UnreadableFile,
)
from openplate.foods.nutrients import NUTRIENTS

SOURCE = "csv"
ENERGY = "kcal_per_100g"
REQUIRED_COLUMNS = ("source_id", "name", ENERGY)
OPTIONAL_COLUMNS = ("brand", "barcode", "serving_name", "serving_grams")
NUTRIENT_COLUMNS = tuple(n.key for n in NUTRIENTS if n.key != "energy_kcal")
COLUMNS = frozenset((*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, *NUTRIENT_COLUMNS))


def read(path: Path) -> Iterator[Row]:
    """Each row of the file, as a food or as the reason it is refused."""
    return rows.reading(path, _records(path))


def _records(path: Path) -> Iterator[Row]:
    with rows.open_text(path) as lines:
        reader = csv.reader(lines)
        header = [name.strip() for name in next(reader, [])]
        _check_header(path, header)
        nutrients = [name for name in header if name in NUTRIENT_COLUMNS]
        seen = SeenIds()
        end = reader.line_num
        for values in reader:
            line, end = end + 1, reader.line_num  # a quoted value may span lines
            if not values:
                continue
            if len(values) != len(header):
                yield BadRow(line, None, f"has {len(values)} fields, the header has {len(header)}")
                continue
            try:
                yield _food(line, dict(zip(header, values, strict=True)), nutrients, seen)
            except Refused as refused:
                yield BadRow(line, refused.field, refused.problem)


def _check_header(path: Path, header: list[str]) -> None:
    if not header:
        raise UnreadableFile(f"{path.name} is empty")
    for name in header:
        if name == "energy_kcal":
            raise UnreadableFile(f"{path.name}: energy goes in the {ENERGY} column")
        if name not in COLUMNS:
            raise UnreadableFile(
                f"{path.name} has an unknown column {name!r}: the columns are "
                f"{', '.join(REQUIRED_COLUMNS)}, {', '.join(OPTIONAL_COLUMNS)} and nutrient keys "
                "such as protein_g (see docs/foods-import.md)"
            )
        if header.count(name) > 1:
            raise UnreadableFile(f"{path.name} has two {name} columns")
    for name in REQUIRED_COLUMNS:
        if name not in header:
            raise UnreadableFile(
                f"{path.name} has no {name} column "
                f"(a comma-separated header with {', '.join(REQUIRED_COLUMNS)} is required)"
            )


def _food(line: int, row: dict[str, str], nutrients: list[str], seen: SeenIds) -> ImportedFood:
    source_id = rows.text(
        "source_id", row["source_id"], max_length=rows.MAX_SOURCE_ID_LENGTH, required=True
    )
    seen.check(source_id, line, "source_id")
    food = ImportedFood(
        line=line,
        source=SOURCE,
        source_id=source_id,
        name=rows.text("name", row["name"], max_length=rows.MAX_NAME_LENGTH, required=True),
        brand=rows.text("brand", row.get("brand"), max_length=rows.MAX_NAME_LENGTH),
        barcode=rows.barcode("barcode", row.get("barcode")),
    )
    energy = rows.amount(ENERGY, "energy_kcal", row[ENERGY])
    if energy is None:
        raise Refused(ENERGY, "missing")
    food.nutrients["energy_kcal"] = energy
    for key in nutrients:
        value = rows.amount(key, key, row[key])
        if value is not None:
            food.nutrients[key] = value
    serving = rows.text(
        "serving_name", row.get("serving_name"), max_length=rows.MAX_SERVING_NAME_LENGTH
    )
    grams = rows.number("serving_grams", row.get("serving_grams"))
    if serving and grams is None:
        raise Refused("serving_grams", "missing, and serving_name is given")
    if grams is not None:
        if not serving:
            raise Refused("serving_name", "missing, and serving_grams is given")
        food.servings.append((serving, rows.serving_grams("serving_grams", grams)))
    return food
