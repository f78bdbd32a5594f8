"""Loading the shipped USDA foods: once, in place, and again only when the file changes."""

import gzip
import json

import pytest

from openplate.foods import loading
from openplate.foods.models import Food, Serving, ShippedDataset

pytestmark = pytest.mark.django_db


def test_every_shipped_food_is_loaded_with_its_servings():
    count = loading.shipped_food_count()
    assert Food.objects.filter(source=Food.Source.USDA).count() == count
    egg = Food.objects.get(source=Food.Source.USDA, source_id="01123")
    assert egg.energy_kcal == 143
    assert egg.nutrients["protein_g"] == pytest.approx(12.56)
    assert any(s.name == "1 large" and s.grams == 50 for s in egg.servings.all())


def test_shipped_foods_know_their_measures_and_variants():
    milk = Food.objects.get(source=Food.Source.USDA, source_id="01077")  # Milk, whole, 3.25% ...
    assert milk.measure_count == milk.servings.count() > 0
    family = Food.objects.filter(source=Food.Source.USDA, name__istartswith="Milk, whole,")
    assert milk.variant_count == family.count() >= 2
    sheep = Food.objects.get(source=Food.Source.USDA, source_id="01109")  # Milk, sheep, fluid
    assert sheep.variant_count == 1


def test_loading_the_same_file_again_does_nothing():
    result = loading.load_shipped_foods()
    assert result.skipped
    assert not loading.needs_loading()


def write_foods(path, records):
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")


def test_a_changed_file_updates_foods_in_place(tmp_path):
    egg = Food.objects.get(source=Food.Source.USDA, source_id="01123")
    changed = tmp_path / "foods.jsonl.gz"
    write_foods(
        changed,
        [
            {
                "id": "01123",
                "name": "Egg, whole, raw, fresh",
                "group": "Dairy and Egg Products",
                "nutrients": {"energy_kcal": 144.0, "protein_g": 12.6},
                "servings": [["1 jumbo", 63.0]],
            },
            {"id": "99999", "name": "Newfruit, raw", "nutrients": {"energy_kcal": 50.0}},
        ],
    )
    result = loading.load_shipped_foods(changed)
    assert (result.created, result.updated) == (1, 1)
    egg.refresh_from_db()
    assert egg.energy_kcal == 144.0  # the same row, so diary entries keep pointing at it
    assert [s.name for s in Serving.objects.filter(food=egg)] == ["1 jumbo"]
    assert Food.objects.filter(source_id="99999").exists()
    assert ShippedDataset.objects.get(name=loading.DATASET_NAME).sha256 != ""


def test_progress_is_reported_for_every_food(tmp_path):
    path = tmp_path / "foods.jsonl.gz"
    write_foods(path, [{"id": f"9{i:04d}", "name": f"Food {i}", "nutrients": {}} for i in range(7)])
    seen = []
    loading.load_shipped_foods(path, progress=seen.append)
    assert sum(seen) == 7
