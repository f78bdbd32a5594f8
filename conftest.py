"""Shared by tests/ and benchmarks/."""

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the shipped foods and activities, loaded as on a first
    start."""
    from openplate.exercise.loading import load_activities
    from openplate.foods.loading import load_shipped_foods

    with django_db_blocker.unblock():
        load_shipped_foods()
        load_activities()
