"""The diary pages: a day with its meals and summary, adding, editing and copying food.

Every form works as a plain POST that redirects back to the day; htmx only makes the food search
answer as the person types.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from openplate.accounts.exercise_share import exercise_share_of
from openplate.accounts.goals import goal_on
from openplate.accounts.numbers_light import numbers_light_of
from openplate.body.services import last_weigh_in_date, water_card
from openplate.core import undo
from openplate.core.forms import add_service_errors
from openplate.core.pages import signed_in
from openplate.diary import dashboard, marks, saved_meals, services
from openplate.diary.forms import (
    CopyForm,
    CustomFoodForm,
    EntryForm,
    QuickAddForm,
    SaveMealForm,
)
from openplate.diary.meals import meal_now
from openplate.diary.models import DayMark, Entry, Meal, SavedMeal
from openplate.exercise.models import ExerciseEntry
from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food
from openplate.foods.servings import (
    ServingChoice,
    amount_text,
    default_amount,
    serving_choices,
)
from openplate.guides.triggers import offered_after, soreness_days

INVALID = 422  # a form sent back with its errors
SEARCH_RESULTS = 20


def _meal(request: HttpRequest) -> str:
    meal = request.GET.get("meal") or request.POST.get("meal") or ""
    return meal if meal in Meal.values else Meal.BREAKFAST


def _day_url(day: date) -> str:
    return reverse("diary:day", args=[day])


@login_required
@require_safe
def today(request: HttpRequest) -> HttpResponse:
    """Today's page; `?day=YYYY-MM-DD` (the date picker without JavaScript) goes to that day."""
    if picked := request.GET.get("day"):
        try:
            return redirect(_day_url(date.fromisoformat(picked)))
        except ValueError:
            messages.error(request, f"{picked!r} is not a date.")
    return _day(request, timezone.localdate())


@login_required
@require_safe
def day_page(request: HttpRequest, day: date) -> HttpResponse:
    return _day(request, day)


