"""A food's Nutrition Facts label, for any serving, and every nutrient it has."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from openplate.foods import label as nutrition_label
from openplate.foods.models import Food
from openplate.foods.nutrients import NUTRIENTS

PER_100G = "100 g"


@require_safe
def label(request: HttpRequest, food_id: int) -> HttpResponse:
    """Public foods for everyone; a person's own foods for them alone (404 for anyone else)."""
    visible = Q(owner__isnull=True)
    if request.user.is_authenticated:
        visible |= Q(owner=request.user)
    food = get_object_or_404(Food.objects.filter(visible).prefetch_related("servings"), pk=food_id)
    servings = [(PER_100G, 100.0)] + [(s.name, s.grams) for s in food.servings.all()]
    chosen = request.GET.get("serving", servings[1][0] if len(servings) > 1 else PER_100G)
    serving_name, grams = next(((n, g) for n, g in servings if n == chosen), servings[0])
    context = {
        "food": food,
        "servings": servings,
        "serving_name": serving_name,
        "grams": grams,
        "kcal": food.energy_kcal * grams / 100,
        "lines": nutrition_label.fill(nutrition_label.LABEL_LINES, food.nutrients, grams),
        "vitamins": nutrition_label.fill(
            nutrition_label.VITAMIN_AND_MINERAL_LINES, food.nutrients, grams
        ),
        "all_nutrients": [
            (nutrient, food.nutrients[nutrient.key] * grams / 100)
            for nutrient in NUTRIENTS
            if nutrient.key in food.nutrients
        ],
    }
    return render(request, "foods/label.html", context)
