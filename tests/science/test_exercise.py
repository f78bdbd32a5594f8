"""Energy spent in exercise from MET values (openplate.science.exercise), against a textbook's
worked example and the ACSM's oxygen-based form of the same estimate."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.science.errors import InvalidInput
from openplate.science.exercise import met_kcal

REL = 1e-12

mets = st.floats(0.9, 25.0)
weights = st.floats(20.0, 300.0)
minutes = st.floats(0.0, 24 * 60.0)
factors = st.floats(0.01, 100.0)


def test_it_matches_a_textbooks_worked_example() -> None:
    # Corbin et al., Concepts of Physical Fitness (McGraw-Hill), "Calculating Calories Burned
    # From Physical Activity": a 150 lb (68.2 kg) person gardening at 5 METs for 30 minutes
    # burns 5 x 68.2 x 0.5 = 170.5 calories.
    assert met_kcal(5.0, 68.2, 30.0) == pytest.approx(170.5, rel=REL)


@given(mets, weights, minutes)
def test_it_is_the_acsm_oxygen_estimate_at_one_kcal_per_kg_hour(met, kg, mins) -> None:
    # ACSM: 1 MET = 3.5 ml O2/kg/min and about 5 kcal per litre of O2, so kcal/min =
    # MET x 3.5 x kg / 200, which is 1.05 kcal/kg/h; the Compendium rounds it to 1.
    acsm = met * 3.5 * kg / 200 * mins
    assert met_kcal(met, kg, mins) * 1.05 == pytest.approx(acsm, rel=1e-9, abs=1e-9)


@given(mets, weights, minutes, factors)
def test_it_is_linear_in_minutes(met, kg, mins, k) -> None:
    assert met_kcal(met, kg, mins * k) == pytest.approx(k * met_kcal(met, kg, mins), rel=1e-9)


@given(mets, weights, minutes, factors)
def test_it_is_linear_in_body_weight(met, kg, mins, k) -> None:
    assert met_kcal(met, kg * k, mins) == pytest.approx(k * met_kcal(met, kg, mins), rel=1e-9)


@given(mets, weights, minutes, factors)
def test_it_is_linear_in_mets(met, kg, mins, k) -> None:
    assert met_kcal(met * k, kg, mins) == pytest.approx(k * met_kcal(met, kg, mins), rel=1e-9)


@given(mets, weights, minutes, minutes)
def test_two_sessions_burn_what_one_as_long_does(met, kg, first, second) -> None:
    together = met_kcal(met, kg, first + second)
    apart = met_kcal(met, kg, first) + met_kcal(met, kg, second)
    assert together == pytest.approx(apart, rel=1e-9, abs=1e-9)


@given(mets, weights)
def test_no_time_burns_nothing(met, kg) -> None:
    assert met_kcal(met, kg, 0.0) == 0.0


@pytest.mark.parametrize(
    ("met", "kg", "mins"),
    [(-1.0, 60.0, 30.0), (8.0, -60.0, 30.0), (8.0, 60.0, -1.0), (math.nan, 60.0, 30.0),
     (8.0, math.inf, 30.0)],
)  # fmt: skip
def test_it_refuses_negative_or_non_finite_input(met, kg, mins) -> None:
    with pytest.raises(InvalidInput):
        met_kcal(met, kg, mins)
