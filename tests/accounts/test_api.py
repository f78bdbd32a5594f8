"""The profile, goal and token endpoints."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from openplate.accounts.models import Goal, Profile
from openplate.accounts.tokens import create_token
from openplate.science.units import KG_PER_LB
from tests.api_client import locations

pytestmark = pytest.mark.django_db

BODY = ["body", "payload"]
GOAL = {
    "sex": "female",
    "birth_date": "1990-01-01",
    "height_cm": 165,
    "weight_kg": 70,
    "activity": "light",
    "rate_lb_per_week": -1,
}


def test_it_shows_an_empty_profile_before_the_first_goal(new_alice_api):
    response = new_alice_api.get("/profile")
    assert response.status_code == 200
    assert response.json() == {
        "username": "alice",
        "time_zone": "UTC",  # the server's: alice was made without a browser
        "exercise_share": 1.0,  # all of it until she chooses
        "today": timezone.localdate().isoformat(),
        "profile": None,
        "goal": None,
    }


def test_it_sets_a_goal_and_shows_how_the_budget_was_computed(new_alice_api):
    response = new_alice_api.post("/goals", GOAL)
    assert response.status_code == 201, response.content
    goal = response.json()
    assert goal["starts_on"] == timezone.localdate().isoformat()
    assert goal["rate_kg_per_week"] == pytest.approx(-KG_PER_LB)
    assert goal["rate_lb_per_week"] == pytest.approx(-1)
    assert goal["formula"] == "mifflin-st-jeor"
    assert goal["bmr_kcal"] == pytest.approx(10 * 70 + 6.25 * 165 - 5 * goal["age_years"] - 161)
    assert goal["activity_factor"] == 1.375
    assert goal["maintenance_kcal"] == pytest.approx(goal["bmr_kcal"] * 1.375)
    assert goal["budget_kcal"] == pytest.approx(goal["maintenance_kcal"] - 500)
    assert goal["floor_applied"] is False
    assert goal["warnings"] == []
    assert (goal["protein_percent"], goal["carbohydrate_percent"], goal["fat_percent"]) == (
        20, 50, 30
    )  # fmt: skip
    assert goal["macro_targets_g"]["fat"] == pytest.approx(goal["budget_kcal"] * 0.3 / 9)


def test_it_shows_the_profile_and_todays_goal(new_alice_api):
    goal = new_alice_api.post("/goals", GOAL | {"units": "metric"}).json()
    me = new_alice_api.get("/profile").json()
    assert me["profile"] == {
        "units": "metric",
        "sex": "female",
        "birth_date": "1990-01-01",
        "height_cm": 165,
        "activity": "light",
        "water_goal_ml": pytest.approx(8 * 236.5882365, abs=0.01),
        "life_stage": "neither",
    }
    assert me["goal"] == goal


def test_it_changes_the_units_and_the_water_goal(new_alice_api):
    new_alice_api.post("/goals", GOAL)
    response = new_alice_api.patch("/profile", {"units": "metric", "water_goal_ml": 2500})
    assert response.status_code == 200, response.content
    assert response.json()["profile"]["units"] == "metric"
    assert response.json()["profile"]["water_goal_ml"] == 2500
    assert new_alice_api.patch("/profile", {}).json()["profile"]["water_goal_ml"] == 2500
    assert Profile.objects.get(user=new_alice_api.user).units == "metric"


@pytest.mark.parametrize("goal_ml", [0, 499, 10_001, "2000"])
def test_it_refuses_a_water_goal_out_of_range_and_changes_nothing(new_alice_api, goal_ml):
    new_alice_api.post("/goals", GOAL)
    response = new_alice_api.patch("/profile", {"units": "metric", "water_goal_ml": goal_ml})
    assert locations(response) == [[*BODY, "water_goal_ml"]]
    profile = Profile.objects.get(user=new_alice_api.user)
    assert (profile.units, round(profile.water_goal_ml)) == ("imperial", 1893)


def test_it_asks_for_a_goal_before_changing_the_profile(new_alice_api):
    response = new_alice_api.patch("/profile", {"water_goal_ml": 2000})
    assert response.status_code == 422
    assert "Set your goal first" in response.json()["detail"][0]["msg"]


def test_it_raises_a_budget_to_the_floor_and_says_so(new_alice_api):
    small = GOAL | {"height_cm": 150, "weight_kg": 50, "activity": "sedentary"}
    goal = new_alice_api.post("/goals", small | {"rate_lb_per_week": -2}).json()
    assert goal["floor_applied"] is True
    assert goal["budget_kcal"] == goal["floor_kcal"] == 1200
    assert goal["effective_rate_kg_per_week"] > goal["rate_kg_per_week"]
    assert any("1,200 kcal/day minimum" in warning for warning in goal["warnings"])


@pytest.mark.parametrize(
    "rate",
    [{"rate_kg_per_week": -0.5}, {"rate_kg_per_week": -0.454}, {"rate_kg_per_week": 0}],
)
def test_it_takes_the_weekly_goal_in_kilograms(new_alice_api, rate):
    body = {key: value for key, value in GOAL.items() if key != "rate_lb_per_week"} | rate
    response = new_alice_api.post("/goals", body)
    assert response.status_code == 201, response.content
    offered = -KG_PER_LB if rate["rate_kg_per_week"] == -0.454 else rate["rate_kg_per_week"]
    assert response.json()["rate_kg_per_week"] == offered


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"rate_lb_per_week": -3}, "rate_lb_per_week"),
        ({"rate_lb_per_week": -0.7}, "rate_lb_per_week"),
        ({"rate_lb_per_week": None, "rate_kg_per_week": -0.6}, "rate_kg_per_week"),
        ({"rate_lb_per_week": None}, "rate_kg_per_week"),
        ({"rate_kg_per_week": -0.5}, "rate_kg_per_week"),  # and the lb one: which is meant?
        (
            {"birth_date": (timezone.localdate() - timedelta(days=365 * 10)).isoformat()},
            "birth_date",
        ),
        ({"height_cm": 20}, "height_cm"),
        ({"weight_kg": 1000}, "weight_kg"),
        ({"activity": "couch"}, "activity"),
        ({"sex": "other"}, "sex"),
        ({"units": "furlongs"}, "units"),
        ({"protein_percent": 40}, "fat_percent"),  # 40 + 50 + 30 is not 100
        ({"protein_percent": 90, "carbohydrate_percent": 0, "fat_percent": 10}, "protein_percent"),
        ({"height_cm": "tall"}, "height_cm"),
        ({"goal": "thin"}, "goal"),
    ],
)
def test_it_refuses_a_goal_naming_the_field_and_saves_nothing(new_alice_api, change, field):
    response = new_alice_api.post("/goals", GOAL | change)
    assert [*BODY, field] in locations(response)
    assert not Goal.objects.exists()
    assert not Profile.objects.exists()


def test_it_names_the_weekly_goal_as_given_when_the_science_refuses_it(new_alice_api):
    underweight = GOAL | {"weight_kg": 45, "height_cm": 170}
    response = new_alice_api.post("/goals", underweight)
    assert locations(response) == [[*BODY, "rate_lb_per_week"]]
    assert "underweight" in response.json()["detail"][0]["msg"]


@pytest.mark.parametrize("stage", ["pregnant", "breastfeeding"])
def test_it_refuses_a_loss_goal_in_pregnancy_or_while_breastfeeding(new_alice_api, stage):
    response = new_alice_api.post("/goals", GOAL | {"life_stage": stage})
    assert response.status_code == 422
    assert locations(response) == [[*BODY, "rate_lb_per_week"]]
    message = response.json()["detail"][0]["msg"]
    assert ("pregnancy" if stage == "pregnant" else "breastfeeding") in message
    assert "maintain" in message
    assert not Goal.objects.exists()


def test_it_sets_a_goal_to_maintain_in_pregnancy_and_keeps_the_life_stage(new_alice_api):
    response = new_alice_api.post(
        "/goals", GOAL | {"rate_lb_per_week": 0, "life_stage": "pregnant"}
    )
    assert response.status_code == 201, response.content
    assert any("before pregnancy" in warning for warning in response.json()["warnings"])
    assert new_alice_api.get("/profile").json()["profile"]["life_stage"] == "pregnant"
    # Left out, the life stage stays as it was: a loss is still refused.
    assert new_alice_api.post("/goals", GOAL).status_code == 422
    after = new_alice_api.post("/goals", GOAL | {"life_stage": "neither"})
    assert after.status_code == 201, after.content
    assert new_alice_api.get("/profile").json()["profile"]["life_stage"] == "neither"


def test_it_refuses_pregnancy_for_sex_male(new_alice_api):
    male = GOAL | {"sex": "male", "rate_lb_per_week": 0, "life_stage": "pregnant"}
    response = new_alice_api.post("/goals", male)
    assert locations(response) == [[*BODY, "life_stage"]]


def test_a_life_stage_left_out_is_neither_for_sex_male(new_alice_api):
    new_alice_api.post("/goals", GOAL | {"rate_lb_per_week": 0, "life_stage": "breastfeeding"})
    response = new_alice_api.post("/goals", GOAL | {"sex": "male"})
    assert response.status_code == 201, response.content
    assert new_alice_api.get("/profile").json()["profile"]["life_stage"] == "neither"


def test_it_replaces_a_goal_set_earlier_the_same_day(new_alice_api):
    new_alice_api.post("/goals", GOAL)
    new_alice_api.post("/goals", GOAL | {"rate_lb_per_week": 0})
    goals = new_alice_api.get("/goals").json()
    assert [goal["rate_kg_per_week"] for goal in goals] == [0]


def test_it_lists_the_goal_history_oldest_first(new_alice_api):
    Goal.objects.create(
        user=new_alice_api.user, starts_on=date(2024, 1, 1), rate_kg_per_week=0, sex="female",
        age_years=34, height_cm=165, weight_kg=72, activity="light", formula="mifflin-st-jeor",
        bmr_kcal=1400, activity_factor=1.375, maintenance_kcal=1925, floor_kcal=1200,
        floor_applied=False, budget_kcal=1925, effective_rate_kg_per_week=0, bmi=26.4,
    )  # fmt: skip
    new_alice_api.post("/goals", GOAL)
    history = new_alice_api.get("/goals").json()
    assert [goal["starts_on"] for goal in history] == [
        "2024-01-01",
        timezone.localdate().isoformat(),
    ]
    assert history[0]["warnings"] == []


def test_it_keeps_units_and_macro_shares_left_out(new_alice_api):
    new_alice_api.post(
        "/goals",
        GOAL | {"units": "metric", "protein_percent": 30, "carbohydrate_percent": 40,
                "fat_percent": 30},
    )  # fmt: skip
    goal = new_alice_api.post(
        "/goals", GOAL | {"protein_percent": 35, "carbohydrate_percent": 35}
    ).json()
    assert (goal["protein_percent"], goal["carbohydrate_percent"], goal["fat_percent"]) == (
        35, 35, 30
    )  # fmt: skip
    assert new_alice_api.get("/profile").json()["profile"]["units"] == "metric"


# --- tokens ------------------------------------------------------------------------------------


def test_it_lists_the_callers_tokens_without_their_secrets(new_alice_api):
    create_token(new_alice_api.user, "My script")
    tokens = new_alice_api.get("/tokens").json()
    assert [token["name"] for token in tokens] == ["My script", "tests"]
    assert set(tokens[0]) == {"id", "name", "prefix", "created", "last_used"}
    assert new_alice_api.token not in str(tokens)
    assert new_alice_api.token.startswith(tokens[1]["prefix"])
    assert tokens[1]["last_used"] is not None  # this very request used it


def test_it_revokes_a_token_which_then_stops_working(new_alice_api):
    other, _ = create_token(new_alice_api.user, "Old phone")
    assert new_alice_api.delete(f"/tokens/{other.pk}").status_code == 204
    assert [token["name"] for token in new_alice_api.get("/tokens").json()] == ["tests"]
    current = new_alice_api.get("/tokens").json()[0]["id"]
    assert new_alice_api.delete(f"/tokens/{current}").status_code == 204
    assert new_alice_api.get("/tokens").status_code == 401


def test_it_answers_404_for_a_missing_token(new_alice_api):
    assert new_alice_api.delete("/tokens/999999").status_code == 404
