"""Exercise services: finding activities, and changing or deleting a logged entry."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from openplate.body.models import WeightEntry
from openplate.exercise.models import Activity, ExerciseEntry
from openplate.exercise.services import (
    delete_entry,
    find_activity,
    log_activity,
    log_custom,
    log_strength,
    search_activities,
    update_entry,
)

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
JOGGING = "12020"  # jogging, general: 7.0 METs
RUNNING_5_MPH = "12030"  # 8.3 METs
TEAM_PRACTICE = "12180"  # running, on a track, team practice


@pytest.fixture
def alice(new_alice: User) -> User:
    """Alice without a goal, weighed 60 kg on DAY: the weight the kcal here are worked out for."""
    WeightEntry.objects.create(user=new_alice, date=DAY, weight_kg=60.0)
    return new_alice


def activity(code: str) -> Activity:
    return Activity.objects.get(code=code)


def codes(query: str, limit: int = 10) -> list[str]:
    return [found.code for found in search_activities(query, limit=limit)]


# --- finding an activity ------------------------------------------------------------------------


def test_it_puts_plain_running_before_team_practice() -> None:
    found = codes("running", limit=30)
    assert found[:3] == [JOGGING, RUNNING_5_MPH, "12050"]
    assert found.index(TEAM_PRACTICE) > found.index("12040")


@pytest.mark.parametrize("query", ["cycling", "bicycling", "bike", "biking"])
def test_it_finds_bicycling_by_its_everyday_names(query: str) -> None:
    assert codes(query)[0] == "01015"  # bicycling, general


def test_it_finds_walking_from_walk_and_not_sidewalks() -> None:
    found = search_activities("walk", limit=100)
    assert found[0].description.startswith("walking")
    assert all("sidewalk" not in a.description for a in found)


def test_it_matches_words_from_their_start() -> None:
    assert codes("run")[:3] == codes("running")[:3]
    assert "12020" in codes("jog")


def test_it_needs_every_word() -> None:
    found = search_activities("running 5 mph")
    assert found[0].code == RUNNING_5_MPH


def test_it_finds_an_activity_by_its_code() -> None:
    assert codes("17190") == ["17190"]
    assert find_activity("17190") == activity("17190")
    assert find_activity("running") == activity(JOGGING)
    assert find_activity("zzzz") is None


def test_it_answers_nothing_for_nothing() -> None:
    assert search_activities("  ") == []
    assert search_activities("xyzzy") == []


def test_it_keeps_to_the_limit() -> None:
    assert len(search_activities("walking", limit=5)) == 5


# --- changing an entry --------------------------------------------------------------------------


def test_it_recomputes_an_activity_with_the_weight_it_was_logged_with(alice: User) -> None:
    entry = log_activity(alice, day=DAY, activity=activity(RUNNING_5_MPH), minutes=30)
    assert entry.energy_kcal == pytest.approx(8.3 * 60 * 0.5)
    WeightEntry.objects.create(user=alice, date=DAY - timedelta(days=1), weight_kg=90.0)
    WeightEntry.objects.filter(user=alice, date=DAY).update(weight_kg=80.0)
    update_entry(alice, entry, minutes=60)
    entry.refresh_from_db()
    assert entry.minutes == 60
    assert entry.body_weight_kg == 60.0
    assert entry.energy_kcal == pytest.approx(8.3 * 60 * 1.0)


def test_it_weighs_again_when_the_day_changes(alice: User) -> None:
    entry = log_activity(alice, day=DAY, activity=activity(RUNNING_5_MPH), minutes=30)
    later = DAY + timedelta(days=10)
    WeightEntry.objects.create(user=alice, date=later, weight_kg=58.0)
    update_entry(alice, entry, day=later)
    entry.refresh_from_db()
    assert entry.date == later
    assert entry.body_weight_kg == 58.0
    assert entry.energy_kcal == pytest.approx(8.3 * 58 * 0.5)


def test_it_changes_the_activity_and_its_name(alice: User) -> None:
    entry = log_activity(alice, day=DAY, activity=activity(RUNNING_5_MPH), minutes=30)
    update_entry(alice, entry, activity=activity(JOGGING))
    entry.refresh_from_db()
    assert entry.activity == activity(JOGGING)
    assert entry.name == "jogging, general"
    assert entry.met == 7.0
    assert entry.energy_kcal == pytest.approx(7.0 * 60 * 0.5)


def test_it_changes_a_custom_exercise(alice: User) -> None:
    entry = log_custom(alice, day=DAY, name="Spin class", energy_kcal=400)
    update_entry(alice, entry, name="  Spin   class 45 ", energy_kcal=450.0, minutes=45.0)
    entry.refresh_from_db()
    assert (entry.name, entry.energy_kcal, entry.minutes) == ("Spin class 45", 450.0, 45.0)
    update_entry(alice, entry, minutes=None)
    entry.refresh_from_db()
    assert entry.minutes is None


def test_it_gives_strength_calories_once_timed(alice: User) -> None:
    entry = log_strength(alice, day=DAY, name="Squats", sets=3, reps=10, load_kg=60.0)
    assert entry.energy_kcal == 0
    update_entry(alice, entry, sets=4, minutes=20.0)
    entry.refresh_from_db()
    assert entry.sets == 4
    assert entry.energy_kcal == pytest.approx(3.5 * 60 * 20 / 60)
    update_entry(alice, entry, minutes=None, load_kg=None)
    entry.refresh_from_db()
    assert (entry.energy_kcal, entry.load_kg, entry.met) == (0.0, None, None)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": None}, "minutes"),
        ({"minutes": 24 * 60 + 1}, "minutes"),
        ({"minutes": float("nan")}, "minutes"),
        ({"day": date(1899, 12, 31)}, "date"),
        ({"name": "Sprints"}, "name"),
        ({"energy_kcal": 100.0}, "energy_kcal"),
        ({"sets": 3}, "sets"),
    ],
)
def test_it_refuses_a_bad_change_and_saves_nothing(alice: User, change, field) -> None:
    entry = log_activity(alice, day=DAY, activity=activity(RUNNING_5_MPH), minutes=30)
    with pytest.raises(ValidationError) as refused:
        update_entry(alice, entry, **change)
    assert list(refused.value.message_dict) == [field]
    stored = ExerciseEntry.objects.get(pk=entry.pk)
    assert (stored.date, stored.minutes, stored.name) == (DAY, 30, entry.name)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sets": 0}, "sets"),
        ({"reps": 1001}, "reps"),
        ({"reps": 2.5}, "reps"),
        ({"load_kg": -1.0}, "load_kg"),
        ({"name": "   "}, "name"),
        ({"activity": None}, "activity"),
    ],
)
def test_it_refuses_a_bad_strength_change(alice: User, change, field) -> None:
    entry = log_strength(alice, day=DAY, name="Squats", sets=3, reps=10)
    with pytest.raises(ValidationError) as refused:
        update_entry(alice, entry, **change)
    assert list(refused.value.message_dict) == [field]
    assert ExerciseEntry.objects.get(pk=entry.pk).sets == 3


def test_it_refuses_to_change_another_persons_entry(alice: User, bob: User) -> None:
    entry = log_custom(alice, day=DAY, name="Spin class", energy_kcal=400)
    with pytest.raises(ExerciseEntry.DoesNotExist):
        update_entry(bob, entry, energy_kcal=1.0)
    with pytest.raises(ExerciseEntry.DoesNotExist):
        delete_entry(bob, entry)
    assert ExerciseEntry.objects.get(pk=entry.pk).energy_kcal == 400


def test_it_deletes_an_entry(alice: User) -> None:
    entry = log_custom(alice, day=DAY, name="Spin class", energy_kcal=400)
    delete_entry(alice, entry)
    assert not ExerciseEntry.objects.exists()
