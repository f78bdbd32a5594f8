"""Logging food: entries with their amounts, copies, recent and favourite foods, and a day's
summary: Budget - Food + Exercise = Remaining, with the macros against their targets. The
exercise counted is the share of it the person adds to their budget (all, half or none).

The pages and the API both call these functions; each raises ValidationError naming the field
at fault and then changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery, Sum
from django.utils import timezone

from openplate.accounts.exercise_share import counted_exercise_kcal, exercise_share_of
from openplate.accounts.goals import goal_on, macro_shares, macro_targets_g
from openplate.accounts.models import ExerciseShare, Goal
from openplate.core.checks import day_errors, is_amount, is_number, raise_errors
from openplate.core.compiled import CompiledQuery
from openplate.diary.models import Entry, Favourite, Meal
from openplate.exercise.services import burned_kcal_on
from openplate.foods import amounts
from openplate.foods.models import Food
from openplate.foods.nutrients import NUTRIENTS, Nutrient
from openplate.foods.search import search_foods
from openplate.foods.servings import GRAMS, ServingChoice, default_amount, serving_choices
from openplate.science import nutrition
from openplate.science.nutrition import MACROS
from openplate.science.units import G_PER_KG

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_ENTRY_GRAMS = 5000.0  # one food, one entry: a family pack, not a pantry
MAX_QUICK_ADD_KCAL = 10000.0
RECENT_FOODS = 50  # how many recently logged foods search boosts
# How much a person logs a food, for search: each logging counts, and the whole halves for every
# month since the last one; logs older than half a year are forgotten.
HISTORY_DAYS = 180
HISTORY_HALF_LIFE_DAYS = 30
MAX_BATCH = 30  # foods logged in one call: a meal, not a month
# The day page offers, in each meal, the foods last logged in it, read from this many entries.
RECENT_ENTRIES_READ = 100
AGAIN_PER_MEAL = 4


@dataclass(frozen=True)
class Macro:
    name: str
    grams: float
    percent_of_kcal: float  # of the calories eaten
    target_g: float | None
    target_percent: int | None


@dataclass(frozen=True)
class DaySummary:
    day: date
    goal: Goal | None
    budget_kcal: float | None
    food_kcal: float
    exercise_kcal: float  # burned, as logged
    exercise_share: float  # of it added to the budget: 1, 0.5 or 0
    exercise_counted_kcal: float  # exercise_share × exercise_kcal
    remaining_kcal: float | None  # budget - food + counted exercise
    macros: tuple[Macro, ...]
    meals: dict[str, float]  # kcal per meal


def visible_food(user: User, food_id: Any) -> Food:
    """The food `food_id` if `user` may see it: public foods and their own."""
    try:
        if isinstance(food_id, bool) or not isinstance(food_id, int | str):
            raise TypeError
        return Food.objects.visible_to(user).prefetch_related("servings").get(pk=int(food_id))
    except (Food.DoesNotExist, TypeError, ValueError):
        raise ValidationError({"food_id": ["No such food."]}) from None


def visible_foods(user: User, food_ids: Iterable[Any]) -> dict[int, Food]:
    """Those of the foods `food_ids` that `user` may see, by id, with their servings."""
    ids = [i for i in food_ids if isinstance(i, int) and not isinstance(i, bool)]
    return Food.objects.visible_to(user).prefetch_related("servings").in_bulk(ids)


def log_food(
    user: User, *, day: date, meal: str, food: Food, serving: str = GRAMS, quantity: float
) -> Entry:
    """Log `quantity` × `serving` of `food` to `meal` on `day`."""
    errors = day_and_meal_errors(day=day, meal=meal)
    choice = _serving(food, serving, errors)
    grams = _grams(choice, quantity, errors)
    raise_errors(errors)
    assert choice is not None
    assert grams is not None
    return Entry.objects.create(
        user=user,
        date=day,
        meal=meal,
        food=food,
        name=food.name,
        serving=choice.name,
        serving_grams=choice.grams,
        quantity=quantity,
        **_amounts(food.nutrients, grams),
    )


@dataclass(frozen=True)
class FoodToLog:
    """One food of a batch: which food, which serving, how many, and its own meal if not the
    batch's."""

    food: Food
    serving: str
    quantity: float
    meal: str | None = None


