from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_profile_water_goal_ml"),
    ]

    operations = [
        migrations.AddField(
            model_name="goal",
            name="target_weight_kg",
            field=models.FloatField(blank=True, null=True),
        ),
    ]
