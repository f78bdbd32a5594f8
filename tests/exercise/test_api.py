"""The exercise endpoints: activities, and logging, listing, changing and deleting exercise."""

from datetime import date

import pytest
from django.test import Client

from openplate.body.models import WeightEntry
from openplate.exercise.models import Activity, ExerciseEntry
from openplate.exercise.services import log_custom
from tests.api_client import locations

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
BODY = ["body", "payload"]
RUNNING_5_MPH = "12030"  # 8.3 METs


@pytest.fixture
def alice(new_alice):
    """Alice without a goal, weighed 60 kg on DAY: the weight the kcal here are worked out for."""
    WeightEntry.objects.create(user=new_alice, date=DAY, weight_kg=60.0)
    return new_alice


def running(client, minutes=30.0, **extra):
    body = {"kind": "activity", "date": DAY.isoformat(), "activity_code": RUNNING_5_MPH}
    response = client.post("/exercise", body | {"minutes": minutes} | extra)
    assert response.status_code == 201, response.content
    return response.json()


def test_it_searches_activities_plain_first(alice_api):
    response = alice_api.get("/activities", q="running", limit=3)
    assert response.status_code == 200
    found = response.json()
    assert [a["code"] for a in found] == ["12020", "12030", "12050"]
    assert found[1] == {
        "id": Activity.objects.get(code="12030").pk,
        "code": "12030",
        "heading": "running",
        "description": "running, 5 mph (12 min/mile)",
        "met": 8.3,
    }


def test_it_refuses_an_empty_search_or_a_huge_limit(alice_api):
    assert locations(alice_api.get("/activities", q="")) == [["query", "q"]]
    assert locations(alice_api.get("/activities", q="run", limit=101)) == [["query", "limit"]]


def test_it_logs_an_activity_by_code_with_the_compendiums_product(alice_api):
    entry = running(alice_api)
    assert entry["kind"] == "activity"
    assert entry["activity_code"] == RUNNING_5_MPH
    assert entry["name"] == "running, 5 mph (12 min/mile)"
    assert (entry["met"], entry["body_weight_kg"], entry["minutes"]) == (8.3, 60.0, 30.0)
    assert entry["energy_kcal"] == pytest.approx(249.0)


def test_it_logs_an_activity_by_id(alice_api):
    jogging = Activity.objects.get(code="12020")
    body = {"kind": "activity", "date": DAY.isoformat(), "activity_id": jogging.pk, "minutes": 60}
    response = alice_api.post("/exercise", body)
    assert response.status_code == 201
    assert response.json()["energy_kcal"] == pytest.approx(7.0 * 60)


def test_it_logs_custom_and_strength_exercise(alice_api):
    custom = alice_api.post(
        "/exercise",
        {"kind": "custom", "date": DAY.isoformat(), "name": "Spin class", "energy_kcal": 420},
    )
    assert custom.status_code == 201
    assert custom.json()["energy_kcal"] == 420
    assert custom.json()["minutes"] is None
    strength = alice_api.post(
        "/exercise",
        {"kind": "strength", "date": DAY.isoformat(), "name": "Squats", "sets": 3, "reps": 10,
         "load_kg": 60, "minutes": 20},
    )  # fmt: skip
    assert strength.status_code == 201
    body = strength.json()
    assert (body["sets"], body["reps"], body["load_kg"]) == (3, 10, 60.0)
    assert body["energy_kcal"] == pytest.approx(3.5 * 60 * 20 / 60)


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({"kind": "activity", "activity_code": RUNNING_5_MPH, "minutes": 0}, ["minutes"]),
        ({"kind": "activity", "activity_code": RUNNING_5_MPH, "minutes": "30"},
         ["activity", "minutes"]),
        ({"kind": "activity", "activity_code": "99999", "minutes": 30}, ["activity_code"]),
        ({"kind": "activity", "activity_id": 10**9, "minutes": 30}, ["activity_id"]),
        ({"kind": "activity", "minutes": 30}, ["activity"]),
        ({"kind": "custom", "name": "Spin", "energy_kcal": -5}, ["energy_kcal"]),
        ({"kind": "custom", "name": " ", "energy_kcal": 5}, ["name"]),
        ({"kind": "strength", "name": "Squats", "sets": 0, "reps": 5}, ["sets"]),
        ({"kind": "strength", "name": "Squats", "sets": 3, "reps": 5.5}, ["strength", "reps"]),
        ({"kind": "yoga", "minutes": 30}, []),
    ],
)  # fmt: skip
def test_it_refuses_bad_exercise_naming_the_field(alice_api, body, location):
    response = alice_api.post("/exercise", {"date": DAY.isoformat()} | body)
    assert locations(response) == [[*BODY, *location]]
    assert not ExerciseEntry.objects.exists()


