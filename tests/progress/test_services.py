"""Weight and water logging, and a period's series, averages, streaks and weekly report."""

import math
from datetime import date, timedelta
from itertools import pairwise

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from openplate.accounts.goals import set_goal
from openplate.diary.services import quick_add
from openplate.exercise.services import log_custom
from openplate.progress import period, services
from openplate.progress.models import WaterEntry, WeightEntry
from openplate.science import units
from tests.progress.conftest import alice_goal

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)  # a Monday


def errors_of(call, *args, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return caught.value.message_dict


# --- weight ------------------------------------------------------------------------------------


def test_it_logs_a_weight_in_pounds_or_kilograms(alice):
    entry = services.log_weight(alice, day=DAY, weight=170, unit="lb", body_fat_percent=30)
    assert entry.weight_kg == pytest.approx(170 * units.KG_PER_LB)
    assert entry.body_fat_percent == 30
    metric = services.log_weight(alice, day=DAY + timedelta(days=1), weight=77.5, unit="kg")
    assert metric.weight_kg == 77.5
    assert metric.body_fat_percent is None


def test_a_second_weigh_in_the_same_day_replaces_the_first(alice):
    services.log_weight(alice, day=DAY, weight=80, unit="kg", body_fat_percent=25)
    services.log_weight(alice, day=DAY, weight=79.4, unit="kg")
    assert list(WeightEntry.objects.values_list("weight_kg", "body_fat_percent")) == [(79.4, None)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weight": 15, "unit": "kg"}, "weight"),
        ({"weight": 1500, "unit": "lb"}, "weight"),
        ({"weight": float("nan")}, "weight"),
        ({"weight": "80"}, "weight"),
        ({"weight": True}, "weight"),
        ({"unit": "stone"}, "unit"),
        ({"body_fat_percent": 0.5}, "body_fat_percent"),
        ({"body_fat_percent": 76}, "body_fat_percent"),
        ({"day": date(1899, 12, 31)}, "date"),
    ],
)
def test_it_refuses_implausible_weigh_ins_and_saves_nothing(alice, changes, field):
    values = {"day": DAY, "weight": 80, "unit": "kg", **changes}
    assert field in errors_of(services.log_weight, alice, **values)
    assert not WeightEntry.objects.exists()


def test_the_pound_range_is_said_in_pounds(alice):
    message = errors_of(services.log_weight, alice, day=DAY, weight=10, unit="lb")["weight"][0]
    assert message == "Weight must be between 44 lb and 1433 lb."


def test_it_deletes_a_weigh_in_by_day_or_id_and_only_the_owners(alice, bob):
    first = services.log_weight(alice, day=DAY, weight=80)
    services.log_weight(alice, day=DAY + timedelta(days=1), weight=79)
    assert services.delete_weight(bob, entry_id=first.pk) is False
    assert services.delete_weight(alice, entry_id=first.pk) is True
    assert services.delete_weight(alice, day=DAY + timedelta(days=1)) is True
    assert services.delete_weight(alice, day=DAY) is False
    assert not WeightEntry.objects.exists()


def test_it_lists_weigh_ins_with_their_trend_and_bmi(alice):
    for offset, kg in enumerate([80.0, 81.0, 79.0]):
        services.log_weight(alice, day=DAY + timedelta(days=offset), weight=kg)
    points = services.weigh_ins(alice)
    assert [p.trend_kg for p in points] == pytest.approx([80.0, 80.1, 79.99])
    height_m = units.cm_from_feet_inches(5, 6) / 100
    assert points[0].bmi is not None
    assert points[0].bmi.value == pytest.approx(80 / height_m**2)
    assert points[0].bmi.category == "overweight"
    later = services.weigh_ins(alice, start=DAY + timedelta(days=1))
    assert [p.trend_kg for p in later] == pytest.approx([80.1, 79.99])  # trend kept


def test_weigh_ins_are_the_owners_only(alice, bob):
    services.log_weight(alice, day=DAY, weight=80)
    assert services.weigh_ins(bob) == []


# --- water -------------------------------------------------------------------------------------


def test_one_tap_is_one_us_cup(alice):
    assert services.log_water(alice, day=DAY).ml == pytest.approx(236.5882365)
    assert services.log_water(alice, day=DAY, amount=500, unit="ml").ml == 500
    card = services.water_card(alice, DAY)
    assert card.total_ml == pytest.approx(736.5882365)
    assert card.goal_ml == pytest.approx(1892.7)
    assert card.cups == pytest.approx(736.5882365 / 236.5882365)
    assert card.entries == 2


@pytest.mark.parametrize(
    ("amount", "unit", "field"),
    [(0, "ml", "amount"), (5000, "ml", "amount"), (-1, "cups", "amount"), (1, "gallon", "unit")],
)
def test_it_refuses_implausible_water(alice, amount, unit, field):
    assert field in errors_of(services.log_water, alice, day=DAY, amount=amount, unit=unit)
    assert not WaterEntry.objects.exists()


