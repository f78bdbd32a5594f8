"""The goal service: the budget kept as a Goal from the day it was set, and found again by day."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from openplate.accounts.goals import (
    LOSS_REFUSED,
    GoalInput,
    goal_on,
    macro_targets_g,
    set_goal,
)
from openplate.accounts.models import Goal, Profile

# Exact conversion factors (1959 international yard and pound), written out here on purpose.
KG_PER_LB = 0.45359237
CM_PER_INCH = 2.54

ON = date(2025, 3, 1)
BORN = date(2000, 3, 1)  # 25 years before ON

# Alice: 5 ft 4 in, 160 lb, female, 25, sedentary, lose 1 lb a week.
ALICE = GoalInput(
    sex="female",
    birth_date=BORN,
    height_cm=64 * CM_PER_INCH,
    weight_kg=160 * KG_PER_LB,
    activity="sedentary",
    rate_kg_per_week=-1 * KG_PER_LB,
)
# Mifflin-St Jeor for women, as published (Mifflin MD et al., Am J Clin Nutr 1990;51:241-7):
# 10 x 72.5747792 kg + 6.25 x 162.56 cm - 5 x 25 years - 161 = 1455.747792 kcal/day.
ALICE_BMR = 10 * 72.5747792 + 6.25 * 162.56 - 5 * 25 - 161
# x 1.2 (sedentary) = 1746.897 maintenance; 1 lb a week x 3,500 kcal / 7 days = 500 kcal a day.
ALICE_BUDGET = ALICE_BMR * 1.2 - 500
# The service counts age in days / 365.2425; 25 years from BORN to ON is 24.9998 of those, which
# moves the budget by about 0.001 kcal.
TOLERANCE_KCAL = 0.01


@pytest.mark.django_db
def test_it_sets_the_mifflin_st_jeor_budget(new_alice: User) -> None:
    assert round(ALICE_BUDGET, 3) == 1246.897  # the arithmetic above, done once more
    goal = set_goal(new_alice, ALICE, on=ON)
    assert goal.formula == "mifflin-st-jeor"
    assert goal.bmr_kcal == pytest.approx(ALICE_BMR, abs=TOLERANCE_KCAL)
    assert goal.activity_factor == 1.2
    assert goal.maintenance_kcal == pytest.approx(ALICE_BMR * 1.2, abs=TOLERANCE_KCAL)
    assert goal.budget_kcal == pytest.approx(ALICE_BUDGET, abs=TOLERANCE_KCAL)
    assert goal.floor_applied is False
    assert goal.warnings == []
    assert goal.starts_on == ON
    assert goal.bmi == pytest.approx(27.46, abs=0.01)


@pytest.mark.django_db
def test_it_keeps_the_person_in_the_profile(new_alice: User) -> None:
    set_goal(new_alice, replace(ALICE, units="metric"), on=ON)
    profile = Profile.objects.get(user=new_alice)
    assert profile.sex == "female"
    assert profile.birth_date == BORN
    assert profile.height_cm == pytest.approx(162.56)
    assert profile.activity == "sedentary"
    assert profile.units == "metric"


@pytest.mark.django_db
def test_it_raises_the_budget_to_the_floor_with_a_warning(new_alice: User) -> None:
    # 60 kg, 152 cm, 60 years: BMR 600 + 950 - 300 - 161 = 1089; x 1.2 = 1306.8; - 1000 < 1200.
    small = replace(
        ALICE,
        birth_date=date(1965, 3, 1),
        height_cm=152,
        weight_kg=60,
        rate_kg_per_week=-2 * KG_PER_LB,
    )
    goal = set_goal(new_alice, small, on=ON)
    assert goal.floor_applied is True
    assert goal.floor_kcal == 1200
    assert goal.budget_kcal == 1200
    assert goal.effective_rate_kg_per_week == pytest.approx(
        -(1306.8 - 1200) / 500 * KG_PER_LB, abs=1e-3
    )
    assert any("1,200 kcal/day minimum" in warning for warning in goal.warnings)


@pytest.mark.django_db
def test_it_warns_about_losing_more_than_one_percent_a_week(new_alice: User) -> None:
    # 70 kg: 1 % is 0.7 kg a week, and 2 lb is 0.907 kg.
    fast = replace(
        ALICE,
        sex="male",
        height_cm=180,
        weight_kg=70,
        activity="very",
        rate_kg_per_week=-2 * KG_PER_LB,
    )
    goal = set_goal(new_alice, fast, on=ON)
    assert goal.floor_applied is False
    assert [warning for warning in goal.warnings if "more than 1%" in warning]


@pytest.mark.django_db
def test_it_warns_an_underweight_person_who_maintains(new_alice: User) -> None:
    thin = replace(ALICE, height_cm=170, weight_kg=50, rate_kg_per_week=0)  # BMI 17.3
    goal = set_goal(new_alice, thin, on=ON)
    assert any("underweight" in warning for warning in goal.warnings)


@pytest.mark.django_db
def test_it_refuses_a_loss_goal_in_pregnancy_with_a_code_the_form_offers_maintain_for(
    new_alice: User,
) -> None:
    with pytest.raises(ValidationError) as refused:
        set_goal(new_alice, replace(ALICE, life_stage="pregnant"), on=ON)
    (refusal,) = refused.value.error_dict["rate_kg_per_week"]
    assert refusal.code == LOSS_REFUSED
    assert "in pregnancy" in refusal.messages[0]
    assert not Profile.objects.exists()


@pytest.mark.django_db
def test_a_goal_set_without_a_life_stage_keeps_the_profiles(new_alice: User) -> None:
    """A caller that does not ask (a script, a check-in) never clears a pregnancy."""
    set_goal(new_alice, replace(ALICE, rate_kg_per_week=0, life_stage="breastfeeding"), on=ON)
    with pytest.raises(ValidationError):
        set_goal(new_alice, ALICE, on=ON + timedelta(days=1))  # ALICE loses 1 lb a week
    set_goal(new_alice, replace(ALICE, rate_kg_per_week=0), on=ON + timedelta(days=1))
    assert Profile.objects.get(user=new_alice).life_stage == "breastfeeding"
    set_goal(new_alice, replace(ALICE, sex="male", rate_kg_per_week=0), on=ON + timedelta(days=2))
    assert Profile.objects.get(user=new_alice).life_stage == "neither"


@pytest.mark.django_db
def test_it_refuses_a_loss_goal_to_an_underweight_person(new_alice: User) -> None:
    thin = replace(ALICE, height_cm=170, weight_kg=50)
    with pytest.raises(ValidationError) as refused:
        set_goal(new_alice, thin, on=ON)
    assert list(refused.value.message_dict) == ["rate_kg_per_week"]
    assert "underweight" in refused.value.message_dict["rate_kg_per_week"][0]
    assert not Goal.objects.exists()


@pytest.mark.django_db
def test_it_replaces_a_goal_set_earlier_the_same_day(new_alice: User) -> None:
    first = set_goal(new_alice, ALICE, on=ON)
    second = set_goal(new_alice, replace(ALICE, rate_kg_per_week=0), on=ON)
    assert Goal.objects.filter(user=new_alice).count() == 1
    assert second.pk == first.pk
    assert second.budget_kcal == pytest.approx(ALICE_BMR * 1.2, abs=TOLERANCE_KCAL)


@pytest.mark.django_db
def test_a_change_applies_from_its_day_and_leaves_earlier_days_alone(new_alice: User) -> None:
    first = set_goal(new_alice, ALICE, on=ON)
    later = ON + timedelta(days=10)
    second = set_goal(new_alice, replace(ALICE, rate_kg_per_week=0, weight_kg=70), on=later)

    assert Goal.objects.filter(user=new_alice).count() == 2
    before = goal_on(new_alice, later - timedelta(days=1))
    assert before is not None
    assert before.pk == first.pk
    assert before.budget_kcal == pytest.approx(ALICE_BUDGET, abs=TOLERANCE_KCAL)
    assert goal_on(new_alice, ON) == first
    assert goal_on(new_alice, later) == second
    assert goal_on(new_alice, later + timedelta(days=365)) == second


@pytest.mark.django_db
def test_days_before_the_first_goal_take_the_first_goal(new_alice: User) -> None:
    first = set_goal(new_alice, ALICE, on=ON)
    assert goal_on(new_alice, ON - timedelta(days=30)) == first


@pytest.mark.django_db
def test_it_finds_no_goal_for_someone_who_set_none(new_alice: User, bob: User) -> None:
    set_goal(bob, ALICE, on=ON)
    assert goal_on(new_alice, ON) is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"height_cm": 10.0}, "height_cm"),
        ({"weight_kg": 5.0}, "weight_kg"),
        ({"birth_date": date(2015, 1, 1)}, "birth_date"),
        ({"birth_date": date(2030, 1, 1)}, "birth_date"),
        ({"rate_kg_per_week": -1.5}, "rate_kg_per_week"),
        ({"rate_kg_per_week": float("nan")}, "rate_kg_per_week"),
        ({"sex": "other"}, "sex"),
        ({"activity": "couch"}, "activity"),
        ({"units": "furlongs"}, "units"),
        ({"protein_percent": 2, "carbohydrate_percent": 68}, "protein_percent"),
        ({"fat_percent": 40}, "fat_percent"),  # 20 + 50 + 40 = 110
    ],
)
@pytest.mark.django_db
def test_field_errors_name_the_field_and_save_nothing(
    new_alice: User, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        set_goal(new_alice, replace(ALICE, **changes), on=ON)  # type: ignore[arg-type]
    assert field in refused.value.message_dict
    assert not Goal.objects.exists()
    assert not Profile.objects.exists()


@pytest.mark.django_db
def test_a_refused_change_keeps_the_goal_in_force(new_alice: User) -> None:
    first = set_goal(new_alice, ALICE, on=ON)
    with pytest.raises(ValidationError):
        set_goal(new_alice, replace(ALICE, weight_kg=5.0), on=ON + timedelta(days=1))
    assert list(Goal.objects.filter(user=new_alice)) == [first]
    assert Profile.objects.get(user=new_alice).height_cm == pytest.approx(162.56)


@pytest.mark.django_db
def test_it_reports_every_field_at_fault_at_once(new_alice: User) -> None:
    with pytest.raises(ValidationError) as refused:
        set_goal(new_alice, replace(ALICE, height_cm=10.0, weight_kg=5.0, sex="other"), on=ON)
    assert set(refused.value.message_dict) == {"height_cm", "weight_kg", "sex"}


@pytest.mark.django_db
def test_macro_targets_split_the_budget_by_calories_per_gram(new_alice: User) -> None:
    goal = set_goal(new_alice, ALICE, on=ON)
    grams = macro_targets_g(goal)
    # Atwater: 4 kcal per g of protein and carbohydrate, 9 of fat; shares 20/50/30 %.
    assert grams["protein"] == pytest.approx(ALICE_BUDGET * 0.20 / 4, abs=0.01)
    assert grams["carbohydrate"] == pytest.approx(ALICE_BUDGET * 0.50 / 4, abs=0.01)
    assert grams["fat"] == pytest.approx(ALICE_BUDGET * 0.30 / 9, abs=0.01)
    assert grams["protein"] == pytest.approx(62.34, abs=0.01)


@pytest.mark.django_db
def test_macro_targets_follow_a_chosen_split(new_alice: User) -> None:
    goal = set_goal(
        new_alice,
        replace(ALICE, protein_percent=30, carbohydrate_percent=40, fat_percent=30),
        on=ON,
    )
    assert (goal.protein_percent, goal.carbohydrate_percent, goal.fat_percent) == (30, 40, 30)
    assert macro_targets_g(goal)["protein"] == pytest.approx(ALICE_BUDGET * 0.30 / 4, abs=0.01)
