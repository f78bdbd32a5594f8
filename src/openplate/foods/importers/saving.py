"""Writing imported foods: in short batches, all or nothing, updating foods in place.

A food is known by (source, source_id): importing a file again updates its foods (same rows, so
diary entries keep pointing at them) and replaces their servings. Without `skip_bad`, one bad row
refuses the whole import and nothing changes; reading goes on only to report a few more.

Each batch is read from the file first, then written in a transaction of its own (tens of
milliseconds), so that web requests writing at the same time wait that long at most, not for the
whole import. `journal` keeps what undoes each batch, and undoes them all when the import fails,
or at the next start when it was killed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from openplate.foods.importers import journal, read
from openplate.foods.importers.rows import BadRow, ImportedFood, Row
from openplate.foods.importers.upsert import write_batch
from openplate.foods.maintenance import refresh_after_bulk_change

BATCH_SIZE = 500  # foods a transaction: under 0.5 s on a busy host (docs/PERFORMANCE.md)
PROGRESS_EVERY = 1000  # rows
MAX_REPORTED = 20  # bad rows reported; without skip_bad, reading stops at this many

Progress = Callable[[int], None]  # called with the number of lines just read


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    bad_rows: int = 0
    problems: list[BadRow] = field(default_factory=list)  # the first MAX_REPORTED bad rows

    @property
    def imported(self) -> int:
        return self.created + self.updated


class BadRowsFound(Exception):
    """The file has bad rows and skip_bad was not given: nothing was imported."""

    def __init__(self, result: ImportResult, *, stopped: bool) -> None:
        super().__init__(f"{result.bad_rows} bad rows")
        self.result = result
        self.stopped = stopped  # reading stopped at MAX_REPORTED bad rows: there may be more


def import_file(
    file_format: str, path: Path, *, skip_bad: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Import the foods of `path`, read as `file_format` (a key of importers.READERS).

    Raises rows.UnreadableFile when the file cannot be read as that format, and BadRowsFound
    when a row is bad and `skip_bad` is false; either way nothing changes.
    """
    return save(read(file_format, path), skip_bad=skip_bad, progress=progress)


def save(
    rows: Iterable[Row], *, skip_bad: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Write the foods among `rows`, all or nothing; see import_file."""
    journal.recover_abandoned_runs()
    run = journal.Run("food import")
    try:
        result = _save_batches(rows, run, skip_bad=skip_bad, progress=progress)
        with transaction.atomic():
            run.finish()
    except BaseException:
        run.undo()
        raise
    finally:
        run.close()
    if result.imported:
        refresh_after_bulk_change()
    return result


def _save_batches(
    rows: Iterable[Row], run: journal.Run, *, skip_bad: bool, progress: Progress | None
) -> ImportResult:
    result = ImportResult()
    batch: list[ImportedFood] = []
    reported = 0
    stopped = False
    for seen, row in enumerate(rows, start=1):
        if isinstance(row, BadRow):
            result.bad_rows += 1
            if len(result.problems) < MAX_REPORTED:
                result.problems.append(row)
            if not skip_bad and result.bad_rows >= MAX_REPORTED:
                stopped = True
                break
        elif skip_bad or not result.bad_rows:
            batch.append(row)
            if len(batch) == BATCH_SIZE:
                _write(batch, result, run)
                batch = []
        if progress is not None and seen % PROGRESS_EVERY == 0:
            progress(row.line - reported)
            reported = row.line
    if result.bad_rows and not skip_bad:
        raise BadRowsFound(result, stopped=stopped)  # the caller undoes what was written
    if batch:
        _write(batch, result, run)
    return result


def _write(batch: list[ImportedFood], result: ImportResult, run: journal.Run) -> None:
    with run.batch() as undo:
        created, updated = write_batch(batch, undo)
    result.created += created
    result.updated += updated