def log_foods(user: User, *, day: date, meal: str, foods: Sequence[FoodToLog]) -> list[Entry]:
    """Log every food of `foods` or none. A refused food's errors are keyed by its place:
    `items.2.quantity`."""
    errors = day_and_meal_errors(day=day, meal=meal)
    if not foods:
        errors["items"] = ["Send at least one food."]
    if len(foods) > MAX_BATCH:
        errors["items"] = [f"At most {MAX_BATCH} foods at once."]
    raise_errors(errors)
    entries = []
    with transaction.atomic():
        for index, item in enumerate(foods):
            try:
                entries.append(
                    log_food(
                        user,
                        day=day,
                        meal=item.meal or meal,
                        food=item.food,
                        serving=item.serving,
                        quantity=item.quantity,
                    )
                )
            except ValidationError as error:
                errors |= {
                    f"items.{index}.{key}": value for key, value in error.message_dict.items()
                }
        if errors:
            transaction.set_rollback(True)
    raise_errors(errors)
    return entries


@dataclass(frozen=True)
class Amount:
    """How much of a food a person would log again: its serving, quantity and calories."""

    serving: ServingChoice
    quantity: float

    @property
    def grams(self) -> float:
        return self.serving.grams * self.quantity


def last_amounts(user: User, foods: Iterable[Food]) -> dict[int, Amount]:
    """The amount `user` last logged of each of `foods` (with their servings fetched), where
    that serving still exists; other foods get none."""
    foods = list(foods)
    latest = Entry.objects.filter(user=user, food=OuterRef("food")).order_by("-created", "-id")
    rows = Entry.objects.filter(
        user=user, food__in=[food.pk for food in foods], pk=Subquery(latest.values("pk")[:1])
    ).values_list("food", "serving", "quantity")
    last = {food_id: (serving, quantity) for food_id, serving, quantity in rows}
    amounts_by_food = {}
    for food in foods:
        if food.pk not in last:
            continue
        serving, quantity = last[food.pk]
        choice = next((c for c in serving_choices(food) if c.name == serving), None)
        if choice is not None:
            amounts_by_food[food.pk] = Amount(choice, quantity)
    return amounts_by_food


def again_amounts(user: User, foods: Iterable[Food]) -> dict[int, Amount]:
    """What logging each of `foods` again logs: the amount `user` last logged, else its default
    serving."""
    foods = list(foods)
    last = last_amounts(user, foods)
    return {food.pk: last.get(food.pk) or Amount(*default_amount(food)) for food in foods}


def log_again(user: User, *, day: date, meal: str, food: Food) -> Entry:
    """Log `food` to `meal` at the amount `user` last logged it (`again_amounts`)."""
    amount = again_amounts(user, [food])[food.pk]
    return log_food(
        user, day=day, meal=meal, food=food, serving=amount.serving.name, quantity=amount.quantity
    )


def recent_by_meal(user: User) -> dict[str, list[Entry]]:
    """For each meal, the last entries of the foods `user` logged in it lately, a food once:
    what the day page offers to log again in one tap."""
    offered: dict[str, list[Entry]] = {meal: [] for meal in Meal.values}
    seen: set[tuple[str, int]] = set()
    entries = (
        Entry.objects.filter(user=user, food__isnull=False)
        .defer("nutrients")
        .order_by("-created", "-id")[:RECENT_ENTRIES_READ]
    )
    for entry in entries:
        assert entry.food_id is not None
        key = (entry.meal, entry.food_id)
        if key not in seen and len(offered[entry.meal]) < AGAIN_PER_MEAL:
            seen.add(key)
            offered[entry.meal].append(entry)
    return offered


@dataclass(frozen=True)
class MealTotal:
    foods: int
    kcal: float


def meal_totals(user: User, day: date) -> dict[str, MealTotal]:
    """How many entries and calories each meal of `day` has (meals with none left out)."""
    rows = (
        Entry.objects.filter(user=user, date=day)
        .values("meal")
        .annotate(foods=Count("id"), kcal=Sum("energy_kcal"))
        .order_by()
    )
    return {row["meal"]: MealTotal(row["foods"], row["kcal"]) for row in rows}


def quick_add(
    user: User,
    *,
    day: date,
    meal: str,
    energy_kcal: float,
    protein_g: float | None = None,
    carbohydrate_g: float | None = None,
    fat_g: float | None = None,
    name: str = "Quick add",
) -> Entry:
    """Log calories (and macros, if known) without a food."""
    errors = day_and_meal_errors(day=day, meal=meal)
    _check_quick_amounts(errors, energy_kcal, protein_g, carbohydrate_g, fat_g)
    name = " ".join(name.split()) or "Quick add"
    if len(name) > 255:
        errors.setdefault("name", []).append("At most 255 characters.")
    raise_errors(errors)
    macros = {"protein_g": protein_g, "carbohydrate_g": carbohydrate_g, "fat_g": fat_g}
    return Entry.objects.create(
        user=user,
        date=day,
        meal=meal,
        name=name,
        energy_kcal=energy_kcal,
        **macros,
        nutrients={"energy_kcal": energy_kcal}
        | {key: value for key, value in macros.items() if value is not None},
    )


