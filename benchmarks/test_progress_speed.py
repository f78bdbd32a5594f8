"""Keeps the progress page benchmark working: CI runs it once on the test database.

The figures in docs/PERFORMANCE.md come from `python benchmarks/progress_speed.py`."""

from datetime import date

import pytest
from progress_speed import DAYS, ENTRIES_PER_DAY, make_year, measure

from openplate.diary.models import Entry

pytestmark = pytest.mark.django_db


def test_the_progress_benchmark_runs():
    user = make_year(date.today())
    assert Entry.objects.filter(user=user).count() == DAYS * ENTRIES_PER_DAY
    result = measure(user, requests=3)
    assert result["requests"] == 3
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
