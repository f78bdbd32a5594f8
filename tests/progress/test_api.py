"""The weight, water, progress and weekly report endpoints."""

from datetime import date, timedelta

import pytest
from django.test import Client

from openplate.diary.services import quick_add
from openplate.progress import services
from openplate.progress.models import WaterEntry, WeightEntry
from openplate.science.units import KG_PER_LB
from tests.api_client import ApiClient, locations

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)  # a Monday
BODY = ["body", "payload"]


@pytest.fixture
def api(alice):
    return ApiClient(alice)


@pytest.fixture
def bob_api(bob):
    return ApiClient(bob)


def weigh(client, **body):
    response = client.post("/weights", {"date": DAY.isoformat(), **body})
    assert response.status_code == 201, response.content
    return response.json()


def test_it_refuses_unauthenticated_calls():
    client = Client()
    for path in ("/api/weights", f"/api/water?date={DAY}", "/api/progress", "/api/reports/week"):
        assert client.get(path).status_code == 401
    response = client.post("/api/weights", {"date": DAY.isoformat(), "weight_kg": 80})
    assert response.status_code == 401
    assert client.delete(f"/api/weights/{DAY}").status_code == 401
    assert client.delete(f"/api/water/last?date={DAY}").status_code == 401
    assert not WeightEntry.objects.exists()


def test_it_logs_a_weight_in_pounds_with_its_trend_and_bmi(api):
    point = weigh(api, value=176.5, unit="lb", body_fat_percent=30)
    assert point["weight_kg"] == pytest.approx(176.5 * KG_PER_LB)
    assert point["weight_lb"] == pytest.approx(176.5)
    assert point["trend_kg"] == pytest.approx(point["weight_kg"])
    assert point["body_fat_percent"] == 30
    assert point["bmi"] == pytest.approx(28.5, abs=0.05)  # 5 ft 6 in
    assert point["bmi_category"] == "overweight"


def test_it_logs_a_weight_in_kg_and_lists_the_trend(api):
    weigh(api, weight_kg=80)
    weigh(api, date=(DAY + timedelta(days=1)).isoformat(), value=81, unit="kg")
    weigh(api, date=(DAY + timedelta(days=1)).isoformat(), weight_kg=82)  # replaces
    listed = api.get("/weights").json()
    assert [p["weight_kg"] for p in listed] == [80, 82]
    assert [p["trend_kg"] for p in listed] == pytest.approx([80, 80.2])
    later = api.get("/weights", start=(DAY + timedelta(days=1)).isoformat()).json()
    assert [p["trend_kg"] for p in later] == pytest.approx([80.2])


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"value": 10, "unit": "lb"}, [[*BODY, "value"]]),
        ({"weight_kg": 700}, [[*BODY, "weight_kg"]]),
        ({"weight_kg": 80, "value": 80}, [[*BODY, "value"]]),
        ({}, [[*BODY, "value"]]),
        ({"weight_kg": 80, "body_fat_percent": 80}, [[*BODY, "body_fat_percent"]]),
        ({"weight_kg": "80"}, [[*BODY, "weight_kg"]]),
        ({"value": 80, "unit": "st"}, [[*BODY, "unit"]]),
        ({"weight_kg": 80, "date": "1800-01-01"}, [[*BODY, "date"]]),
    ],
)
def test_it_refuses_bad_weigh_ins_in_the_error_shape(api, body, where):
    response = api.post("/weights", {"date": DAY.isoformat(), **body})
    assert locations(response) == where
    assert not WeightEntry.objects.exists()


def test_it_deletes_a_weigh_in_by_date_or_id(api, bob_api):
    first = weigh(api, weight_kg=80)
    weigh(api, date=(DAY + timedelta(days=1)).isoformat(), weight_kg=79)
    assert bob_api.delete(f"/weights/{first['id']}").status_code == 404
    assert bob_api.delete(f"/weights/{DAY}").status_code == 404
    assert api.delete(f"/weights/{first['id']}").status_code == 204
    assert api.delete(f"/weights/{DAY + timedelta(days=1)}").status_code == 204
    assert api.delete(f"/weights/{DAY}").status_code == 404
    assert api.delete("/weights/yesterday").status_code == 404
    assert not WeightEntry.objects.exists()