def update_entry(entry: Entry, **changes: Any) -> Entry:
    """Change an entry's day, meal, serving or quantity (or a quick add's amounts).

    A food entry keeps the amounts it was logged with, scaled to the new weight, so editing an
    old entry never pulls in later changes to the food.
    """
    day = changes.get("day", entry.date)
    meal = changes.get("meal", entry.meal)
    errors = day_and_meal_errors(day=day, meal=meal)
    fields: dict[str, Any] = {"date": day, "meal": meal}
    if entry.is_quick_add:
        values = {key: changes.get(key, getattr(entry, key)) for key in _QUICK_FIELDS}
        _check_quick_amounts(errors, **values)
        if "name" in changes:
            fields["name"] = " ".join(str(changes["name"]).split()) or "Quick add"
            if len(fields["name"]) > 255:
                errors.setdefault("name", []).append("At most 255 characters.")
        fields |= values
        fields["nutrients"] = {k: v for k, v in values.items() if v is not None}
    else:
        choice = _current_serving(entry, changes.get("serving", entry.serving), errors)
        grams = _grams(choice, changes.get("quantity", entry.quantity), errors)
        if choice is not None and grams is not None:
            assert entry.grams is not None
            per_100g = {k: v * 100 / entry.grams for k, v in entry.nutrients.items()}
            fields |= {
                "serving": choice.name,
                "serving_grams": choice.grams,
                "quantity": changes.get("quantity", entry.quantity),
                **_amounts(per_100g, grams),
            }
    raise_errors(errors)
    for field, value in fields.items():
        setattr(entry, field, value)
    entry.save()
    return entry


def copy_entries(
    user: User, *, from_day: date, to_day: date, meal: str | None = None, to_meal: str | None = None
) -> list[Entry]:
    """Copy a day's entries (or one meal's, into `to_meal` or the same meal) to `to_day`."""
    errors = day_and_meal_errors(day=to_day, meal=meal or Meal.BREAKFAST)
    if to_meal is not None and to_meal not in Meal.values:
        errors.setdefault("to_meal", []).append(MEAL_MESSAGE)
    if to_meal is not None and meal is None:
        errors.setdefault("to_meal", []).append("Copying a whole day keeps each entry's meal.")
    raise_errors(errors)
    sources = Entry.objects.filter(user=user, date=from_day)
    if meal is not None:
        sources = sources.filter(meal=meal)
    copies = [
        Entry(
            user=user,
            date=to_day,
            meal=to_meal or source.meal,
            **{field: getattr(source, field) for field in COPIED_FIELDS},
        )
        for source in sources
    ]
    with transaction.atomic():
        return Entry.objects.bulk_create(copies)


def entries_on(user: User, day: date) -> QuerySet[Entry]:
    return Entry.objects.filter(user=user, date=day).defer("nutrients")


ENTRY_ROW_FIELDS = (
    "id", "date", "meal", "food_id", "name", "serving", "serving_grams", "quantity", "grams",
    "energy_kcal", "protein_g", "carbohydrate_g", "fat_g", "client_key",
)  # fmt: skip


def entry_rows_on(user: User, day: date) -> list[dict[str, Any]]:
    """The day's entries as plain rows of their `ENTRY_ROW_FIELDS` and `quick_add`
    (`Entry.is_quick_add`), in the order they were logged: read four times as fast as the
    models, for the API's list."""
    rows = [dict(zip(ENTRY_ROW_FIELDS, row, strict=True)) for row in _ENTRY_ROWS.rows(user.pk, day)]
    for row in rows:
        row["quick_add"] = row["grams"] is None  # as Entry.is_quick_add
    return rows


def _entry_rows(user_id: int, day: date) -> QuerySet[Entry]:
    return Entry.objects.filter(user_id=user_id, date=day).values_list(*ENTRY_ROW_FIELDS)


_ENTRY_ROWS = CompiledQuery(_entry_rows, 987_654_321, date(1901, 2, 3))


def day_summary(user: User, day: date) -> DaySummary:
    """Budget - Food + Exercise = Remaining for `day`, with macros and calories per meal."""
    return summarize(
        day,
        entries_on(user, day),
        goal_on(user, day),
        exercise_kcal=burned_kcal_on(user, day),
        exercise_share=exercise_share_of(user),
    )


