"""What every importer shares: the rows it yields, its refusals, and reading fields and files.

A reader turns a file into `ImportedFood` and `BadRow` items, one per record, each with the line
it starts on; `openplate.foods.importers.saving` writes them. Readers never touch the database or
the network.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from openplate.foods import amounts

GZIP_MAGIC = b"\x1f\x8b"
MAX_NAME_LENGTH = 255  # Food.name and Food.brand
MAX_SERVING_NAME_LENGTH = 160  # Serving.name
MAX_SOURCE_ID_LENGTH = 64  # Food.source_id
MAX_BARCODE_LENGTH = 32  # Food.barcode


@dataclass(slots=True)
class ImportedFood:
    """One food read from a file; nutrients per 100 g, keyed and in units as in the registry."""

    line: int
    source: str
    source_id: str
    name: str
    brand: str = ""
    barcode: str = ""
    nutrients: dict[str, float] = field(default_factory=dict)
    servings: list[tuple[str, float]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class BadRow:
    """A refused row: its line, the field at fault (None for the row as a whole), and why."""

    line: int
    field: str | None
    problem: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.field is None else f"line {self.line}, {self.field}"
        return f"{where}: {self.problem}"


Row = ImportedFood | BadRow
Reader = Callable[[Path], Iterator[Row]]


class Refused(Exception):
    """One field of one row is refused; the reader turns this into a BadRow."""

    def __init__(self, field: str | None, problem: str) -> None:
        super().__init__(problem)
        self.field = field
        self.problem = problem


class UnreadableFile(Exception):
    """The file as a whole cannot be imported: missing, not text, not this format."""


def open_text(path: Path, *, encoding: str = "utf-8-sig") -> TextIO:
    """The file as text, decompressed when gzipped (Open Food Facts ships .gz exports); a
    byte-order mark, as spreadsheets write, is dropped."""
    try:
        with path.open("rb") as raw:
            gzipped = raw.read(2) == GZIP_MAGIC
        if gzipped:
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding=encoding, newline="")
        return path.open(encoding=encoding, newline="")
    except OSError as error:
        raise UnreadableFile(f"cannot read {path}: {error.strerror or error}") from None


def count_lines(path: Path) -> int:
    """Lines in the file, for a progress bar; 0 when it cannot be read (the import says why)."""
    try:
        with open_text(path) as text:
            raw = text.buffer
            return sum(chunk.count(b"\n") for chunk in iter(lambda: raw.read(1 << 20), b""))
    except (UnreadableFile, OSError, EOFError):
        return 0


def reading(path: Path, records: Iterator[Row]) -> Iterator[Row]:
    """`records`, with what breaks the file as a whole (bad UTF-8, a truncated gzip) turned into
    UnreadableFile."""
    try:
        yield from records
    except UnicodeDecodeError:
        raise UnreadableFile(f"{path.name} is not UTF-8 text") from None
    except (csv.Error, OSError, EOFError) as error:  # a NUL byte, a truncated gzip...
        raise UnreadableFile(f"cannot read {path.name}: {error}") from None


class SeenIds:
    """Source ids already read from this file: a second row with one is refused."""

    def __init__(self) -> None:
        self._lines: dict[str, int] = {}

    def check(self, source_id: str, line: int, field: str) -> None:
        first = self._lines.setdefault(source_id, line)
        if first != line:
            raise Refused(field, f"{source_id} was on line {first} already")


def number(field: str, raw: object) -> float | None:
    """A number from a text or JSON field; None when the field is empty or absent."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            value = float(raw)
        except ValueError:
            if not raw.strip():
                return None
            raise Refused(field, f"{raw.strip()!r} is not a number") from None
        if "_" in raw:  # float() takes "1_000", a spreadsheet would not
            raise Refused(field, f"{raw.strip()!r} is not a number")
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        value = float(raw)
    else:
        raise Refused(field, f"{raw!r} is not a number")
    if not math.isfinite(value):
        raise Refused(field, f"{raw!r} is not a number")
    return value


def amount(field: str, key: str, raw: object) -> float | None:
    """A nutrient amount per 100 g, in the registry's unit for `key`, checked for plausibility."""
    value = number(field, raw)
    if value is not None:
        check(field, key, value, shown=value)
    return value


def check(field: str, key: str, value: float, *, shown: float) -> None:
    """Refuse an implausible `value` of `key` per 100 g, showing the file's own number."""
    if (problem := amounts.problem(key, value)) is not None:
        raise Refused(field, f"{shown:g} {problem}")


def text(field: str, raw: object, *, max_length: int, required: bool = False) -> str:
    value = "" if raw is None else " ".join(str(raw).split())
    if required and not value:
        raise Refused(field, "missing")
    if len(value) > max_length:
        raise Refused(field, f"longer than {max_length} characters")
    return value


def barcode(field: str, raw: object, *, required: bool = False) -> str:
    value = text(field, raw, max_length=MAX_BARCODE_LENGTH * 2, required=required)
    if value and not (value.isascii() and value.isdigit()):
        raise Refused(field, f"{value!r} is not a barcode: only digits")
    if len(value) > MAX_BARCODE_LENGTH:
        raise Refused(field, f"{value} is longer than a barcode ({MAX_BARCODE_LENGTH} digits)")
    return value


def serving_grams(field: str, value: float) -> float:
    """A serving's weight in grams, refused unless more than 0 and at most a family pack."""
    if value <= 0:
        raise Refused(field, f"{value:g} is not more than 0")
    if value > amounts.MAX_SERVING_GRAMS:
        raise Refused(field, f"{value:g} g is more than {amounts.MAX_SERVING_GRAMS:g} g")
    return value
