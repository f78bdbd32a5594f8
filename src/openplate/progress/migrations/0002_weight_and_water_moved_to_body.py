"""Weight and water are the body app's now (body 0001 took over the tables); this app keeps
only its pages, charts and reports."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_initial"),
        ("body", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="WaterEntry"),
                migrations.DeleteModel(name="WeightEntry"),
            ],
            database_operations=[],
        ),
    ]
