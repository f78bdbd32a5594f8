"""All or nothing for an import written in many short transactions.

One transaction for a whole import would hold SQLite's only write lock for as long as the import
takes (seconds to minutes), and every web write would wait behind it, then fail with "database is
locked". So an import commits batch by batch, and each batch's transaction also records what
undoes it (`ImportBatch`: the foods it created, and the foods it replaced as they were). The
import's `ImportRun` row is deleted in the transaction that finishes it; a run whose row is still
there was never finished, and undoing its batches in reverse order puts every food back.

A run holds a lock for as long as its process lives: a PostgreSQL advisory lock on its
connection, or an flock on a file in the data folder for SQLite (one host). The system frees
either when the process dies, even by kill -9, which is how a later process tells a run that
was killed from one still going (`recover_abandoned_runs`).
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import DatabaseError, connection, models, transaction
from django.utils.dateparse import parse_datetime

from openplate.foods.models import Food, ImportBatch, ImportRun, Serving

ADVISORY_LOCK_CLASS = 0x0F00D  # PostgreSQL advisory locks are (class, id) pairs
LOCK_FOLDER = "import-locks"
SQLITE_PAUSE_SHARE = 0.5  # of a batch's transaction time (scripts/import_while_serving.py)
SERVING_FIELDS = ("food_id", "name", "grams", "position")


def _content_fields() -> list[Any]:
    """Every column of a food but its id."""
    return [field for field in Food._meta.concrete_fields if not field.primary_key]


def _food_fields() -> list[str]:
    return [field.attname for field in _content_fields()]


@dataclass
class BatchJournal:
    """What one batch changes, noted by the writer before it changes it."""

    created_food_ids: list[int] = field(default_factory=list)
    replaced_foods: list[dict[str, Any]] = field(default_factory=list)
    replaced_servings: list[dict[str, Any]] = field(default_factory=list)

    def replacing(self, food_ids: Iterable[int]) -> None:
        """Keep these foods and their servings as they are now; call before changing them."""
        ids = list(food_ids)
        if not ids:
            return
        self.replaced_foods += Food.objects.filter(pk__in=ids).values("id", *_food_fields())
        self.replaced_servings += Serving.objects.filter(food_id__in=ids).values(*SERVING_FIELDS)

    def created(self, food_ids: Iterable[int]) -> None:
        self.created_food_ids += food_ids


class Run:
    """An import under way; use as a context manager around its batches."""

    def __init__(self, what: str, *, make_way: bool = True) -> None:
        """`make_way`: pause after each batch on SQLite (see `batch`); a load with no one to
        make way for, such as the first one before the server is up, goes without."""
        self.make_way = make_way
        with transaction.atomic():
            # The lock is taken before the row is committed, so that no one sees the row unlocked.
            host, pid = _this_process()
            self.record = ImportRun.objects.create(what=what[:255], host=host, pid=pid)
            self.lock = RunLock.take(self.record.pk)
        if self.lock is None:  # only when another process takes a fresh run's id: never
            raise RuntimeError(f"import run {self.record.pk} is locked by another process")
        self.batches = 0

    @contextmanager
    def batch(self) -> Iterator[BatchJournal]:
        """One batch's transaction: the writer notes its changes in the journal it is given.

        On SQLite the import then pauses for a share of the time it held the write lock: a web
        request waiting for the lock looks again only every 100 ms or so (SQLite's busy
        handler), and a gap as short as reading the next batch would mostly pass it by."""
        undo = BatchJournal()
        started = time.perf_counter()
        with transaction.atomic():
            yield undo
            self.write(undo)
        if self.make_way and connection.vendor == "sqlite" and not connection.in_atomic_block:
            time.sleep((time.perf_counter() - started) * SQLITE_PAUSE_SHARE)

    def write(self, batch: BatchJournal) -> None:
        """Record `batch`: call inside the transaction that writes it."""
        ImportBatch.objects.create(
            run=self.record,
            created_food_ids=batch.created_food_ids,
            replaced_foods=batch.replaced_foods,
            replaced_servings=batch.replaced_servings,
        )
        self.batches += 1

    def finish(self) -> None:
        """Make the run's batches permanent: call inside the transaction of its last changes."""
        ImportBatch.objects.filter(run=self.record).delete()
        ImportRun.objects.filter(pk=self.record.pk).delete()

    def undo(self) -> None:
        undo_run(self.record.pk)

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def undo_run(run_id: int) -> None:
    """Undo a run's batches, newest first, one short transaction each; then forget the run.

    Each batch's undo commits with the deletion of its record, so an undo that is itself killed
    resumes where it stopped."""
    batch_ids = ImportBatch.objects.filter(run_id=run_id).order_by("-pk").values_list("pk")
    for (batch_id,) in list(batch_ids):
        with transaction.atomic():
            _undo_batch(ImportBatch.objects.get(pk=batch_id))
    ImportRun.objects.filter(pk=run_id).delete()


