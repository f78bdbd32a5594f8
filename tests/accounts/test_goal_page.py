"""The goal page: MyPlate's goal form, the budget and how it was computed, and the history."""

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from openplate.accounts.goals import GoalInput, set_goal
from openplate.accounts.models import Goal, Profile
from tests.accounts.test_signup import unlabelled_fields

pytestmark = pytest.mark.django_db

KG_PER_LB = 0.45359237

US_GOALS = [
    "Gain 2 pounds per week",
    "Gain 1.5 pounds per week",
    "Gain 1 pound per week",
    "Gain 0.5 pounds per week",
    "Maintain my current weight",
    "Lose 0.5 pounds per week",
    "Lose 1 pound per week",
    "Lose 1.5 pounds per week",
    "Lose 2 pounds per week",
]
METRIC_GOALS = [
    "Gain 1 kg per week",
    "Gain 0.75 kg per week",
    "Gain 0.5 kg per week",
    "Gain 0.25 kg per week",
    "Maintain my current weight",
    "Lose 0.25 kg per week",
    "Lose 0.5 kg per week",
    "Lose 0.75 kg per week",
    "Lose 1 kg per week",
]


def years_ago(years: int) -> date:
    today = timezone.localdate()
    return date(today.year - years, today.month, min(today.day, 28))


def alice_form(**changes: str) -> dict[str, str]:
    """Alice in US units: 5 ft 4 in, 160 lb, female, 25, sedentary, lose 1 lb a week."""
    return {
        "units": "imperial",
        "rate_lb": "-1",
        "sex": "female",
        "height_ft": "5",
        "height_in": "4",
        "weight_lb": "160",
        "birth_date": years_ago(25).isoformat(),
        "activity": "sedentary",
        "protein_percent": "20",
        "carbohydrate_percent": "50",
        "fat_percent": "30",
        **changes,
    }


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert select is not None
    return re.findall(r"<option[^>]*>([^<]*)</option>", select.group(0))


def selected(html: str, name: str) -> str:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert select is not None
    chosen = re.search(r'<option value="([^"]*)" selected>', select.group(0))
    assert chosen is not None
    return chosen.group(1)


def value(html: str, name: str) -> str:
    field = re.search(rf'<input [^>]*name="{name}"[^>]*>', html)
    assert field is not None
    found = re.search(r'value="([^"]*)"', field.group(0))
    return found.group(1) if found else ""


def checked(html: str, name: str) -> str:
    radio = re.search(rf'<input type="radio" name="{name}" value="([^"]*)"[^>]*checked', html)
    assert radio is not None
    return radio.group(1)


def save(client: Client, **changes: str) -> Any:
    return client.post("/goal/", alice_form(**changes))


