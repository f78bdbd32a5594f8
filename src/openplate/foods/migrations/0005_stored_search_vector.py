"""PostgreSQL: keep each food's search vector in a stored generated column.

With only an index on the expression, PostgreSQL recomputes to_tsvector() for every row a search
touches (a few µs each, milliseconds for a common word); a stored column is read instead.
SQLite's FTS5 table already stores its index, so nothing changes there.
"""

from django.db import migrations

from openplate.foods.migrations._vendor_sql import run_for_vendor

POSTGRES_FORWARD = [
    "DROP INDEX foods_food_search",
    """ALTER TABLE foods_food ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('english', name || ' ' || brand)) STORED""",
    "CREATE INDEX foods_food_search ON foods_food USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX foods_food_search",
    "ALTER TABLE foods_food DROP COLUMN search_vector",
    """CREATE INDEX foods_food_search ON foods_food
        USING GIN (to_tsvector('english', name || ' ' || brand))""",
]


class Migration(migrations.Migration):
    dependencies = [("foods", "0004_food_word_index")]

    operations = [
        migrations.RunPython(
            run_for_vendor({"postgresql": POSTGRES_FORWARD}),
            run_for_vendor({"postgresql": POSTGRES_BACKWARD}),
        )
    ]
