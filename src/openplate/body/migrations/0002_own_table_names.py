"""The weight and water tables take this app's names; their content types (and so any
permissions given on them) move with them."""

from django.db import migrations

MOVED = ("weightentry", "waterentry")


def move_content_types(apps, schema_editor):  # type: ignore[no-untyped-def]
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="progress", model__in=MOVED).update(app_label="body")


def move_content_types_back(apps, schema_editor):  # type: ignore[no-untyped-def]
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="body", model__in=MOVED).update(app_label="progress")


class Migration(migrations.Migration):
    dependencies = [
        ("body", "0001_initial"),
        ("progress", "0002_weight_and_water_moved_to_body"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="waterentry", table=None),
        migrations.AlterModelTable(name="weightentry", table=None),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
