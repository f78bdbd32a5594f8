"""The food diary: what a person ate, by day and meal, the foods they mark as favourites and the
meals they save to log again."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from openplate.foods.models import Food


class Meal(models.TextChoices):
    BREAKFAST = "breakfast", "Breakfast"
    LUNCH = "lunch", "Lunch"
    DINNER = "dinner", "Dinner"
    SNACKS = "snacks", "Snacks"


class Entry(models.Model):
    """One food eaten (or a quick-added number of calories) in one meal of one day.

    The entry keeps what it counted: the food's name, the serving and every nutrient for the
    amount eaten, as they were when it was logged. So a day's totals are one SQL sum, and a past
    day never changes because a food was later edited, updated or deleted.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diary_entries"
    )
    date = models.DateField()
    meal = models.CharField(max_length=10, choices=Meal.choices)
    food = models.ForeignKey(
        Food, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Empty for a quick add.",
    )  # fmt: skip
    name = models.CharField(max_length=255)
    serving = models.CharField(max_length=160, blank=True, help_text='"1 medium", "g" or "oz".')
    serving_grams = models.FloatField(null=True, blank=True)
    quantity = models.FloatField(default=1.0)
    grams = models.FloatField(null=True, blank=True, help_text="Empty for a quick add.")
    energy_kcal = models.FloatField()
    protein_g = models.FloatField(null=True, blank=True)
    carbohydrate_g = models.FloatField(null=True, blank=True)
    fat_g = models.FloatField(null=True, blank=True)
    nutrients = models.JSONField(default=dict, blank=True, help_text="For the amount eaten.")
    client_key = models.UUIDField(
        null=True, blank=True, editable=False,
        help_text="Made by the device that logged it: sent twice, logged once.",
    )  # fmt: skip
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["user", "date"], name="entry_user_date")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "client_key"],
                condition=models.Q(client_key__isnull=False),
                name="entry_client_key_once",
            )
        ]
        ordering = ["date", "created", "id"]
        verbose_name_plural = "entries"

    def __str__(self) -> str:
        return f"{self.date} {self.meal}: {self.name}"

    @property
    def is_quick_add(self) -> bool:
        return self.grams is None


class Favourite(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourite_foods"
    )
    food = models.ForeignKey(Food, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "food"], name="favourite_once")]
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.user}: {self.food}"


class SavedMeal(models.Model):
    """A meal a person eats again ("My usual breakfast"), saved from a day's meal and logged
    again in one tap. Its items keep what they counted, as entries do."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_meals"
    )
    name = models.CharField(max_length=80)
    meal = models.CharField(
        max_length=10, choices=Meal.choices, help_text="The meal it was saved from, and logs to."
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="saved_meal_name_once")
        ]
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.user}: {self.name}"


class SavedMealItem(models.Model):
    """One food (or quick add) of a saved meal, with the amounts an entry of it counts."""

    saved_meal = models.ForeignKey(SavedMeal, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(default=0)
    food = models.ForeignKey(
        Food, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Empty for a quick add.",
    )  # fmt: skip
    name = models.CharField(max_length=255)
    serving = models.CharField(max_length=160, blank=True)
    serving_grams = models.FloatField(null=True, blank=True)
    quantity = models.FloatField(default=1.0)
    grams = models.FloatField(null=True, blank=True)
    energy_kcal = models.FloatField()
    protein_g = models.FloatField(null=True, blank=True)
    carbohydrate_g = models.FloatField(null=True, blank=True)
    fat_g = models.FloatField(null=True, blank=True)
    nutrients = models.JSONField(default=dict, blank=True, help_text="For the amount eaten.")

    class Meta:
        ordering = ["saved_meal", "position", "id"]

    def __str__(self) -> str:
        return f"{self.saved_meal.name}: {self.name}"

    @property
    def is_quick_add(self) -> bool:
        return self.grams is None


class DayMark(models.Model):
    """What the person said about a day's log, for the estimate of their expenditure: complete
    as logged, left out (its intake unknown), or fasted (nothing eaten). A day without a mark is
    judged from its log: one far below the person's usual intake may be found incomplete."""

    class Status(models.TextChoices):
        COMPLETE = "complete", "Complete"
        EXCLUDED = "excluded", "Left out"
        FASTED = "fasted", "Fasted"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="day_marks"
    )
    day = models.DateField()
    status = models.CharField(max_length=8, choices=Status.choices)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_mark_a_day")]
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day}: {self.status}"
