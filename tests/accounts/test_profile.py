"""Profile changes outside the goal form: the display units and the daily water goal."""

import math

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from openplate.accounts.models import Profile
from openplate.accounts.profile import change_profile
from openplate.body.services import water_card
from openplate.science.nutrition import DEFAULT_WATER_GOAL_ML

pytestmark = pytest.mark.django_db


def water_goal_ml(user):
    return Profile.objects.get(user=user).water_goal_ml


@pytest.mark.parametrize(("amount", "unit", "ml"), [(10, "cups", 2365.882365), (2000, "ml", 2000)])
def test_it_sets_the_water_goal_in_cups_or_ml(alice, amount, unit, ml):
    change_profile(alice, water_goal=amount, water_unit=unit)
    assert water_goal_ml(alice) == pytest.approx(ml)
    assert water_card(alice, timezone.localdate()).goal_ml == pytest.approx(ml)


@pytest.mark.parametrize(
    ("amount", "unit", "field"),
    [(1, "cups", "water_goal"), (10_001, "ml", "water_goal"), (math.nan, "ml", "water_goal"),
     (8, "pints", "unit")],
)  # fmt: skip
def test_it_refuses_a_water_goal_out_of_range(alice, amount, unit, field):
    with pytest.raises(ValidationError) as refused:
        change_profile(alice, water_goal=amount, water_unit=unit)
    assert list(refused.value.message_dict) == [field]
    assert water_goal_ml(alice) == pytest.approx(DEFAULT_WATER_GOAL_ML, abs=0.01)


def test_it_keeps_the_water_goal_with_the_profile_that_the_goal_makes(bob):
    with pytest.raises(ValidationError, match="Set your goal first"):
        change_profile(bob, water_goal=2000, water_unit="ml")


def test_it_changes_the_units_and_refuses_unknown_ones_changing_nothing(alice):
    change_profile(alice, units="metric")
    assert Profile.objects.get(user=alice).units == "metric"
    with pytest.raises(ValidationError) as refused:
        change_profile(alice, units="furlongs", water_goal=2000, water_unit="ml")
    assert list(refused.value.message_dict) == ["units"]
    profile = Profile.objects.get(user=alice)
    assert (profile.units, profile.water_goal_ml) == (
        "metric",
        pytest.approx(DEFAULT_WATER_GOAL_ML),
    )
