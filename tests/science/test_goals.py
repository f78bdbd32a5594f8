"""The goal budget, its safety rules and the static projection."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from openplate.science import goals, units
from openplate.science.energy import Formula, Sex
from openplate.science.errors import InvalidInput
from openplate.science.goals import GoalRefused, LifeStage, Person
from openplate.science.units import KG_PER_LB

LB = KG_PER_LB
# The woman of a published worked example (Boosting Your Metabolism For Dummies, "How to
# Calculate Your Metabolic Rate"): 45 years, 75 kg, 165.1 cm, lightly active: BMR 1,396 and
# maintenance 1,920 kcal/day. Losing 1 lb a week is 500 kcal a day less (3,500 kcal per lb,
# Wishnofsky 1958).
DUMMIES = Person(Sex.FEMALE, 45, 165.1, 75.0, "light")
BOB = Person(Sex.MALE, 40, 180.0, 100.0, "moderate")


def test_it_budgets_maintenance_less_500_kcal_for_one_pound_a_week():
    plan = goals.plan_goal(DUMMIES, -1 * LB)
    assert plan.bmr_kcal == pytest.approx(1396, abs=0.5)
    assert plan.maintenance_kcal == pytest.approx(1920, abs=1.5)
    assert plan.budget_kcal == pytest.approx(1420, abs=1.5)
    assert not plan.floor_applied
    assert plan.warnings == ()


@pytest.mark.parametrize("rate_lb", goals.WEEKLY_GOALS_LB)
def test_each_myplate_goal_moves_the_budget_by_500_kcal_per_pound(rate_lb):
    plan = goals.plan_goal(BOB, rate_lb * LB)
    assert plan.unfloored_budget_kcal - plan.maintenance_kcal == pytest.approx(rate_lb * 500)


@pytest.mark.parametrize("rate_kg", goals.WEEKLY_GOALS_KG)
def test_metric_goals_use_3500_kcal_per_pound(rate_kg):
    plan = goals.plan_goal(BOB, rate_kg)
    expected = rate_kg / LB * 3500 / 7  # 0.5 kg/week = 551.2 kcal/day
    assert plan.unfloored_budget_kcal - plan.maintenance_kcal == pytest.approx(expected)


def test_it_raises_a_budget_to_the_floor_for_women_and_says_so():
    small = Person(Sex.FEMALE, 60, 152, 60, "sedentary")
    plan = goals.plan_goal(small, -2 * LB)
    assert plan.unfloored_budget_kcal < 1200
    assert plan.budget_kcal == 1200
    assert plan.floor_applied
    assert plan.effective_rate_kg_per_week > -2 * LB
    assert any("1,200 kcal/day minimum" in warning for warning in plan.warnings)


def test_the_floor_for_men_is_1500():
    plan = goals.plan_goal(Person(Sex.MALE, 70, 165, 65, "sedentary"), -2 * LB)
    assert plan.budget_kcal == 1500
    assert plan.floor_applied


def test_the_floor_is_configurable():
    small = Person(Sex.FEMALE, 60, 152, 60, "sedentary")  # maintenance 1,306.8 kcal/day
    assert goals.plan_goal(small, -2 * LB, floor_kcal=1000).budget_kcal == 1000
    relaxed = goals.plan_goal(small, -0.5 * LB, floor_kcal=1000)
    assert relaxed.budget_kcal == pytest.approx(1306.8 - 250)
    assert not relaxed.floor_applied


def test_it_flags_a_loss_faster_than_one_percent_a_week():
    # 2 lb a week at 150 lb is 1.33 % a week
    person = Person(Sex.MALE, 30, 183, 150 * LB, "very")
    plan = goals.plan_goal(person, -2 * LB)
    assert any("more than 1% of your body weight" in warning for warning in plan.warnings)


def test_it_does_not_flag_a_loss_within_one_percent():
    plan = goals.plan_goal(BOB, -1 * LB)  # 0.45 % of 100 kg
    assert not any("1%" in warning for warning in plan.warnings)


def test_it_refuses_a_loss_goal_when_underweight():
    thin = Person(Sex.FEMALE, 25, 170, 50, "light")  # BMI 17.3
    with pytest.raises(GoalRefused, match="underweight"):
        goals.plan_goal(thin, -0.5 * LB)


def test_it_allows_gaining_when_underweight_with_a_note():
    thin = Person(Sex.FEMALE, 25, 170, 50, "light")
    plan = goals.plan_goal(thin, 0.5 * LB)
    assert plan.bmi_category == "underweight"
    assert any("underweight" in warning for warning in plan.warnings)


# Pregnancy: the IOM (2009, Table S-1) recommends a total gain at every pre-pregnancy BMI, from
# 12.5-18 kg when underweight to 5-9 kg when obese, so no loss goal is in line with it; the
# Dietary Guidelines for Americans 2020-2025 (ch. 5) give breastfeeding a higher energy need than
# before pregnancy. DUMMIES has a BMI of 27.5 (overweight): a loss would be offered otherwise.
STAGES_WITHOUT_LOSS = [LifeStage.PREGNANT, LifeStage.BREASTFEEDING]


@pytest.mark.parametrize("stage", STAGES_WITHOUT_LOSS)
@pytest.mark.parametrize("rate_lb", [rate for rate in goals.WEEKLY_GOALS_LB if rate < 0])
def test_it_refuses_a_loss_goal_in_pregnancy_or_while_breastfeeding(stage, rate_lb):
    person = replace(DUMMIES, life_stage=stage)
    with pytest.raises(GoalRefused, match="choose maintain") as refusal:
        goals.plan_goal(person, rate_lb * LB)
    assert ("pregnancy" if stage is LifeStage.PREGNANT else "breastfeeding") in str(refusal.value)


@pytest.mark.parametrize("stage", STAGES_WITHOUT_LOSS)
@pytest.mark.parametrize("rate_lb", [0.0, 0.5])
def test_it_budgets_maintain_or_gain_in_those_stages_with_a_note(stage, rate_lb):
    plan = goals.plan_goal(replace(DUMMIES, life_stage=stage), rate_lb * LB)
    assert plan.budget_kcal == goals.plan_goal(DUMMIES, rate_lb * LB).budget_kcal
    assert goals.LIFE_STAGE_NOTE in plan.warnings


def test_neither_life_stage_changes_nothing():
    assert goals.plan_goal(replace(DUMMIES, life_stage=LifeStage.NEITHER), -1 * LB) == (
        goals.plan_goal(DUMMIES, -1 * LB)
    )


def test_pregnancy_and_breastfeeding_apply_to_sex_female_only():
    with pytest.raises(InvalidInput, match="female only"):
        goals.plan_goal(replace(BOB, life_stage=LifeStage.PREGNANT), 0)


@given(
    st.sampled_from(STAGES_WITHOUT_LOSS),
    st.floats(18, 90),
    st.floats(150, 200),
    st.floats(40, 180),
    st.floats(-1, -0.001),
)
def test_no_loss_is_ever_budgeted_in_those_stages(stage, age, height, weight, rate_kg):
    person = Person(Sex.FEMALE, age, height, weight, "light", life_stage=stage)
    with pytest.raises(GoalRefused):
        goals.plan_goal(person, rate_kg)


@pytest.mark.parametrize("rate_kg", [-1.2, 1.5])
def test_it_refuses_rates_outside_the_offered_range(rate_kg):
    with pytest.raises(InvalidInput, match="offered range"):
        goals.plan_goal(BOB, rate_kg)


def test_it_refuses_a_rate_that_is_not_a_number():
    with pytest.raises(InvalidInput, match="a number"):
        goals.plan_goal(BOB, float("nan"))


def test_it_honours_a_chosen_formula():
    mifflin = goals.plan_goal(BOB, 0)
    plan = goals.plan_goal(BOB, 0, formula=Formula.HARRIS_BENEDICT)
    assert plan.formula is Formula.HARRIS_BENEDICT
    # Harris-Benedict runs higher than Mifflin-St Jeor for most people (Frankenfield et al., J Am
    # Diet Assoc 2005;105:775-89); for this man by about 5 %.
    assert plan.bmr_kcal == pytest.approx(mifflin.bmr_kcal * 1.05, rel=0.03)
    assert plan.bmr_kcal > mifflin.bmr_kcal


def test_the_working_shows_each_step_from_the_person_to_the_budget():
    person = Person(Sex.FEMALE, 60, 152.0, 60.0, "sedentary")
    plan = goals.plan_goal(person, -2 * LB)
    steps = goals.working(person, plan)
    assert [round(step.kcal) for step in steps] == [
        round(plan.bmr_kcal),
        round(plan.maintenance_kcal),
        round(plan.maintenance_kcal - 1000),
        1200,
    ]
    assert steps[0].text == (
        "Resting energy (BMR), Mifflin-St Jeor: 10 × 60.0 kg + 6.25 × 152.0 cm − 5 × 60.0 years "
        "− 161"
    )
    assert steps[1].text == "× 1.2 for sedentary = maintenance"
    assert steps[2].text == (
        "− 1,000 kcal a day to lose 2 pounds per week (2 lb × 3,500 kcal per lb ÷ 7 days)"
    )
    assert steps[3].text == "Raised to the minimum of 1,200 kcal for women"


def test_the_working_of_a_lean_mass_budget_names_the_lean_mass():
    person = Person(Sex.MALE, 30, 180.0, units.kg_from_lb(160), "moderate", body_fat_percent=25)
    steps = goals.working(person, goals.plan_goal(person, 0))
    # Larson, Math & YOU: 160 lb at 25 % fat is 120 lb (54.4 kg) lean, 1,546 kcal/day.
    assert steps[0].text == "Resting energy (BMR), Katch-McArdle: 370 + 21.6 × 54.4 kg lean mass"
    assert steps[0].kcal == pytest.approx(1546, abs=0.5)
    assert steps[2].text == "No change a day to maintain your weight"


@pytest.mark.parametrize(
    ("rate_kg", "label"),
    [
        (-1 * LB, "Lose 1 pound per week"),
        (-0.5, "Lose 0.5 kg per week"),
        (0.0, "Maintain my current weight"),
        (0.75, "Gain 0.75 kg per week"),
        (-0.3, "Lose 0.66 pounds per week"),
    ],
)
def test_the_goal_form_names_a_goal_in_the_units_it_was_chosen_in(rate_kg, label):
    assert goals.weekly_goal_label(rate_kg) == label


@pytest.mark.parametrize(
    ("rate_lb", "label"),
    [
        (2, "Gain 2 pounds per week"),
        (1, "Gain 1 pound per week"),
        (0, "Maintain weight"),
        (-0.5, "Lose 0.5 pounds per week"),
        (-1, "Lose 1 pound per week"),
    ],
)
def test_it_labels_goals_as_myplate_did(rate_lb, label):
    assert goals.rate_label(rate_lb) == label


def test_it_projects_the_date_a_target_is_reached():
    # 20 lb at 1 lb a week: 20 weeks, 140 days
    projection = goals.project_target(160 * LB, 140 * LB, -1 * LB, date(2026, 1, 1))
    assert projection.weeks == pytest.approx(20)
    assert projection.reached_on == date(2026, 5, 21)


def test_it_says_when_the_goal_points_away_from_the_target():
    projection = goals.project_target(70, 65, 0.25, date(2026, 1, 1))
    assert projection.reached_on is None
    assert any("other way" in warning for warning in projection.warnings)


def test_it_warns_about_an_underweight_target():
    projection = goals.project_target(60, 45, -0.5, date(2026, 1, 1), height_cm=170)
    assert any("underweight" in warning for warning in projection.warnings)


@given(
    st.sampled_from(list(Sex)),
    st.floats(18, 90),
    st.floats(150, 200),
    st.floats(55, 180),
    st.sampled_from(["sedentary", "light", "moderate", "very", "extra"]),
    st.sampled_from(goals.WEEKLY_GOALS_LB),
)
def test_the_budget_never_falls_below_the_floor(sex, age, height, weight, activity, rate_lb):
    person = Person(sex, age, height, weight, activity)
    assume(rate_lb >= 0 or weight / (height / 100) ** 2 >= 18.5)  # else the goal is refused
    plan = goals.plan_goal(person, rate_lb * LB)
    assert plan.budget_kcal >= goals.CALORIE_FLOOR_KCAL[sex]
    assert plan.floor_applied == (plan.unfloored_budget_kcal < goals.CALORIE_FLOOR_KCAL[sex])


@given(st.floats(-1, 1), st.floats(-1, 1))
def test_a_faster_loss_never_gets_a_bigger_budget(rate_a, rate_b):
    slow, fast = max(rate_a, rate_b), min(rate_a, rate_b)
    assert goals.plan_goal(BOB, fast).budget_kcal <= goals.plan_goal(BOB, slow).budget_kcal
