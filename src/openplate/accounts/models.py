"""A person's account settings, profile, their goals over time, and their API tokens."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from openplate.science import energy
from openplate.science.energy import Formula, Sex
from openplate.science.nutrition import DEFAULT_MACRO_PERCENT, DEFAULT_WATER_GOAL_ML

ACTIVITY_CHOICES = [(level.key, level.label) for level in energy.ACTIVITY_LEVELS.values()]


def default_time_zone() -> str:
    """The server's time zone (settings.TIME_ZONE, from OPENPLATE_TIME_ZONE; UTC unless set)."""
    return str(settings.TIME_ZONE)


class ExerciseShare(float, models.Choices):
    """How much of the exercise a person logs is added to their day's budget.

    The activity level describes daily life without exercise, so exercise logged comes on top
    of it: all of it, as MyPlate counts it. Some add half, because what a workout burns is
    easy to overestimate, and some none, to keep the budget fixed.
    """

    ALL = 1.0, "All"
    HALF = 0.5, "Half"
    NONE = 0.0, "None"


class Weekday(models.IntegerChoices):
    """Days of the week as Python's `date.weekday()` numbers them."""

    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class Account(models.Model):
    """What every account has from sign-up on, goal or not: the time zone its days follow.

    The profile comes with the first goal, so what a person has before that lives here. A user
    without a row (made with `openplate manage createsuperuser`, say) has the server's zone.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account"
    )
    time_zone = models.CharField(
        max_length=64,
        default=default_time_zone,
        help_text="An IANA name, such as America/Los_Angeles.",
    )
    exercise_share = models.FloatField(
        choices=ExerciseShare.choices,
        default=ExerciseShare.ALL,
        help_text="The share of each day's logged exercise added to its budget.",
    )
    numbers_light = models.BooleanField(
        default=False,
        help_text=(
            "Pages show portions, plate balance and trends instead of calorie figures. "
            "The person chooses it, or the server's admin sets it for them; the API is unchanged."
        ),
    )
    check_in_weekday = models.PositiveSmallIntegerField(
        choices=Weekday.choices,
        default=Weekday.MONDAY,
        help_text="The day of the week of the weekly check-in.",
    )

    def __str__(self) -> str:
        return f"Account of {self.user} ({self.time_zone})"


class Profile(models.Model):
    """What the goal form asks that rarely changes, and how the person likes units shown."""

    class LifeStage(models.TextChoices):
        NEITHER = "neither", "Neither"
        PREGNANT = "pregnant", "Pregnant"
        BREASTFEEDING = "breastfeeding", "Breastfeeding"

    class Units(models.TextChoices):
        IMPERIAL = "imperial", "US (lb, ft and in)"
        METRIC = "metric", "Metric (kg, cm)"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    units = models.CharField(max_length=8, choices=Units.choices, default=Units.IMPERIAL)
    sex = models.CharField(max_length=6, choices=[(s.value, s.value.title()) for s in Sex])
    birth_date = models.DateField()
    height_cm = models.FloatField()
    activity = models.CharField(max_length=10, choices=ACTIVITY_CHOICES, default="sedentary")
    water_goal_ml = models.FloatField(default=DEFAULT_WATER_GOAL_ML)
    life_stage = models.CharField(
        max_length=13,
        choices=LifeStage.choices,
        default=LifeStage.NEITHER,
        help_text="Pregnant or breastfeeding: no budget for losing weight.",
    )

    def __str__(self) -> str:
        return f"Profile of {self.user}"


class BudgetSource(models.TextChoices):
    """Where a goal's budget came from: the formula, or a weekly check-in the person accepted."""

    FORMULA = "formula", "The formula"
    CHECK_IN = "check-in", "A weekly check-in"


class Goal(models.Model):
    """A daily budget from `starts_on` until the next goal starts.

    Every input and result is kept as it was that day, so a later change never rewrites a past
    day's budget, and the page can always say how a budget was computed.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    starts_on = models.DateField()
    rate_kg_per_week = models.FloatField(help_text="Negative to lose weight.")
    # The person as the goal saw them.
    sex = models.CharField(max_length=6)
    age_years = models.FloatField()
    height_cm = models.FloatField()
    weight_kg = models.FloatField()
    activity = models.CharField(max_length=10)
    # The computation.
    formula = models.CharField(max_length=20, choices=[(f.value, f.value) for f in Formula])
    bmr_kcal = models.FloatField()
    activity_factor = models.FloatField()
    maintenance_kcal = models.FloatField()
    floor_kcal = models.FloatField()
    floor_applied = models.BooleanField()
    budget_kcal = models.FloatField()
    budget_source = models.CharField(
        max_length=10, choices=BudgetSource.choices, default=BudgetSource.FORMULA
    )
    effective_rate_kg_per_week = models.FloatField()
    bmi = models.FloatField()
    warnings = models.JSONField(default=list, blank=True)
    # Shares of the budget, in % of calories.
    protein_percent = models.PositiveSmallIntegerField(default=DEFAULT_MACRO_PERCENT["protein"])
    carbohydrate_percent = models.PositiveSmallIntegerField(
        default=DEFAULT_MACRO_PERCENT["carbohydrate"]
    )
    fat_percent = models.PositiveSmallIntegerField(default=DEFAULT_MACRO_PERCENT["fat"])
    # The weight the person aims for, if they named one: drawn on the progress chart.
    target_weight_kg = models.FloatField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "starts_on"], name="one_goal_a_day")]
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return f"{self.budget_kcal:.0f} kcal/day from {self.starts_on}"


class ApiToken(models.Model):
    """A personal API token. Only a SHA-256 digest of the secret is stored: the secret has 256
    random bits, so a fast hash is as safe as a slow one and lets every request be checked in
    one indexed lookup."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12, help_text="The start of the token, to recognise it.")
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class AttemptCount(models.Model):
    """Attempts counted against one limit on guessing (openplate.accounts.limits) for one client
    address or e-mail address, in the window that started at `started`. The key is stored as a
    SHA-256 digest, so the table keeps no one's address."""

    limit = models.CharField(max_length=32)
    digest = models.CharField(max_length=64)
    count = models.PositiveIntegerField(default=0)
    started = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["limit", "digest"], name="one_count_per_limit_and_key")
        ]
        indexes = [models.Index(fields=["started"], name="attempt_count_started")]

    def __str__(self) -> str:
        return f"{self.limit}: {self.count} since {self.started:%Y-%m-%d %H:%M}"
