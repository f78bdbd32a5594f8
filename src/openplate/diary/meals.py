"""The meal of the hour: what the pages, the plain-words box and the CLI log to when the person
did not say."""

from __future__ import annotations

from django.utils import timezone

from openplate.diary.models import Meal

# By the hour of the person's own day (the active time zone): breakfast until 11:00, lunch until
# 16:00, dinner until 21:00, then snacks.
MEAL_BY_HOUR = ((11, Meal.BREAKFAST), (16, Meal.LUNCH), (21, Meal.DINNER), (24, Meal.SNACKS))


def meal_now() -> str:
    """The meal people usually eat at this hour of their day."""
    hour = timezone.localtime().hour
    return next(meal for until, meal in MEAL_BY_HOUR if hour < until)
