"""Activities with their MET values (the Compendium), and the exercise a person logs."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Activity(models.Model):
    """One activity code of the 2011 Compendium of Physical Activities."""

    code = models.CharField(max_length=5, unique=True)
    heading = models.CharField(max_length=60, help_text='The Compendium\'s heading: "running".')
    description = models.CharField(max_length=255)
    met = models.FloatField(help_text="Metabolic equivalents: multiples of the resting rate.")

    class Meta:
        ordering = ["heading", "description"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return f"{self.heading}: {self.description}"


class ExerciseEntry(models.Model):
    """Exercise done on a day: an activity for some minutes, calories entered by hand, or a
    strength set (sets × reps at a load), which burns calories only when its minutes are given.

    The calories are kept as computed when logged (MET × body weight in kg × hours, with the
    weight the person had then), like food entries keep their nutrients.
    """

    class Kind(models.TextChoices):
        ACTIVITY = "activity", "Activity"
        CUSTOM = "custom", "Custom exercise"
        STRENGTH = "strength", "Strength"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exercise_entries"
    )
    date = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=255)
    minutes = models.FloatField(null=True, blank=True)
    met = models.FloatField(null=True, blank=True)
    body_weight_kg = models.FloatField(null=True, blank=True, help_text="Used for the calories.")
    energy_kcal = models.FloatField(default=0.0)
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    load_kg = models.FloatField(null=True, blank=True, help_text="The weight lifted, per rep.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["user", "date"], name="exercise_user_date")]
        ordering = ["date", "created", "id"]
        verbose_name_plural = "exercise entries"

    def __str__(self) -> str:
        return f"{self.date}: {self.name}"
