"""A synthetic food database of any size, for measuring search at scale.

Names are recombined from the shipped USDA names (their heads and qualifiers), with brands, so
the word statistics resemble a real database of branded products. Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from openplate.foods.maintenance import refresh_after_bulk_change
from openplate.foods.models import Food

BATCH = 10_000


def add_synthetic_foods(
    total: int, *, seed: int = 1, progress: Callable[[int], None] | None = None
) -> int:
    """Add synthetic foods until the database holds `total` foods; returns how many were added."""
    missing = total - Food.objects.count()
    if missing <= 0:
        return 0
    heads, qualifiers = _name_parts()
    rng = random.Random(seed)
    start = Food.objects.filter(source=Food.Source.CSV).count()
    for offset in range(0, missing, BATCH):
        size = min(BATCH, missing - offset)
        Food.objects.bulk_create(
            _synthetic(rng, heads, qualifiers, start + offset + i) for i in range(size)
        )
        if progress is not None:
            progress(size)
    refresh_after_bulk_change()
    return missing


def _name_parts() -> tuple[list[str], list[str]]:
    heads: set[str] = set()
    qualifiers: set[str] = set()
    for name in Food.objects.filter(source=Food.Source.USDA).values_list("name", flat=True):
        head, *rest = [part.strip() for part in name.split(",")]
        heads.add(head)
        qualifiers.update(part for part in rest if part)
    return sorted(heads), sorted(qualifiers)


def _synthetic(rng: random.Random, heads: list[str], qualifiers: list[str], number: int) -> Food:
    parts = [rng.choice(heads), *rng.sample(qualifiers, rng.randint(1, 4))]
    energy = round(rng.uniform(5, 850), 1)
    return Food(
        name=", ".join(parts)[:255],
        source=Food.Source.CSV,
        source_id=f"synthetic-{number}",
        brand=f"Brand {rng.randint(1, 20_000)}",
        energy_kcal=energy,
        nutrients={"energy_kcal": energy},
    )
