"""Open Food Facts' CSV export: one product a line, tab-separated, with a header row.

The export quotes nothing (a `"` in a product name is just a character), so it is read with
quoting off, and each record is exactly one line. Of its ~200 columns only those in
`off.FIELDS` are read. Download: https://world.openfoodfacts.org/data (en.openfoodfacts.org.
products.csv.gz; a gzipped file is read as it is).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from openplate.foods.importers import off, rows
from openplate.foods.importers.rows import BadRow, Refused, Row, SeenIds, UnreadableFile

REQUIRED_COLUMNS = ("code", "product_name")
# Some columns (ingredients, image data) are long; csv's default limit is 128 KiB.
FIELD_SIZE_LIMIT = 16 * 1024 * 1024


def read(path: Path) -> Iterator[Row]:
    """Each product of the export, as a food or as the reason it is refused."""
    return rows.reading(path, _records(path))


def _records(path: Path) -> Iterator[Row]:
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_SIZE_LIMIT))
    with rows.open_text(path) as lines:
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        columns = _columns(path, header)
        width = len(header or ())
        seen = SeenIds()
        for values in reader:
            line = reader.line_num
            if not values:
                continue
            if len(values) != width:
                yield BadRow(line, None, f"has {len(values)} fields, the header has {width}")
                continue
            fields = {name: values[index] for name, index in columns}
            try:
                yield off.product(line, fields.get, fields.get, seen)
            except Refused as refused:
                yield BadRow(line, refused.field, refused.problem)


def _columns(path: Path, header: list[str] | None) -> list[tuple[str, int]]:
    """(name, index) of the columns a product is read from; refuses a file that is no export."""
    if not header:
        raise UnreadableFile(f"{path.name} is empty")
    index = {name.strip(): position for position, name in enumerate(header)}
    for name in REQUIRED_COLUMNS:
        if name not in index:
            raise UnreadableFile(
                f"{path.name} is not an Open Food Facts CSV export: it has no {name} column "
                "(expected tab-separated columns code, product_name, energy-kcal_100g...)"
            )
    if not any(name in index for name in (off.ENERGY_KCAL, *off.ENERGY_KJ)):
        raise UnreadableFile(
            f"{path.name} has no energy column ({off.ENERGY_KCAL} or {' or '.join(off.ENERGY_KJ)})"
        )
    return [(name, index[name]) for name in off.FIELDS if name in index]