def test_it_needs_sign_in(client: Client) -> None:
    response = client.get("/goal/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/goal/"
    assert client.post("/goal/", alice_form()).status_code == 302
    assert not Goal.objects.exists()


def test_it_offers_myplates_nine_weekly_goals(new_alice_browser: Client) -> None:
    html = new_alice_browser.get("/goal/").content.decode()
    assert options(html, "rate_lb") == US_GOALS
    assert options(html, "rate_kg") == METRIC_GOALS


def test_it_offers_the_five_activity_levels_as_daily_life(new_alice_browser: Client) -> None:
    """MyPlate's five levels, described as daily life without workouts: logged exercise is added
    on top (MyPlate's way; MyFitnessPal describes its levels by a day's work the same way, "a
    good part of the day on your feet (e.g. teacher, salesperson)"), so a level that said
    "exercise 3-5 days a week" would count each workout twice."""
    html = new_alice_browser.get("/goal/").content.decode()
    descriptions = re.findall(
        r'<label for="id_activity_\d">([^<]+) <span class="help">([^<]+)</span>', html
    )
    assert [label for label, _ in descriptions] == [
        "Sedentary", "Lightly active", "Moderately active", "Very active", "Extra active",
    ]  # fmt: skip
    for _, description in descriptions:
        assert not re.search(r"exercise|workout|days a week", description, re.IGNORECASE)
    assert "exercise you log is added on top" in html
    assert 'aria-describedby="id_activity_helptext"' in html
    assert html.count('type="radio" name="activity"') == 5


def test_every_input_has_a_label(new_alice_browser: Client) -> None:
    html = new_alice_browser.get("/goal/").content.decode()
    assert unlabelled_fields(html) == []
    assert 'href="/static/openplate/accounts.css"' in html


def test_a_first_visit_starts_in_us_units_with_the_default_macro_split(
    new_alice_browser: Client,
) -> None:
    html = new_alice_browser.get("/goal/").content.decode()
    assert "Set your goal" in html
    assert checked(html, "units") == "imperial"
    assert selected(html, "rate_lb") == "0"
    assert (value(html, "protein_percent"), value(html, "fat_percent")) == ("20", "30")
    assert "Goal history" not in html


def test_it_saves_the_goal_and_shows_how_the_budget_was_computed(
    new_alice_browser: Client, new_alice: User
) -> None:
    response = save(new_alice_browser)
    assert response.status_code == 302
    assert response["Location"] == "/goal/"
    goal = Goal.objects.get(user=new_alice)
    assert goal.starts_on == timezone.localdate()
    assert goal.height_cm == pytest.approx(64 * 2.54)
    assert goal.weight_kg == pytest.approx(160 * KG_PER_LB)
    assert goal.rate_kg_per_week == pytest.approx(-KG_PER_LB)

    html = new_alice_browser.get("/goal/").content.decode()
    # 10 x 72.57 + 6.25 x 162.56 - 5 x 25 - 161 = 1,455.7; x 1.2 = 1,746.9; - 500 = 1,246.9
    assert "Goal saved. From today your daily budget is 1,247 kcal." in html
    assert "Resting energy (BMR), Mifflin-St Jeor: 10 × 72.6 kg + 6.25 × 162.6 cm − 5 × " in html
    assert "years − 161" in html
    assert "1,456 kcal" in html
    assert "× 1.2 for sedentary = maintenance" in html
    assert "1,747 kcal" in html
    assert "− 500 kcal a day to lose 1 pound per week (1 lb × 3,500 kcal per lb ÷ 7 days)" in html
    assert '<p class="budget-total"><strong id="goal-budget">1,247</strong> kcal a day</p>' in html
    assert "Raised to the minimum" not in html
    assert 'href="/diary/">Go to your diary</a>' in html
    assert "Lose 1 pound per week, since" in html
    assert "Computed for a 25-year-old woman, 5 ft 4 in and 160 lb (BMI 27.5, overweight)." in html


def test_it_shows_the_macro_targets(new_alice_browser: Client) -> None:
    save(new_alice_browser, protein_percent="30", carbohydrate_percent="40", fat_percent="30")
    html = new_alice_browser.get("/goal/").content.decode()
    # 1,246.9 kcal: 30 % / 4 kcal/g = 94 g protein, 40 % / 4 = 125 g, 30 % / 9 = 42 g fat
    assert "<strong>Protein</strong> 30 % · 94 g" in html
    assert "<strong>Carbohydrate</strong> 40 % · 125 g" in html
    assert "<strong>Fat</strong> 30 % · 42 g" in html


def test_it_shows_the_calorie_floor_and_every_warning(
    new_alice_browser: Client, new_alice: User
) -> None:
    # 60 years, 5 ft 0 in, 132 lb, lose 2 lb a week: 1,306.6 - 1,000 is under 1,200.
    save(
        new_alice_browser,
        birth_date=years_ago(60).isoformat(),
        height_ft="5",
        height_in="0",
        weight_lb="132",
        rate_lb="-2",
    )
    goal = Goal.objects.get(user=new_alice)
    assert goal.floor_applied
    assert goal.warnings
    html = new_alice_browser.get("/goal/").content.decode()
    assert "Raised to the minimum of 1,200 kcal for women" in html
    assert '<p class="budget-total"><strong id="goal-budget">1,200</strong> kcal a day</p>' in html
    for warning in goal.warnings:
        assert f'<li class="warning">{warning}</li>' in html


def test_it_saves_a_metric_goal(new_alice_browser: Client, new_alice: User) -> None:
    response = save(
        new_alice_browser,
        units="metric",
        rate_kg="-0.5",
        height_cm="165",
        weight_kg="70.5",
        height_ft="",
        height_in="",
        weight_lb="not read",
        rate_lb="",
    )
    assert response.status_code == 302
    goal = Goal.objects.get(user=new_alice)
    assert goal.rate_kg_per_week == -0.5
    assert goal.height_cm == 165
    assert goal.weight_kg == 70.5
    assert Profile.objects.get(user=new_alice).units == "metric"
    html = new_alice_browser.get("/goal/").content.decode()
    assert "Lose 0.5 kg per week, since" in html
    assert "165 cm and 70.5 kg" in html
    # 0.5 kg = 1.1 lb; x 3,500 / 7 = 551 kcal a day
    assert "− 551 kcal a day to lose 0.5 kg per week (1.1 lb × 3,500 kcal per lb" in html
    assert checked(html, "units") == "metric"
    assert selected(html, "rate_kg") == "-0.5"


def test_it_fills_the_form_in_from_the_profile_and_the_goal(new_alice_browser: Client) -> None:
    save(new_alice_browser, activity="moderate", rate_lb="-1.5", weight_lb="171.5")
    html = new_alice_browser.get("/goal/").content.decode()
    assert "Change your goal" in html
    assert checked(html, "units") == "imperial"
    assert selected(html, "rate_lb") == "-1.5"
    assert checked(html, "sex") == "female"
    assert checked(html, "activity") == "moderate"
    assert (value(html, "height_ft"), value(html, "height_in")) == ("5", "4")
    assert value(html, "weight_lb") == "171.5"
    assert value(html, "birth_date") == years_ago(25).isoformat()
    # The metric set holds the same person, for a switch of units.
    assert value(html, "height_cm") == "162.6"
    assert value(html, "weight_kg") == "77.79"
    assert selected(html, "rate_kg") == "-0.75"


def test_the_reopened_form_shows_numbers_as_a_person_writes_them(
    new_alice_browser: Client,
) -> None:
    save(new_alice_browser, height_ft="5", height_in="4", weight_lb="160", target_lb="140")
    html = new_alice_browser.get("/goal/").content.decode()
    # 4 and 160, not 4.0 and 160.0; the decimals a number needs stay.
    assert (value(html, "height_ft"), value(html, "height_in")) == ("5", "4")
    assert (value(html, "weight_lb"), value(html, "target_lb")) == ("160", "140")
    assert (value(html, "weight_kg"), value(html, "target_kg")) == ("72.57", "63.5")
    assert value(html, "height_cm") == "162.6"

    save(new_alice_browser, height_ft="6", height_in="0", weight_lb="160.5")
    html = new_alice_browser.get("/goal/").content.decode()
    assert (value(html, "height_ft"), value(html, "height_in")) == ("6", "0")
    assert value(html, "weight_lb") == "160.5"


def test_switching_units_shows_whole_numbers_without_decimals(new_alice_browser: Client) -> None:
    typed = {"units": "imperial", "height_cm": "182.88", "weight_kg": "90.718474"}
    html = new_alice_browser.get("/goal/", typed, headers={"HX-Request": "true"}).content.decode()
    assert (value(html, "height_ft"), value(html, "height_in")) == ("6", "0")
    assert value(html, "weight_lb") == "200"


def test_missing_answers_are_shown_beside_their_fields(new_alice_browser: Client) -> None:
    response = save(new_alice_browser, weight_lb="", sex="")
    assert response.status_code == 422
    html = response.content.decode()
    assert '<ul class="errorlist" id="id_weight_lb_error"><li>Enter your weight.</li></ul>' in html
    weight = re.search(r'<input [^>]*name="weight_lb"[^>]*>', html)
    assert weight is not None
    assert 'aria-invalid="true"' in weight.group(0)
    assert 'aria-describedby="id_weight_lb_error"' in weight.group(0)
    assert 'aria-describedby="id_sex_error"' in html  # on the fieldset of the radio buttons
    assert 'id="id_sex_error"' in html
    assert 'role="alert"' in html
    assert not Goal.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"height_ft": "1", "height_in": "0"},
            "height_ft",
            "Height must be between 1 ft 8 in and 9 ft 0 in.",
        ),
        ({"weight_lb": "20"}, "weight_lb", "Weight must be between 44 lb and 1433 lb."),
        (
            {"birth_date": "2020-01-01"},
            "birth_date",
            "The budget equations are for adults 18 to 120 years old.",
        ),
        (
            {"fat_percent": "40"},
            "fat_percent",
            "Protein, carbohydrate and fat must add up to 100 % (now 110 %).",
        ),
        ({"protein_percent": "1", "carbohydrate_percent": "69"}, "protein_percent", "Between 5"),
        (
            {"height_ft": "5", "height_in": "7", "weight_lb": "100"},
            "rate_lb",
            "A weight-loss goal is not offered at a BMI of 15.7",
        ),
        ({"height_in": "12"}, "height_in", "Inches must be from 0 to less than 12."),
        ({"weight_lb": "heavy"}, "weight_lb", "Enter a number."),
        ({"rate_lb": "-3"}, "rate_lb", "Select a valid choice."),
        (
            {"units": "metric", "height_cm": "30", "weight_kg": "70", "rate_kg": "0"},
            "height_cm",
            "Height must be between 50 and 275 cm.",
        ),
    ],
)
def test_refusals_are_shown_beside_the_field_filled_in(
    new_alice_browser: Client, changes: dict[str, str], field: str, message: str
) -> None:
    response = save(new_alice_browser, **changes)
    assert response.status_code == 422
    html = response.content.decode()
    errors = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html)
    assert errors is not None, html
    assert message in errors.group(1)
    assert not Goal.objects.exists()
    assert not Profile.objects.exists()


