"""The API as a whole: who may call it, one error shape, another person's data out of reach on
every endpoint, and the OpenAPI document kept on purpose."""

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from openplate.accounts.goals import GoalInput, set_goal
from openplate.accounts.models import Account, ApiToken, Goal, Profile
from openplate.accounts.tokens import create_token
from openplate.body.models import WaterEntry, WeightEntry
from openplate.body.services import log_water, log_weight
from openplate.coach.models import CheckIn
from openplate.diary.marks import mark_day
from openplate.diary.models import DayMark, Entry, Favourite, SavedMeal, SavedMealItem
from openplate.diary.saved_meals import save_meal
from openplate.diary.services import log_food, quick_add, set_favourite
from openplate.exercise.models import Activity, ExerciseEntry
from openplate.exercise.services import log_activity
from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food
from tests.api_client import locations
from tests.coach.history import a_check_in

pytestmark = pytest.mark.django_db

SCHEMA_FILE = Path(__file__).with_name("api_schema.json")
REWRITE_SCHEMA = "OPENPLATE_WRITE_API_SCHEMA"
GUIDE = Path(__file__).parents[1] / "docs" / "api.md"
DAY = date(2025, 3, 3)
PATH_VALUES = {
    "entry_id": "1",
    "food_id": "1",
    "token_id": "1",
    "saved_meal_id": "1",
    "check_in_id": "1",
    "day": DAY.isoformat(),
    "slug": "sore-legs",
}


def served_schema():
    return Client().get("/api/openapi.json").json()


def operations():
    """(method, path, operation id) of every endpoint, path parameters filled in."""
    from openplate.api import api

    schema = api.get_openapi_schema()
    return [
        (method, re.sub(r"{(\w+)}", lambda m: PATH_VALUES[m[1]], path), operation["operationId"])
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]


# --- authentication ----------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path", "operation_id"), operations())
def test_it_answers_401_to_a_request_without_credentials(method, path, operation_id):
    response = Client().generic(method.upper(), path, "{}", content_type="application/json")
    assert response.status_code == 401, operation_id
    [error] = response.json()["detail"]
    assert (error["type"], error["loc"]) == ("unauthorized", []), operation_id


@pytest.mark.parametrize(
    "header", ["Bearer op_not-a-token", "Bearer", "Token op_x", "Basic YWxpY2U6c2VjcmV0"]
)
@pytest.mark.usefixtures("new_alice")
def test_it_answers_401_to_a_wrong_token(header):
    assert Client(HTTP_AUTHORIZATION=header).get("/api/profile").status_code == 401


def test_it_answers_401_to_the_token_of_a_deactivated_person(new_alice_api):
    new_alice_api.user.is_active = False
    new_alice_api.user.save()
    assert new_alice_api.get("/profile").status_code == 401


def test_it_lets_a_token_write_without_a_csrf_token(new_alice):
    _, secret = create_token(new_alice, "script")
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {secret}")
    response = client.post(
        "/api/entries/quick-add",
        {"date": DAY.isoformat(), "meal": "lunch", "energy_kcal": 300},
        content_type="application/json",
    )
    assert response.status_code == 201


