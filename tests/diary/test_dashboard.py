"""The top of the day: the ring of the budget used and the one next thing to do."""

from datetime import date, timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client

from openplate.accounts.exercise_share import set_exercise_share
from openplate.body import services as body
from openplate.diary import services
from openplate.diary.dashboard import RING_CIRCUMFERENCE, budget_ring
from openplate.exercise import services as exercise

pytestmark = pytest.mark.django_db


def summary(user: User, day: date) -> services.DaySummary:
    return services.day_summary(user, day)


def test_the_ring_is_the_share_of_budget_plus_exercise_eaten(alice: User, today: date) -> None:
    services.quick_add(alice, day=today, meal="lunch", energy_kcal=600)
    day = summary(alice, today)
    ring = budget_ring(day)
    assert ring is not None
    assert day.budget_kcal is not None
    assert ring.used == pytest.approx(600 / (day.budget_kcal + day.exercise_kcal))
    assert ring.dash_offset == pytest.approx(RING_CIRCUMFERENCE * (1 - ring.used), abs=0.01)
    assert not ring.over


def test_the_ring_is_full_and_marked_over_past_the_budget(alice: User, today: date) -> None:
    services.quick_add(alice, day=today, meal="lunch", energy_kcal=5000)
    ring = budget_ring(summary(alice, today))
    assert ring is not None
    assert ring.used == 1.0
    assert ring.over
    assert ring.dash_offset == 0


def test_there_is_no_ring_without_a_budget(new_alice: User, today: date) -> None:
    assert budget_ring(summary(new_alice, today)) is None


def test_without_a_goal_the_next_step_is_to_set_one(new_alice_browser: Client) -> None:
    page = new_alice_browser.get("/diary/").content.decode()
    assert "Set your goal to get a daily calorie budget." in page


# 08:00 in the person's time zone (UTC in the tests): breakfast time.
@time_machine.travel("2026-03-10 08:00:00+00:00", tick=False)
def test_the_next_step_asks_for_the_meal_of_the_hour_then_a_weigh_in_then_water(
    alice: User, alice_browser: Client
) -> None:
    today = date(2026, 3, 10)
    page = alice_browser.get("/diary/").content.decode()
    assert "Nothing logged for breakfast yet." in page
    assert f'href="/diary/{today}/add/?meal=breakfast">Add breakfast</a>' in page

    services.quick_add(alice, day=today, meal="breakfast", energy_kcal=300)
    page = alice_browser.get("/diary/").content.decode()
    assert "No weigh-in yet" in page

    body.log_weight(alice, day=today - timedelta(days=7), weight=72)
    assert "A week since your weigh-in" in alice_browser.get("/diary/").content.decode()

    body.log_weight(alice, day=today, weight=72)
    assert "No water logged today." in alice_browser.get("/diary/").content.decode()

    body.log_water(alice, day=today)
    page = alice_browser.get("/diary/").content.decode()
    remaining = summary(alice, today).remaining_kcal
    assert remaining is not None
    assert f"{remaining:,.0f} kcal left today." in page


def test_another_day_only_reads_its_numbers(
    alice: User, alice_browser: Client, today: date
) -> None:
    day = today - timedelta(days=3)
    services.quick_add(alice, day=day, meal="lunch", energy_kcal=5000)
    page = alice_browser.get(f"/diary/{day}/").content.decode()
    over = -(summary(alice, day).remaining_kcal or 0)
    assert f"{over:,.0f} kcal over the budget." in page
    next_step = page.split('id="next-step"')[1].split("</p>")[0]
    assert "Nothing logged for" not in next_step
    assert "weigh-in" not in next_step


def test_the_day_counts_only_the_share_of_exercise_the_person_chose(
    alice: User, alice_browser: Client, today: date
) -> None:
    exercise.log_custom(alice, day=today, name="Rowing", energy_kcal=300, minutes=30)
    set_exercise_share(alice, 0.5)
    page = alice_browser.get(f"/diary/{today}/").content.decode()
    assert "(half of 300)" in page
    assert '<dd id="summary-exercise">150</dd>' in page
    day = summary(alice, today)
    assert day.budget_kcal is not None
    assert f'<dd id="summary-remaining">{day.budget_kcal + 150:,.0f}</dd>' in page
