"""The progress series and the weekly report endpoints."""

from datetime import date, timedelta

import pytest

from openplate.body import services
from openplate.diary.services import quick_add
from openplate.science.units import KG_PER_LB
from tests.api_client import locations

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)  # a Monday


def test_it_answers_the_series_the_charts_draw(alice_api, alice, today):
    quick_add(alice, day=today, meal="lunch", energy_kcal=1500, protein_g=100)
    services.log_weight(alice, day=today - timedelta(days=1), weight=81)
    services.log_weight(alice, day=today, weight=80)
    series = alice_api.get("/progress").json()
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


def test_it_refuses_a_period_backwards_or_too_long(alice_api):
    backwards = alice_api.get("/progress", start="2025-03-10", end="2025-03-01")
    assert locations(backwards) == [["query", "start"]]
    long = alice_api.get("/progress", start="2020-01-01", end="2025-03-01")
    assert locations(long) == [["query", "start"]]
    assert locations(alice_api.get("/progress", end="1800-01-01", start="1799-12-01")) == [
        ["query", "end"]
    ]


def test_it_answers_the_weekly_report(alice_api, alice):
    quick_add(alice, day=DAY + timedelta(days=2), meal="lunch", energy_kcal=1800)
    report = alice_api.get("/reports/week", week=(DAY + timedelta(days=4)).isoformat()).json()
    assert report["start"] == DAY.isoformat()
    assert report["end"] == (DAY + timedelta(days=6)).isoformat()
    assert len(report["days"]) == 7
    assert report["totals"]["food_kcal"] == 1800
    assert report["averages"]["food_kcal"] == 1800
    assert report["logged_days"] == 1
    default = alice_api.get("/reports/week").json()
    assert date.fromisoformat(default["start"]).weekday() == 0
