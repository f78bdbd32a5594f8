"""One batch of imported foods into the database: new foods inserted, known ones updated in place
(same ids, so diary entries keep pointing at them), their servings replaced.

Plain SQL, not bulk_create and bulk_update: those spend most of an import preparing values field
by field and object by object (6,000 rows/s on SQLite, against 17,000 here). SQLite gets
multi-row INSERTs, which return the new ids, and one short UPDATE a row (executemany: in-process,
a few µs each). PostgreSQL gets one INSERT ... ON CONFLICT DO UPDATE a batch, each column of
values as one array (unnest) sent in binary: a statement a row costs it 50-100 µs of round trip
and executor start, more than the insert itself.
"""

from __future__ import annotations

from typing import Any

import psycopg
from django.db import connection
from django.utils import timezone

from openplate.foods.importers.journal import BatchJournal
from openplate.foods.importers.rows import ImportedFood
from openplate.foods.models import Food

# What an import sets: these, and on insert also the source, source id, group and created.
CONTENT = "name, brand, barcode, energy_kcal, protein_g, carbohydrate_g, fat_g, nutrients"
NAMES = ("name", "brand", "barcode")  # the first three of CONTENT
CONTENT_TYPES = "text[], text[], text[], float8[], float8[], float8[], float8[], jsonb[]"

SQLITE = {
    "insert": f"""
        INSERT INTO foods_food ({CONTENT}, source, source_id, "group", created, updated)
        VALUES {{rows}} RETURNING source_id, id""",
    "values": "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, '', %s, %s)",
    "update": """
        UPDATE foods_food SET name = %s, brand = %s, barcode = %s, energy_kcal = %s,
            protein_g = %s, carbohydrate_g = %s, fat_g = %s, nutrients = %s, updated = %s
        WHERE id = %s""",
    # The same, leaving the name, brand and barcode alone: SQLite re-indexes a food for search
    # whenever an UPDATE sets its name or brand, even to the same value (28 µs a row, not 3).
    "update_amounts": """
        UPDATE foods_food SET energy_kcal = %s, protein_g = %s, carbohydrate_g = %s,
            fat_g = %s, nutrients = %s, updated = %s
        WHERE id = %s""",
    "delete_servings": "DELETE FROM foods_serving WHERE food_id IN ({ids})",
    "insert_serving": """
        INSERT INTO foods_serving (food_id, name, grams, position) VALUES (%s, %s, %s, %s)""",
}
SQLITE_INSERTED_VALUES = SQLITE["values"].count("%s")
ARRAYS = ", ".join(f"%b::{kind}" for kind in CONTENT_TYPES.split(", "))
POSTGRES = {
    # One statement inserts the new foods and updates the known ones. A row it updated carries
    # the lock ON CONFLICT took (xmax is set); a row it inserted has xmax 0.
    "upsert": f"""
        INSERT INTO foods_food ({CONTENT}, source, source_id, "group", created, updated)
        SELECT {CONTENT}, %b, source_id, '', %b, %b
        FROM unnest({ARRAYS}, %b::text[]) AS imported({CONTENT}, source_id)
        ON CONFLICT (source, source_id) WHERE NOT (source_id = '') DO UPDATE SET
            name = excluded.name, brand = excluded.brand, barcode = excluded.barcode,
            energy_kcal = excluded.energy_kcal, protein_g = excluded.protein_g,
            carbohydrate_g = excluded.carbohydrate_g, fat_g = excluded.fat_g,
            nutrients = excluded.nutrients, updated = excluded.updated
        RETURNING source_id, id, xmax = 0""",
    "delete_servings": "DELETE FROM foods_serving WHERE food_id = ANY(%b::int8[])",
    "insert_servings": """
        INSERT INTO foods_serving (food_id, name, grams, position)
        SELECT * FROM unnest(%b::int8[], %b::text[], %b::float8[], %b::int2[])""",
}