def test_nobody_sees_anothers_weights_or_water(api, bob_api):
    weigh(api, weight_kg=80)
    api.post("/water", {"date": DAY.isoformat()})
    assert bob_api.get("/weights").json() == []
    assert bob_api.get("/water", date=DAY.isoformat()).json()["total_ml"] == 0
    assert bob_api.delete(f"/water/last?date={DAY}").status_code == 404
    series = bob_api.get("/progress", start=DAY.isoformat(), end=DAY.isoformat()).json()
    assert series["weigh_ins"] == []
    assert series["days"][0]["water_ml"] == 0


def test_it_logs_water_by_the_cup_or_in_ml_and_undoes_it(api):
    response = api.post("/water", {"date": DAY.isoformat()})
    assert response.status_code == 201
    assert response.json() == {
        "date": DAY.isoformat(),
        "total_ml": pytest.approx(236.5882365),
        "total_cups": pytest.approx(1),
        "goal_ml": pytest.approx(1892.7),
        "goal_cups": pytest.approx(8, abs=0.001),
        "entries": 1,
    }
    api.post("/water", {"date": DAY.isoformat(), "amount": 500, "unit": "ml"})
    assert api.get("/water", date=DAY.isoformat()).json()["entries"] == 2
    undone = api.client.delete(f"/api/water/last?date={DAY}")
    assert undone.json()["total_ml"] == pytest.approx(236.5882365)


@pytest.mark.parametrize(
    ("body", "field"),
    [({"amount": 0}, "amount"), ({"amount": 9, "unit": "l"}, "unit"), ({"date": "x"}, "date")],
)
def test_it_refuses_bad_water(api, body, field):
    response = api.post("/water", {"date": DAY.isoformat(), **body})
    assert locations(response) == [[*BODY, field]]
    assert not WaterEntry.objects.exists()


def test_it_answers_the_series_the_charts_draw(api, alice, today):
    quick_add(alice, day=today, meal="lunch", energy_kcal=1500, protein_g=100)
    services.log_weight(alice, day=today - timedelta(days=1), weight=81)
    services.log_weight(alice, day=today, weight=80)
    series = api.get("/progress").json()
    assert series["end"] == today.isoformat()
    assert len(series["days"]) == 28
    last = series["days"][-1]
    assert last["food_kcal"] == 1500
    assert last["net_kcal"] == 1500
    assert last["remaining_kcal"] == pytest.approx(last["budget_kcal"] - 1500)
    assert last["weight_kg"] == 80
    assert last["trend_kg"] == pytest.approx(80.9)
    assert [p["weight_kg"] for p in series["weigh_ins"]] == [81, 80]
    assert series["macros"]["grams"]["protein"] == 100
    assert series["macros"]["percent"]["protein"] == 100
    assert [row["label"] for row in series["averages"]] == [
        "Last 7 days",
        "Last 30 days",
        "This period",
    ]
    assert series["streaks"]["food_current"] == 1
    assert series["streaks"]["weigh_in_current"] == 2
    forecast = series["forecast"]
    assert forecast["target_weight_kg"] == pytest.approx(160 * KG_PER_LB)
    assert forecast["points"][-1]["date"] == (today + timedelta(days=7)).isoformat()


def test_it_refuses_a_period_backwards_or_too_long(api):
    backwards = api.get("/progress", start="2025-03-10", end="2025-03-01")
    assert locations(backwards) == [["query", "start"]]
    long = api.get("/progress", start="2020-01-01", end="2025-03-01")
    assert locations(long) == [["query", "start"]]
    assert locations(api.get("/progress", end="1800-01-01", start="1799-12-01")) == [
        ["query", "end"]
    ]


def test_it_answers_the_weekly_report(api, alice):
    quick_add(alice, day=DAY + timedelta(days=2), meal="lunch", energy_kcal=1800)
    report = api.get("/reports/week", week=(DAY + timedelta(days=4)).isoformat()).json()
    assert report["start"] == DAY.isoformat()
    assert report["end"] == (DAY + timedelta(days=6)).isoformat()
    assert len(report["days"]) == 7
    assert report["totals"]["food_kcal"] == 1800
    assert report["averages"]["food_kcal"] == 1800
    assert report["logged_days"] == 1
    default = api.get("/reports/week").json()
    assert date.fromisoformat(default["start"]).weekday() == 0
