"""The food diary: entries, copies, a day's summary and nutrients, favourite and recent foods.

Entries are the caller's only: another person's entry answers 404, as a missing one does.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.errors import ValidationError as InvalidRequest
from pydantic import Field

from openplate.core.api_support import (
    BODY,
    Day,
    PathId,
    QuerySchema,
    caller,
    errors_at,
    field_errors,
)
from openplate.core.renderers import RowsResponse
from openplate.diary import marks, saved_meals, services
from openplate.diary.models import DayMark, Entry, SavedMeal
from openplate.diary.once import log_once
from openplate.diary.schemas import (
    DATE,
    AgainIn,
    BatchIn,
    CopyIn,
    DayMarkIn,
    DayMarkOut,
    DayNutrientsOut,
    DaySummaryOut,
    EntryChanges,
    EntryDetail,
    EntryIn,
    EntryOut,
    QuickAddIn,
    RecentFoodOut,
    SavedMealChanges,
    SavedMealIn,
    SavedMealLogIn,
    SavedMealOut,
)
from openplate.foods.models import Food
from openplate.foods.schemas import MAX_SEARCH_RESULTS, NutrientAmount

QUICK_ADD_FIELDS = frozenset({"energy_kcal", "protein_g", "carbohydrate_g", "fat_g", "name"})
FOOD_ENTRY_FIELDS = frozenset({"serving", "quantity"})

router = Router(tags=["diary"])


class DayQuery(QuerySchema):
    date: Day = Field(description=DATE)


class RecentQuery(QuerySchema):
    limit: int = Field(default=10, ge=1, le=MAX_SEARCH_RESULTS)


ENTRY_ROWS = RowsResponse(EntryOut)


@router.get("/entries", response=list[EntryOut])
def list_entries(request: HttpRequest, query: Query[DayQuery]) -> HttpResponse:
    """The caller's entries on one day, in the order they were logged."""
    _check_day(query.date, ("query",), "date")
    return ENTRY_ROWS(services.entry_rows_on(caller(request), query.date))


@router.post("/entries", response={201: EntryDetail, 200: EntryDetail})
def log_food(request: HttpRequest, payload: EntryIn) -> Status[Entry]:
    """Log `quantity` × `serving` of a food to a meal; once per `client_key` (200 with the entry
    it logged when the key was sent before)."""
    user = caller(request)

    def log() -> Entry:
        return services.log_food(
            user,
            day=payload.date,
            meal=payload.meal,
            food=services.visible_food(user, payload.food_id),
            serving=payload.serving,
            quantity=payload.quantity,
        )

    return _log_once(user, payload.client_key, log)


@router.post("/entries/batch", response={201: list[EntryOut]})
def log_foods(request: HttpRequest, payload: BatchIn) -> Status[list[Entry]]:
    """Log several foods at once (the items `POST /api/parse` read, once checked): every one,
    or none and 422 naming each refused item's field (`["body", "payload", "items", 2,
    "quantity"]`)."""
    user = caller(request)
    foods = services.visible_foods(user, [item.food_id for item in payload.items])
    missing = {
        f"items.{index}.food_id": ["No such food."]
        for index, item in enumerate(payload.items)
        if item.food_id not in foods
    }
    if missing:
        raise InvalidRequest(field_errors(ValidationError(missing)))
    with errors_at():
        entries = services.log_foods(
            user,
            day=payload.date,
            meal=payload.meal,
            foods=[
                services.FoodToLog(foods[item.food_id], item.serving, item.quantity, item.meal)
                for item in payload.items
            ],
        )
    return Status(201, entries)


@router.post("/entries/again", response={201: EntryDetail, 200: EntryDetail})
def log_again(request: HttpRequest, payload: AgainIn) -> Status[Entry]:
    """Log a food again at the amount the caller last logged it (its default serving if they
    never did); once per `client_key`, as `POST /api/entries`."""
    user = caller(request)

    def log() -> Entry:
        food = services.visible_food(user, payload.food_id)
        return services.log_again(user, day=payload.date, meal=payload.meal, food=food)

    return _log_once(user, payload.client_key, log)