def test_undo_removes_the_last_water_of_the_day_only(alice, bob):
    services.log_water(alice, day=DAY, amount=300, unit="ml")
    services.log_water(alice, day=DAY, amount=200, unit="ml")
    services.log_water(alice, day=DAY + timedelta(days=1))
    services.log_water(bob, day=DAY)
    removed = services.undo_water(alice, DAY)
    assert removed is not None
    assert removed.ml == 200
    assert services.water_card(alice, DAY).total_ml == 300
    assert services.undo_water(alice, DAY) is not None
    assert services.undo_water(alice, DAY) is None
    assert services.water_card(bob, DAY).entries == 1


def test_the_water_card_costs_two_queries(alice):
    services.log_water(alice, day=DAY)
    with CaptureQueriesContext(connection) as queries:
        card = services.water_card(alice, DAY)
    assert len(queries) <= 2
    assert not card.reached
    assert card.can_undo


# --- a period ----------------------------------------------------------------------------------


def test_it_charts_eaten_against_the_budget_per_day(alice, today):
    start = today - timedelta(days=6)
    quick_add(alice, day=start, meal="lunch", energy_kcal=1500, protein_g=75, fat_g=50)
    quick_add(alice, day=start, meal="dinner", energy_kcal=300, carbohydrate_g=75)
    log_custom(alice, day=start, name="Run", energy_kcal=250)
    data = period.progress(alice, start, today, today=today)
    first = data.days[0]
    assert len(data.days) == 7
    assert first.food_kcal == 1800
    assert first.exercise_kcal == 250
    assert first.net_kcal == 1550
    assert first.budget_kcal == data.goal.budget_kcal
    assert first.remaining_kcal == pytest.approx(data.goal.budget_kcal - 1550)
    assert data.days[1].food_kcal == 0
    # 75 g protein (300 kcal), 75 g carbohydrate (300 kcal), 50 g fat (450 kcal)
    assert data.macros.grams == {"protein": 75, "carbohydrate": 75, "fat": 50}
    assert data.macros.percent["fat"] == pytest.approx(450 / 1050 * 100)


def test_each_day_takes_the_budget_in_force_then(alice, today):
    set_goal(alice, alice_goal(rate_kg_per_week=0.0), on=today - timedelta(days=2))
    data = period.progress(alice, today - timedelta(days=5), today, today=today)
    budgets = [day.budget_kcal for day in data.days]
    assert budgets[0] < budgets[-1]
    assert budgets[:3] == [budgets[0]] * 3
    assert budgets[3:] == [budgets[-1]] * 3


def test_it_forecasts_from_the_goal_with_the_dynamic_model(alice, today):
    data = period.progress(alice, today - timedelta(days=27), today, today=today)
    forecast = data.forecast
    assert forecast is not None
    start_kg = units.kg_from_lb(180)
    assert forecast.points[0][0] == today - timedelta(days=27)
    assert forecast.points[-1][0] == today + timedelta(days=7)  # a quarter of the period ahead
    weights = [kg for _, kg in forecast.points]
    assert all(b < a for a, b in pairwise(weights))  # losing
    assert start_kg - 10 < weights[-1] < start_kg
    assert data.target_weight_kg == pytest.approx(units.kg_from_lb(160))
    # 20 lb at about 1 lb a week at first, slowing as weight falls: later than 20 weeks
    assert forecast.reached_on is not None
    assert forecast.reached_on > forecast.goal_start + timedelta(weeks=20)


def test_the_forecast_bends_where_the_static_rule_runs_straight(alice, today):
    goal = period._Goals(alice).on(today)
    line = period.forecast(goal, goal.starts_on, goal.starts_on + timedelta(days=364))
    first_month = line.points[0][1] - line.points[30][1]
    last_month = line.points[334][1] - line.points[364][1]
    assert last_month < 0.8 * first_month


def test_it_has_no_forecast_without_a_goal(bob, today):
    data = period.progress(bob, today - timedelta(days=6), today, today=today)
    assert data.forecast is None
    assert data.goal is None
    assert all(day.budget_kcal is None for day in data.days)


def test_it_averages_the_last_week_and_month(alice, today):
    for offset in range(30):
        day = today - timedelta(days=offset)
        if offset % 2 == 0:
            quick_add(alice, day=day, meal="lunch", energy_kcal=2000)
        log_custom(alice, day=day, name="Walk", energy_kcal=70)
    services.log_weight(alice, day=today - timedelta(days=29), weight=82)
    services.log_weight(alice, day=today, weight=80)
    data = period.progress(alice, today - timedelta(days=27), today, today=today)
    week, month, whole = data.averages
    assert (week.label, week.days, week.logged_days) == ("Last 7 days", 7, 4)
    assert week.food_kcal == 2000  # per day logged
    assert week.exercise_kcal == pytest.approx(70)
    assert week.net_kcal == pytest.approx(1930)
    assert (month.days, month.logged_days) == (30, 15)
    assert month.weight_change_kg == pytest.approx(-2 * (1 - 0.9**29))
    assert whole.label == "This period"
    assert whole.days == 28