def _day(
    request: HttpRequest,
    day: date,
    *,
    quick_add_form: QuickAddForm | None = None,
    save_meal_form: SaveMealForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = signed_in(request)
    entries = list(services.entries_on(user, day))
    yesterday = day - timedelta(days=1)
    yesterdays = services.meal_totals(user, yesterday)
    again = services.recent_by_meal(user)
    saved = list(saved_meals.saved_meals(user))
    # The exercise of the day and of the day before, for the guides; the day's own is listed.
    recent_exercise = list(
        ExerciseEntry.objects.filter(user=user, date__range=soreness_days(day)).select_related(
            "activity"
        )
    )
    workouts = [workout for workout in recent_exercise if workout.date == day]
    summary = services.summarize(
        day,
        entries,
        goal_on(user, day),
        exercise_kcal=sum(w.energy_kcal for w in workouts),
        exercise_share=exercise_share_of(user),
    )
    meals = [
        {
            "key": key,
            "label": label,
            "kcal": summary.meals[key],
            "entries": [entry for entry in entries if entry.meal == key],
            "again": again[key],
            "saved": [meal for meal in saved if meal.meal == key],
            "yesterday": yesterdays.get(key),
            # A form object only for a refused save: rendering widgets costs the page ~1 ms each.
            "save_form": (
                save_meal_form
                if save_meal_form is not None and save_meal_form.data.get("meal") == key
                else None
            ),
            "save_name": f"My usual {label.lower()}",
        }
        for key, label in Meal.choices
    ]
    today = timezone.localdate()
    water = water_card(user, day)
    meal_key = meal_now()
    now = (meal_key, Meal(meal_key).label)
    context = {
        "day": day,
        "today": today,
        "previous_day": yesterday,
        "next_day": day + timedelta(days=1),
        "summary": summary,
        "meals": meals,
        "workouts": workouts,
        "water": water,
        "ring": dashboard.budget_ring(summary),
        "meal_now": now,
        "next_step": dashboard.next_step(
            summary,
            today=today,
            meal_now=now,
            logged_meals={entry.meal for entry in entries},
            water=water,
            last_weigh_in=last_weigh_in_date(user) if day == today else None,
        ),
        "guides": offered_after(recent_exercise),
        "quick_add_form": quick_add_form or QuickAddForm(initial={"meal": Meal.SNACKS}),
        "copy_form": CopyForm(initial={"from_date": day - timedelta(days=1)}),
        "day_mark": marks.mark_on(user, day),
    }
    return render(request, "diary/day.html", context, status=status)


MARKED = {
    DayMark.Status.COMPLETE: "counts as logged in full",
    DayMark.Status.EXCLUDED: "is left out of your expenditure estimate",
    DayMark.Status.FASTED: "counts as a fast: nothing eaten",
}


@login_required
@require_POST
def mark_day(request: HttpRequest, day: date) -> HttpResponse:
    """Mark the day complete, left out or fasted (`status`), or clear its mark (`status` empty)."""
    user = signed_in(request)
    status = request.POST.get("status", "")
    name = f"{day:%A %b %-d}"
    if not status:
        marks.clear_mark(user, day=day)
        messages.success(request, f"{name} has no mark now: the estimate judges it from its log.")
    else:
        try:
            mark = marks.mark_day(user, day=day, status=status)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{name} {MARKED[DayMark.Status(mark.status)]}.")
    return redirect(_back(request, _day_url(day)))


@login_required
@require_safe
def add_food(request: HttpRequest, day: date) -> HttpResponse:
    """Search, recent and favourite foods, each one click from the serving picker."""
    user = signed_in(request)
    query = request.GET.get("q", "").strip()
    context = {
        "day": day,
        "meal": _meal(request),
        "meal_label": Meal(_meal(request)).label,
        "query": query,
        "results": services.search_for(user, query, limit=SEARCH_RESULTS) if query else [],
        "recent": _offers(user, services.recent_foods(user)),
        "favourites": _offers(user, services.favourite_foods(user)),
    }
    return render(request, "diary/add.html", context)


@dataclass(frozen=True)
class Offer:
    """A food offered to log again in one tap, at this amount."""

    food: Food
    amount: services.Amount

    @property
    def kcal(self) -> float:
        return self.food.energy_kcal * self.amount.grams / 100


def _offers(user: User, foods: list[Food]) -> list[Offer]:
    amounts_by_food = services.again_amounts(user, foods)
    return [Offer(food, amounts_by_food[food.pk]) for food in foods]


@login_required
@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """The search results alone, for htmx to swap in as the person types."""
    query = request.GET.get("q", "").strip()
    try:
        day = date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        day = timezone.localdate()
    results = services.search_for(signed_in(request), query, limit=SEARCH_RESULTS) if query else []
    context = {"day": day, "meal": _meal(request), "query": query, "results": results}
    return render(request, "diary/_results.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def log_food(request: HttpRequest, day: date, food_id: int) -> HttpResponse:
    """The serving picker: which serving, how many, which meal."""
    user = signed_in(request)
    food = _visible_food(user, food_id)
    choices = serving_choices(food)
    serving, quantity = default_amount(food)
    form = EntryForm(
        request.POST or None,
        servings=choices if numbers_light_of(user) else _with_kcal(food, choices),
        initial={"meal": _meal(request), "serving": serving.name, "quantity": quantity},
    )
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.log_food(user, day=day, food=food, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Added {entry.name} to {Meal(entry.meal).label}.")
            return redirect(_day_url(day))
    per_100g = {
        "kcal": food.energy_kcal,
        "protein": food.protein_g,
        "carbohydrate": food.carbohydrate_g,
        "fat": food.fat_g,
    }
    context = {
        "day": day,
        "food": food,
        "form": form,
        "is_favourite": food in services.favourite_foods(user),
        **_serving_total(form, per_100g, choices),
    }
    return render(request, "diary/log.html", context, status=INVALID if form.errors else 200)


@login_required
@require_POST
def log_again(request: HttpRequest, day: date) -> HttpResponse:
    """One tap: a recent or favourite food, logged again at the amount last logged."""
    user = signed_in(request)
    food = _visible_food(user, _food_id(request.POST.get("food_id")))
    try:
        entry = services.log_again(user, day=day, meal=_meal(request), food=food)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        logged = amount_text(entry.quantity, entry.serving, entry.grams)
        if not numbers_light_of(user):
            logged += f", {entry.energy_kcal:,.0f} kcal"
        messages.success(request, f"Added {entry.name} ({logged}) to {Meal(entry.meal).label}.")
    return redirect(_back(request, _day_url(day)))


@login_required
@require_POST
def save_meal(request: HttpRequest, day: date) -> HttpResponse:
    """Save a meal of the day under a name, to log again in one tap."""
    form = SaveMealForm(request.POST)
    if form.is_valid():
        try:
            saved = saved_meals.save_meal(signed_in(request), day=day, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"Saved {saved.name}; it is one tap from {saved.get_meal_display()}."
            )
            return redirect(_day_url(day))
    return _day(request, day, save_meal_form=form, status=INVALID)


@login_required
@require_POST
def log_saved_meal(request: HttpRequest, day: date, saved_meal_id: int) -> HttpResponse:
    user = signed_in(request)
    saved = _own_saved_meal(user, saved_meal_id)
    meal = request.POST.get("meal") or None
    try:
        entries = saved_meals.log_saved_meal(user, saved, day=day, meal=meal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        kcal = sum(entry.energy_kcal for entry in entries)
        where = Meal(meal or saved.meal).label
        figure = "" if numbers_light_of(user) else f" ({kcal:,.0f} kcal)"
        messages.success(request, f"Added {saved.name}{figure} to {where}.")
    return redirect(_back(request, _day_url(day)))


@login_required
@require_safe
def saved_meal_list(request: HttpRequest) -> HttpResponse:
    """The person's saved meals, to look at, rename or delete."""
    context = {
        "saved_meals": saved_meals.saved_meals(signed_in(request)).prefetch_related("items"),
        "today": timezone.localdate(),
    }
    return render(request, "diary/saved_meals.html", context)


@login_required
@require_POST
def rename_saved_meal(request: HttpRequest, saved_meal_id: int) -> HttpResponse:
    user = signed_in(request)
    saved = _own_saved_meal(user, saved_meal_id)
    old_name = saved.name
    try:
        saved_meals.rename_meal(saved, request.POST.get("name", ""))
    except ValidationError as error:
        messages.error(request, f"{old_name} keeps its name: {' '.join(error.messages)}")
    else:
        messages.success(request, f"Renamed {old_name} to {saved.name}.")
    return redirect("diary:saved_meals")


@login_required
@require_POST
def delete_saved_meal(request: HttpRequest, saved_meal_id: int) -> HttpResponse:
    saved = _own_saved_meal(signed_in(request), saved_meal_id)
    saved.delete()
    messages.success(request, f"Deleted {saved.name}; what you logged with it stays.")
    return redirect("diary:saved_meals")


@login_required
@require_POST
def quick_add(request: HttpRequest, day: date) -> HttpResponse:
    form = QuickAddForm(request.POST)
    if form.is_valid():
        values = {key: value for key, value in form.cleaned_data.items() if value not in (None, "")}
        try:
            entry = services.quick_add(signed_in(request), day=day, **values)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"Added {entry.energy_kcal:,.0f} kcal to {Meal(entry.meal).label}."
            )
            return redirect(_day_url(day))
    return _day(request, day, quick_add_form=form, status=INVALID)


@login_required
@require_POST
def copy(request: HttpRequest, day: date) -> HttpResponse:
    form = CopyForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose the date to copy from.")
        return redirect(_day_url(day))
    meal = form.cleaned_data["meal"] or None
    try:
        copies = services.copy_entries(
            signed_in(request), from_day=form.cleaned_data["from_date"], to_day=day, meal=meal
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_day_url(day))
    what = Meal(meal).label if meal else "the day"
    source = form.cleaned_data["from_date"]
    messages.success(request, f"Copied {len(copies)} entries of {what} from {source:%b %-d}.")
    return redirect(_day_url(day))


@login_required
@require_http_methods(["GET", "POST"])
def custom_food(request: HttpRequest, day: date) -> HttpResponse:
    """Make a food from its label, then pick how much of it was eaten."""
    form = CustomFoodForm(request.POST or None, initial={"name": request.GET.get("name", "")})
    meal = _meal(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            food = create_custom_food(
                signed_in(request),
                data["name"],
                nutrients=form.nutrients(),
                per_grams=data["per_grams"],
                serving_name=data["serving_name"],
                brand=data["brand"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Created {food.name}.")
            return redirect(f"{reverse('diary:log', args=[day, food.pk])}?meal={meal}")
    context = {"day": day, "meal": meal, "form": form}
    return render(
        request, "diary/custom_food.html", context, status=INVALID if form.errors else 200
    )


@login_required
@require_safe
def nutrients(request: HttpRequest, day: date) -> HttpResponse:
    """Every nutrient eaten on the day, in label order."""
    context = {"day": day, "nutrients": services.day_nutrients(signed_in(request), day)}
    return render(request, "diary/nutrients.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_entry(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(Entry.objects.select_related("food"), pk=entry_id, user=request.user)
    form: EntryForm | QuickAddForm
    if entry.is_quick_add:
        form = QuickAddForm(request.POST or None, initial=_quick_add_values(entry))
    else:
        form = EntryForm(
            request.POST or None,
            servings=_entry_servings(entry),
            initial={"meal": entry.meal, "serving": entry.serving, "quantity": entry.quantity},
        )
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        if entry.is_quick_add:
            changes["name"] = changes.get("name") or entry.name
        try:
            services.update_entry(entry, **changes)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Updated {entry.name}.")
            return redirect(_day_url(entry.date))
    context: dict[str, Any] = {"entry": entry, "form": form, "day": entry.date}
    if isinstance(form, EntryForm) and entry.grams:
        scale = 100 / entry.grams
        per_100g = {
            "kcal": entry.energy_kcal * scale,
            "protein": None if entry.protein_g is None else entry.protein_g * scale,
            "carbohydrate": None if entry.carbohydrate_g is None else entry.carbohydrate_g * scale,
            "fat": None if entry.fat_g is None else entry.fat_g * scale,
        }
        context |= _serving_total(form, per_100g, _entry_servings(entry))
    return render(request, "diary/edit.html", context, status=INVALID if form.errors else 200)


@login_required
@require_POST
def delete_entry(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(Entry, pk=entry_id, user=request.user)
    undo.delete_with_undo(request, entry, entry.name)
    return redirect(_day_url(entry.date))


@login_required
@require_POST
def undo_delete(request: HttpRequest) -> HttpResponse:
    """Put back the food or exercise entry deleted last, and show it on its day."""
    restored = undo.restore_deleted(request)
    if restored is None:
        messages.error(request, "There is nothing to undo.")
        return redirect("diary:today")
    day: date = restored.date  # type: ignore[attr-defined]
    messages.success(request, f"Put back {restored.name}.")  # type: ignore[attr-defined]
    anchor = "#exercise" if isinstance(restored, ExerciseEntry) else f"#entry-{restored.pk}"
    return redirect(_day_url(day) + anchor)


@login_required
@require_POST
def favourite(request: HttpRequest, food_id: int) -> HttpResponse:
    user = signed_in(request)
    food = _visible_food(user, food_id)
    services.set_favourite(user, food, request.POST.get("favourite") == "1")
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/") and not back.startswith("//") else "diary:today")


def _food_id(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        raise Http404("No such food.") from None


def _own_saved_meal(user: User, saved_meal_id: int) -> SavedMeal:
    try:
        return saved_meals.own_saved_meal(user, saved_meal_id)
    except ValidationError:
        raise Http404("No such saved meal.") from None


def _back(request: HttpRequest, default: str) -> str:
    """Where a one-tap form goes back to: its `next` if it is a page of this site."""
    back = request.POST.get("next", "")
    return back if back.startswith("/") and not back.startswith("//") else default


def _visible_food(user: User, food_id: int) -> Food:
    try:
        return services.visible_food(user, food_id)
    except ValidationError:
        raise Http404("No such food.") from None


def _with_kcal(food: Food, choices: list[ServingChoice]) -> list[ServingChoice]:
    """The servings labelled with their calories, so picking one shows what it costs."""
    return [
        ServingChoice(
            choice.name,
            f"{choice.label} · {food.energy_kcal * choice.grams / 100:,.0f} kcal",
            choice.grams,
        )
        for choice in choices
    ]


def _serving_total(
    form: EntryForm, per_100g: dict[str, float | None], choices: list[ServingChoice]
) -> dict[str, Any]:
    """What the form's amount gives, shown before saving (and kept current by serving.js)."""
    grams_by_serving = {choice.name: choice.grams for choice in choices}
    serving = form["serving"].value()
    try:
        quantity = float(form["quantity"].value())
    except (TypeError, ValueError):
        quantity = 0.0
    grams = max(quantity, 0.0) * grams_by_serving.get(str(serving), 0.0)
    parts = [f"{_half_up((per_100g['kcal'] or 0) * grams / 100):,} kcal"]
    parts += [
        f"{_rounded(value * grams / 100):,g} g {name}"
        for name, value in per_100g.items()
        if name != "kcal" and value is not None
    ]
    facts = {"per_100g": per_100g, "servings": grams_by_serving}
    return {
        "serving_facts": facts,
        "serving_total": " · ".join(parts),
        "serving_grams": _rounded(grams),
    }


def _rounded(grams: float) -> float:
    """Grams as the serving form shows them: whole from 10 g, else to a tenth (as serving.js)."""
    return float(_half_up(grams)) if grams >= 10 else _half_up(grams * 10) / 10


def _half_up(value: float) -> int:
    """Rounded as serving.js's Math.round does, so the total does not move when it takes over."""
    return math.floor(value + 0.5)


def _entry_servings(entry: Entry) -> list[ServingChoice]:
    if entry.food is not None:
        return serving_choices(entry.food)
    assert entry.serving_grams is not None
    return [ServingChoice(entry.serving, entry.serving, entry.serving_grams)]


def _quick_add_values(entry: Entry) -> dict[str, Any]:
    fields = ("meal", "energy_kcal", "name", "protein_g", "carbohydrate_g", "fat_g")
    return {field: getattr(entry, field) for field in fields}
