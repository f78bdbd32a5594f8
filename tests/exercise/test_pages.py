"""The exercise pages through the Django test client: the day, adding, editing, deleting."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client

from openplate.accounts.models import Profile
from openplate.body.models import WeightEntry
from openplate.exercise.models import Activity, ExerciseEntry
from openplate.exercise.services import log_activity, log_custom, log_strength
from openplate.science import units
from tests.people import START_LB

pytestmark = pytest.mark.django_db

RUNNING_5_MPH = "12030"  # 8.3 METs
GOAL_WEIGHT_KG = units.kg_from_lb(START_LB)  # alice's, in tests/people.py


def running() -> Activity:
    return Activity.objects.get(code=RUNNING_5_MPH)


def page_of(response) -> str:
    return response.content.decode()


def test_it_asks_strangers_to_sign_in(client: Client, today: date) -> None:
    response = client.get(f"/exercise/{today}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_shows_the_days_exercise_with_its_total(
    alice_browser: Client, alice: User, today
) -> None:
    log_custom(alice, day=today, name="Spin class", energy_kcal=400)
    log_strength(alice, day=today, name="Squats", sets=3, reps=10, load_kg=60)
    log_custom(alice, day=today - timedelta(days=1), name="Yesterday's swim", energy_kcal=300)
    page = page_of(alice_browser.get(f"/exercise/{today}/"))
    assert "Spin class" in page
    assert "Squats" in page
    assert "3 × 10 at 60 kg (132 lb)" in page
    assert "Yesterday" not in page
    assert '<span class="meal-kcal" id="exercise-total">400 kcal</span>' in page
    assert f'href="/diary/{today}/#exercise"' in page


def test_it_searches_activities_as_the_person_types(alice_browser: Client, today) -> None:
    partial = page_of(alice_browser.get(f"/exercise/{today}/activities/", {"q": "running"}))
    assert "<html" not in partial
    assert partial.index("jogging, general") < partial.index("running, 5 mph")
    assert 'value="12030"' in partial
    assert "8.3 MET" in partial
    full = page_of(alice_browser.get(f"/exercise/{today}/", {"q": "walk"}))
    assert "walking, 2.8 to 3.2 mph" in full
    assert "No activity matches" in page_of(
        alice_browser.get(f"/exercise/{today}/activities/?q=zzz")
    )


def test_it_shows_the_formula_with_the_goals_weight_until_a_weigh_in(
    alice_browser: Client, alice: User, today
) -> None:
    answer = page_of(
        alice_browser.get(
            f"/exercise/{today}/formula/", {"activity": RUNNING_5_MPH, "minutes": "30"}
        )
    )
    kcal = round(8.3 * GOAL_WEIGHT_KG * 0.5)
    assert "MET × body weight (kg) × hours = kcal" in answer
    assert f"8.3 × {GOAL_WEIGHT_KG:.1f} kg × 0.5 h" in answer
    assert f"{kcal} kcal" in answer
    assert "No weigh-in yet" in answer
    WeightEntry.objects.create(user=alice, date=today, weight_kg=60)
    answer = page_of(
        alice_browser.get(
            f"/exercise/{today}/formula/", {"activity": RUNNING_5_MPH, "minutes": "30"}
        )
    )
    assert "8.3 × 60.0 kg × 0.5 h" in answer
    assert "249 kcal" in answer
    assert "No weigh-in yet" not in answer


def test_it_logs_an_activity_and_goes_back_to_the_diary(
    alice_browser: Client, alice: User, today
) -> None:
    WeightEntry.objects.create(user=alice, date=today, weight_kg=60)
    response = alice_browser.post(
        f"/exercise/{today}/activity/", {"activity": RUNNING_5_MPH, "minutes": "30"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/diary/{today}/#exercise"
    entry = ExerciseEntry.objects.get(user=alice)
    assert (entry.kind, entry.minutes, entry.energy_kcal) == ("activity", 30, pytest.approx(249))
    diary = page_of(alice_browser.get(f"/diary/{today}/"))
    assert '<dd id="summary-exercise">249</dd>' in diary


def test_it_goes_back_to_the_exercise_page_when_asked(alice_browser: Client, today) -> None:
    response = alice_browser.post(
        f"/exercise/{today}/custom/", {"name": "Spin", "energy_kcal": "300", "next": "exercise"}
    )
    assert response["Location"] == f"/exercise/{today}/"


@pytest.mark.parametrize("minutes", ["", "abc", "0", "-5", "1441"])
def test_it_shows_a_bad_minutes_value_and_saves_nothing(
    alice_browser: Client, today, minutes
) -> None:
    response = alice_browser.post(
        f"/exercise/{today}/activity/", {"activity": RUNNING_5_MPH, "minutes": minutes}
    )
    assert response.status_code == 422
    page = page_of(response)
    assert 'class="field has-error minutes"' in page
    assert 'aria-invalid="true"' in page
    assert 'value="12030" checked' in page  # the choice is kept
    assert not ExerciseEntry.objects.exists()


def test_it_asks_for_an_activity(alice_browser: Client, today) -> None:
    response = alice_browser.post(
        f"/exercise/{today}/activity/", {"activity": "99999", "minutes": "30"}
    )
    assert response.status_code == 422
    assert "Choose an activity from the search results." in page_of(response)
    assert not ExerciseEntry.objects.exists()


def test_it_logs_a_custom_exercise_and_refuses_bad_calories(
    alice_browser: Client, alice: User, today
) -> None:
    refused = alice_browser.post(f"/exercise/{today}/custom/", {"name": "Spin", "energy_kcal": "0"})
    assert refused.status_code == 422
    assert "Enter calories above 0" in page_of(refused)
    assert '<details id="add-custom" open>' in page_of(refused)
    assert not ExerciseEntry.objects.exists()
    alice_browser.post(f"/exercise/{today}/custom/", {"name": "Spin", "energy_kcal": "350"})
    assert ExerciseEntry.objects.get(user=alice).energy_kcal == 350


def test_it_takes_the_strength_load_in_the_persons_units(
    alice_browser: Client, alice: User, today
) -> None:
    assert "Weight (lb)" in page_of(alice_browser.get(f"/exercise/{today}/"))
    alice_browser.post(
        f"/exercise/{today}/strength/",
        {"name": "Bench press", "sets": "3", "reps": "8", "load": "135"},
    )
    entry = ExerciseEntry.objects.get(user=alice)
    assert entry.load_kg == pytest.approx(units.kg_from_lb(135))
    assert entry.energy_kcal == 0
    Profile.objects.filter(user=alice).update(units=Profile.Units.METRIC)
    assert "Weight (kg)" in page_of(alice_browser.get(f"/exercise/{today}/"))
    alice_browser.post(
        f"/exercise/{today}/strength/",
        {"name": "Squats", "sets": "5", "reps": "5", "load": "100", "minutes": "20"},
    )
    squats = ExerciseEntry.objects.get(name="Squats")
    assert squats.load_kg == 100
    assert squats.energy_kcal == pytest.approx(3.5 * GOAL_WEIGHT_KG * 20 / 60)


def test_it_refuses_bad_sets(alice_browser: Client, today) -> None:
    response = alice_browser.post(
        f"/exercise/{today}/strength/", {"name": "Squats", "sets": "0", "reps": "5"}
    )
    assert response.status_code == 422
    assert "Enter a whole number from 1 to 100." in page_of(response)
    assert not ExerciseEntry.objects.exists()


def test_it_edits_an_activitys_minutes(alice_browser: Client, alice: User, today) -> None:
    WeightEntry.objects.create(user=alice, date=today, weight_kg=60)
    entry = log_activity(alice, day=today, activity=running(), minutes=30)
    form = page_of(alice_browser.get(f"/exercise/entries/{entry.pk}/"))
    assert "8.3 MET × 60.0 kg" in form
    response = alice_browser.post(
        f"/exercise/entries/{entry.pk}/", {"date": today.isoformat(), "minutes": "60"}
    )
    assert response["Location"] == f"/diary/{today}/#exercise"
    entry.refresh_from_db()
    assert entry.energy_kcal == pytest.approx(498)


def test_it_shows_a_bad_edit_in_place(alice_browser: Client, alice: User, today) -> None:
    entry = log_custom(alice, day=today, name="Spin", energy_kcal=300)
    response = alice_browser.post(
        f"/exercise/entries/{entry.pk}/",
        {"date": today.isoformat(), "name": "Spin", "energy_kcal": "-1"},
    )
    assert response.status_code == 422
    assert "Enter calories above 0" in page_of(response)
    entry.refresh_from_db()
    assert entry.energy_kcal == 300


def test_it_edits_a_strength_entry_in_pounds(alice_browser: Client, alice: User, today) -> None:
    entry = log_strength(alice, day=today, name="Squats", sets=3, reps=10, load_kg=60)
    form = page_of(alice_browser.get(f"/exercise/entries/{entry.pk}/"))
    assert 'value="132.3"' in form  # 60 kg
    alice_browser.post(
        f"/exercise/entries/{entry.pk}/?next=exercise",
        {"date": today.isoformat(), "name": "Squats", "sets": "4", "reps": "10", "load": "135"},
    )
    entry.refresh_from_db()
    assert entry.sets == 4
    assert entry.load_kg == pytest.approx(units.kg_from_lb(135))


def test_it_deletes_an_entry(alice_browser: Client, alice: User, today) -> None:
    entry = log_custom(alice, day=today, name="Spin", energy_kcal=300)
    response = alice_browser.post(f"/exercise/entries/{entry.pk}/delete/")
    assert response["Location"] == f"/diary/{today}/#exercise"
    assert not ExerciseEntry.objects.exists()


def test_another_persons_entry_is_not_found(alice_browser: Client, bob: User, today) -> None:
    entry = log_custom(bob, day=today, name="Bob's run", energy_kcal=500)
    assert alice_browser.get(f"/exercise/entries/{entry.pk}/").status_code == 404
    changed = alice_browser.post(
        f"/exercise/entries/{entry.pk}/",
        {"date": today.isoformat(), "name": "Mine", "energy_kcal": "1"},
    )
    assert changed.status_code == 404
    assert alice_browser.post(f"/exercise/entries/{entry.pk}/delete/").status_code == 404
    entry.refresh_from_db()
    assert (entry.name, entry.energy_kcal) == ("Bob's run", 500)
    assert "Bob's run" not in page_of(alice_browser.get(f"/exercise/{today}/"))


def test_deleting_needs_a_post(alice_browser: Client, alice: User, today) -> None:
    entry = log_custom(alice, day=today, name="Spin", energy_kcal=300)
    assert alice_browser.get(f"/exercise/entries/{entry.pk}/delete/").status_code == 405
    assert ExerciseEntry.objects.exists()
