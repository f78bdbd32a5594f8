"""Logging weight and water: weigh-ins with their trend and BMI, glasses of water, and the
weight a day's exercise burns calories at.

The pages and the API both call these functions; each raises ValidationError naming the field at
fault and then saves nothing. The period's charts, averages, streaks and the weekly report are in
`openplate.progress.period`; the water goal is kept with the profile (`openplate.accounts.profile`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import Count, FilteredRelation, Max, Q, Sum

from openplate.accounts.goals import goal_on
from openplate.accounts.models import Profile
from openplate.accounts.profile import CUPS, WATER_UNITS
from openplate.body.models import WaterEntry, WeightEntry
from openplate.core.checks import day_errors, is_amount, is_number, raise_errors
from openplate.science import energy, trend, units
from openplate.science.nutrition import DEFAULT_WATER_GOAL_ML
from openplate.science.units import ML_PER_US_CUP

if TYPE_CHECKING:
    from django.contrib.auth.models import User

KG = "kg"
LB = "lb"
WEIGHT_UNITS = {KG: 1.0, LB: units.KG_PER_LB}
BODY_FAT_RANGE_PERCENT = (1.0, 75.0)
MAX_WATER_ML = 4000.0  # one entry: a big jug (a US gallon is 3,785 ml), not a bathtub


@dataclass(frozen=True)
class WeighIn:
    """A weigh-in with the trend on its day and, when the height is known, its BMI."""

    id: int
    date: date
    weight_kg: float
    body_fat_percent: float | None
    trend_kg: float
    bmi: energy.Bmi | None


@dataclass(frozen=True)
class WaterCard:
    """What the water card shows for a day: the total against the goal, in cups and ml."""

    day: date
    total_ml: float
    goal_ml: float
    entries: int

    @property
    def cups(self) -> float:
        return self.total_ml / ML_PER_US_CUP

    @property
    def goal_cups(self) -> float:
        return self.goal_ml / ML_PER_US_CUP

    @property
    def percent(self) -> float:
        return min(100.0, 100 * self.total_ml / self.goal_ml) if self.goal_ml > 0 else 0.0

    @property
    def reached(self) -> bool:
        return self.total_ml >= self.goal_ml > 0

    @property
    def can_undo(self) -> bool:
        return self.entries > 0


# --- weight ------------------------------------------------------------------------------------


def log_weight(
    user: User,
    *,
    day: date,
    weight: Any,
    unit: str = KG,
    body_fat_percent: Any = None,
) -> WeightEntry:
    """Record `weight` (in `unit`, kg or lb) for `day`; a second weigh-in that day replaces the
    first. Body fat is optional, 1 to 75 %."""
    errors = day_errors(day)
    weight_kg = None
    if unit not in WEIGHT_UNITS:
        errors["unit"] = ["Choose kg or lb."]
    elif not is_number(weight):
        errors["weight"] = ["Enter your weight."]
    else:
        weight_kg = float(weight) * WEIGHT_UNITS[unit]
        low, high = units.BODY_WEIGHT_RANGE_KG
        if not low <= weight_kg <= high:
            ends = (
                units.format_mass(low, "imperial" if unit == LB else "metric", decimals=0),
                units.format_mass(high, "imperial" if unit == LB else "metric", decimals=0),
            )
            errors["weight"] = [f"Weight must be between {ends[0]} and {ends[1]}."]
    if body_fat_percent is not None:
        low, high = BODY_FAT_RANGE_PERCENT
        if not is_number(body_fat_percent) or not low <= body_fat_percent <= high:
            errors["body_fat_percent"] = [
                f"Body fat must be from {low:g} to {high:g} %, or left empty."
            ]
    raise_errors(errors)
    assert weight_kg is not None
    entry, _ = WeightEntry.objects.update_or_create(
        user=user,
        date=day,
        defaults={
            "weight_kg": weight_kg,
            "body_fat_percent": None if body_fat_percent is None else float(body_fat_percent),
        },
    )
    return entry


def delete_weight(user: User, *, day: date | None = None, entry_id: int | None = None) -> bool:
    """Delete `user`'s weigh-in of `day` (or with id `entry_id`); False when there is none."""
    entries = WeightEntry.objects.filter(user=user)
    if entry_id is not None:
        entries = entries.filter(pk=entry_id)
    elif day is not None:
        entries = entries.filter(date=day)
    else:
        return False
    deleted, _ = entries.delete()
    return deleted > 0


