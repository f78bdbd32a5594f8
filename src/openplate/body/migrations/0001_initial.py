"""Weight and water came from the progress app: this takes over its two tables as they are
(no database change), and 0002 gives them this app's names."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("progress", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="WaterEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("date", models.DateField()),
                        ("ml", models.FloatField()),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="water_entries",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "progress_waterentry",
                        "verbose_name_plural": "water entries",
                        "ordering": ["date", "created", "id"],
                        "indexes": [models.Index(fields=["user", "date"], name="water_user_date")],
                    },
                ),
                migrations.CreateModel(
                    name="WeightEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("date", models.DateField()),
                        ("weight_kg", models.FloatField()),
                        ("body_fat_percent", models.FloatField(blank=True, null=True)),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        ("updated", models.DateTimeField(auto_now=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="weight_entries",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "progress_weightentry",
                        "verbose_name_plural": "weight entries",
                        "ordering": ["date"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "date"), name="one_weight_a_day"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
