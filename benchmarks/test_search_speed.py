"""Keeps the search benchmark working: CI runs it once on the test database.

The figures in docs/PERFORMANCE.md come from `python benchmarks/search_speed.py`."""

import pytest
from search_speed import QUERIES, measure
from synthetic_foods import add_synthetic_foods

from openplate.foods.models import Food

pytestmark = pytest.mark.django_db


def test_the_search_benchmark_runs():
    result = measure(QUERIES[:5], repeats=1)
    assert result["searches"] == 5
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]


def test_synthetic_foods_grow_the_database_to_the_size_asked():
    target = Food.objects.count() + 25
    assert add_synthetic_foods(target) == 25
    assert Food.objects.count() == target
    assert add_synthetic_foods(target) == 0
