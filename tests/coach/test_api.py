"""GET /api/expenditure: the same estimate as the page and the command line, with each day."""

from datetime import date, timedelta

import pytest

from openplate.coach.expenditure import expenditure_of
from openplate.diary.services import quick_add
from tests.coach.steady import log_steady

pytestmark = pytest.mark.django_db

END = date(2025, 3, 31)


def test_it_answers_the_services_json_for_the_window_asked(alice, alice_api):
    log_steady(alice, END, days=21)
    answer = alice_api.get("/expenditure", end=END.isoformat(), days=21)
    assert answer.status_code == 200
    payload = answer.json()
    assert payload == expenditure_of(alice, end=END, days=21).as_json()
    assert (payload["start"], payload["end"]) == ("2025-03-11", "2025-03-31")
    assert len(payload["days"]) == 21


def test_it_reads_up_to_eight_weeks_to_the_callers_today_by_default(alice, alice_api, today):
    log_steady(alice, today, days=70)
    payload = alice_api.get("/expenditure").json()
    assert payload["end"] == today.isoformat()
    assert payload["start"] == (today - timedelta(days=55)).isoformat()
    assert payload["days_used"] == 56


def test_the_window_starts_on_the_first_day_with_anything_logged(alice, alice_api, today):
    log_steady(alice, today, days=14)
    payload = alice_api.get("/expenditure").json()
    assert payload["start"] == (today - timedelta(days=13)).isoformat()
    assert len(payload["days"]) == payload["days_used"] == 14


def test_a_marked_day_shows_its_status_and_counts(alice, alice_api):
    log_steady(alice, END, days=14, skip={2})
    light = END - timedelta(days=2)
    quick_add(alice, day=light, meal="lunch", energy_kcal=300)
    before = alice_api.get("/expenditure", end=END.isoformat(), days=14).json()
    assert before["incomplete_days"] == [light.isoformat()]
    assert alice_api.put(f"/days/{light}/mark", {"status": "complete"}).status_code == 200
    after = alice_api.get("/expenditure", end=END.isoformat(), days=14).json()
    assert after["incomplete_days"] == []
    assert after["days"][-3]["status"] == "complete"
    assert after["days_used"] == before["days_used"] + 1
    assert alice_api.delete(f"/days/{light}/mark").status_code == 204
    again = alice_api.get("/expenditure", end=END.isoformat(), days=14).json()
    assert again["incomplete_days"] == [light.isoformat()]


def test_too_little_to_go_on_is_a_422_saying_what_is_missing(new_alice_api):
    answer = new_alice_api.get("/expenditure")
    assert answer.status_code == 422
    [error] = answer.json()["detail"]
    assert error["loc"] == ["query"]
    assert error["msg"] == "The estimate needs at least one weigh-in."


@pytest.mark.parametrize(
    ("query", "field"), [({"days": 3}, "days"), ({"end": "1850-01-01"}, "end")]
)
def test_a_window_out_of_range_is_refused_at_its_field(new_alice_api, query, field):
    answer = new_alice_api.get("/expenditure", **query)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", field]


@pytest.mark.parametrize(
    ("body", "where"),
    [({"status": "auto"}, ["body", "payload", "status"]), ({}, ["body", "payload", "status"]),
     ({"status": "fasted", "extra": 1}, ["body", "payload", "extra"])],
)  # fmt: skip
def test_a_mark_is_refused_at_its_field(new_alice_api, body, where):
    answer = new_alice_api.put(f"/days/{END}/mark", body)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == where


def test_a_mark_on_a_day_out_of_range_is_refused_at_the_path(new_alice_api):
    answer = new_alice_api.put("/days/1850-01-01/mark", {"status": "fasted"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["path", "day"]
