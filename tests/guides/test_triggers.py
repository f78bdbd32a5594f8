"""Which guides are offered on a day: the sore-legs guide after leg-heavy exercise."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User

from openplate.exercise.models import Activity, ExerciseEntry
from openplate.exercise.services import log_custom, log_strength
from openplate.guides.triggers import SORE_LEGS, is_leg_heavy, offered_guides

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
RUNNING = "12050"  # running, 6 mph (10 min/mile)
SWIMMING = "18230"  # swimming laps, freestyle, fast, vigorous effort


def log_compendium(user: User, code: str, day: date = DAY) -> ExerciseEntry:
    activity = Activity.objects.get(code=code)
    return ExerciseEntry.objects.create(
        user=user,
        date=day,
        kind=ExerciseEntry.Kind.ACTIVITY,
        activity=activity,
        name=activity.description,
        minutes=30,
        met=activity.met,
        body_weight_kg=70,
        energy_kcal=activity.met * 70 * 0.5,
    )


def slugs(user: User, day: date) -> list[str]:
    return [guide.slug for guide in offered_guides(user, day)]


def test_it_offers_the_sore_legs_guide_on_the_day_of_a_run_and_the_day_after(new_alice):
    log_compendium(new_alice, RUNNING)
    assert slugs(new_alice, DAY - timedelta(days=1)) == []
    assert slugs(new_alice, DAY) == [SORE_LEGS]
    assert slugs(new_alice, DAY + timedelta(days=1)) == [SORE_LEGS]
    assert slugs(new_alice, DAY + timedelta(days=2)) == []


def test_it_offers_nothing_after_swimming_or_upper_body_strength(new_alice):
    log_compendium(new_alice, SWIMMING)
    log_strength(new_alice, day=DAY, name="Bench press", sets=3, reps=10, load_kg=40)
    log_strength(new_alice, day=DAY, name="Bicep curls", sets=3, reps=12)
    assert slugs(new_alice, DAY) == []


def test_it_offers_nothing_for_another_persons_run(new_alice, bob):
    log_compendium(bob, RUNNING)
    assert slugs(new_alice, DAY) == []
    assert slugs(bob, DAY) == [SORE_LEGS]


def test_it_offers_the_guide_after_squats(new_alice):
    log_strength(new_alice, day=DAY, name="Squats", sets=5, reps=5, load_kg=80)
    assert slugs(new_alice, DAY) == [SORE_LEGS]


def test_it_offers_the_guide_after_a_custom_exercise_named_for_the_legs(new_alice):
    log_custom(new_alice, day=DAY, name="Hill run with the club", energy_kcal=450)
    assert slugs(new_alice, DAY) == [SORE_LEGS]


def test_it_reads_the_day_in_one_query(new_alice, django_assert_num_queries):
    log_compendium(new_alice, SWIMMING)
    log_compendium(new_alice, RUNNING, DAY - timedelta(days=1))
    with django_assert_num_queries(1):
        assert slugs(new_alice, DAY) == [SORE_LEGS]


@pytest.mark.parametrize(
    ("name", "heading", "description"),
    [
        ("Morning jog", None, None),
        ("Bike commute", None, None),
        ("Lunges", None, None),
        ("Leg press", None, None),
        ("Romanian deadlifts", None, None),
        ("Calf raises", None, None),
        ("Five-a-side football", None, None),
        ("Tennis with Sam", None, None),
        ("bicycling, leisure", "bicycling", "bicycling, leisure, 5.5 mph"),
        ("jogging, general", "running", "jogging, general"),
        ("hiking", "walking", "hiking, cross country (Taylor Code 040)"),
        ("stairs", "walking", "stair climbing, fast pace"),
        ("skiing", "winter activities", "skiing, downhill, vigorous effort, racing"),
        ("rope", "conditioning exercise", "rope skipping, general"),
        ("squats", "conditioning exercise", "resistance (weight) training, squats, slow"),
    ],
)
def test_it_knows_leg_heavy_exercise(name, heading, description):
    assert is_leg_heavy(name, heading, description)


@pytest.mark.parametrize(
    ("name", "heading", "description"),
    [
        ("Swim", None, None),
        ("Bench press", None, None),
        ("Pull-ups", None, None),
        ("Yoga", None, None),
        ("walking the dog", "walking", "walking the dog"),
        ("Airdyne", "conditioning exercise", "upper body exercise, stationary bicycle - Airdyne"),
        ("rowing", "conditioning exercise", "rowing, stationary, general, moderate effort"),
        ("coach", "sports", "coaching, football, soccer, basketball, baseball, swimming, etc."),
        ("Sprinkle the lawn", None, None),
    ],
)
def test_it_knows_what_is_not_leg_heavy(name, heading, description):
    assert not is_leg_heavy(name, heading, description)


def test_it_takes_light_effort_for_not_leg_heavy():
    assert not is_leg_heavy("fishing", "fishing and hunting", "fishing, jog or line", 1.8)
    assert is_leg_heavy("jogging, general", "running", "jogging, general", 7.0)


def test_it_finds_every_compendium_run_and_ride_leg_heavy_and_no_swim():
    activities = Activity.objects.all()
    for activity in activities.filter(heading__in=["running", "bicycling"]):
        assert is_leg_heavy(activity.description, activity.heading, activity.description)
    for activity in activities.filter(description__startswith="swimming"):
        assert not is_leg_heavy(activity.description, activity.heading, activity.description)
