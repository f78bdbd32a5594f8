"""Keeps the diary page benchmark working: CI runs it once on the test database.

The figures in docs/PERFORMANCE.md come from `python benchmarks/diary_speed.py`."""

from datetime import date

import pytest
from diary_speed import ENTRIES, make_diary, measure

from openplate.diary.models import Entry

pytestmark = pytest.mark.django_db


def test_the_diary_benchmark_runs():
    day = date.today()
    user = make_diary(day)
    assert Entry.objects.filter(user=user, date=day).count() == ENTRIES
    result = measure(user, day, requests=3)
    assert result["requests"] == 3
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
