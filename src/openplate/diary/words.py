"""Logging in plain words: "2 eggs, a slice of toast with butter and a coffee" read into foods
and amounts, shown for the person to check and fix, then logged all at once with one press.

GET reads the words (`?text=...&meal=...`) and shows one row per food: the food (any of the
candidates the words may mean), the quantity and the serving, with its calories. POST either
updates the rows (a different food is weighed again from the words; without JavaScript the
"Update" button does it, with htmx a change of food does) or logs every row that is ticked, all
or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from openplate.accounts.numbers_light import numbers_light_of
from openplate.core.pages import signed_in
from openplate.diary import services
from openplate.diary.meals import meal_now
from openplate.diary.models import Meal
from openplate.foods.models import Food
from openplate.foods.parse import ParseError, amount_for, parse_foods
from openplate.foods.servings import ServingChoice, serving_choices
from openplate.science.parsing import read_item

INVALID = 422
ITEM_FIELD = re.compile(r"^items\.(?P<index>\d+)\.")  # log_foods' key for a refused food


@dataclass
class Row:
    """One food to log, as the review form shows it."""

    text: str
    food: Food
    candidates: list[Food]
    quantity: float
    serving: str
    note: str = ""
    include: bool = True
    errors: list[str] = field(default_factory=list)

    @property
    def choices(self) -> list[ServingChoice]:
        return serving_choices(self.food)

    @property
    def grams(self) -> float:
        by_name = {choice.name: choice.grams for choice in self.choices}
        return self.quantity * by_name.get(self.serving, 0.0)

    @property
    def kcal(self) -> float:
        return self.food.energy_kcal * self.grams / 100


@login_required
@require_http_methods(["GET", "POST"])
def log_words(request: HttpRequest, day: date) -> HttpResponse:
    user = signed_in(request)
    meal = _meal(request)
    if request.method == "GET":
        text = request.GET.get("text", "").strip()
        if not text:
            messages.error(request, "Say what you ate, as in “2 eggs and a slice of toast”.")
            return redirect(_day_url(day))
        try:
            result = parse_foods(text, user_id=user.pk, recent_food_ids=services.food_history(user))
        except ParseError as error:
            messages.error(request, str(error))
            return redirect(_day_url(day))
        rows = [
            Row(
                text=item.text,
                food=item.food,
                candidates=list(item.candidates),
                quantity=item.quantity,
                serving=item.serving.name,
                note=item.note,
            )
            for item in result.items
        ]
        return _review(request, day, meal, text, rows, list(result.unparsed))
    rows = _posted_rows(request, user)
    text = request.POST.get("text", "")
    unparsed = request.POST.getlist("unparsed")
    if request.POST.get("action") != "log":
        return _review(request, day, meal, text, rows, unparsed)
    chosen = [row for row in rows if row.include]
    if not chosen:
        messages.error(request, "Tick at least one food to log.")
        return _review(request, day, meal, text, rows, unparsed, status=INVALID)
    if not _log_all(user, day, meal, chosen):
        return _review(request, day, meal, text, rows, unparsed, status=INVALID)
    kcal = sum(row.kcal for row in chosen)
    foods = "1 food" if len(chosen) == 1 else f"{len(chosen)} foods"
    figure = "" if numbers_light_of(user) else f" ({kcal:,.0f} kcal)"
    messages.success(request, f"Added {foods}{figure} to {Meal(meal).label}.")
    return redirect(_day_url(day))


def _log_all(user: User, day: date, meal: str, rows: list[Row]) -> bool:
    """Log every row or none; a refused row gets its errors."""
    foods = [services.FoodToLog(row.food, row.serving, row.quantity) for row in rows]
    try:
        services.log_foods(user, day=day, meal=meal, foods=foods)
    except ValidationError as error:
        for field, field_errors in error.message_dict.items():
            place = ITEM_FIELD.match(field)
            rows[int(place["index"]) if place else 0].errors.extend(field_errors)
        return False
    return True


@dataclass(frozen=True)
class _Posted:
    text: str
    food: int | None
    parsed_food: int | None
    candidates: list[int]
    quantity: str
    serving: str
    include: bool


def _posted_rows(request: HttpRequest, user: User) -> list[Row]:
    """The rows as sent back; a row whose food was changed is weighed again from its words."""
    posted = [
        _posted(request, index) for index in range(min(_int(request.POST.get("rows")) or 0, 30))
    ]
    ids = {i for row in posted for i in [row.food or 0, *row.candidates]}
    foods = Food.objects.visible_to(user).prefetch_related("servings").in_bulk(ids)
    rows = []
    for values in posted:
        food = foods.get(values.food or 0)
        if food is None:
            continue
        row = Row(
            text=values.text,
            food=food,
            candidates=[foods[i] for i in values.candidates if i in foods] or [food],
            quantity=_float(values.quantity) or 0.0,
            serving=values.serving,
            include=values.include,
        )
        if values.food != values.parsed_food:
            serving, quantity, note = amount_for(food, read_item(row.text))
            row.serving, row.quantity, row.note = serving.name, quantity, note
        elif row.quantity <= 0:
            row.errors = ["Enter a quantity above 0."]
        rows.append(row)
    return rows


def _posted(request: HttpRequest, index: int) -> _Posted:
    post = request.POST
    candidates = [_int(value) for value in post.get(f"row-{index}-candidates", "").split(",")]
    return _Posted(
        text=post.get(f"row-{index}-text", ""),
        food=_int(post.get(f"row-{index}-food")),
        parsed_food=_int(post.get(f"row-{index}-parsed-food")),
        candidates=[candidate for candidate in candidates if candidate is not None],
        quantity=post.get(f"row-{index}-quantity", ""),
        serving=post.get(f"row-{index}-serving", ""),
        include=post.get(f"row-{index}-include") == "on",
    )


def _review(
    request: HttpRequest,
    day: date,
    meal: str,
    text: str,
    rows: list[Row],
    unparsed: list[str],
    *,
    status: int = 200,
) -> HttpResponse:
    context = {
        "day": day,
        "meal": meal,
        "meals": Meal.choices,
        "text": text,
        "rows": rows,
        "unparsed": unparsed,
        "total_kcal": sum(row.kcal for row in rows if row.include),
    }
    return render(request, "diary/words.html", context, status=status)


def _meal(request: HttpRequest) -> str:
    meal = request.GET.get("meal") or request.POST.get("meal") or ""
    return meal if meal in Meal.values else meal_now()


def _day_url(day: date) -> str:
    return reverse("diary:day", args=[day])


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _float(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None
