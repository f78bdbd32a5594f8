"""The optional goal weight: on the goal form in lb or kg, on the goal page, and in the API."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from openplate.accounts.models import Goal
from openplate.science.units import KG_PER_LB
from tests.accounts.test_api import GOAL
from tests.accounts.test_goal_page import alice_form, value
from tests.api_client import ApiClient, locations

pytestmark = pytest.mark.django_db


def save(client: Client, **changes: str) -> Any:
    return client.post("/goal/", alice_form(**changes))


def test_it_saves_a_goal_weight_in_pounds_and_shows_it(
    new_alice_browser: Client, new_alice: User
) -> None:
    response = save(new_alice_browser, target_lb="140")
    assert response.status_code == 302
    goal = Goal.objects.get(user=new_alice)
    assert goal.target_weight_kg == pytest.approx(140 * KG_PER_LB)
    page = new_alice_browser.get("/goal/").content.decode()
    assert "Goal weight: <strong>140 lb</strong>" in page
    assert value(page, "target_lb") == "140"


def test_it_saves_a_goal_weight_in_kilograms(new_alice_browser: Client, new_alice: User) -> None:
    metric = alice_form(units="metric", rate_kg="-0.5", height_cm="163", weight_kg="72.5")
    metric["target_kg"] = "65"
    assert new_alice_browser.post("/goal/", metric).status_code == 302
    assert Goal.objects.get(user=new_alice).target_weight_kg == 65


def test_the_goal_weight_is_optional(new_alice_browser: Client, new_alice: User) -> None:
    assert save(new_alice_browser).status_code == 302
    assert Goal.objects.get(user=new_alice).target_weight_kg is None
    assert "Goal weight:" not in new_alice_browser.get("/goal/").content.decode()


def test_it_refuses_an_implausible_goal_weight_and_saves_nothing(new_alice_browser: Client) -> None:
    response = save(new_alice_browser, target_lb="14")
    assert response.status_code == 422
    assert "Goal weight must be between 44 lb and 1433 lb." in response.content.decode()
    assert not Goal.objects.exists()


def test_the_api_sets_shows_and_keeps_the_goal_weight(new_alice_api: ApiClient) -> None:
    response = new_alice_api.post("/goals", {**GOAL, "target_weight_kg": 62.5})
    assert response.status_code == 201, response.content
    assert response.json()["target_weight_kg"] == 62.5
    again = new_alice_api.post("/goals", GOAL)  # left out: kept
    assert again.json()["target_weight_kg"] == 62.5
    cleared = new_alice_api.post("/goals", {**GOAL, "target_weight_kg": None})
    assert cleared.json()["target_weight_kg"] is None


def test_the_api_refuses_an_implausible_goal_weight(new_alice_api: ApiClient) -> None:
    response = new_alice_api.post("/goals", {**GOAL, "target_weight_kg": 5})
    assert locations(response) == [["body", "payload", "target_weight_kg"]]
    assert not Goal.objects.exists()