@router.post("/entries/quick-add", response={201: EntryDetail, 200: EntryDetail})
def quick_add(request: HttpRequest, payload: QuickAddIn) -> Status[Entry]:
    """Log calories, and the macros if known, without a food; once per `client_key`, as
    `POST /api/entries`."""
    user = caller(request)

    def log() -> Entry:
        return services.quick_add(
            user,
            day=payload.date,
            meal=payload.meal,
            energy_kcal=payload.energy_kcal,
            protein_g=payload.protein_g,
            carbohydrate_g=payload.carbohydrate_g,
            fat_g=payload.fat_g,
            name=payload.name,
        )

    return _log_once(user, payload.client_key, log)


@router.post("/entries/copy", response={201: list[EntryOut]})
def copy_entries(request: HttpRequest, payload: CopyIn) -> Status[list[Entry]]:
    """Copy a day's entries, or one meal's, to another day; answers the copies."""
    _check_day(payload.from_date, BODY, "from_date")
    with errors_at(BODY, {"date": ("to_date",)}):
        copies = services.copy_entries(
            caller(request),
            from_day=payload.from_date,
            to_day=payload.to_date,
            meal=payload.meal,
            to_meal=payload.to_meal,
        )
    return Status(201, copies)


@router.get("/entries/{int:entry_id}", response=EntryDetail)
def get_entry(request: HttpRequest, entry_id: PathId) -> Entry:
    """One entry with every nutrient for the amount eaten."""
    return _own_entry(request, entry_id)


@router.patch("/entries/{int:entry_id}", response=EntryDetail)
def update_entry(request: HttpRequest, entry_id: PathId, payload: EntryChanges) -> Entry:
    """Change an entry's day or meal, a food entry's serving or quantity, or a quick add's
    calories, macros or name. A food entry keeps the nutrients it was logged with."""
    entry = _own_entry(request, entry_id)
    changes = payload.model_dump(exclude_unset=True)
    _refuse_other_kind(entry, changes)
    if "date" in changes:
        changes["day"] = changes.pop("date")
    return services.update_entry(entry, **changes)


@router.delete("/entries/{int:entry_id}", response={204: None})
def delete_entry(request: HttpRequest, entry_id: PathId) -> Status[None]:
    _own_entry(request, entry_id).delete()
    return Status(204, None)


@router.get("/days/{day}", response=DaySummaryOut)
def get_day(request: HttpRequest, day: Day) -> services.DaySummary:
    """Budget - Food + Exercise = Remaining, calories per meal, and the macros against their
    targets."""
    _check_day(day, ("path",), "day")
    return services.day_summary(caller(request), day)


@router.get("/days/{day}/nutrients", response=DayNutrientsOut)
def get_day_nutrients(request: HttpRequest, day: Day) -> DayNutrientsOut:
    """The total of every nutrient eaten on a day, in the order a nutrition label lists them."""
    _check_day(day, ("path",), "day")
    totals = services.day_nutrients(caller(request), day)
    return DayNutrientsOut(
        date=day,
        nutrients=[
            NutrientAmount(key=n.key, name=n.label, amount=amount, unit=n.unit)
            for n, amount in totals
        ],
    )


@router.put("/days/{day}/mark", response=DayMarkOut)
def mark_day(request: HttpRequest, day: Day, payload: DayMarkIn) -> DayMark:
    """Mark a day complete, excluded or fasted, for the expenditure estimate; a mark already on
    the day is replaced."""
    _check_day(day, ("path",), "day")
    with errors_at():
        return marks.mark_day(caller(request), day=day, status=payload.status)


@router.delete("/days/{day}/mark", response={204: None})
def clear_day_mark(request: HttpRequest, day: Day) -> Status[None]:
    """Take the mark off a day, leaving it to the estimate's judgement (a day without one is
    fine)."""
    marks.clear_mark(caller(request), day=day)
    return Status(204, None)


@router.get("/favourites", response=list[RecentFoodOut])
def list_favourites(request: HttpRequest) -> list[Food]:
    """The caller's favourite foods, the newest first, each with the amount logging it again
    logs (`POST /api/entries/again`)."""
    user = caller(request)
    return _with_again(user, services.favourite_foods(user))


@router.put("/favourites/{int:food_id}", response={204: None})
def add_favourite(request: HttpRequest, food_id: PathId) -> Status[None]:
    """Mark a food as a favourite (again is fine)."""
    user = caller(request)
    services.set_favourite(user, _visible_food(user, food_id), True)
    return Status(204, None)


@router.delete("/favourites/{int:food_id}", response={204: None})
def remove_favourite(request: HttpRequest, food_id: PathId) -> Status[None]:
    """Unmark a favourite (one that is not is fine)."""
    user = caller(request)
    services.set_favourite(user, _visible_food(user, food_id), False)
    return Status(204, None)


