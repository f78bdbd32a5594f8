"""Open Food Facts' JSONL export: one product a line, as the JSON object OFF's API returns.

The fields read are `code`, `product_name` (or `product_name_en`), `brands`, `serving_size`,
`serving_quantity`, and the `nutriments` object with the same `*_100g` keys as the CSV export.
Download: https://world.openfoodfacts.org/data (openfoodfacts-products.jsonl.gz; a gzipped file
is read as it is).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openplate.foods.importers import off, rows
from openplate.foods.importers.rows import BadRow, Refused, Row, SeenIds, UnreadableFile


def read(path: Path) -> Iterator[Row]:
    """Each product of the export, as a food or as the reason it is refused."""
    return rows.reading(path, _records(path))


def _records(path: Path) -> Iterator[Row]:
    with rows.open_text(path) as lines:
        seen = SeenIds()
        first = True
        for line, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            product = _object(text)
            if product is None:
                if first:
                    raise UnreadableFile(
                        f"{path.name} is not JSON Lines (one JSON object a line): "
                        f"line {line} is not a JSON object"
                    )
                yield BadRow(line, None, "is not a JSON object")
                continue
            first = False
            nutriments = product.get("nutriments")
            if nutriments is None:
                nutriments = {}
            if not isinstance(nutriments, dict):
                yield BadRow(line, "nutriments", "is not a JSON object")
                continue
            try:
                yield off.product(line, product.get, nutriments.get, seen)
            except Refused as refused:
                yield BadRow(line, refused.field, refused.problem)


def _object(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