def summarize(
    day: date,
    entries: Iterable[Entry],
    goal: Goal | None,
    *,
    exercise_kcal: float = 0.0,
    exercise_share: float = ExerciseShare.ALL,
) -> DaySummary:
    """The summary of a day's entries, for a page that has loaded them already. Pass the
    person's `exercise_share` (`exercise_share_of(user)`, free once the account is read)."""
    meals = dict.fromkeys(Meal.values, 0.0)
    grams = dict.fromkeys(MACROS, 0.0)
    for entry in entries:
        meals[entry.meal] += entry.energy_kcal
        grams["protein"] += entry.protein_g or 0.0
        grams["carbohydrate"] += entry.carbohydrate_g or 0.0
        grams["fat"] += entry.fat_g or 0.0
    food_kcal = sum(meals.values())
    budget = goal.budget_kcal if goal else None
    counted = counted_exercise_kcal(exercise_kcal, exercise_share)
    return DaySummary(
        day=day,
        goal=goal,
        budget_kcal=budget,
        food_kcal=food_kcal,
        exercise_kcal=exercise_kcal,
        exercise_share=float(exercise_share),
        exercise_counted_kcal=counted,
        remaining_kcal=None if budget is None else budget - food_kcal + counted,
        macros=_macros(grams, goal),
        meals=meals,
    )


def daily_kcal(user: User, start: date, end: date) -> dict[date, float]:
    """The calories logged on each day from `start` to `end` (inclusive) that has an entry, in
    one query; a day without any is left out (not logged, which is not the same as 0 kcal)."""
    return {day: sum(meals.values()) for day, meals in daily_meal_kcal(user, start, end).items()}


def daily_meal_kcal(user: User, start: date, end: date) -> dict[date, dict[str, float]]:
    """The calories of each meal with an entry, on each day from `start` to `end` (inclusive)
    that has any, in one query: what `daily_kcal` sums, and which meals a day is missing."""
    rows = (
        Entry.objects.filter(user=user, date__gte=start, date__lte=end)
        .order_by()
        .values("date", "meal")
        .annotate(kcal=Sum("energy_kcal"))
        .values_list("date", "meal", "kcal")
    )
    days: dict[date, dict[str, float]] = {}
    for day, meal, kcal in rows:
        days.setdefault(day, {})[meal] = float(kcal)
    return days


def day_nutrients(user: User, day: date) -> list[tuple[Nutrient, float]]:
    """Every nutrient eaten on `day`, in label order, with its total."""
    totals: dict[str, float] = {}
    for nutrients in Entry.objects.filter(user=user, date=day).values_list("nutrients", flat=True):
        for key, value in nutrients.items():
            totals[key] = totals.get(key, 0.0) + value
    return [
        (nutrient, amounts.tidy(totals[nutrient.key]))
        for nutrient in NUTRIENTS
        if nutrient.key in totals
    ]


def recent_foods(user: User, limit: int = 10) -> list[Food]:
    """The foods `user` logged last, most recent first, each once."""
    ids = recent_food_ids(user, limit)
    foods = Food.objects.visible_to(user).prefetch_related("servings").in_bulk(ids)
    return [foods[food_id] for food_id in ids if food_id in foods]


def favourite_foods(user: User) -> list[Food]:
    return [
        favourite.food
        for favourite in Favourite.objects.filter(user=user)
        .select_related("food")
        .prefetch_related("food__servings")
    ]


def set_favourite(user: User, food: Food, favourite: bool) -> None:
    if favourite:
        Favourite.objects.get_or_create(user=user, food=food)
    else:
        Favourite.objects.filter(user=user, food=food).delete()


def recent_food_ids(user: User, limit: int | None = None) -> list[int]:
    """The ids of the foods `user` logged last, most recent first, each once; as many as
    search boosts unless `limit` says."""
    limit = RECENT_FOODS if limit is None else limit
    latest = (
        Entry.objects.filter(user=user, food__isnull=False)
        .values("food")
        .annotate(last=Max("created"))
        .order_by("-last")[:limit]
    )
    return [row["food"] for row in latest]


def food_history(user: User) -> dict[int, float]:
    """How much `user` logs each food they logged lately, from 0 to 1: logged once today is
    0.5, three times 0.875, and the weight halves for every month since the last time."""
    now = timezone.now()
    rows = (
        Entry.objects.filter(
            user=user, food__isnull=False, created__gte=now - timedelta(days=HISTORY_DAYS)
        )
        .values("food")
        .annotate(times=Count("id"), last=Max("created"))
        .order_by("-last")[:RECENT_FOODS]
    )
    history = {}
    for row in rows:
        age_days = max((now - row["last"]).total_seconds(), 0) / 86400
        often = 1 - 0.5 ** row["times"]
        history[row["food"]] = often * 0.5 ** (age_days / HISTORY_HALF_LIFE_DAYS)
    return history


