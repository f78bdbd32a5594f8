"""Full-text indexes for food search: FTS5 on SQLite, a tsvector GIN index on PostgreSQL."""

from django.db import migrations

from openplate.foods.migrations._vendor_sql import run_for_vendor

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


class Migration(migrations.Migration):
    dependencies = [("foods", "0001_initial")]

    operations = [
        migrations.RunPython(
            run_for_vendor({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run_for_vendor({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
