"""Importing foods from files: Open Food Facts exports and OpenPlate's own CSV.

One module a format turns a file into rows (`rows.ImportedFood` or `rows.BadRow`) without
touching the database or the network; `saving` writes them. The formats are documented in
docs/foods-import.md.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

from openplate.foods.importers import generic_csv, off_csv, off_jsonl
from openplate.foods.importers.rows import Reader, Row

READERS: dict[str, Reader] = {
    "off-csv": off_csv.read,
    "off-jsonl": off_jsonl.read,
    "csv": generic_csv.read,
}


def read(file_format: str, path: Path) -> Iterator[Row]:
    """The rows of `path` read as `file_format`, a key of READERS. The file is opened and its
    header read now, so that a file that is not of this format raises rows.UnreadableFile here
    rather than part-way through an import."""
    rows = READERS[file_format](path)
    first = next(rows, None)
    return rows if first is None else itertools.chain([first], rows)
