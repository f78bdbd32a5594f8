"""A period's series, forecast, averages and streaks, and the weekly report."""

from datetime import date, timedelta
from itertools import pairwise

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openplate.accounts.exercise_share import set_exercise_share
from openplate.accounts.goals import set_goal
from openplate.body import services
from openplate.diary.services import quick_add
from openplate.exercise.services import log_custom
from openplate.progress import period
from openplate.science import units
from tests.people import alice_goal

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)  # a Monday


def errors_of(call, *args, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return caught.value.message_dict


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


# --- one net average ---------------------------------------------------------------------------


def test_the_progress_page_and_the_report_agree_on_the_net_average(alice):
    set_goal(alice, alice_goal(), on=DAY - timedelta(days=30))
    quick_add(alice, day=DAY, meal="lunch", energy_kcal=2000)
    quick_add(alice, day=DAY + timedelta(days=1), meal="lunch", energy_kcal=1800)
    log_custom(alice, day=DAY + timedelta(days=1), name="Run", energy_kcal=400)
    # A long ride on a day with no food logged: no food to net it against.
    log_custom(alice, day=DAY + timedelta(days=4), name="Ride", energy_kcal=700)
    week = period.progress(alice, DAY, DAY + timedelta(days=6), today=DAY + timedelta(days=6))
    whole = week.averages[-1]
    report = period.week_report(alice, DAY)
    # (2000 - 0 + 1800 - 400) / 2 days logged, not food a logged day less exercise a day,
    # 1900 - 1100 / 7 = 1743
    assert whole.net_kcal == pytest.approx(1700)
    assert report.averages["net_kcal"] == pytest.approx(whole.net_kcal)
    assert whole.food_kcal == report.averages["food_kcal"] == 1900
    assert whole.exercise_kcal == pytest.approx(report.averages["exercise_kcal"])
    assert whole.exercise_kcal == pytest.approx(1100 / 7)


def test_a_window_without_food_logged_has_no_net_average(alice, today):
    log_custom(alice, day=today, name="Run", energy_kcal=300)
    week = period.progress(alice, today - timedelta(days=6), today, today=today).averages[0]
    assert (week.food_kcal, week.net_kcal) == (None, None)
    assert week.exercise_kcal == pytest.approx(300 / 7)


# --- the forecast starts where the person is ---------------------------------------------------


def test_the_forecast_starts_from_the_latest_weigh_in(alice, today):
    services.log_weight(alice, day=today - timedelta(days=20), weight=178, unit="lb")
    services.log_weight(alice, day=today - timedelta(days=10), weight=172, unit="lb")
    data = period.progress(alice, today - timedelta(days=27), today, today=today)
    latest = data.weigh_ins[-1]
    first_day, first_kg = data.forecast.points[0]
    assert first_day == latest.date == today - timedelta(days=10)
    assert first_kg == pytest.approx(latest.trend_kg)
    assert (data.forecast.start, data.forecast.start_kg) == (first_day, first_kg)
    assert data.forecast.points[-1][1] < latest.trend_kg  # still losing at the budget


def test_a_weigh_in_before_the_goal_leaves_the_forecast_at_the_goals_start(alice, today):
    goal = period._Goals(alice).on(today)
    services.log_weight(alice, day=goal.starts_on - timedelta(days=5), weight=190, unit="lb")
    latest = period.progress(alice, goal.starts_on, today, today=today).latest
    line = period.forecast(goal, goal.starts_on, today, latest=latest)
    assert line.points[0] == (goal.starts_on, pytest.approx(goal.weight_kg))


def test_the_goal_weight_is_reached_later_from_a_heavier_weigh_in(alice, today):
    without = period.progress(alice, today - timedelta(days=27), today, today=today).forecast
    services.log_weight(alice, day=today, weight=179.5, unit="lb")  # barely down in 60 days
    late = period.progress(alice, today - timedelta(days=27), today, today=today).forecast
    assert late.reached_on > without.reached_on


# --- the exercise added to the budget ----------------------------------------------------------


@pytest.mark.parametrize(("share", "added"), [(1.0, 300), (0.5, 150), (0.0, 0)])
def test_remaining_adds_the_share_of_exercise_the_person_chose(alice, share, added):
    set_goal(alice, alice_goal(), on=DAY - timedelta(days=30))
    set_exercise_share(alice, share)
    quick_add(alice, day=DAY, meal="lunch", energy_kcal=1500)
    log_custom(alice, day=DAY, name="Run", energy_kcal=300)
    report = period.week_report(alice, DAY)
    monday = report.days[0]
    assert report.exercise_share == share
    assert monday.exercise_kcal == 300
    assert monday.exercise_counted_kcal == added
    assert monday.net_kcal == 1200  # food less all the exercise, whatever the share
    assert monday.remaining_kcal == pytest.approx(monday.budget_kcal - 1500 + added)
    assert report.totals["exercise_counted_kcal"] == added
    days = period.progress(alice, DAY, DAY + timedelta(days=6), today=DAY + timedelta(days=6)).days
    assert days[0].remaining_kcal == pytest.approx(monday.remaining_kcal)


# --- where the default range starts ------------------------------------------------------------


def test_the_first_day_logged_is_the_earliest_of_food_exercise_and_weigh_ins(bob, today):
    assert period.first_logged_day(bob) is None
    quick_add(bob, day=today - timedelta(days=3), meal="lunch", energy_kcal=500)
    log_custom(bob, day=today - timedelta(days=5), name="Run", energy_kcal=200)
    services.log_weight(bob, day=today - timedelta(days=4), weight=80)
    assert period.first_logged_day(bob) == today - timedelta(days=5)
