"""Changing the profile outside the goal form: the units pages show, and the daily water goal.

The settings page and `PATCH /api/profile` both call `change_profile`; it checks every change
first, raises ValidationError naming each field at fault, and then changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction

from openplate.accounts.models import Profile
from openplate.core.checks import FieldErrors, is_number, raise_errors
from openplate.science.units import ML_PER_US_CUP

if TYPE_CHECKING:
    from django.contrib.auth.models import User

ML = "ml"
CUPS = "cups"
WATER_UNITS = {ML: 1.0, CUPS: ML_PER_US_CUP}  # ml in one of each
WATER_GOAL_RANGE_ML = (500.0, 10_000.0)  # about 2 to 42 cups a day
NO_PROFILE = "Set your goal first: the profile comes with it."


def profile_of(user: User) -> Profile | None:
    return Profile.objects.filter(user=user).first()


def change_profile(
    user: User,
    *,
    units: str | None = None,
    water_goal: Any = None,
    water_unit: str = CUPS,
) -> Profile:
    """Change the display units and/or the daily water goal (`water_goal` in `water_unit`, cups
    or ml); what is left as None stays. The profile is made by the first goal."""
    errors: FieldErrors = {}
    changes: dict[str, Any] = {}
    if units is not None:
        if units in Profile.Units.values:
            changes["units"] = units
        else:
            errors["units"] = ["Choose US or metric units."]
    if water_goal is not None:
        ml = _water_goal_ml(errors, water_goal, water_unit)
        if ml is not None:
            changes["water_goal_ml"] = ml
    profile = profile_of(user)
    if profile is None and not errors:
        field: str = NON_FIELD_ERRORS
        if water_goal is not None:
            field = "water_goal"
        elif units is not None:
            field = "units"
        errors[field] = [NO_PROFILE]
    raise_errors(errors)
    assert profile is not None
    with transaction.atomic():
        for field, value in changes.items():
            setattr(profile, field, value)
        if changes:
            profile.save(update_fields=list(changes))
    return profile


def _water_goal_ml(errors: FieldErrors, amount: Any, unit: str) -> float | None:
    low, high = WATER_GOAL_RANGE_ML
    if unit not in WATER_UNITS:
        errors["unit"] = ["Choose ml or cups."]
        return None
    if not is_number(amount) or not low <= amount * WATER_UNITS[unit] <= high:
        errors["water_goal"] = [
            f"Enter a goal from {low:,.0f} to {high:,.0f} ml "
            f"({low / ML_PER_US_CUP:.0f} to {high / ML_PER_US_CUP:.0f} cups)."
        ]
        return None
    return float(amount) * WATER_UNITS[unit]
