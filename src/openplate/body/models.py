"""Weight and water, logged day by day."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class WeightEntry(models.Model):
    """One weigh-in a day; a second on the same day replaces the first."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weight_entries"
    )
    date = models.DateField()
    weight_kg = models.FloatField()
    body_fat_percent = models.FloatField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "date"], name="one_weight_a_day")]
        ordering = ["date"]
        verbose_name_plural = "weight entries"

    def __str__(self) -> str:
        return f"{self.date}: {self.weight_kg:.1f} kg"


class WaterEntry(models.Model):
    """Water drunk: each tap of "add a cup" is one entry, so the day's total is their sum."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="water_entries"
    )
    date = models.DateField()
    ml = models.FloatField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["user", "date"], name="water_user_date")]
        ordering = ["date", "created", "id"]
        verbose_name_plural = "water entries"

    def __str__(self) -> str:
        return f"{self.date}: {self.ml:.0f} ml"