def _undo_batch(batch: ImportBatch) -> None:
    replaced = [values["id"] for values in batch.replaced_foods]
    if replaced:
        Serving.objects.filter(food_id__in=replaced).delete()
        _restore_foods(batch.replaced_foods)
        Serving.objects.bulk_create(Serving(**values) for values in batch.replaced_servings)
    # Through the ORM, so that what points at a food (favourites, entries) is treated as on any
    # deletion.
    Food.objects.filter(pk__in=batch.created_food_ids).delete()
    batch.delete()


def _restore_foods(rows: list[dict[str, Any]]) -> None:
    """Put foods' columns back as they were, one UPDATE a food (bulk_update's CASE expressions
    take seconds for a batch)."""
    fields = _content_fields()
    assignments = ", ".join(f"{connection.ops.quote_name(field.column)} = %s" for field in fields)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE foods_food SET {assignments} WHERE id = %s",
            [
                [*(_stored(field, values[field.attname]) for field in fields), values["id"]]
                for values in rows
            ],
        )


def _stored(field: Any, value: Any) -> Any:
    """A column's value as the journal kept it, ready for the database."""
    if isinstance(field, models.JSONField):
        return connection.ops.adapt_json_value(value, field.encoder)
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        return connection.ops.adapt_datetimefield_value(parse_datetime(value))
    return value


def recover_abandoned_runs() -> list[str]:
    """Undo every run whose process is gone; returns what each was."""
    undone = []
    for run in ImportRun.objects.order_by("-pk"):
        if (run.host, run.pid) == _this_process():
            continue  # this very process is importing (PostgreSQL would lend it its own lock)
        lock = RunLock.take(run.pk)
        if lock is None:
            continue  # its process is still importing
        try:
            undo_run(run.pk)
            undone.append(str(run))
        finally:
            lock.release()
    return undone


class RunLock:
    """A lock that lives as long as the process holding it."""

    def __init__(self, run_id: int, file: IO[str] | None) -> None:
        self.run_id = run_id
        self.file = file

    @classmethod
    def take(cls, run_id: int) -> RunLock | None:
        """The run's lock, or None when another process holds it."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [ADVISORY_LOCK_CLASS, run_id])
                taken = cursor.fetchone()[0]
            return cls(run_id, None) if taken else None
        path = _lock_path(run_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        file = path.open("a")
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            file.close()
            return None
        return cls(run_id, file)

    def release(self) -> None:
        if self.file is None:
            try:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT pg_advisory_unlock(%s, %s)", [ADVISORY_LOCK_CLASS, self.run_id]
                    )
            except DatabaseError:
                pass  # the connection is gone, and its lock with it
            return
        _lock_path(self.run_id).unlink(missing_ok=True)
        self.file.close()


def _this_process() -> tuple[str, int]:
    return socket.gethostname()[:255], os.getpid()


def _lock_path(run_id: int) -> Path:
    return Path(settings.DATA_DIR) / LOCK_FOLDER / f"{connection.alias}-{run_id}.lock"
