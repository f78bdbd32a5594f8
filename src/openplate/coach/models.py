"""The weekly check-in: what the diary and the scale said that week, and the budget proposed.

Every figure is kept as it was on the day of the check-in, so a past check-in reads the same
later, whatever has been logged since.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CheckIn(models.Model):
    """One weekly check-in, and what the person decided about its proposed budget."""

    class Decision(models.TextChoices):
        PENDING = "pending", "Not decided"
        ACCEPTED = "accepted", "Accepted"
        KEPT = "kept", "Kept the current budget"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    date = models.DateField(help_text="The day of the check-in, in the person's time zone.")
    goal = models.ForeignKey(
        "accounts.Goal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The goal in force when the check-in was made.",
    )
    # The trend weight on the eve of the check-in, and its change since the last check-in (or
    # over the week before the first one).
    trend_weight_kg = models.FloatField()
    trend_change_kg = models.FloatField()
    change_since = models.DateField(help_text="The day the trend change is counted from.")
    # The estimated expenditure (logged kcal) and its band.
    expenditure_kcal = models.FloatField()
    expenditure_low_kcal = models.FloatField()
    expenditure_high_kcal = models.FloatField()
    band = models.FloatField(help_text="The share of outcomes [low, high] should cover.")
    # How complete the week's logging was: days with food logged of the last 7, and the days
    # found incomplete (left out of the estimate).
    days_logged = models.PositiveSmallIntegerField()
    days_incomplete = models.PositiveSmallIntegerField()
    # The budgets.
    rate_kg_per_week = models.FloatField(help_text="The goal's chosen rate, negative to lose.")
    current_budget_kcal = models.FloatField()
    unconstrained_budget_kcal = models.FloatField(
        help_text="Expenditure plus the rate's daily change, before the safe range."
    )
    proposed_budget_kcal = models.FloatField()
    kcal_per_kg = models.FloatField(
        help_text="Logged kcal in a kg of weight change (rate to budget)."
    )
    limits = models.JSONField(default=list, blank=True, help_text="The limits that bound.")
    held_back = models.JSONField(default=list, blank=True, help_text="Why, a sentence each.")
    notes = models.JSONField(default=list, blank=True)
    # The Hall model's forecast at the proposed budget.
    forecast_4_weeks_kg = models.FloatField(null=True, blank=True)
    forecast_12_weeks_kg = models.FloatField(null=True, blank=True)
    target_weight_kg = models.FloatField(null=True, blank=True)
    target_earliest = models.DateField(null=True, blank=True)
    target_latest = models.DateField(null=True, blank=True)
    # The person's answer.
    decision = models.CharField(max_length=8, choices=Decision.choices, default=Decision.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "date"], name="one_check_in_a_day")]
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"Check-in of {self.date}: {self.proposed_budget_kcal:.0f} kcal proposed"