def test_it_lets_the_pages_in_by_session_with_the_csrf_token(new_alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(new_alice)
    assert client.get("/api/profile").json()["username"] == "alice"
    body = {"date": DAY.isoformat(), "meal": "lunch", "energy_kcal": 300}
    refused = client.post("/api/entries/quick-add", body, content_type="application/json")
    assert refused.status_code == 403
    assert [error["type"] for error in refused.json()["detail"]] == ["forbidden"]
    assert not Entry.objects.exists()
    secret = "x" * 32  # what the csrftoken cookie holds; the page sends it back in a header
    client.cookies["csrftoken"] = secret
    accepted = client.post(
        "/api/entries/quick-add", body, content_type="application/json", HTTP_X_CSRFTOKEN=secret
    )
    assert accepted.status_code == 201


def test_it_serves_its_openapi_document_and_docs_page_to_anyone():
    assert Client().get("/api/docs").status_code == 200
    assert served_schema()["info"]["title"] == "OpenPlate API"


# --- the error shape ---------------------------------------------------------------------------


def test_it_answers_pydantics_and_the_services_errors_in_one_shape(new_alice_api):
    body = {"date": DAY.isoformat(), "meal": "lunch", "energy_kcal": 300}
    by_pydantic = new_alice_api.post("/entries/quick-add", body | {"meal": "brunch"})
    by_service = new_alice_api.post("/entries/quick-add", body | {"energy_kcal": 0})
    for response, field in ((by_pydantic, "meal"), (by_service, "energy_kcal")):
        assert response.status_code == 422
        [error] = response.json()["detail"]
        assert {"loc", "msg", "type"} <= set(error)
        assert error["loc"] == ["body", "payload", field]
    assert by_service.json()["detail"][0] == {
        "loc": ["body", "payload", "energy_kcal"],
        "msg": "Enter calories above 0 and at most 10,000.",
        "type": "value_error",
    }


def test_it_lists_every_field_at_fault_at_once(new_alice_api):
    response = new_alice_api.post(
        "/entries/quick-add", {"date": "1800-01-01", "meal": "lunch", "energy_kcal": -5}
    )
    assert sorted(error["loc"][-1] for error in response.json()["detail"]) == [
        "date",
        "energy_kcal",
    ]


def test_it_refuses_a_body_that_is_not_json(new_alice_api):
    response = new_alice_api.client.post("/api/entries", "{oops", content_type="application/json")
    assert response.status_code in (400, 422)
    assert not Entry.objects.exists()


# --- another person's data ---------------------------------------------------------------------


@pytest.fixture
def alices(new_alice):
    """Alice's data of every kind, which bob must neither see nor change."""
    goal_input = GoalInput("female", date(1990, 1, 1), 165, 70, "light", -0.5)
    stew = create_custom_food(new_alice, "Alice's secret stew", nutrients={"energy_kcal": 120})
    set_favourite(new_alice, stew, True)
    token, _ = create_token(new_alice, "Alice's phone")
    goal = set_goal(new_alice, goal_input, on=timezone.localdate())
    log_weight(new_alice, day=DAY, weight=69.5, unit="kg")
    log_water(new_alice, day=DAY, amount=2)
    run = Activity.objects.get(code="12050")  # running, 6 mph
    return {
        "user": new_alice,
        "goal": goal,
        "run": log_activity(new_alice, day=DAY, activity=run, minutes=30),
        "food": stew,
        "entry": log_food(new_alice, day=DAY, meal="lunch", food=stew, quantity=300),
        "quick_add": quick_add(new_alice, day=DAY, meal="snacks", energy_kcal=200),
        "saved_meal": save_meal(new_alice, name="Alice's lunch", day=DAY, meal="lunch"),
        "token": token,
        "mark": mark_day(new_alice, day=DAY, status="complete"),
        "check_in": a_check_in(new_alice, day=timezone.localdate(), goal=goal),
    }


def everything_of(user):
    return {
        "profile": list(Profile.objects.filter(user=user).values()),
        "goals": list(Goal.objects.filter(user=user).values()),
        "foods": list(Food.objects.filter(owner=user).values()),
        "entries": list(Entry.objects.filter(user=user).values()),
        "favourites": list(Favourite.objects.filter(user=user).values()),
        "day marks": list(DayMark.objects.filter(user=user).values()),
        "check-ins": list(CheckIn.objects.filter(user=user).values()),
        "account": list(Account.objects.filter(user=user).values()),
        "saved meals": list(SavedMeal.objects.filter(user=user).values()),
        "saved meal items": list(SavedMealItem.objects.filter(saved_meal__user=user).values()),
        "tokens": list(ApiToken.objects.filter(user=user).values("id", "name", "digest")),
        "exercise": list(ExerciseEntry.objects.filter(user=user).values()),
        "weights": list(WeightEntry.objects.filter(user=user).values()),
        "water": list(WaterEntry.objects.filter(user=user).values()),
        "user": list(type(user).objects.filter(pk=user.pk).values()),
    }


def answers_404(response):
    return response.status_code == 404


ENTRY_BODY = {"date": DAY.isoformat(), "meal": "lunch", "serving": "g", "quantity": 100}
QUICK_ADD_BODY = {"date": DAY.isoformat(), "meal": "lunch", "energy_kcal": 50}
GOAL_BODY = {
    "sex": "male", "birth_date": "1980-05-05", "height_cm": 180, "weight_kg": 90,
    "activity": "moderate", "rate_kg_per_week": -0.5,
}  # fmt: skip


def bob_cannot_log_alices_food(bob, alices):
    refused = bob.post("/entries", ENTRY_BODY | {"food_id": alices["food"].pk})
    missing = bob.post("/entries", ENTRY_BODY | {"food_id": 10**9})
    return refused.status_code == 422 and refused.json() == missing.json()


def bob_cannot_batch_alices_food(bob, alices):
    item = {"food_id": alices["food"].pk, "quantity": 100}
    refused = bob.post(
        "/entries/batch", {"date": DAY.isoformat(), "meal": "lunch", "items": [item]}
    )
    return refused.status_code == 422 and locations(refused) == [
        ["body", "payload", "items", 0, "food_id"]
    ]


def bob_cannot_log_alices_food_again(bob, alices):
    body = {"date": DAY.isoformat(), "meal": "lunch", "food_id": alices["food"].pk}
    return bob.post("/entries/again", body).status_code == 422


def bob_saves_only_his_own_meal(bob, alices):
    body = {"name": "Lunch", "date": DAY.isoformat(), "meal": "lunch"}
    return locations(bob.post("/saved-meals", body)) == [["body", "payload", "meal"]]


def bob_copies_only_his_own(bob, alices):
    response = bob.post("/entries/copy", {"from_date": DAY.isoformat(), "to_date": "2025-03-04"})
    return (response.status_code, response.json()) == (201, [])


def bob_sees_his_own_day(bob, alices):
    day = bob.get(f"/days/{DAY}").json()
    return (day["food_kcal"], day["budget_kcal"], day["goal"]) == (0, None, None)


def bob_marks_only_his_own_day(bob, alices):
    marked = bob.put(f"/days/{DAY}/mark", {"status": "fasted"})
    return marked.json() == {"date": DAY.isoformat(), "status": "fasted"}


def bob_sees_his_own_expenditure(bob, alices):
    """Alice weighed in and logged food on DAY; bob has neither, so his estimate has nothing to
    go on."""
    refused = bob.get("/expenditure", end=DAY.isoformat())
    return refused.status_code == 422 and "weigh-in" in refused.json()["detail"][0]["msg"]


def bob_sees_only_his_own_check_ins(bob, alices):
    answer = bob.get("/check-ins").json()
    return (answer["due"], answer["check_ins"]) == (None, []) and "goal" in answer["not_ready"]


def bob_exports_only_his_own(bob, alices):
    exported = bob.get("/export", format="json")
    text = exported.content.decode()
    return exported.status_code == 200 and "alice" not in text and "secret stew" not in text


def bob_deletes_only_himself(bob, alices):
    wrong = bob._send("delete", "/account", {"password": "alice-password"})
    right = bob._send("delete", "/account", {"password": "bob-password"})
    return (wrong.status_code, right.status_code) == (422, 204)


def bob_sees_his_own_progress(bob, alices):
    progress = bob.get("/progress", start=DAY.isoformat(), end=DAY.isoformat()).json()
    days = progress["days"]
    return len(days) == 1 and days[0]["food_kcal"] == 0 and days[0]["weight_kg"] is None


def bob_sees_his_own_week(bob, alices):
    report = bob.get("/reports/week", week=DAY.isoformat()).json()
    days = report["days"]
    return len(days) == 7 and all(day["food_kcal"] == 0 and day["water_ml"] == 0 for day in days)


RUN_BODY = {"kind": "activity", "date": DAY.isoformat(), "activity_code": "12050", "minutes": 10}


# Each endpoint called by bob, true when he saw only his own. A new endpoint needs a line here.
AS_BOB = {
    "get_profile": lambda bob, alices: (
        bob.get("/profile").json()
        == {
            "username": "bob",
            "time_zone": "UTC",
            "exercise_share": 1.0,
            "today": str(timezone.localdate()),
            "profile": None,
            "goal": None,
        }
    ),
    "update_profile": lambda bob, alices: (
        bob.patch("/profile", {"water_goal_ml": 2000}).status_code == 422
    ),
    "list_goals": lambda bob, alices: bob.get("/goals").json() == [],
    "set_goal": lambda bob, alices: bob.post("/goals", GOAL_BODY).status_code == 201,
    "list_tokens": lambda bob, alices: [t["name"] for t in bob.get("/tokens").json()] == ["tests"],
    "revoke_token": lambda bob, alices: answers_404(bob.delete(f"/tokens/{alices['token'].pk}")),
    "search_foods": lambda bob, alices: all(
        food["id"] != alices["food"].pk for food in bob.get("/foods", q="secret stew").json()
    ),
    "create_food": lambda bob, alices: (
        bob.post("/foods", {"name": "Stew", "nutrients": {"energy_kcal": 90}}).status_code == 201
    ),
    "list_my_foods": lambda bob, alices: bob.get("/foods/mine").json() == [],
    "parse_text": lambda bob, alices: all(
        item["food_id"] != alices["food"].pk
        for item in bob.post("/parse", {"text": "secret stew"}).json()["items"]
    ),
    "get_food": lambda bob, alices: answers_404(bob.get(f"/foods/{alices['food'].pk}")),
    "list_entries": lambda bob, alices: bob.get("/entries", date=DAY.isoformat()).json() == [],
    "log_food": bob_cannot_log_alices_food,
    "quick_add": lambda bob, alices: (
        bob.post("/entries/quick-add", QUICK_ADD_BODY).status_code == 201
    ),
    "copy_entries": bob_copies_only_his_own,
    "get_entry": lambda bob, alices: answers_404(bob.get(f"/entries/{alices['entry'].pk}")),
    "update_entry": lambda bob, alices: answers_404(
        bob.patch(f"/entries/{alices['quick_add'].pk}", {"energy_kcal": 1})
    ),
    "delete_entry": lambda bob, alices: answers_404(bob.delete(f"/entries/{alices['entry'].pk}")),
    "get_day": bob_sees_his_own_day,
    "get_day_nutrients": lambda bob, alices: (
        bob.get(f"/days/{DAY}/nutrients").json()["nutrients"] == []
    ),
    "mark_day": bob_marks_only_his_own_day,
    "clear_day_mark": lambda bob, alices: bob.delete(f"/days/{DAY}/mark").status_code == 204,
    "get_expenditure": bob_sees_his_own_expenditure,
    "list_check_ins": bob_sees_only_his_own_check_ins,
    "accept_check_in": lambda bob, alices: answers_404(
        bob.post(f"/check-ins/{alices['check_in'].pk}/accept")
    ),
    "keep_check_in": lambda bob, alices: answers_404(
        bob.post(f"/check-ins/{alices['check_in'].pk}/keep")
    ),
    "set_check_in_weekday": lambda bob, alices: (
        bob.put("/check-ins/weekday", {"weekday": 3}).json()["check_in_weekday"] == 3
    ),
    "list_favourites": lambda bob, alices: bob.get("/favourites").json() == [],
    "add_favourite": lambda bob, alices: answers_404(bob.put(f"/favourites/{alices['food'].pk}")),
    "remove_favourite": lambda bob, alices: answers_404(
        bob.delete(f"/favourites/{alices['food'].pk}")
    ),
    "list_recent_foods": lambda bob, alices: bob.get("/recent-foods").json() == [],
    "log_foods": bob_cannot_batch_alices_food,
    "log_again": bob_cannot_log_alices_food_again,
    "list_saved_meals": lambda bob, alices: bob.get("/saved-meals").json() == [],
    "save_meal": bob_saves_only_his_own_meal,
    "get_saved_meal": lambda bob, alices: answers_404(
        bob.get(f"/saved-meals/{alices['saved_meal'].pk}")
    ),
    "rename_saved_meal": lambda bob, alices: answers_404(
        bob.patch(f"/saved-meals/{alices['saved_meal'].pk}", {"name": "Mine"})
    ),
    "delete_saved_meal": lambda bob, alices: answers_404(
        bob.delete(f"/saved-meals/{alices['saved_meal'].pk}")
    ),
    "log_saved_meal": lambda bob, alices: answers_404(
        bob.post(f"/saved-meals/{alices['saved_meal'].pk}/log", {"date": DAY.isoformat()})
    ),
    "search_activities": lambda bob, alices: bob.get("/activities", q="running").status_code == 200,
    "list_exercise": lambda bob, alices: bob.get("/exercise", date=DAY.isoformat()).json() == [],
    "log_exercise": lambda bob, alices: bob.post("/exercise", RUN_BODY).status_code in (201, 422),
    "get_exercise": lambda bob, alices: answers_404(bob.get(f"/exercise/{alices['run'].pk}")),
    "update_exercise": lambda bob, alices: answers_404(
        bob.patch(f"/exercise/{alices['run'].pk}", {"minutes": 5})
    ),
    "delete_exercise": lambda bob, alices: answers_404(bob.delete(f"/exercise/{alices['run'].pk}")),
    "list_weights": lambda bob, alices: bob.get("/weights").json() == [],
    "log_weight": lambda bob, alices: (
        bob.post("/weights", {"date": DAY.isoformat(), "weight_kg": 80}).status_code == 201
    ),
    "delete_weight": lambda bob, alices: answers_404(bob.delete(f"/weights/{DAY}")),
    "get_water": lambda bob, alices: bob.get("/water", date=DAY.isoformat()).json()["entries"] == 0,
    "log_water": lambda bob, alices: (
        bob.post("/water", {"date": DAY.isoformat(), "amount": 1}).json()["entries"] == 1
    ),
    "undo_water": lambda bob, alices: bob.delete(f"/water/last?date={DAY}").status_code != 200,
    "get_progress": bob_sees_his_own_progress,
    "get_week_report": bob_sees_his_own_week,
    "list_guides": lambda bob, alices: bob.get("/guides").status_code == 200,
    "list_offered_guides": lambda bob, alices: (
        bob.get("/guides/offered", date=DAY.isoformat()).json() == []
    ),
    "get_guide": lambda bob, alices: bob.get("/guides/sore-legs").status_code == 200,
    "export_data": bob_exports_only_his_own,
    "delete_account": bob_deletes_only_himself,
}


def test_it_checks_every_endpoint_against_another_persons_data():
    assert set(AS_BOB) == {operation_id for _, _, operation_id in operations()}


@pytest.mark.parametrize("operation_id", list(AS_BOB))
def test_it_keeps_another_persons_data_out_of_reach(operation_id, alices, bob_api):
    before = everything_of(alices["user"])
    assert AS_BOB[operation_id](bob_api, alices)
    assert everything_of(alices["user"]) == before


# --- the OpenAPI document ----------------------------------------------------------------------


def test_it_keeps_the_openapi_document_unless_changed_on_purpose():
    schema = served_schema()
    if os.environ.get(REWRITE_SCHEMA):
        SCHEMA_FILE.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    expected = json.loads(SCHEMA_FILE.read_text())
    assert schema == expected, (
        f"The API's OpenAPI document differs from {SCHEMA_FILE.name}. If the change is meant, "
        f"write the new document with `{REWRITE_SCHEMA}=1 .venv/bin/pytest tests/test_api.py "
        f"-k openapi`, update docs/api.md, and commit both."
    )


def test_it_names_every_endpoint_in_the_guide():
    guide = GUIDE.read_text()
    documented = set(re.findall(r"^### (GET|POST|PUT|PATCH|DELETE) (/api/\S+)", guide, re.M))
    schema_paths = {
        (method.upper(), path)
        for path, methods in served_schema()["paths"].items()
        for method in methods
    }
    assert documented == schema_paths


def test_the_docs_page_works_offline(client: Client) -> None:
    page = client.get("/api/docs").content.decode()
    scripts = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert scripts
    assert all(address.startswith("/static/") for address in scripts)
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200
