"""The check-in endpoints: this week's check-in and the past ones, the answers, the day."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User

from openplate.accounts.goals import goal_on, set_goal
from openplate.accounts.models import Account, BudgetSource
from openplate.coach import checkins
from openplate.coach.models import CheckIn
from tests.api_client import ApiClient, locations
from tests.coach.history import log_history
from tests.people import alice_goal

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(new_alice: User, today: date) -> User:
    set_goal(new_alice, alice_goal(), on=today - timedelta(days=60))
    Account.objects.update_or_create(user=new_alice, defaults={"check_in_weekday": today.weekday()})
    log_history(new_alice, until=today - timedelta(days=1))
    return User.objects.get(pk=new_alice.pk)


def test_it_makes_and_answers_this_weeks_check_in(alice_api: ApiClient, today: date) -> None:
    answer = alice_api.get("/check-ins").json()
    due = answer["due"]
    assert due["date"] == today.isoformat()
    assert due["decision"] == "pending"
    assert due["can_answer"] is True
    assert answer["not_ready"] is None
    assert answer["check_in_weekday"] == today.weekday()
    assert answer["next_check_in"] == (today + timedelta(days=7)).isoformat()
    assert [row["id"] for row in answer["check_ins"]] == [due["id"]]
    assert due["proposed_budget_kcal"] < due["expenditure_kcal"]  # she is losing
    assert due["target_earliest"] <= due["target_latest"]


def test_accepting_sets_the_budget_from_today(
    alice_api: ApiClient, alice: User, today: date
) -> None:
    due = alice_api.get("/check-ins").json()["due"]
    accepted = alice_api.post(f"/check-ins/{due['id']}/accept")
    assert accepted.status_code == 200
    body = accepted.json()
    assert body["starts_on"] == today.isoformat()
    assert body["budget_kcal"] == due["proposed_budget_kcal"]
    assert body["check_in"]["decision"] == "accepted"
    assert body["check_in"]["can_answer"] is False
    assert goal_on(alice, today + timedelta(days=1)).budget_source == BudgetSource.CHECK_IN
    assert alice_api.get("/check-ins").json()["due"] is None


def test_keeping_twice_is_refused_at_the_id(alice_api: ApiClient, alice: User) -> None:
    due = alice_api.get("/check-ins").json()["due"]
    kept = alice_api.post(f"/check-ins/{due['id']}/keep")
    assert kept.json()["decision"] == "kept"
    again = alice_api.post(f"/check-ins/{due['id']}/accept")
    assert locations(again) == [["path", "check_in_id"]]
    assert "already answered" in again.json()["detail"][0]["msg"]
    assert goal_on(alice, checkins.today_for(alice)).budget_source == BudgetSource.FORMULA


def test_a_missing_check_in_is_404(alice_api: ApiClient) -> None:
    assert alice_api.post("/check-ins/999999/accept").status_code == 404


def test_without_enough_logged_it_says_why(new_alice_api: ApiClient, new_alice: User) -> None:
    answer = new_alice_api.get("/check-ins").json()
    assert answer["due"] is None
    assert answer["not_ready"].startswith("Set your goal first")
    assert answer["check_ins"] == []
    assert not CheckIn.objects.exists()


def test_the_day_is_set_and_checked(alice_api: ApiClient, alice: User) -> None:
    answer = alice_api.put("/check-ins/weekday", {"weekday": 6})
    assert answer.json()["check_in_weekday"] == 6
    assert Account.objects.get(user=alice).check_in_weekday == 6
    assert locations(alice_api.put("/check-ins/weekday", {"weekday": 7})) == [
        ["body", "payload", "weekday"]
    ]
    assert locations(alice_api.put("/check-ins/weekday", {"weekday": "2"})) == [
        ["body", "payload", "weekday"]
    ]
