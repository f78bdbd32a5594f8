"""Foods, their nutrients per 100 g, and their household servings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class FoodQuerySet(models.QuerySet["Food"]):
    def visible_to(self, user: User) -> FoodQuerySet:
        """The foods `user` may see: the public ones and their own."""
        return self.filter(Q(owner__isnull=True) | Q(owner=user.pk))


class Food(models.Model):
    class Source(models.TextChoices):
        USDA = "usda", "USDA SR24"
        OPEN_FOOD_FACTS = "off", "Open Food Facts"
        CSV = "csv", "CSV import"
        CUSTOM = "custom", "My food"

    name = models.CharField(max_length=255)
    source = models.CharField(max_length=10, choices=Source.choices)
    source_id = models.CharField(
        max_length=64, blank=True, help_text="The 5-digit NDB number for USDA foods."
    )
    group = models.CharField(max_length=100, blank=True)
    brand = models.CharField(max_length=255, blank=True)
    barcode = models.CharField(max_length=32, blank=True, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="custom_foods",
        help_text="Set for a person's own foods, which only they see.",
    )
    # Per 100 g. The macros have columns of their own for sorting and summing in SQL;
    # every nutrient, the macros included, is in `nutrients`, keyed as in foods.nutrients.
    energy_kcal = models.FloatField()
    protein_g = models.FloatField(null=True, blank=True)
    carbohydrate_g = models.FloatField(null=True, blank=True)
    fat_g = models.FloatField(null=True, blank=True)
    nutrients = models.JSONField(default=dict, blank=True)
    # How fully the shipped reference data describes the food: USDA gives the foods people eat
    # most many household measures and many variants (cuts, fat levels, preparations), so both
    # help search put staples first. Set by the shipped-food loader; 0 and 1 for other foods.
    measure_count = models.PositiveSmallIntegerField(default=0)
    variant_count = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = FoodQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source_id=""),
                name="food_unique_source_id",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def set_nutrients(self, per_100g: dict[str, float]) -> None:
        """Store nutrients per 100 g, keeping the macro columns in step."""
        self.nutrients = dict(per_100g)
        self.energy_kcal = per_100g.get("energy_kcal", 0.0)
        self.protein_g = per_100g.get("protein_g")
        self.carbohydrate_g = per_100g.get("carbohydrate_g")
        self.fat_g = per_100g.get("fat_g")


class Serving(models.Model):
    """A household measure: "1 large" egg weighs 50 g."""

    food = models.ForeignKey(Food, on_delete=models.CASCADE, related_name="servings")
    name = models.CharField(max_length=160)
    grams = models.FloatField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["food", "position"]

    def __str__(self) -> str:
        return f"{self.name} ({self.grams:g} g)"


class ShippedDataset(models.Model):
    """Which version of a data file shipped with the app is loaded, by its SHA-256."""

    name = models.CharField(max_length=64, unique=True)
    sha256 = models.CharField(max_length=64)
    loaded = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.sha256[:12]})"


class FoodWord(models.Model):
    """A word of the public foods' names, with how many foods use it: the vocabulary that
    misspelled search words are corrected against. Private foods stay out of it."""

    word = models.CharField(max_length=64, unique=True)
    food_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.word


class ImportRun(models.Model):
    """A food import (or a load of the shipped foods) under way. Its batches are committed one by
    one, each with what undoes it, so that web requests never wait behind one long transaction;
    the run's row is deleted in the transaction that finishes it. A run whose process is gone
    (`foods.importers.journal`) is undone, batch by batch, at the next start."""

    what = models.CharField(max_length=255)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.what} (process {self.pid} on {self.host})"


class ImportBatch(models.Model):
    """What one committed batch of an import changed, to undo it: the foods it created, and the
    foods it replaced with their servings, as they were before."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="batches")
    created_food_ids = models.JSONField(default=list)
    replaced_foods = models.JSONField(default=list, encoder=DjangoJSONEncoder)
    replaced_servings = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"batch {self.pk} of {self.run_id}"
