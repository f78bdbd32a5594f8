"""The expenditure estimate: properties that hold for any log, and reference values."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openplate.science import dynamics
from openplate.science.errors import InvalidInput
from openplate.science.expenditure import (
    DayStatus,
    LoggedDay,
    estimate_expenditure,
)


def steady(intake=2200.0, weight=80.0, days=28):
    return [LoggedDay(intake, weight) for _ in range(days)]


@settings(deadline=None, max_examples=30)
@given(intake=st.floats(1200, 4000), weight=st.floats(45, 160))
def test_constant_intake_and_weight_give_expenditure_equal_to_intake(intake, weight):
    estimate = estimate_expenditure(steady(intake, weight))
    assert estimate.expenditure_kcal == pytest.approx(intake, rel=0.02)
    assert estimate.low_kcal <= estimate.expenditure_kcal <= estimate.high_kcal


def test_no_weigh_in_is_refused():
    with pytest.raises(InvalidInput):
        estimate_expenditure([LoggedDay(2000.0, None)] * 7)


def test_no_logged_day_is_refused():
    with pytest.raises(InvalidInput):
        estimate_expenditure([LoggedDay(None, 80.0)] * 7)


def test_fasted_counts_as_zero():
    days = steady(days=14)
    days[7] = LoggedDay(None, 80.0, DayStatus.FASTED)
    estimate = estimate_expenditure(days)
    assert estimate.days[7].used
    # A day of 0 kcal with no weight change means the person burns less than they ate.
    assert estimate.expenditure_kcal < 2200.0


def test_energy_density_of_lean_person_is_below_that_of_an_obese_one():
    lean, obese = dynamics.weight_change_energy_density([10.0, 50.0])
    assert lean < obese