def test_a_change_applies_from_today_and_keeps_past_days(
    new_alice_browser: Client, new_alice: User
) -> None:
    today = timezone.localdate()
    week_ago = today - timedelta(days=7)
    earlier = set_goal(
        new_alice,
        GoalInput(
            sex="female",
            birth_date=years_ago(25),
            height_cm=64 * 2.54,
            weight_kg=165 * KG_PER_LB,
            activity="sedentary",
            rate_kg_per_week=-2 * KG_PER_LB,
        ),
        on=week_ago,
    )
    save(new_alice_browser, rate_lb="0")

    goals = list(Goal.objects.filter(user=new_alice).order_by("starts_on"))
    assert [goal.starts_on for goal in goals] == [week_ago, today]
    assert goals[0].budget_kcal == earlier.budget_kcal
    assert goals[0].rate_kg_per_week == earlier.rate_kg_per_week

    html = new_alice_browser.get("/goal/").content.decode()
    history = html[html.index("Goal history") :]
    rows = re.findall(r"<tr(?: class=\"current\")?>(.*?)</tr>", history, re.S)[1:]
    assert len(rows) == 2
    assert "Maintain my current weight" in rows[0]
    assert "in force" in rows[0]
    assert "Lose 2 pounds per week" in rows[1]
    assert f"{earlier.budget_kcal:,.0f} kcal" in rows[1]
    assert "in force" not in rows[1]


