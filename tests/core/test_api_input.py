"""Input that used to end in a server error, refused with a 422 naming the field, on SQLite
and PostgreSQL alike (PostgreSQL's text holds no NUL; UTF-8 encodes no lone surrogate)."""

import pytest

from openplate.diary.models import Entry
from openplate.exercise.models import ExerciseEntry
from openplate.foods.models import Food

pytestmark = pytest.mark.django_db

QUICK_ADD = '{"date": "2025-03-03", "meal": "lunch", "energy_kcal": 50, "name": "%s"}'
FOOD = '{"name": "%s", "nutrients": {"energy_kcal": 90}}'
EXERCISE = '{"kind": "custom", "date": "2025-03-03", "name": "%s", "energy_kcal": 50}'
UNSTORABLE = ["\\ud800", "a\\udfffb", "\\u0000", "nul\\u0000inside"]


def post(api, path, body):
    return api.client.post(f"/api{path}", body, content_type="application/json")


def refused_at(response):
    assert response.status_code == 422, response.content
    return [error["loc"] for error in response.json()["detail"]]


@pytest.mark.parametrize("text", UNSTORABLE)
@pytest.mark.parametrize(
    ("path", "body", "loc"),
    [
        ("/entries/quick-add", QUICK_ADD, ["body", "payload", "name"]),
        ("/foods", FOOD, ["body", "payload", "name"]),
        ("/exercise", EXERCISE, ["body", "payload", "custom", "name"]),
        ("/parse", '{"text": "%s"}', ["body", "payload", "text"]),
    ],
)
def test_text_no_column_stores_is_refused_on_its_field(alice_api, path, body, loc, text):
    assert refused_at(post(alice_api, path, body % text)) == [loc]
    assert not Entry.objects.exists()
    assert not ExerciseEntry.objects.exists()
    assert not Food.objects.filter(owner=alice_api.user).exists()


@pytest.mark.parametrize("path", ["/foods?q=a%00b", "/activities?q=run%00"])
def test_a_nul_in_a_query_is_refused_on_its_parameter(alice_api, path):
    response = alice_api.client.get(f"/api{path}")
    assert refused_at(response) == [["query", "q"]]


def test_a_far_day_is_refused_on_its_field(alice_api):
    body = '{"date": "0001-01-01", "meal": "lunch", "energy_kcal": 50}'
    assert refused_at(post(alice_api, "/entries/quick-add", body)) == [["body", "payload", "date"]]
    assert refused_at(alice_api.get("/days/9999-12-31")) == [["path", "day"]]
    assert refused_at(alice_api.get("/reports/week", week="0001-01-01")) == [["query", "week"]]


def test_a_date_time_is_no_date(alice_api):
    body = '{"date": "2026-12-01T10:00", "meal": "lunch", "energy_kcal": 50}'
    response = post(alice_api, "/entries/quick-add", body)
    assert refused_at(response) == [["body", "payload", "date"]]
    assert response.json()["detail"][0]["msg"] == "Enter a date as YYYY-MM-DD."


DAY = '"date": "2025-03-03"'
TOO_SMALL_BODIES = [
    ("/entries/quick-add", f'{{{DAY}, "meal": "lunch", "energy_kcal": %s}}', "energy_kcal"),
    ("/water", f'{{{DAY}, "amount": %s, "unit": "ml"}}', "amount"),
    ("/foods", '{"name": "Stew", "per_grams": %s, "nutrients": {"energy_kcal": 9}}', "per_grams"),
    ("/exercise", f'{{"kind": "custom", {DAY}, "name": "Row", "energy_kcal": %s}}', "energy_kcal"),
]


@pytest.mark.parametrize(("path", "body", "field"), TOO_SMALL_BODIES)
@pytest.mark.parametrize("tiny", ["1e-320", "0.0001"])
def test_an_amount_too_small_to_mean_anything_is_refused(alice_api, path, body, field, tiny):
    assert refused_at(post(alice_api, path, body % tiny))[0][-1] == field


def test_minus_zero_is_stored_as_zero(alice_api):
    body = '{"date": "2025-03-03", "meal": "lunch", "energy_kcal": 50, "fat_g": -0.0}'
    assert post(alice_api, "/entries/quick-add", body).status_code == 201
    assert str(Entry.objects.get().fat_g) == "0.0"


def test_an_id_beyond_a_database_column_is_refused(alice_api):
    item = '{"food_id": 99999999999999999999, "quantity": 1}'
    body = f'{{"date": "2025-03-03", "meal": "lunch", "items": [{item}]}}'
    assert refused_at(post(alice_api, "/entries/batch", body)) == [
        ["body", "payload", "items", 0, "food_id"]
    ]
    assert refused_at(alice_api.get("/entries/99999999999999999999")) == [["path", "entry_id"]]
