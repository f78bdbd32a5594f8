"""A day's summary adds the share of its exercise the person chose: all, half or none."""

from datetime import date, timedelta

import pytest

from openplate.accounts.exercise_share import set_exercise_share
from openplate.accounts.goals import goal_on, set_goal
from openplate.diary.services import day_summary, entries_on, quick_add, summarize
from openplate.exercise.services import log_custom
from tests.people import alice_goal

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)


@pytest.fixture
def workout_day(new_alice):
    """Alice's day: 1,500 kcal eaten, a 300 kcal run."""
    set_goal(new_alice, alice_goal(), on=DAY - timedelta(days=10))
    quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=1500)
    log_custom(new_alice, day=DAY, name="Run", energy_kcal=300)
    return new_alice


@pytest.mark.parametrize(("share", "added"), [(1.0, 300), (0.5, 150), (0.0, 0)])
def test_remaining_adds_the_share_of_exercise(workout_day, share, added):
    set_exercise_share(workout_day, share)
    summary = day_summary(workout_day, DAY)
    assert summary.exercise_kcal == 300  # burned, whatever is counted
    assert (summary.exercise_share, summary.exercise_counted_kcal) == (share, added)
    assert summary.remaining_kcal == pytest.approx(summary.budget_kcal - 1500 + added)


def test_a_summary_of_loaded_entries_counts_the_share_it_is_given(workout_day):
    set_exercise_share(workout_day, 0.5)
    loaded = summarize(
        DAY,
        list(entries_on(workout_day, DAY)),
        goal_on(workout_day, DAY),
        exercise_kcal=300,
        exercise_share=0.5,
    )
    assert loaded == day_summary(workout_day, DAY)


def test_the_days_api_answers_the_remaining_with_the_share(workout_day, new_alice_api):
    budget = goal_on(workout_day, DAY).budget_kcal
    assert new_alice_api.patch("/profile", {"exercise_share": 0}).status_code == 200
    day = new_alice_api.get(f"/days/{DAY}").json()
    assert day["exercise_kcal"] == 300
    assert day["remaining_kcal"] == pytest.approx(budget - 1500)
