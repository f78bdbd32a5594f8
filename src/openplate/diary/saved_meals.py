"""Saved meals: a day's meal kept under a name ("My usual breakfast") and logged again in one tap.

A saved meal keeps each item as it was counted, like a copied entry: logging it copies the items
into the day, so it logs the same calories as the meal it was saved from, whatever later
happens to the foods. It remembers the meal it came from, which is where it logs unless told.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet, Sum

from openplate.core.checks import FieldErrors, raise_errors
from openplate.diary.models import Entry, Meal, SavedMeal, SavedMealItem
from openplate.diary.services import COPIED_FIELDS, MEAL_MESSAGE, day_and_meal_errors

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_NAME_LENGTH = 80
MAX_SAVED_MEALS = 200


def saved_meals(user: User) -> QuerySet[SavedMeal]:
    """The person's saved meals by name, each with `foods` (how many) and `kcal`."""
    return SavedMeal.objects.filter(user=user).annotate(
        foods=Count("items"), kcal=Sum("items__energy_kcal")
    )


def own_saved_meal(user: User, saved_meal_id: int) -> SavedMeal:
    """The person's saved meal with its items; ValidationError on `saved_meal_id` otherwise."""
    try:
        return saved_meals(user).prefetch_related("items", "items__food").get(pk=saved_meal_id)
    except SavedMeal.DoesNotExist:
        raise ValidationError({"saved_meal_id": ["No such saved meal."]}) from None


def save_meal(user: User, *, name: str, day: date, meal: str) -> SavedMeal:
    """Save what `user` logged in `meal` on `day` as a meal named `name`."""
    errors = _name_errors(name)
    if meal not in Meal.values:
        errors["meal"] = [MEAL_MESSAGE]
    entries = list(Entry.objects.filter(user=user, date=day, meal=meal)) if not errors else []
    if not errors and not entries:
        errors["meal"] = [f"Nothing is logged in {Meal(meal).label} on {day:%b %-d} to save."]
    if not errors and SavedMeal.objects.filter(user=user).count() >= MAX_SAVED_MEALS:
        errors["name"] = [f"You have {MAX_SAVED_MEALS} saved meals; delete one first."]
    raise_errors(errors)
    try:
        with transaction.atomic():
            saved = SavedMeal.objects.create(user=user, name=_tidy(name), meal=meal)
            SavedMealItem.objects.bulk_create(
                SavedMealItem(
                    saved_meal=saved,
                    position=position,
                    **{field: getattr(entry, field) for field in COPIED_FIELDS},
                )
                for position, entry in enumerate(entries)
            )
    except IntegrityError:
        raise ValidationError({"name": [_taken(name)]}) from None
    return own_saved_meal(user, saved.pk)


def rename_meal(saved: SavedMeal, name: str) -> SavedMeal:
    errors = _name_errors(name)
    raise_errors(errors)
    saved.name = _tidy(name)
    try:
        with transaction.atomic():
            saved.save(update_fields=["name", "updated"])
    except IntegrityError:
        raise ValidationError({"name": [_taken(name)]}) from None
    return saved


def log_saved_meal(
    user: User, saved: SavedMeal, *, day: date, meal: str | None = None
) -> list[Entry]:
    """Log every item of `saved` to `meal` (the meal it was saved from, unless told) on `day`."""
    meal = meal or saved.meal
    raise_errors(day_and_meal_errors(day=day, meal=meal))
    copies = [
        Entry(
            user=user,
            date=day,
            meal=meal,
            **{field: getattr(item, field) for field in COPIED_FIELDS},
        )
        for item in saved.items.all()
    ]
    with transaction.atomic():
        return Entry.objects.bulk_create(copies)


def _tidy(name: str) -> str:
    return " ".join(name.split())


def _name_errors(name: str) -> FieldErrors:
    tidy = _tidy(name) if isinstance(name, str) else ""
    if not tidy:
        return {"name": ['Name the meal, as in "My usual breakfast".']}
    if len(tidy) > MAX_NAME_LENGTH:
        return {"name": [f"At most {MAX_NAME_LENGTH} characters."]}
    return {}


def _taken(name: str) -> str:
    return f"You already have a meal named “{_tidy(name)}”."
