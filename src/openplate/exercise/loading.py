"""Loading the Compendium's activities shipped inside the package into the database.

Runs on first start and whenever the shipped file changes (its SHA-256 is kept, as for the
foods). Activities are updated in place by their code, so logged exercise keeps its links.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from django.db import transaction

from openplate.exercise.models import Activity
from openplate.foods.models import ShippedDataset

SHIPPED_ACTIVITIES = (
    Path(__file__).resolve().parent.parent / "data" / "activities" / "compendium_2011.csv"
)
DATASET_NAME = "compendium_2011"


def needs_loading(path: Path = SHIPPED_ACTIVITIES) -> bool:
    loaded = ShippedDataset.objects.filter(name=DATASET_NAME).values_list("sha256", flat=True)
    return loaded.first() != _sha256(path)


def load_activities(path: Path = SHIPPED_ACTIVITIES) -> int:
    """Load or update the shipped activities; returns how many the file has (0 when it was
    loaded already)."""
    if not needs_loading(path):
        return 0
    with path.open(newline="", encoding="utf-8") as lines:
        rows = list(csv.DictReader(lines))
    with transaction.atomic():
        known = {activity.code: activity for activity in Activity.objects.all()}
        changed: list[Activity] = []
        new: list[Activity] = []
        for row in rows:
            activity = known.get(row["code"]) or Activity(code=row["code"])
            activity.heading = row["major_heading"]
            activity.description = row["description"]
            activity.met = float(row["met"])
            (changed if activity.pk else new).append(activity)
        Activity.objects.bulk_create(new)
        Activity.objects.bulk_update(changed, ["heading", "description", "met"])
        ShippedDataset.objects.update_or_create(
            name=DATASET_NAME, defaults={"sha256": _sha256(path)}
        )
    return len(rows)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
