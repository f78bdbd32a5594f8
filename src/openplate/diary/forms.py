"""Forms of the diary pages. They check types; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from openplate.core.forms import CheckedForm, OwnIdsForm, supported_day
from openplate.diary.models import Meal
from openplate.diary.saved_meals import MAX_NAME_LENGTH
from openplate.foods.servings import ServingChoice


class EntryForm(CheckedForm):
    """How much of a food, in which serving, to which meal."""

    meal = forms.ChoiceField(choices=Meal.choices)
    serving = forms.ChoiceField()
    quantity = forms.FloatField(
        min_value=0.001, initial=1, widget=forms.NumberInput(attrs={"step": "any"})
    )

    def __init__(self, *args: Any, servings: list[ServingChoice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        serving = self.fields["serving"]
        assert isinstance(serving, forms.ChoiceField)
        serving.choices = [(choice.name, choice.label) for choice in servings]


class QuickAddForm(CheckedForm):
    meal = forms.ChoiceField(choices=Meal.choices)
    energy_kcal = forms.FloatField(label="Calories", min_value=0.001)
    name = forms.CharField(label="Description", required=False, max_length=255)
    protein_g = forms.FloatField(label="Protein (g)", required=False, min_value=0)
    carbohydrate_g = forms.FloatField(label="Carbohydrate (g)", required=False, min_value=0)
    fat_g = forms.FloatField(label="Fat (g)", required=False, min_value=0)


class CopyForm(OwnIdsForm):
    """Copy a meal (or, with no meal, the whole day) from another date. Its ids differ from the
    quick add's, which shares the day page and has a meal field too."""

    id_prefix = "copy"

    from_date = forms.DateField(
        label="From", widget=forms.DateInput(attrs={"type": "date"}), validators=[supported_day]
    )
    meal = forms.ChoiceField(choices=[("", "Whole day"), *Meal.choices], required=False)


class SaveMealForm(CheckedForm):
    """Save a meal of the day under a name."""

    meal = forms.ChoiceField(choices=Meal.choices, widget=forms.HiddenInput)
    name = forms.CharField(label="Name", max_length=MAX_NAME_LENGTH)


class CustomFoodForm(CheckedForm):
    """A food from its label: values for one serving of `per_grams` grams."""

    name = forms.CharField(max_length=255)
    brand = forms.CharField(max_length=255, required=False)
    serving_name = forms.CharField(
        label="Serving",
        max_length=160,
        initial="1 serving",
        help_text='Such as "1 bar" or "1 cup".',
    )
    per_grams = forms.FloatField(label="Serving weight (g)", min_value=0.001)
    energy_kcal = forms.FloatField(label="Calories", min_value=0)
    protein_g = forms.FloatField(label="Protein (g)", required=False, min_value=0)
    carbohydrate_g = forms.FloatField(label="Carbohydrate (g)", required=False, min_value=0)
    fat_g = forms.FloatField(label="Fat (g)", required=False, min_value=0)
    fiber_g = forms.FloatField(label="Fiber (g)", required=False, min_value=0)
    sugars_g = forms.FloatField(label="Sugars (g)", required=False, min_value=0)
    sodium_mg = forms.FloatField(label="Sodium (mg)", required=False, min_value=0)

    NUTRIENT_FIELDS = (
        "energy_kcal", "protein_g", "carbohydrate_g", "fat_g", "fiber_g", "sugars_g", "sodium_mg",
    )  # fmt: skip

    def nutrients(self) -> dict[str, float]:
        return {
            key: self.cleaned_data[key]
            for key in self.NUTRIENT_FIELDS
            if self.cleaned_data.get(key) is not None
        }
