"""Speed and memory of the Hall model. Run: pytest benchmarks --benchmark-enable

Targets on the 2-core reference machine (docs/PERFORMANCE.md): one 365-day forecast under 2 ms;
10,000 people x 365 days in one call under 100 ms. Without --benchmark-enable (as in CI) each
benchmark runs once, which keeps them working without timing anything.
"""

import tracemalloc

import numpy as np
import pytest

from openplate.science import dynamics, goals
from openplate.science.energy import Sex

DAYS = 365


def crowd(size: int) -> dynamics.Baseline:
    rng = np.random.default_rng(2026)
    heights = rng.uniform(150, 195, size)
    return dynamics.baseline(
        np.where(rng.random(size) < 0.5, "female", "male"),
        rng.uniform(20, 75, size),
        heights,
        rng.uniform(20, 38, size) * (heights / 100) ** 2,
        rng.uniform(1.3, 2.0, size),
    )


def test_one_forecast_of_365_days(benchmark):
    def forecast():
        person = dynamics.baseline("male", 40, 180, 100, 1.6)
        return dynamics.simulate(person, DAYS, -500)

    trajectory = benchmark(forecast)
    assert trajectory.weight_kg.shape == (1, DAYS + 1)


def test_10000_people_for_365_days_in_one_call(benchmark):
    people = crowd(10_000)
    change = np.random.default_rng(7).uniform(-800, 400, people.size)
    trajectory = benchmark(dynamics.simulate, people, DAYS, change)
    assert trajectory.weight_kg.shape == (10_000, DAYS + 1)


def test_goal_mode_for_one_person(benchmark):
    person = dynamics.baseline("female", 35, 163, 80, 1.5)
    plan = benchmark(dynamics.plan_for_target, person, 72.0, 180)
    assert plan.trajectory.weight_kg[0, -1] == pytest.approx(72.0, abs=1e-4)


def test_one_goal_budget(benchmark):
    person = goals.Person(Sex.FEMALE, 35, 162.56, 72.57, "light")
    plan = benchmark(goals.plan_goal, person, -0.45359237)
    assert plan.budget_kcal > 1200


def test_peak_memory_of_10000_people_for_365_days():
    people = crowd(10_000)
    tracemalloc.start()
    dynamics.simulate(people, DAYS, -500)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Weight and fat mass (2 x 10,000 x 366 float64 = 58.6 MB) and the intake schedule (29.2 MB)
    # are the output; the working state is a few (10,000,) vectors.
    print(f"\npeak traced memory: {peak / 1e6:.1f} MB")
    assert peak < 150e6
