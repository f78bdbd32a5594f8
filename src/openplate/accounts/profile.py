"""Changing the profile outside the goal form: the units pages show, the daily water goal and
the person's time zone; and the person's own today.

The settings page and `PATCH /api/profile` both call `change_profile`; it checks every change
first, raises ValidationError naming each field at fault, and then changes nothing.

A person's day is the day in their time zone (`Account.time_zone`, from the browser at sign-up):
every request activates it (`openplate.accounts.middleware`, and the API's token check), so
`django.utils.timezone.localdate()` is their today there. Code without a request (the command
line) asks `today_for(user)`.
"""

from __future__ import annotations

import functools
import zoneinfo
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone

from openplate.accounts.models import Account, Profile, default_time_zone
from openplate.core.checks import FieldErrors, is_number, raise_errors
from openplate.science.units import ML_PER_US_CUP

if TYPE_CHECKING:
    from django.contrib.auth.models import User

ML = "ml"
CUPS = "cups"
WATER_UNITS = {ML: 1.0, CUPS: ML_PER_US_CUP}  # ml in one of each
WATER_GOAL_RANGE_ML = (500.0, 10_000.0)  # about 2 to 42 cups a day
NO_PROFILE = "Set your goal first: the profile comes with it."


# Names zoneinfo knows that are no place's zone: the system's own link and tzdata's placeholder.
NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})
# The regions the settings page lists zones under (IANA's own areas), then UTC.
ZONE_REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
UNKNOWN_ZONE = "Choose a time zone from the list, such as America/Los_Angeles or Europe/Paris."


@functools.cache
def known_time_zones() -> frozenset[str]:
    """Every IANA name zoneinfo can load here, old aliases (US/Pacific) included."""
    return frozenset(zoneinfo.available_timezones()) - NOT_ZONES


def is_time_zone(name: object) -> bool:
    return isinstance(name, str) and name in known_time_zones()


def time_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The zones to choose from, by region: ("Pacific", [("Pacific/Auckland", "Pacific/Auckland"),
    …]), and UTC last. Old aliases are left out; a person who has one keeps it."""
    regions: dict[str, list[tuple[str, str]]] = {region: [] for region in ZONE_REGIONS}
    for name in sorted(known_time_zones()):
        region, _, place = name.partition("/")
        if region in regions and place:
            regions[region].append((name, name.replace("_", " ")))
    return [*regions.items(), ("Other", [("UTC", "UTC")])]


def time_zone_name_of(user: User) -> str:
    """The person's time zone, the server's when they never chose one. The account is read
    once and kept on `user` (and a user found by API token comes with it)."""
    try:
        account = user.account
    except ObjectDoesNotExist:
        return default_time_zone()
    return account.time_zone if is_time_zone(account.time_zone) else default_time_zone()


def time_zone_of(user: User) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(time_zone_name_of(user))


def today_for(user: User) -> date:
    """The date it is now where the person lives."""
    return timezone.localdate(timezone=time_zone_of(user))


def activate_time_zone(user: User) -> None:
    """Make the person's zone the current one, for this thread until `timezone.deactivate()`:
    `timezone.localdate()` is then their today, and templates show times in their zone."""
    timezone.activate(time_zone_of(user))


def start_account(user: User, *, time_zone: str | None) -> Account:
    """The new account's settings: the time zone its browser sent, or the server's when the
    browser sent none (no JavaScript) or a name this server does not know."""
    name = time_zone if is_time_zone(time_zone) else default_time_zone()
    account, _ = Account.objects.update_or_create(user=user, defaults={"time_zone": name})
    user.account = account
    return account


def profile_of(user: User) -> Profile | None:
    return Profile.objects.filter(user=user).first()


def change_profile(
    user: User,
    *,
    units: str | None = None,
    water_goal: Any = None,
    water_unit: str = CUPS,
    time_zone: str | None = None,
) -> Profile | None:
    """Change the display units, the daily water goal (`water_goal` in `water_unit`, cups or
    ml) and/or the time zone; what is left as None stays. The profile is made by the first
    goal, so units and water wait for it; the time zone does not. Returns the profile."""
    errors: FieldErrors = {}
    changes: dict[str, Any] = {}
    if time_zone is not None and not is_time_zone(time_zone):
        errors["time_zone"] = [UNKNOWN_ZONE]
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
    if profile is None and not errors and (time_zone is None or changes):
        field: str = NON_FIELD_ERRORS
        if water_goal is not None:
            field = "water_goal"
        elif units is not None:
            field = "units"
        errors[field] = [NO_PROFILE]
    raise_errors(errors)
    with transaction.atomic():
        if profile is not None and changes:
            for field, value in changes.items():
                setattr(profile, field, value)
            profile.save(update_fields=list(changes))
        if time_zone is not None:
            account, _ = Account.objects.update_or_create(
                user=user, defaults={"time_zone": time_zone}
            )
            user.account = account
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