def test_it_counts_streaks_of_logging_and_weighing_in(alice, today):
    for offset in (0, 1, 2, 5, 6, 7, 8):
        quick_add(alice, day=today - timedelta(days=offset), meal="lunch", energy_kcal=500)
    for offset in (1, 2):
        services.log_weight(alice, day=today - timedelta(days=offset), weight=80)
    streaks = period.progress(alice, today - timedelta(days=27), today, today=today).streaks
    assert (streaks.food_current, streaks.food_longest) == (3, 4)
    # today not weighed yet: the run up to yesterday is still current
    assert (streaks.weigh_in_current, streaks.weigh_in_longest, streaks.weigh_in_days) == (2, 2, 2)


def test_a_streak_ends_after_a_whole_day_missed():
    today = date(2025, 3, 10)
    assert period.current_streak({date(2025, 3, 8)}, today) == 0
    assert period.current_streak({date(2025, 3, 9)}, today) == 1
    assert period.longest_streak(set()) == 0


def test_another_persons_data_never_counts(alice, bob, today):
    quick_add(bob, day=today, meal="lunch", energy_kcal=900)
    services.log_weight(bob, day=today, weight=90)
    services.log_water(bob, day=today)
    data = period.progress(alice, today - timedelta(days=6), today, today=today)
    assert sum(day.food_kcal for day in data.days) == 0
    assert data.weigh_ins == []
    assert data.streaks.food_current == 0
    report = period.week_report(alice, period.monday_of(today))
    assert report.totals["water_ml"] == 0


def test_the_query_count_does_not_grow_with_the_days(alice, today):
    for offset in range(0, 360, 3):
        day = today - timedelta(days=offset)
        quick_add(alice, day=day, meal="lunch", energy_kcal=500)
        services.log_weight(alice, day=day, weight=80 - offset / 100)
    counts = []
    for days in (7, 365):
        with CaptureQueriesContext(connection) as queries:
            period.progress(alice, today - timedelta(days=days - 1), today, today=today)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 8


# --- the weekly report -------------------------------------------------------------------------


def test_the_default_week_is_the_last_full_one():
    assert period.default_week(date(2025, 3, 5)) == date(2025, 2, 24)  # a Wednesday
    assert period.default_week(date(2025, 3, 9)) == date(2025, 3, 3)  # a Sunday
    assert period.monday_of(date(2025, 3, 9)) == date(2025, 3, 3)


def test_the_weekly_report_totals_and_averages_the_week(alice):
    set_goal(alice, alice_goal(), on=DAY - timedelta(days=30))
    quick_add(alice, day=DAY, meal="lunch", energy_kcal=1400, protein_g=70)
    quick_add(alice, day=DAY + timedelta(days=2), meal="lunch", energy_kcal=1600, protein_g=90)
    log_custom(alice, day=DAY + timedelta(days=2), name="Swim", energy_kcal=350)
    services.log_water(alice, day=DAY, amount=1000, unit="ml")
    services.log_weight(alice, day=DAY - timedelta(days=1), weight=80)
    services.log_weight(alice, day=DAY + timedelta(days=6), weight=79)
    report = period.week_report(alice, DAY + timedelta(days=3))  # any day finds its Monday
    assert (report.start, report.end) == (DAY, DAY + timedelta(days=6))
    assert [day.day.weekday() for day in report.days] == list(range(7))
    budget = report.days[0].budget_kcal
    assert report.totals["food_kcal"] == 3000
    assert report.totals["exercise_kcal"] == 350
    assert report.totals["net_kcal"] == 2650
    assert report.totals["budget_kcal"] == pytest.approx(7 * budget)
    assert report.totals["water_ml"] == 1000
    assert report.logged_days == 2
    assert report.averages["food_kcal"] == 1500
    assert report.averages["protein_g"] == 80
    assert report.averages["exercise_kcal"] == pytest.approx(50)
    assert report.days[6].weight_kg == 79
    assert report.weight_change_kg == pytest.approx(-(1 - 0.9**7))


@pytest.mark.parametrize(("amount", "unit", "ml"), [(10, "cups", 2365.882365), (2000, "ml", 2000)])
def test_it_sets_the_water_goal_in_cups_or_ml(alice, amount, unit, ml):
    assert services.set_water_goal(alice, amount=amount, unit=unit) == pytest.approx(ml)
    assert services.water_card(alice, timezone.localdate()).goal_ml == pytest.approx(ml)


@pytest.mark.parametrize(
    ("amount", "unit", "field"),
    [(1, "cups", "water_goal"), (10_001, "ml", "water_goal"), (math.nan, "ml", "water_goal"),
     (8, "pints", "unit")],
)  # fmt: skip
def test_it_refuses_a_water_goal_out_of_range(alice, amount, unit, field):
    with pytest.raises(ValidationError) as refused:
        services.set_water_goal(alice, amount=amount, unit=unit)
    assert list(refused.value.message_dict) == [field]
    assert services.water_goal_ml(alice) == pytest.approx(services.DEFAULT_WATER_GOAL_ML, abs=0.01)


def test_it_keeps_the_water_goal_with_the_profile_that_the_goal_makes(bob):
    with pytest.raises(ValidationError, match="Set your goal first"):
        services.set_water_goal(bob, amount=2000, unit="ml")
