"""Count each shipped food's household measures and variants, which search uses to put staples
first. New installs get them from the loader; this fills them in for foods loaded before.

The columns are added with plain ALTER TABLE ... ADD COLUMN: Django would rebuild the table on
SQLite to add a NOT NULL column, and dropping the old table would take the search index's triggers
and view with it (migration 0006). Any later change to foods_food on SQLite must do the same.
"""

from typing import Any

from django.db import migrations, models
from django.db.models import Count

from openplate.foods.loading import count_variants

ADD_MEASURE_COUNT = """ALTER TABLE foods_food ADD COLUMN measure_count smallint NOT NULL DEFAULT 0
    CHECK (measure_count >= 0)"""
ADD_VARIANT_COUNT = """ALTER TABLE foods_food ADD COLUMN variant_count integer NOT NULL DEFAULT 1
    CHECK (variant_count >= 0)"""


def count_measures_and_variants(apps: Any, schema_editor: Any) -> None:
    food_model = apps.get_model("foods", "Food")
    shipped = food_model.objects.filter(source="usda").annotate(measures=Count("servings"))
    foods = list(shipped.only("id"))
    for food in foods:
        food.measure_count = food.measures
    food_model.objects.bulk_update(foods, ["measure_count"], batch_size=1000)
    count_variants(food_model)


class Migration(migrations.Migration):
    dependencies = [("foods", "0006_search_index_shortest_first")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="food",
                    name="measure_count",
                    field=models.PositiveSmallIntegerField(default=0),
                ),
                migrations.AddField(
                    model_name="food",
                    name="variant_count",
                    field=models.PositiveIntegerField(default=1),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    [ADD_MEASURE_COUNT, ADD_VARIANT_COUNT],
                    [
                        "ALTER TABLE foods_food DROP COLUMN variant_count",
                        "ALTER TABLE foods_food DROP COLUMN measure_count",
                    ],
                )
            ],
        ),
        migrations.RunPython(count_measures_and_variants, migrations.RunPython.noop),
    ]
