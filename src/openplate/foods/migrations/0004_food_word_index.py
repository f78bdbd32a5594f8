"""Trigram indexes on the vocabulary, for finding the words a misspelling is close to."""

from django.db import migrations

from openplate.foods.migrations._vendor_sql import run_for_vendor

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE foods_foodword_fts USING fts5(
        word, content='foods_foodword', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER foods_foodword_fts_insert AFTER INSERT ON foods_foodword BEGIN
        INSERT INTO foods_foodword_fts(rowid, word) VALUES (new.id, new.word);
    END""",
    """CREATE TRIGGER foods_foodword_fts_delete AFTER DELETE ON foods_foodword BEGIN
        INSERT INTO foods_foodword_fts(foods_foodword_fts, rowid, word)
        VALUES ('delete', old.id, old.word);
    END""",
    """CREATE TRIGGER foods_foodword_fts_update AFTER UPDATE OF word ON foods_foodword BEGIN
        INSERT INTO foods_foodword_fts(foods_foodword_fts, rowid, word)
        VALUES ('delete', old.id, old.word);
        INSERT INTO foods_foodword_fts(rowid, word) VALUES (new.id, new.word);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER foods_foodword_fts_update",
    "DROP TRIGGER foods_foodword_fts_delete",
    "DROP TRIGGER foods_foodword_fts_insert",
    "DROP TABLE foods_foodword_fts",
]
POSTGRES_FORWARD = [
    "CREATE INDEX foods_foodword_trgm ON foods_foodword USING GIN (word gin_trgm_ops)",
]
POSTGRES_BACKWARD = ["DROP INDEX foods_foodword_trgm"]


class Migration(migrations.Migration):
    dependencies = [("foods", "0003_food_word")]

    operations = [
        migrations.RunPython(
            run_for_vendor({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run_for_vendor({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