def test_saving_twice_the_same_day_keeps_one_goal(
    new_alice_browser: Client, new_alice: User
) -> None:
    save(new_alice_browser)
    save(new_alice_browser, rate_lb="-0.5")
    assert Goal.objects.filter(user=new_alice).count() == 1
    assert Goal.objects.get(user=new_alice).rate_kg_per_week == pytest.approx(-0.5 * KG_PER_LB)


def test_switching_units_converts_what_was_typed(new_alice_browser: Client) -> None:
    typed = alice_form(units="metric", weight_lb="171.5", rate_lb="-1.5")
    response = new_alice_browser.get("/goal/", typed, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    html = response.content.decode()
    assert html.lstrip().startswith('<form method="post" action="/goal/" id="goal-form"')
    assert "<html" not in html
    assert checked(html, "units") == "metric"
    assert value(html, "height_cm") == "162.6"
    assert value(html, "weight_kg") == "77.79"
    assert selected(html, "rate_kg") == "-0.75"
    assert value(html, "birth_date") == typed["birth_date"]
    assert checked(html, "activity") == "sedentary"


def test_switching_back_converts_metric_to_us_units(new_alice_browser: Client) -> None:
    typed = {"units": "imperial", "height_cm": "180", "weight_kg": "80", "rate_kg": "0.25"}
    html = new_alice_browser.get("/goal/", typed, headers={"HX-Request": "true"}).content.decode()
    assert checked(html, "units") == "imperial"
    assert (value(html, "height_ft"), value(html, "height_in")) == ("5", "10.9")
    assert value(html, "weight_lb") == "176.4"
    assert selected(html, "rate_lb") == "0.5"


def test_the_units_switch_works_without_javascript(new_alice_browser: Client) -> None:
    html = new_alice_browser.get("/goal/?units=metric").content.decode()
    assert "<html" in html
    assert checked(html, "units") == "metric"
    # Both sets are in the page; accounts.css shows the chosen one.
    assert 'name="height_cm"' in html
    assert 'name="height_ft"' in html
    assert 'hx-get="/goal/"' in html


def test_it_starts_in_the_units_chosen_in_settings(new_alice_browser: Client) -> None:
    new_alice_browser.post("/settings/", {"units": "metric"})
    html = new_alice_browser.get("/goal/").content.decode()
    assert checked(html, "units") == "metric"


def test_goal_forms_need_the_csrf_token(new_alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(new_alice)
    assert client.post("/goal/", alice_form()).status_code == 403
    assert not Goal.objects.exists()


def test_it_shows_only_the_persons_own_goals(new_alice_browser: Client, bob: User) -> None:
    set_goal(
        bob,
        GoalInput(
            sex="male",
            birth_date=years_ago(40),
            height_cm=180,
            weight_kg=90,
            activity="light",
            rate_kg_per_week=0.5,
        ),
        on=timezone.localdate(),
    )
    html = new_alice_browser.get("/goal/").content.decode()
    assert "Set your goal" in html
    assert "Goal history" not in html
    assert "Your daily budget" not in html


# --- Pregnancy and breastfeeding --------------------------------------------------------------


def maintain_button(html: str) -> bool:
    return (
        re.search(r'<button type="submit" name="maintain"[^>]*>Maintain my weight instead', html)
        is not None
    )


@pytest.mark.parametrize(
    ("stage", "why"), [("pregnant", "in pregnancy"), ("breastfeeding", "while breastfeeding")]
)
def test_a_loss_goal_is_refused_in_pregnancy_beside_the_weekly_goal_offering_maintain(
    new_alice_browser: Client, stage: str, why: str
) -> None:
    response = save(new_alice_browser, life_stage=stage)
    assert response.status_code == 422
    html = response.content.decode()
    errors = re.search(r'<ul class="errorlist" id="id_rate_lb_error">(.*?)</ul>', html)
    assert errors is not None, html
    assert f"A weight-loss goal is not offered {why}" in errors.group(1)
    assert "choose maintain instead" in errors.group(1)
    assert maintain_button(html)
    assert not Goal.objects.exists()


def test_the_maintain_button_saves_a_goal_to_maintain(
    new_alice_browser: Client, new_alice: User
) -> None:
    response = save(new_alice_browser, life_stage="pregnant", maintain="yes")
    assert response.status_code == 302
    goal = Goal.objects.get(user=new_alice)
    assert goal.rate_kg_per_week == 0
    assert any("before pregnancy" in warning for warning in goal.warnings)
    assert Profile.objects.get(user=new_alice).life_stage == "pregnant"
    page = new_alice_browser.get("/goal/").content.decode()
    assert re.search(r'name="life_stage" value="pregnant"[^>]*checked', page)


def test_other_refusals_offer_no_maintain_button(new_alice_browser: Client) -> None:
    html = save(new_alice_browser, weight_lb="20").content.decode()
    assert not maintain_button(html)


def test_the_question_is_asked_of_women_and_ignored_for_men(
    new_alice_browser: Client, new_alice: User
) -> None:
    page = new_alice_browser.get("/goal/").content.decode()
    assert re.search(r'<fieldset class="field choices life-stage"', page)
    assert "Pregnant or breastfeeding?" in page
    response = save(new_alice_browser, sex="male", life_stage="pregnant")
    assert response.status_code == 302
    assert Profile.objects.get(user=new_alice).life_stage == "neither"


def test_a_loss_is_offered_again_once_neither(new_alice_browser: Client, new_alice: User) -> None:
    save(new_alice_browser, life_stage="breastfeeding", rate_lb="0")
    assert save(new_alice_browser, life_stage="neither").status_code == 302
    assert Goal.objects.get(user=new_alice).rate_kg_per_week == pytest.approx(-KG_PER_LB)
