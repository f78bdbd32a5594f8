"""Speed of plain-words logging: one 4-item phrase parsed on the test database (SQLite by default,
the shipped foods loaded). Run: pytest benchmarks/test_parse_speed.py --benchmark-enable.
Without --benchmark-enable (as in CI) each benchmark runs once, which keeps it working.

Target (docs/logging.md): p95 at most 30 ms for the 4-item phrase on SQLite. pytest-benchmark
reports no percentiles, so the p95 comes from `python benchmarks/parse_accuracy.py`, which times
200 runs; the second test here keeps that timing working.
"""

import pytest
from parse_accuracy import SPEED_PHRASE, time_parses

pytestmark = pytest.mark.django_db


def test_a_four_item_phrase(benchmark):
    from openplate.foods.parse import parse_foods

    result = benchmark(parse_foods, SPEED_PHRASE)
    assert len(result.items) >= 4  # eggs, toast, butter, coffee (and milk, if read apart)


def test_the_parse_timing_runs():
    result = time_parses([SPEED_PHRASE, "a banana"], runs=2)
    assert result["parses"] == 4
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
