"""The expenditure service: the person's days read from their diary, weigh-ins and marks, over a
window that ends on their own today, and the estimate made of them."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from openplate.accounts.profile import change_profile, today_for
from openplate.body.services import log_weight
from openplate.coach.dated import estimate_from
from openplate.coach.expenditure import (
    DEFAULT_WINDOW_DAYS,
    MAX_WINDOW_DAYS,
    Window,
    expenditure_of,
    logged_days,
    person_prior,
    window_for,
)
from openplate.diary.marks import mark_day
from openplate.diary.models import DayMark
from openplate.diary.services import quick_add
from openplate.science import energy
from openplate.science.energy import Sex
from openplate.science.errors import InvalidInput
from openplate.science.expenditure import DayStatus, LoggedDay, PersonPrior
from tests.coach import steady

pytestmark = pytest.mark.django_db

END = date(2025, 3, 31)


def log_steady(user, end=END, **options):
    steady.log_steady(user, end, **options)


def test_the_marks_are_the_estimators_statuses_but_auto():
    assert set(DayMark.Status.values) == {status.value for status in DayStatus} - {"auto"}


def test_the_window_is_eight_weeks_ending_on_the_persons_today(new_alice):
    change_profile(new_alice, time_zone="Pacific/Kiritimati")  # UTC+14: often tomorrow
    window = window_for(new_alice)
    assert window.end == today_for(new_alice)
    assert window.days == DEFAULT_WINDOW_DAYS == 56
    assert window.start == window.end - timedelta(days=55)


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"days": 6}, "days"), ({"days": MAX_WINDOW_DAYS + 1}, "days"), ({"days": 30.5}, "days"),
     ({"end": date(1850, 1, 1)}, "end")],
)  # fmt: skip
def test_it_refuses_a_window_out_of_range(new_alice, changes, field):
    with pytest.raises(ValidationError) as refused:
        window_for(new_alice, **changes)
    assert list(refused.value.message_dict) == [field]


def test_it_reads_every_day_in_order_a_day_without_food_unknown(new_alice):
    start = END - timedelta(days=4)
    quick_add(new_alice, day=start, meal="lunch", energy_kcal=800)
    quick_add(new_alice, day=start, meal="dinner", energy_kcal=1100)
    log_weight(new_alice, day=start + timedelta(days=1), weight=70, unit="kg")
    mark_day(new_alice, day=start + timedelta(days=2), status="fasted")
    quick_add(new_alice, day=start + timedelta(days=3), meal="lunch", energy_kcal=500)
    mark_day(new_alice, day=start + timedelta(days=3), status="excluded")
    quick_add(new_alice, day=END + timedelta(days=1), meal="lunch", energy_kcal=999)  # after
    days = logged_days(new_alice, Window(start, END))
    assert days == [
        LoggedDay(1900.0, None),
        LoggedDay(None, 70.0),
        LoggedDay(None, None, DayStatus.FASTED),
        LoggedDay(500.0, None, DayStatus.EXCLUDED),
        LoggedDay(None, None),
    ]


def test_it_reads_one_query_a_table(alice, django_assert_num_queries):
    log_steady(alice, days=10)
    mark_day(alice, day=END, status="complete")
    # The day's calories, the weigh-ins, the marks and the profile.
    with django_assert_num_queries(4):
        expenditure_of(alice, end=END)


def test_what_came_before_the_window_leaves_the_estimate_alone(new_alice, bob):
    log_steady(new_alice)
    log_steady(bob)
    log_steady(new_alice, end=END - timedelta(days=400), kcal=4000, kg=90)
    assert expenditure_of(new_alice, end=END) == expenditure_of(bob, end=END)


def test_the_estimate_is_the_science_of_the_same_days(alice):
    log_steady(alice, skip={3, 9})
    window = window_for(alice, end=END, days=28)
    expected = estimate_from(
        window.start, logged_days(alice, window), person_prior(alice.profile, END)
    )
    assert expenditure_of(alice, end=END, days=28) == expected


def test_at_a_steady_weight_expenditure_is_the_intake(new_alice):
    """Energy balance: a weight that holds for four weeks at 2,000 kcal a day, as logged, means
    2,000 logged kcal a day are burned."""
    log_steady(new_alice, kcal=2000)
    result = expenditure_of(new_alice, end=END, days=28)
    assert result.estimate.low_kcal < 2000 < result.estimate.high_kcal
    assert result.estimate.days_used == 28
    assert result.end == END


def test_a_day_far_below_the_usual_is_left_out_until_the_person_keeps_it(new_alice):
    log_steady(new_alice, skip={5})
    light = END - timedelta(days=5)
    quick_add(new_alice, day=light, meal="lunch", energy_kcal=400)
    found = expenditure_of(new_alice, end=END, days=28)
    assert found.incomplete_days == [light]
    assert found.estimate.days_used == 27
    mark_day(new_alice, day=light, status="complete")
    kept = expenditure_of(new_alice, end=END, days=28)
    assert kept.incomplete_days == []
    assert kept.estimate.days_used == 28
    [day] = [day for day in kept.days if day.day == light]
    assert day.estimate.used
    assert not day.estimate.incomplete


def test_a_fasted_day_counts_and_an_unlogged_day_does_not(new_alice):
    log_steady(new_alice, skip={4, 6})
    mark_day(new_alice, day=END - timedelta(days=4), status="fasted")
    result = expenditure_of(new_alice, end=END, days=28)
    by_day = {day.day: day for day in result.days}
    assert by_day[END - timedelta(days=4)].estimate.used
    assert not by_day[END - timedelta(days=6)].estimate.used
    assert result.estimate.days_used == 27
    assert result.as_json()["days"][-5]["status"] == "fasted"


def test_without_a_weigh_in_there_is_nothing_to_go_on(new_alice):
    quick_add(new_alice, day=END, meal="lunch", energy_kcal=2000)
    with pytest.raises(InvalidInput, match="weigh-in"):
        expenditure_of(new_alice, end=END)


def test_the_prior_is_the_profile_on_the_windows_last_day(alice):
    profile = alice.profile
    prior = person_prior(profile, END)
    assert prior.sex is Sex(profile.sex)
    assert prior.height_cm == profile.height_cm
    assert prior.activity_factor == energy.ACTIVITY_LEVELS[profile.activity].factor
    assert prior.age_years == pytest.approx((END - profile.birth_date).days / 365.25, abs=0.01)
    assert person_prior(None, END) == PersonPrior()


def test_the_json_keeps_the_contracts_keys(new_alice):
    log_steady(new_alice, days=14)
    payload = expenditure_of(new_alice, end=END, days=14).as_json()
    assert {"expenditure_kcal", "low_kcal", "high_kcal", "band", "trend_weight_kg",
            "incomplete_days", "days_used"} <= set(payload)  # fmt: skip
    assert payload["band"] == 0.8
    assert len(payload["days"]) == 14
    assert payload["days"][-1]["date"] == END.isoformat()
    assert payload["days"][-1]["intake_kcal"] == 2000


def three_meals(user, day, breakfast=True):
    for meal, kcal in (("breakfast", 500), ("lunch", 700), ("dinner", 800)):
        if meal != "breakfast" or breakfast:
            quick_add(user, day=day, meal=meal, energy_kcal=kcal)
    log_weight(user, day=day, weight=70.0, unit="kg")


def test_a_day_without_a_usual_meal_tells_the_estimate_so(new_alice):
    for back in range(21):
        three_meals(new_alice, END - timedelta(days=back), breakfast=back != 5)
    quick_add(new_alice, day=END - timedelta(days=6), meal="snacks", energy_kcal=100)
    days = logged_days(new_alice, Window(END - timedelta(days=20), END))
    assert [day.meals_missing for day in days] == [
        1 if back == 5 else 0 for back in range(20, -1, -1)
    ]
    estimate = expenditure_of(new_alice, end=END, days=21)
    assert estimate.incomplete_days == [END - timedelta(days=5)]


def test_no_meal_is_usual_before_a_week_is_logged(new_alice):
    for back in range(5):
        three_meals(new_alice, END - timedelta(days=back), breakfast=back != 2)
    days = logged_days(new_alice, Window(END - timedelta(days=4), END))
    assert all(day.meals_missing == 0 for day in days)