def weigh_ins(
    user: User,
    start: date | None = None,
    end: date | None = None,
    *,
    height_cm: float | None = None,
) -> list[WeighIn]:
    """`user`'s weigh-ins from `start` to `end` (inclusive; open when None), oldest first, each
    with the trend on its day (computed from every earlier weigh-in) and its BMI.

    The height is the profile's unless given. Two queries, one without the height."""
    entries = WeightEntry.objects.filter(user=user).order_by("date")
    if end is not None:
        entries = entries.filter(date__lte=end)
    rows = list(entries.values_list("id", "date", "weight_kg", "body_fat_percent"))
    if height_cm is None:
        height_cm = profile_height(user)
    return [point for point in with_trend(rows, height_cm) if start is None or point.date >= start]


def with_trend(
    rows: list[tuple[int, date, float, float | None]], height_cm: float | None
) -> list[WeighIn]:
    """Weigh-ins (id, date, kg, body fat %), oldest first, with their trend and BMI."""
    smoothed = trend.weight_trend([row[1].toordinal() for row in rows], [row[2] for row in rows])
    return [
        WeighIn(
            id=entry_id,
            date=day,
            weight_kg=weight,
            body_fat_percent=fat,
            trend_kg=line,
            bmi=energy.bmi(weight, height_cm) if height_cm else None,
        )
        for (entry_id, day, weight, fat), line in zip(rows, smoothed, strict=True)
    ]


def weights_between(user: User, start: date, end: date) -> dict[date, float]:
    """`user`'s weigh-ins from `start` to `end` (inclusive), in kg by day, in one query."""
    rows = WeightEntry.objects.filter(user=user, date__gte=start, date__lte=end).values_list(
        "date", "weight_kg"
    )
    return dict(rows)


def body_weight_on(user: User, day: date) -> float | None:
    """The person's weight for the calories of `day`: their last weigh-in by then, else their
    first one, else the weight their goal was set with."""
    weighed = WeightEntry.objects.filter(user=user)
    entry = (
        weighed.filter(date__lte=day).order_by("-date").first() or weighed.order_by("date").first()
    )
    if entry is not None:
        return entry.weight_kg
    goal = goal_on(user, day)
    return goal.weight_kg if goal else None


def last_weigh_in_date(user: User) -> date | None:
    latest = WeightEntry.objects.filter(user=user).order_by("-date")
    return latest.values_list("date", flat=True).first()


def has_weighed_in(user: User) -> bool:
    return WeightEntry.objects.filter(user=user).exists()


def profile_height(user: User) -> float | None:
    height = Profile.objects.filter(user=user).values_list("height_cm", flat=True).first()
    return float(height) if height is not None else None


# --- water -------------------------------------------------------------------------------------


def log_water(user: User, *, day: date, amount: Any = 1, unit: str = CUPS) -> WaterEntry:
    """Record water drunk on `day`: `amount` cups (one tap is one cup) or ml."""
    errors = day_errors(day)
    ml = None
    if unit not in WATER_UNITS:
        errors["unit"] = ["Choose ml or cups."]
    elif not is_number(amount) or not is_amount(amount * WATER_UNITS[unit], MAX_WATER_ML):
        errors["amount"] = [
            f"Enter an amount above 0 and at most {MAX_WATER_ML:,.0f} ml "
            f"({MAX_WATER_ML / ML_PER_US_CUP:.0f} cups)."
        ]
    else:
        ml = float(amount) * WATER_UNITS[unit]
    raise_errors(errors)
    assert ml is not None
    return WaterEntry.objects.create(user=user, date=day, ml=ml)


def undo_water(user: User, day: date) -> WaterEntry | None:
    """Remove the last water logged on `day` (the undo of a tap); None when there was none."""
    last = WaterEntry.objects.filter(user=user, date=day).order_by("-created", "-id").first()
    if last is not None:
        last.delete()
    return last


def water_card(user: User, day: date) -> WaterCard:
    """The day's water against the goal, for the `progress/_water.html` card, in one query: the
    person's row joined to their profile and to that day's water alone."""
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(day_water=FilteredRelation("water_entries", condition=Q(water_entries__date=day)))
        .aggregate(
            total=Sum("day_water__ml"),
            entries=Count("day_water"),
            goal=Max("profile__water_goal_ml"),
        )
    )
    return WaterCard(
        day=day,
        total_ml=float(row["total"] or 0.0),
        goal_ml=float(row["goal"]) if row["goal"] is not None else DEFAULT_WATER_GOAL_ML,
        entries=int(row["entries"]),
    )