def test_it_refuses_an_activity_without_a_weight(bob_api):
    body = {"kind": "activity", "date": DAY.isoformat(), "activity_code": "12030", "minutes": 30}
    response = bob_api.post("/exercise", body)
    assert locations(response) == [[*BODY, "activity_code"]]
    assert "weight" in response.json()["detail"][0]["msg"]


def test_it_lists_one_days_exercise(alice_api, bob_api):
    mine = running(alice_api)
    log_custom(alice_api.user, day=date(2025, 3, 4), name="Next day", energy_kcal=100)
    log_custom(bob_api.user, day=DAY, name="Bob's", energy_kcal=100)
    response = alice_api.get("/exercise", date=DAY.isoformat())
    assert response.status_code == 200
    assert [e["id"] for e in response.json()] == [mine["id"]]
    assert locations(alice_api.get("/exercise", date="1800-01-01")) == [["query", "date"]]


def test_it_changes_minutes_with_the_stored_weight(alice_api):
    entry = running(alice_api)
    WeightEntry.objects.filter(user=alice_api.user).update(weight_kg=90.0)
    response = alice_api.patch(f"/exercise/{entry['id']}", {"minutes": 60})
    assert response.status_code == 200, response.content
    assert response.json()["energy_kcal"] == pytest.approx(8.3 * 60)
    assert response.json()["body_weight_kg"] == 60.0


def test_it_changes_the_activity_by_code(alice_api):
    entry = running(alice_api)
    response = alice_api.patch(f"/exercise/{entry['id']}", {"activity_code": "12020"})
    assert response.json()["name"] == "jogging, general"
    assert response.json()["energy_kcal"] == pytest.approx(7.0 * 30)


@pytest.mark.parametrize(
    ("change", "location"),
    [
        ({"minutes": None}, ["minutes"]),
        ({"name": "Sprints"}, ["name"]),
        ({"date": None}, ["date"]),
        ({"date": "1800-01-01"}, ["date"]),
        ({"activity_code": "00000"}, ["activity_code"]),
        ({"colour": "red"}, ["colour"]),
    ],
)
def test_it_refuses_a_bad_change(alice_api, change, location):
    entry = running(alice_api)
    response = alice_api.patch(f"/exercise/{entry['id']}", change)
    assert locations(response) == [[*BODY, *location]]
    assert ExerciseEntry.objects.get().minutes == 30


def test_it_deletes_an_entry(alice_api):
    entry = running(alice_api)
    assert alice_api.delete(f"/exercise/{entry['id']}").status_code == 204
    assert not ExerciseEntry.objects.exists()
    assert alice_api.delete(f"/exercise/{entry['id']}").status_code == 404


def test_every_entry_endpoint_refuses_another_persons_entry(alice_api, bob_api):
    entry = running(alice_api)
    path = f"/exercise/{entry['id']}"
    assert bob_api.get(path).status_code == 404
    assert bob_api.patch(path, {"minutes": 1}).status_code == 404
    assert bob_api.delete(path).status_code == 404
    assert bob_api.get("/exercise", date=DAY.isoformat()).json() == []
    assert ExerciseEntry.objects.get().minutes == 30


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/activities?q=run"),
        ("get", "/api/exercise?date=2025-03-03"),
        ("post", "/api/exercise"),
        ("get", "/api/exercise/1"),
        ("patch", "/api/exercise/1"),
        ("delete", "/api/exercise/1"),
    ],
)
def test_every_endpoint_refuses_strangers(method, path):
    stranger = Client()
    response = getattr(stranger, method)(path, content_type="application/json")
    assert response.status_code == 401
    bad_token = Client(HTTP_AUTHORIZATION="Bearer op_not-a-token")
    assert getattr(bad_token, method)(path, content_type="application/json").status_code == 401
