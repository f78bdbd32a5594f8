"""Energy spent in exercise from MET values (openplate.science.exercise).

The Compendium's method ("Using the Compendium", Ainsworth et al. 2011) is kcal = MET × body
weight in kg × hours, 1 MET being 1 kcal/kg/h. The reference values below are that product
worked by hand, with MET values from the shipped 2011 table (src/openplate/data/activities);
the tolerance is floating-point rounding only.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openplate.science.errors import InvalidInput
from openplate.science.exercise import met_kcal

REL = 1e-12

REFERENCE = [
    # (activity, MET, kg, minutes, kcal)
    ("12030 running, 5 mph (12 min/mile)", 8.3, 60.0, 30.0, 249.0),
    ("12020 jogging, general", 7.0, 70.0, 60.0, 490.0),
    ("17190 walking, 2.8 to 3.2 mph, moderate pace", 3.5, 80.0, 45.0, 210.0),
    ("01015 bicycling, general", 7.5, 72.5748, 20.0, 181.437),  # 160 lb
    ("07030 sleeping", 0.95, 65.0, 480.0, 494.0),
    ("02054 resistance (weight) training", 3.5, 100.0, 10.0, 3.5 * 100 / 6),
]

mets = st.floats(0.9, 25.0)
weights = st.floats(20.0, 300.0)
minutes = st.floats(0.0, 24 * 60.0)
factors = st.floats(0.01, 100.0)


@pytest.mark.parametrize(("activity", "met", "kg", "mins", "kcal"), REFERENCE)
def test_it_matches_the_compendiums_worked_products(activity, met, kg, mins, kcal) -> None:
    assert met_kcal(met, kg, mins) == pytest.approx(kcal, rel=REL), activity


def test_it_is_the_met_times_kg_times_hours_of_the_compendium() -> None:
    # The Compendium's own example: 8.0 METs for a 60 kg person for 30 minutes.
    assert met_kcal(8.0, 60.0, 30.0) == pytest.approx(240.0, rel=REL)


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
