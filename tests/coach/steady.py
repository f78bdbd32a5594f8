"""A person's weeks logged through the services, for the coach's tests."""

from datetime import date, timedelta

from django.contrib.auth.models import User

from openplate.body.services import log_weight
from openplate.diary.services import quick_add


def log_steady(
    user: User,
    end: date,
    days: int = 28,
    kcal: float = 2000.0,
    kg: float = 70.0,
    skip: frozenset[int] | set[int] = frozenset(),
) -> None:
    """`days` days up to `end` at the same intake and weight, but the days `skip` back."""
    for back in range(days):
        if back in skip:
            continue
        day = end - timedelta(days=back)
        quick_add(user, day=day, meal="lunch", energy_kcal=kcal / 2)
        quick_add(user, day=day, meal="dinner", energy_kcal=kcal / 2)
        log_weight(user, day=day, weight=kg, unit="kg")