def search_for(user: User, query: str, *, limit: int = 10) -> list[Food]:
    """Food search as `user` sees it: their own foods and the foods they log often and lately
    rank higher, as far as their names deserve (`openplate.foods.ranking`)."""
    history = food_history(user)
    return search_foods(query, user_id=user.pk, limit=limit, recent_food_ids=history)


def check_day(day: date) -> None:
    raise_errors(day_and_meal_errors(day=day, meal=Meal.BREAKFAST))


# --- checks and arithmetic -------------------------------------------------------------------

MEAL_MESSAGE = "Choose breakfast, lunch, dinner or snacks."
_QUICK_FIELDS = ("energy_kcal", "protein_g", "carbohydrate_g", "fat_g")
COPIED_FIELDS = (
    "food", "name", "serving", "serving_grams", "quantity", "grams", "energy_kcal", "protein_g",
    "carbohydrate_g", "fat_g", "nutrients",
)  # fmt: skip


def day_and_meal_errors(*, day: date, meal: str) -> dict[str, list[str]]:
    errors = day_errors(day)
    if meal not in Meal.values:
        errors["meal"] = [MEAL_MESSAGE]
    return errors


def _serving(food: Food, name: str, errors: dict[str, list[str]]) -> ServingChoice | None:
    for choice in serving_choices(food):
        if choice.name == name:
            return choice
    errors["serving"] = [f"{food.name} has no serving {name!r}."]
    return None


def _current_serving(entry: Entry, name: str, errors: dict[str, list[str]]) -> ServingChoice | None:
    if name == entry.serving and entry.serving_grams is not None:
        return ServingChoice(entry.serving, entry.serving, entry.serving_grams)
    if entry.food is None:
        errors["serving"] = ["The food was deleted, so only the quantity can change."]
        return None
    return _serving(entry.food, name, errors)


def _grams(
    choice: ServingChoice | None, quantity: Any, errors: dict[str, list[str]]
) -> float | None:
    if not is_amount(quantity, math.inf):
        errors["quantity"] = ["Enter a quantity above 0."]
        return None
    if choice is None:
        return None
    grams = float(quantity) * choice.grams
    if grams > MAX_ENTRY_GRAMS:
        errors["quantity"] = [
            f"That is {grams / G_PER_KG:.1f} kg; one entry holds at most "
            f"{MAX_ENTRY_GRAMS / G_PER_KG:g} kg."
        ]
        return None
    return grams


def _check_quick_amounts(
    errors: dict[str, list[str]],
    energy_kcal: Any,
    protein_g: Any = None,
    carbohydrate_g: Any = None,
    fat_g: Any = None,
) -> None:
    if not is_amount(energy_kcal, MAX_QUICK_ADD_KCAL):
        errors["energy_kcal"] = [f"Enter calories above 0 and at most {MAX_QUICK_ADD_KCAL:,.0f}."]
    for field, value in (
        ("protein_g", protein_g),
        ("carbohydrate_g", carbohydrate_g),
        ("fat_g", fat_g),
    ):
        if value is not None and (not is_number(value) or not 0 <= value <= MAX_ENTRY_GRAMS):
            errors[field] = ["Enter grams from 0, or leave it empty."]


def _amounts(per_100g: dict[str, float], grams: float) -> dict[str, Any]:
    """The entry's columns for `grams` of a food with these nutrients per 100 g."""
    scaled = {key: amounts.tidy(value * grams / 100) for key, value in per_100g.items()}
    return {
        "grams": grams,
        "energy_kcal": scaled.get("energy_kcal", 0.0),
        "protein_g": scaled.get("protein_g"),
        "carbohydrate_g": scaled.get("carbohydrate_g"),
        "fat_g": scaled.get("fat_g"),
        "nutrients": scaled,
    }


def _macros(grams: dict[str, float], goal: Goal | None) -> tuple[Macro, ...]:
    shares = nutrition.energy_shares(grams)
    targets = macro_targets_g(goal) if goal else {}
    percents = macro_shares(goal) if goal else {}
    return tuple(
        Macro(
            name=macro,
            grams=grams[macro],
            percent_of_kcal=shares[macro],
            target_g=targets.get(macro),
            target_percent=percents.get(macro),
        )
        for macro in MACROS
    )
