"""Full-text indexes for food search: FTS5 on SQLite, a tsvector GIN index on PostgreSQL."""

from collections.abc import Callable
from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE foods_food_fts USING fts5(
        name, brand, content='foods_food', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER foods_food_fts_insert AFTER INSERT ON foods_food BEGIN
        INSERT INTO foods_food_fts(rowid, name, brand) VALUES (new.id, new.name, new.brand);
    END""",
    """CREATE TRIGGER foods_food_fts_delete AFTER DELETE ON foods_food BEGIN
        INSERT INTO foods_food_fts(foods_food_fts, rowid, name, brand)
        VALUES ('delete', old.id, old.name, old.brand);
    END""",
    """CREATE TRIGGER foods_food_fts_update AFTER UPDATE OF name, brand ON foods_food BEGIN
        INSERT INTO foods_food_fts(foods_food_fts, rowid, name, brand)
        VALUES ('delete', old.id, old.name, old.brand);
        INSERT INTO foods_food_fts(rowid, name, brand) VALUES (new.id, new.name, new.brand);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER foods_food_fts_update",
    "DROP TRIGGER foods_food_fts_delete",
    "DROP TRIGGER foods_food_fts_insert",
    "DROP TABLE foods_food_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE INDEX foods_food_search ON foods_food
        USING GIN (to_tsvector('english', name || ' ' || brand))""",
]
POSTGRES_BACKWARD = ["DROP INDEX foods_food_search"]


def run(statements_by_vendor: dict[str, list[str]]) -> Callable[..., None]:
    def apply(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("foods", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
