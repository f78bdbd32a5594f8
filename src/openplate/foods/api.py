"""Food search, one food with every nutrient, and the caller's own foods.

A person sees the public foods and their own; another person's food answers 404. Search puts
the foods a person logged lately ahead of others; what they logged is the diary's to know, a
floor above, so the API's door passes it in (`food_router(recent_food_ids=...)`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status

from openplate.core.api_support import BODY, PathId, caller, errors_at
from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food
from openplate.foods.nutrients import BY_KEY
from openplate.foods.parse import ParseError, parse_foods
from openplate.foods.schemas import (
    CustomFoodIn,
    FoodDetail,
    FoodSearch,
    FoodSummary,
    ParseIn,
    ParseOut,
)
from openplate.foods.search import search_foods as search

# A custom food's service names a nutrient's error by its key; the request has it in `nutrients`.
IN_NUTRIENTS = {key: ("nutrients", key) for key in BY_KEY}

RecentFoodIds = Callable[[User], Collection[int] | Mapping[int, float]]


def food_router(*, recent_food_ids: RecentFoodIds) -> Router:
    """The food endpoints; search ranks the foods `recent_food_ids(person)` names higher."""
    router = Router(tags=["foods"])

    @router.get("/foods", response=list[FoodSummary])
    def search_foods(request: HttpRequest, query: Query[FoodSearch]) -> list[Food]:
        """Foods matching `q`, best first: the plain food, then the caller's own and recently
        logged foods ahead of others."""
        user = caller(request)
        recent = recent_food_ids(user)
        return search(query.q, user_id=user.pk, limit=query.limit, recent_food_ids=recent)

    @router.post("/foods", response={201: FoodDetail})
    def create_food(request: HttpRequest, payload: CustomFoodIn) -> Status[Food]:
        """Save a food of the caller's own from its label; only they will see it."""
        with errors_at(BODY, IN_NUTRIENTS):
            food = create_custom_food(
                caller(request),
                payload.name,
                nutrients=payload.nutrients,
                per_grams=payload.per_grams,
                serving_name=payload.serving_name,
                brand=payload.brand,
            )
        return Status(201, food)

    @router.get("/foods/mine", response=list[FoodSummary])
    def list_my_foods(request: HttpRequest) -> QuerySet[Food]:
        """The caller's own foods, by name."""
        mine = Food.objects.filter(owner=caller(request)).defer("nutrients")
        return mine.prefetch_related("servings").order_by("name", "id")

    @router.get("/foods/{int:food_id}", response=FoodDetail)
    def get_food(request: HttpRequest, food_id: PathId) -> Food:
        """One food with its servings and every nutrient per 100 g."""
        foods = Food.objects.visible_to(caller(request)).prefetch_related("servings")
        return get_object_or_404(foods, pk=food_id)

    @router.post("/parse", response=ParseOut)
    def parse_text(request: HttpRequest, payload: ParseIn) -> dict[str, Any]:
        """The foods, amounts and calories in plain words, in the order written, without logging
        them; words that name no food come back in `unparsed`. Log the confirmed items with
        POST /api/entries (or all at once with POST /api/entries/batch)."""
        user = caller(request)
        history = recent_food_ids(user)
        with errors_at(BODY):
            try:
                result = parse_foods(payload.text, user_id=user.pk, recent_food_ids=history)
            except ParseError as error:
                raise ValidationError({"text": [str(error)]}) from None
        return result.as_json()

    return router