def write_batch(batch: list[ImportedFood], undo: BatchJournal) -> tuple[int, int]:
    """Write one batch of foods, all of one source, noting in `undo` what it creates and
    replaces; returns (created, updated)."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    if connection.vendor == "postgresql":
        return _write_postgres(batch, now, undo)
    return _write_sqlite(batch, now, undo)


def _write_sqlite(batch: list[ImportedFood], now: Any, undo: BatchJournal) -> tuple[int, int]:
    source = batch[0].source
    known = {
        source_id: (food_id, names)
        for source_id, food_id, *names in _known(source, [row.source_id for row in batch])
    }
    ids = {source_id: food_id for source_id, (food_id, _) in known.items()}
    new = [row for row in batch if row.source_id not in known]
    changed = [row for row in batch if row.source_id in known]
    renamed = [row for row in changed if known[row.source_id][1] != _names(row)]
    undo.replacing(food_id for food_id, _ in known.values())
    with connection.cursor() as cursor:
        # Multi-row inserts return the new ids; as many rows a statement as SQLite takes values.
        per_statement = (connection.features.max_query_params or 999) // SQLITE_INSERTED_VALUES
        for start in range(0, len(new), per_statement):
            chunk = new[start : start + per_statement]
            cursor.execute(
                SQLITE["insert"].format(rows=", ".join([SQLITE["values"]] * len(chunk))),
                [
                    value
                    for row in chunk
                    for value in (*_content(row), source, row.source_id, now, now)
                ],
            )
            inserted = cursor.fetchall()
            ids.update(inserted)
            undo.created(food_id for _, food_id in inserted)
        if changed:
            cursor.executemany(
                SQLITE["update"], [(*_content(row), now, ids[row.source_id]) for row in renamed]
            )
            cursor.executemany(
                SQLITE["update_amounts"],
                [
                    (*_content(row)[len(NAMES) :], now, ids[row.source_id])
                    for row in changed
                    if known[row.source_id][1] == _names(row)
                ],
            )
            food_ids = [ids[row.source_id] for row in changed]
            placeholders = ", ".join(["%s"] * len(food_ids))
            cursor.execute(SQLITE["delete_servings"].format(ids=placeholders), food_ids)
        cursor.executemany(SQLITE["insert_serving"], _servings(batch, ids))
    return len(new), len(changed)


def _write_postgres(batch: list[ImportedFood], now: Any, undo: BatchJournal) -> tuple[int, int]:
    undo.replacing(
        food_id for _, food_id, *_ in _known(batch[0].source, [r.source_id for r in batch])
    )
    connection.ensure_connection()
    # psycopg's own cursor, not Django's client-side one, to send the arrays in binary (%b).
    with psycopg.Cursor(connection.connection) as cursor:
        columns = _columns([(*_content(row), row.source_id) for row in batch])
        cursor.execute(POSTGRES["upsert"], [batch[0].source, now, now, *columns])
        written = cursor.fetchall()
        ids = {source_id: food_id for source_id, food_id, _ in written}
        changed = [food_id for _, food_id, inserted in written if not inserted]
        undo.created(food_id for _, food_id, inserted in written if inserted)
        if changed:
            cursor.execute(POSTGRES["delete_servings"], [changed])
        servings = _servings(batch, ids)
        if servings:
            cursor.execute(POSTGRES["insert_servings"], _columns(servings))
    return len(written) - len(changed), len(changed)


def _known(source: str, source_ids: list[str]) -> list[tuple[Any, ...]]:
    """(source_id, id, *NAMES) of the foods of `source` with these source ids."""
    return list(
        Food.objects.filter(source=source, source_id__in=source_ids)
        .exclude(source_id="")  # the unique index's condition, so that the index is used
        .values_list("source_id", "pk", *NAMES)
    )


def _names(row: ImportedFood) -> list[str]:
    return [row.name, row.brand, row.barcode]


def _content(row: ImportedFood) -> tuple[Any, ...]:
    """The values of CONTENT for one row, as Food.set_nutrients would store them."""
    nutrients = row.nutrients
    return (
        row.name,
        row.brand,
        row.barcode,
        nutrients["energy_kcal"],
        nutrients.get("protein_g"),
        nutrients.get("carbohydrate_g"),
        nutrients.get("fat_g"),
        connection.ops.adapt_json_value(nutrients, None),  # what JSONField does, minus layers
    )


def _servings(batch: list[ImportedFood], ids: dict[str, int]) -> list[tuple[Any, ...]]:
    return [
        (ids[row.source_id], name, grams, position)
        for row in batch
        for position, (name, grams) in enumerate(row.servings)
    ]


def _columns(rows: list[tuple[Any, ...]]) -> list[list[Any]]:
    """Rows turned into columns, one list a column."""
    return [list(column) for column in zip(*rows, strict=True)]
