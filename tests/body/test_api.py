"""The weight and water endpoints."""

from datetime import date, timedelta

import pytest
from django.test import Client

from openplate.body.models import WaterEntry, WeightEntry
from openplate.science.units import KG_PER_LB
from tests.api_client import locations

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)  # a Monday
BODY = ["body", "payload"]


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


def test_it_logs_a_weight_in_pounds_with_its_trend_and_bmi(alice_api):
    point = weigh(alice_api, value=176.5, unit="lb", body_fat_percent=30)
    assert point["weight_kg"] == pytest.approx(176.5 * KG_PER_LB)
    assert point["weight_lb"] == pytest.approx(176.5)
    assert point["trend_kg"] == pytest.approx(point["weight_kg"])
    assert point["body_fat_percent"] == 30
    assert point["bmi"] == pytest.approx(28.5, abs=0.05)  # 5 ft 6 in
    assert point["bmi_category"] == "overweight"


def test_it_logs_a_weight_in_kg_and_lists_the_trend(alice_api):
    weigh(alice_api, weight_kg=80)
    weigh(alice_api, date=(DAY + timedelta(days=1)).isoformat(), value=81, unit="kg")
    weigh(alice_api, date=(DAY + timedelta(days=1)).isoformat(), weight_kg=82)  # replaces
    listed = alice_api.get("/weights").json()
    assert [p["weight_kg"] for p in listed] == [80, 82]
    assert [p["trend_kg"] for p in listed] == pytest.approx([80, 80.2])
    later = alice_api.get("/weights", start=(DAY + timedelta(days=1)).isoformat()).json()
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
def test_it_refuses_bad_weigh_ins_in_the_error_shape(alice_api, body, where):
    response = alice_api.post("/weights", {"date": DAY.isoformat(), **body})
    assert locations(response) == where
    assert not WeightEntry.objects.exists()


def test_it_deletes_a_weigh_in_by_date_or_id(alice_api, bob_api):
    first = weigh(alice_api, weight_kg=80)
    weigh(alice_api, date=(DAY + timedelta(days=1)).isoformat(), weight_kg=79)
    assert bob_api.delete(f"/weights/{first['id']}").status_code == 404
    assert bob_api.delete(f"/weights/{DAY}").status_code == 404
    assert alice_api.delete(f"/weights/{first['id']}").status_code == 204
    assert alice_api.delete(f"/weights/{DAY + timedelta(days=1)}").status_code == 204
    assert alice_api.delete(f"/weights/{DAY}").status_code == 404
    assert alice_api.delete("/weights/yesterday").status_code == 404
    assert not WeightEntry.objects.exists()


def test_nobody_sees_anothers_weights_or_water(alice_api, bob_api):
    weigh(alice_api, weight_kg=80)
    alice_api.post("/water", {"date": DAY.isoformat()})
    assert bob_api.get("/weights").json() == []
    assert bob_api.get("/water", date=DAY.isoformat()).json()["total_ml"] == 0
    assert bob_api.delete(f"/water/last?date={DAY}").status_code == 404
    series = bob_api.get("/progress", start=DAY.isoformat(), end=DAY.isoformat()).json()
    assert series["weigh_ins"] == []
    assert series["days"][0]["water_ml"] == 0


def test_it_logs_water_by_the_cup_or_in_ml_and_undoes_it(alice_api):
    response = alice_api.post("/water", {"date": DAY.isoformat()})
    assert response.status_code == 201
    assert response.json() == {
        "date": DAY.isoformat(),
        "total_ml": pytest.approx(236.5882365),
        "total_cups": pytest.approx(1),
        "goal_ml": pytest.approx(8 * 236.5882365),  # eight US cups
        "goal_cups": pytest.approx(8, abs=0.001),
        "entries": 1,
    }
    alice_api.post("/water", {"date": DAY.isoformat(), "amount": 500, "unit": "ml"})
    assert alice_api.get("/water", date=DAY.isoformat()).json()["entries"] == 2
    undone = alice_api.client.delete(f"/api/water/last?date={DAY}")
    assert undone.json()["total_ml"] == pytest.approx(236.5882365)


@pytest.mark.parametrize(
    ("body", "field"),
    [({"amount": 0}, "amount"), ({"amount": 9, "unit": "l"}, "unit"), ({"date": "x"}, "date")],
)
def test_it_refuses_bad_water(alice_api, body, field):
    response = alice_api.post("/water", {"date": DAY.isoformat(), **body})
    assert locations(response) == [[*BODY, field]]
    assert not WaterEntry.objects.exists()
