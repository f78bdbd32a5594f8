"""Keeps the export benchmark working: CI runs it once on the test database.

The figures in docs/PERFORMANCE.md come from `python benchmarks/export_speed.py`."""

import json
from datetime import date

import pytest
from export_speed import make_exporting_person, measure

from openplate.exercise.models import ExerciseEntry
from openplate.yourdata.export import export_json

pytestmark = pytest.mark.django_db


def test_the_export_benchmark_runs():
    user = make_exporting_person(date.today())
    document = json.loads(export_json(user))
    assert len(document["exercise_entries"]) == ExerciseEntry.objects.filter(user=user).count()
    result = measure(user, repeat=1)
    assert set(result) == {"json", "zip"}
    assert all(figures["bytes"] > 0 and figures["peak_bytes"] > 0 for figures in result.values())
