"""The safe range of a check-in's proposal: floors, the 1 %-a-week loss, the 1,000 kcal deficit."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.science import safety
from openplate.science.energy import Sex
from openplate.science.errors import InvalidInput
from openplate.science.goals import LifeStage
from openplate.science.safety import Limit, propose_budget
from openplate.science.units import KG_PER_LB

# Wishnofsky 1958: 3,500 kcal a pound, so a pound a week is 500 kcal a day.
KCAL_PER_DAY_PER_LB_PER_WEEK = 500.0
# Jensen MD et al. 2013 AHA/ACC/TOS guideline (Circulation 2014;129:S102-S138): a deficit of
# 500-750 kcal/day usually, and 1,000 at most without supervision; 1,200 kcal (women) and 1,500
# (men) the floors of NIH's "Aim for a Healthy Weight"; NHLBI 1998: lose at most 1 % a week.
FLOOR = {Sex.FEMALE: 1200.0, Sex.MALE: 1500.0}
MOST_DEFICIT = 1000.0
WEEKLY_LOSS_SHARE = 0.01
TOLERANCE = 1e-6

maintenances = st.floats(min_value=800, max_value=5000)
# Weekly rates to the gram, as people choose them (at most 1 kg either way).
rates = st.integers(min_value=-1000, max_value=1000).map(lambda grams: grams / 1000)
gain_rates = st.integers(min_value=0, max_value=1000).map(lambda grams: grams / 1000)
weights = st.floats(min_value=35, max_value=300)
sexes = st.sampled_from(list(Sex))
stages = st.sampled_from(list(LifeStage))
bmis = st.none() | st.floats(min_value=14, max_value=60)


def kcal_per_day(rate_kg_per_week: float) -> float:
    return rate_kg_per_week / KG_PER_LB * KCAL_PER_DAY_PER_LB_PER_WEEK


@given(maintenances, rates, weights, sexes, stages, bmis)
def test_a_proposal_is_never_below_the_floor(maintenance, rate, weight, sex, stage, bmi):
    proposal = propose_budget(maintenance, rate, weight, sex, life_stage=stage, bmi=bmi)
    assert proposal.budget_kcal >= FLOOR[sex]


@given(maintenances, rates, weights, sexes, stages, bmis)
def test_a_proposal_never_loses_faster_than_1_percent_a_week(
    maintenance, rate, weight, sex, stage, bmi
):
    proposal = propose_budget(maintenance, rate, weight, sex, life_stage=stage, bmi=bmi)
    deficit = maintenance - proposal.budget_kcal
    assert deficit <= kcal_per_day(WEEKLY_LOSS_SHARE * weight) + TOLERANCE
    assert proposal.effective_rate_kg_per_week >= -WEEKLY_LOSS_SHARE * weight - TOLERANCE


@given(maintenances, rates, weights, sexes, stages, bmis)
def test_a_proposal_never_has_a_deficit_over_1000_kcal(maintenance, rate, weight, sex, stage, bmi):
    proposal = propose_budget(maintenance, rate, weight, sex, life_stage=stage, bmi=bmi)
    assert maintenance - proposal.budget_kcal <= MOST_DEFICIT + TOLERANCE


@given(maintenances, rates, weights, sexes, stages, bmis)
def test_it_says_why_exactly_when_it_holds_back(maintenance, rate, weight, sex, stage, bmi):
    proposal = propose_budget(maintenance, rate, weight, sex, life_stage=stage, bmi=bmi)
    asked = maintenance + kcal_per_day(rate)
    assert proposal.unconstrained_kcal == pytest.approx(asked)
    assert proposal.held_back == (proposal.budget_kcal != proposal.unconstrained_kcal)
    assert len(proposal.reasons) == len(proposal.bound)
    assert all(reason.endswith(".") for reason in proposal.reasons)


@given(maintenances, rates, weights, sexes, bmis)
def test_it_proposes_the_chosen_rate_when_no_limit_binds(maintenance, rate, weight, sex, bmi):
    asked = maintenance + kcal_per_day(rate)
    deficit = maintenance - asked
    underweight_loss = rate < 0 and bmi is not None and bmi < 18.5
    inside = (
        asked >= FLOOR[sex]
        and deficit <= min(MOST_DEFICIT, kcal_per_day(WEEKLY_LOSS_SHARE * weight))
        and -deficit <= safety.MAX_DAILY_SURPLUS_KCAL
        and not underweight_loss
    )
    proposal = propose_budget(maintenance, rate, weight, sex, bmi=bmi)
    if inside:
        assert proposal.budget_kcal == proposal.unconstrained_kcal
        assert proposal.reasons == ()
    else:
        assert proposal.held_back


@given(maintenances, gain_rates, weights, sexes, stages, bmis)
def test_loss_limits_leave_maintain_and_gain_alone(maintenance, rate, weight, sex, stage, bmi):
    proposal = propose_budget(maintenance, rate, weight, sex, life_stage=stage, bmi=bmi)
    gain = min(kcal_per_day(rate), safety.MAX_DAILY_SURPLUS_KCAL)
    assert proposal.budget_kcal == pytest.approx(max(FLOOR[sex], maintenance + gain))
    assert set(proposal.bound) <= {Limit.DAILY_SURPLUS, Limit.FLOOR}
    assert proposal.notes == ()


@given(maintenances, gain_rates, weights, sexes)
def test_a_gain_is_held_to_500_kcal_a_day_above_maintenance_unless_the_floor_is_higher(
    maintenance, rate, weight, sex
):
    proposal = propose_budget(maintenance, rate, weight, sex)
    if Limit.FLOOR not in proposal.bound:
        # Slater et al. 2019 (Front Nutr 6:131): a surplus of 350-500 kcal/day at most.
        assert proposal.daily_change_kcal <= 500 + TOLERANCE


expecting = st.sampled_from([LifeStage.PREGNANT, LifeStage.BREASTFEEDING])


@given(maintenances, rates, weights, sexes, expecting)
def test_pregnant_or_breastfeeding_it_never_proposes_under_maintenance(
    maintenance, rate, weight, sex, stage
):
    proposal = propose_budget(maintenance, rate, weight, sex, life_stage=stage)
    assert proposal.budget_kcal >= maintenance
    if rate < 0 and maintenance >= FLOOR[sex]:
        assert proposal.budget_kcal == maintenance
        assert proposal.bound == (Limit.LIFE_STAGE,)
        assert proposal.reasons == (f"No loss while {stage.value}: proposed at maintenance.",)


def test_a_pound_a_week_is_500_kcal_a_day_under_maintenance():
    proposal = propose_budget(2400, -1 * KG_PER_LB, 90, Sex.MALE)
    assert proposal.budget_kcal == pytest.approx(1900)
    assert not proposal.held_back


def test_an_80_kg_person_is_held_to_a_loss_of_800_g_a_week():
    # 1 % of 80 kg is 0.8 kg; asked 1 kg a week (about 1,102 kcal a day).
    proposal = propose_budget(2600, -1.0, 80, Sex.MALE)
    assert proposal.bound == (Limit.WEEKLY_LOSS,)
    assert proposal.reasons == ("Held to a loss of 1 % of your weight a week (0.8 kg).",)
    assert proposal.effective_rate_kg_per_week == pytest.approx(-0.8)
    assert proposal.budget_kcal == pytest.approx(2600 - kcal_per_day(0.8))


def test_the_reason_speaks_the_persons_units():
    proposal = propose_budget(2600, -1.0, 80, Sex.MALE, units="imperial")
    assert proposal.reasons == ("Held to a loss of 1 % of your weight a week (1.8 lb).",)


def test_a_heavy_person_is_held_to_a_deficit_of_1000_kcal():
    # 1 % of 150 kg is 1.5 kg a week, but 1 kg a week is already over 1,000 kcal a day.
    proposal = propose_budget(3400, -1.0, 150, Sex.FEMALE)
    assert proposal.bound == (Limit.DAILY_DEFICIT,)
    assert proposal.budget_kcal == pytest.approx(2400)
    assert proposal.reasons == ("Held to a deficit of 1,000 kcal a day.",)


def test_a_deficit_above_the_usual_range_is_noted_not_held():
    proposal = propose_budget(3000, -0.75, 120, Sex.MALE)  # about 827 kcal a day
    assert not proposal.held_back
    assert proposal.notes == ("A deficit of 827 kcal a day is above the usual 500 to 750.",)


def test_a_small_woman_is_held_at_1200_kcal():
    proposal = propose_budget(1600, -0.5, 60, Sex.FEMALE)  # asked about 1,049 kcal
    assert proposal.budget_kcal == 1200
    assert proposal.bound == (Limit.FLOOR,)
    assert proposal.reasons == ("Held at 1,200 kcal, the minimum for women.",)


def test_the_floor_for_men_is_1500():
    proposal = propose_budget(1900, -0.5, 70, Sex.MALE)
    assert proposal.budget_kcal == 1500
    assert proposal.reasons == ("Held at 1,500 kcal, the minimum for men.",)


def test_no_loss_under_a_bmi_of_18_5():
    proposal = propose_budget(1900, -0.25, 50, Sex.FEMALE, bmi=18.0)
    assert proposal.budget_kcal == 1900
    assert proposal.reasons == ("No loss at a BMI of 18.0, under 18.5: proposed at maintenance.",)


def test_a_low_maintenance_while_pregnant_says_both_why_no_loss_and_the_floor():
    proposal = propose_budget(1100, -0.5, 60, Sex.FEMALE, life_stage=LifeStage.PREGNANT)
    assert proposal.budget_kcal == 1200
    assert proposal.bound == (Limit.LIFE_STAGE, Limit.FLOOR)


@pytest.mark.parametrize(
    ("maintenance", "rate", "weight"),
    [(0, -0.5, 70), (2000, float("nan"), 70), (2000, -0.5, 0), (float("inf"), 0, 70)],
)
def test_it_refuses_impossible_input(maintenance, rate, weight):
    with pytest.raises(InvalidInput):
        propose_budget(maintenance, rate, weight, Sex.FEMALE)


densities = st.floats(min_value=4000, max_value=9500)  # kcal per kg, logged or true


@given(maintenances, rates, weights, sexes, densities)
def test_at_any_energy_density_the_rate_and_the_1_percent_limit_use_it(
    maintenance, rate, weight, sex, kcal_per_kg
):
    proposal = propose_budget(maintenance, rate, weight, sex, kcal_per_kg=kcal_per_kg)
    assert proposal.unconstrained_kcal == pytest.approx(maintenance + rate * kcal_per_kg / 7)
    most_deficit = min(WEEKLY_LOSS_SHARE * weight * kcal_per_kg / 7, MOST_DEFICIT)
    assert maintenance - proposal.budget_kcal <= most_deficit + TOLERANCE
    assert proposal.budget_kcal >= FLOOR[sex]
    if not proposal.held_back:
        assert proposal.effective_rate_kg_per_week == pytest.approx(rate, abs=1e-9)
