"""Loading the USDA foods shipped inside the package into the database.

Runs on first start (`openplate serve`) and whenever the shipped file changes (its SHA-256 is kept
in ShippedDataset). Foods are updated in place by (source, source_id), never deleted and
recreated, so that diary entries pointing at them survive a data update.

Like an import, a load commits batch by batch, all or nothing (`importers.journal`): a load that
fails or is killed is undone, and the file's digest is recorded only with the last batch, so the
next start loads it again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from openplate.foods import ranking
from openplate.foods.importers import journal
from openplate.foods.maintenance import refresh_after_bulk_change
from openplate.foods.models import Food, Serving, ShippedDataset

SHIPPED_FOODS = Path(__file__).resolve().parent.parent / "data" / "foods" / "usda_sr24.jsonl.gz"
DATASET_NAME = "usda_sr24"
BATCH_SIZE = 1000
UPDATED_FIELDS = [
    *("name", "group", "nutrients", "energy_kcal", "protein_g", "carbohydrate_g", "fat_g"),
    "measure_count",
]

Progress = Callable[[int], None]  # called with the number of foods just handled


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    skipped: bool  # the same file was loaded before


def shipped_food_count(path: Path = SHIPPED_FOODS) -> int:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return sum(1 for _ in lines)


def needs_loading(path: Path = SHIPPED_FOODS) -> bool:
    """True when the shipped file is not the one loaded last (or none was)."""
    return _loaded_sha256() != _sha256(path)


def _loaded_sha256() -> str | None:
    found: str | None = (
        ShippedDataset.objects.filter(name=DATASET_NAME).values_list("sha256", flat=True).first()
    )
    return found


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_shipped_foods(
    path: Path = SHIPPED_FOODS, *, progress: Progress | None = None, force: bool = False
) -> LoadResult:
    """Load or update the shipped USDA foods; a no-op when this file is loaded already."""
    digest = _sha256(path)
    if not force and _loaded_sha256() == digest:
        return LoadResult(created=0, updated=0, skipped=True)
    journal.recover_abandoned_runs()
    created = updated = 0
    # The first load comes before the server's first start: no web write waits behind it.
    run = journal.Run(f"shipped foods {DATASET_NAME}", make_way=Food.objects.exists())
    try:
        for batch in _batches(_read(path), BATCH_SIZE):
            with run.batch() as undo:
                new, changed = _upsert(batch, undo)
            created, updated = created + new, updated + changed
            if progress is not None:
                progress(len(batch))
        with transaction.atomic():
            count_variants(Food)
            ShippedDataset.objects.update_or_create(name=DATASET_NAME, defaults={"sha256": digest})
            run.finish()
    except BaseException:
        run.undo()
        raise
    finally:
        run.close()
    refresh_after_bulk_change()
    return LoadResult(created=created, updated=updated, skipped=False)


def count_variants(food_model: type[Food]) -> None:
    """Give each shipped food the number of shipped foods in its family (see `ranking.family`).

    Takes the model class so that a migration can pass its historical model.
    """
    foods = list(food_model.objects.filter(source=Food.Source.USDA).only("id", "name"))
    sizes = Counter(ranking.family(food.name) for food in foods)
    for food in foods:
        food.variant_count = sizes[ranking.family(food.name)]
    food_model.objects.bulk_update(foods, ["variant_count"], batch_size=BATCH_SIZE)


def _read(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def _batches(records: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _upsert(batch: list[dict[str, Any]], undo: journal.BatchJournal) -> tuple[int, int]:
    existing = {
        food.source_id: food
        for food in Food.objects.filter(
            source=Food.Source.USDA, source_id__in=[record["id"] for record in batch]
        )
    }
    foods = []
    for record in batch:
        food = existing.get(record["id"]) or Food(source=Food.Source.USDA, source_id=record["id"])
        food.name = record["name"]
        food.group = record.get("group", "")
        food.set_nutrients(record["nutrients"])
        food.measure_count = len(record.get("servings", []))
        foods.append(food)
    new = [food for food in foods if food.pk is None]
    changed = [food for food in foods if food.pk is not None]
    undo.replacing(food.pk for food in changed)
    Food.objects.bulk_create(new)
    undo.created(food.pk for food in new)
    Food.objects.bulk_update(changed, UPDATED_FIELDS)
    _replace_servings(foods, batch)
    return len(new), len(changed)


def _replace_servings(foods: list[Food], batch: list[dict[str, Any]]) -> None:
    Serving.objects.filter(food__in=[food for food in foods if food.pk is not None]).delete()
    Serving.objects.bulk_create(
        Serving(food=food, name=name, grams=grams, position=position)
        for food, record in zip(foods, batch, strict=True)
        for position, (name, grams) in enumerate(record.get("servings", []))
    )
