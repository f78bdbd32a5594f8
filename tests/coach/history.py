"""Three weeks of a person's life, logged: food every day and a weigh-in every morning; and a
check-in with its figures given, for tests that need one but not its estimate."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import User

from openplate.accounts.models import Goal
from openplate.body.models import WeightEntry
from openplate.coach.models import CheckIn
from openplate.diary.models import Entry

# The scale swings around the trend by a few hundred grams from day to day (water, glycogen).
SWINGS_KG = (0.3, -0.2, 0.1, -0.3, 0.2, 0.0, -0.1)


def log_history(
    user: User,
    *,
    until: date,
    days: int = 21,
    intake_kcal: float = 1800.0,
    start_kg: float = 81.6,
    kg_per_week: float = -0.35,
    skip: frozenset[date] = frozenset(),
) -> None:
    """`days` days up to and including `until`: `intake_kcal` of food a day (none on the days
    in `skip`) and a weigh-in each day, on a trend moving `kg_per_week`."""
    first = until - timedelta(days=days - 1)
    foods, weights = [], []
    for offset in range(days):
        day = first + timedelta(days=offset)
        trend = start_kg + kg_per_week * offset / 7
        weights.append(WeightEntry(user=user, date=day, weight_kg=trend + SWINGS_KG[offset % 7]))
        if day not in skip:
            foods.append(
                Entry(
                    user=user,
                    date=day,
                    meal="lunch",
                    name="Quick add",
                    energy_kcal=intake_kcal,
                    nutrients={"energy_kcal": intake_kcal},
                )
            )
    Entry.objects.bulk_create(foods)
    WeightEntry.objects.bulk_create(weights)


def a_check_in(user: User, *, day: date, goal: Goal | None = None) -> CheckIn:
    """A check-in as one would be made on `day`, its figures given rather than estimated."""
    return CheckIn.objects.create(
        user=user,
        date=day,
        goal=goal,
        trend_weight_kg=70.0,
        trend_change_kg=-0.4,
        change_since=day - timedelta(days=7),
        expenditure_kcal=2100.0,
        expenditure_low_kcal=1950.0,
        expenditure_high_kcal=2250.0,
        band=0.8,
        days_logged=7,
        days_incomplete=0,
        rate_kg_per_week=-0.5,
        current_budget_kcal=1600.0,
        unconstrained_budget_kcal=1650.0,
        proposed_budget_kcal=1650.0,
        kcal_per_kg=6300.0,
    )