@router.get("/recent-foods", response=list[RecentFoodOut])
def list_recent_foods(request: HttpRequest, query: Query[RecentQuery]) -> list[Food]:
    """The foods the caller logged last, the most recent first, each once, with the amount
    last logged (which `POST /api/entries/again` logs)."""
    user = caller(request)
    return _with_again(user, services.recent_foods(user, query.limit))


@router.get("/saved-meals", response=list[SavedMealOut])
def list_saved_meals(request: HttpRequest) -> list[SavedMeal]:
    """The caller's saved meals by name, with their items."""
    return list(saved_meals.saved_meals(caller(request)).prefetch_related("items"))


@router.post("/saved-meals", response={201: SavedMealOut})
def save_meal(request: HttpRequest, payload: SavedMealIn) -> Status[SavedMeal]:
    """Save what the caller logged in a meal of a day ("My usual breakfast")."""
    with errors_at():
        saved = saved_meals.save_meal(
            caller(request), name=payload.name, day=payload.date, meal=payload.meal
        )
    return Status(201, saved)


@router.get("/saved-meals/{int:saved_meal_id}", response=SavedMealOut)
def get_saved_meal(request: HttpRequest, saved_meal_id: PathId) -> SavedMeal:
    return _own_saved_meal(request, saved_meal_id)


@router.patch("/saved-meals/{int:saved_meal_id}", response=SavedMealOut)
def rename_saved_meal(
    request: HttpRequest, saved_meal_id: PathId, payload: SavedMealChanges
) -> SavedMeal:
    with errors_at():
        return saved_meals.rename_meal(_own_saved_meal(request, saved_meal_id), payload.name)


@router.delete("/saved-meals/{int:saved_meal_id}", response={204: None})
def delete_saved_meal(request: HttpRequest, saved_meal_id: PathId) -> Status[None]:
    _own_saved_meal(request, saved_meal_id).delete()
    return Status(204, None)


@router.post("/saved-meals/{int:saved_meal_id}/log", response={201: list[EntryOut]})
def log_saved_meal(
    request: HttpRequest, saved_meal_id: PathId, payload: SavedMealLogIn
) -> Status[list[Entry]]:
    """Log every item of a saved meal to a day, in the meal it was saved from unless told."""
    saved = _own_saved_meal(request, saved_meal_id)
    with errors_at():
        entries = saved_meals.log_saved_meal(
            caller(request), saved, day=payload.date, meal=payload.meal
        )
    return Status(201, entries)


def _log_once(user: User, client_key: uuid.UUID | None, log: Callable[[], Entry]) -> Status[Entry]:
    """201 and the entry `log` makes; 200 and the entry already logged with `client_key`."""
    entry, created = log_once(user, client_key, log)
    return Status(201 if created else 200, entry)


def _own_saved_meal(request: HttpRequest, saved_meal_id: int) -> SavedMeal:
    try:
        return saved_meals.own_saved_meal(caller(request), saved_meal_id)
    except ValidationError:
        raise Http404("No such saved meal.") from None


def _with_again(user: User, foods: list[Food]) -> list[Food]:
    """The foods, each with `again`: the amount logging it again logs (`RecentFoodOut`)."""
    amounts_by_food = services.again_amounts(user, foods)
    for food in foods:
        food.again = amounts_by_food[food.pk]  # type: ignore[attr-defined]
    return foods


def _own_entry(request: HttpRequest, entry_id: int) -> Entry:
    return get_object_or_404(Entry, pk=entry_id, user=caller(request))


def _visible_food(user: User, food_id: int) -> Food:
    return get_object_or_404(Food.objects.visible_to(user), pk=food_id)


def _check_day(day: dt.date, location: tuple[str, ...], field: str) -> None:
    with errors_at(location, {"date": (field,)}):
        services.check_day(day)


def _refuse_other_kind(entry: Entry, changes: dict[str, Any]) -> None:
    """A food entry's calories follow its food and amount; a quick add has no food to weigh."""
    if entry.is_quick_add:
        wrong, message = FOOD_ENTRY_FIELDS, "A quick add has no serving; change its calories."
    else:
        wrong, message = QUICK_ADD_FIELDS, "Only a quick add's; change the serving or quantity."
    errors = {field: [message] for field in sorted(wrong & changes.keys())}
    if errors:
        raise ValidationError(errors)
