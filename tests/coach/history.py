"""Three weeks of a person's life, logged: food every day and a weigh-in every morning."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import User

from openplate.body.models import WeightEntry
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
