"""The food diary's services: logging food by serving, quick adds, editing and copying entries,
the day's summary and nutrients, recent and favourite foods.

Expected amounts come from each food's own data (kcal per 100 g × grams / 100), never from
numbers typed into the test.
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openplate.accounts.goals import GoalInput, goal_on, set_goal
from openplate.core.checks import SMALLEST_AMOUNT
from openplate.core.dates import DAYS_AHEAD, latest_today
from openplate.diary.models import Entry, Favourite
from openplate.diary.services import (
    check_day,
    copy_entries,
    day_nutrients,
    day_summary,
    entries_on,
    favourite_foods,
    log_food,
    quick_add,
    recent_foods,
    serving_choices,
    set_favourite,
    summarize,
    update_entry,
    visible_food,
)
from openplate.exercise.services import log_custom
from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food
from openplate.foods.nutrients import NUTRIENTS

# A day past the last any time zone may log (core.dates: today at UTC+14, 366 days on).
TOO_FAR_AHEAD = latest_today() + timedelta(days=DAYS_AHEAD + 1)

pytestmark = pytest.mark.django_db

DAY = date(2024, 5, 1)
MEDIUM = '1 medium (7" to 7-7/8" long)'  # a banana's household measure, 118 g in SR24
GRAMS_PER_OUNCE = 28.349523125  # the international avoirdupois ounce
# Amounts are kept to 6 significant digits: at most half a unit in the sixth digit off.
ROUNDING = 5e-6 * (1 + 1e-9)
KCAL_PER_GRAM = {"protein": 4, "carbohydrate": 4, "fat": 9}  # Atwater general factors


def usda(source_id):
    return Food.objects.get(source="usda", source_id=source_id)


@pytest.fixture
def banana():
    return usda("09040")  # Bananas, raw


@pytest.fixture
def egg():
    return usda("01123")  # Egg, whole, raw, fresh


def measure(food, name):
    """The grams of the food's household measure `name`."""
    return food.servings.get(name=name).grams


def scaled(per_100g, grams):
    return {
        key: pytest.approx(value * grams / 100, rel=ROUNDING) for key, value in per_100g.items()
    }


def refused_fields(call, *args, **kwargs):
    """The fields a ValidationError names, after checking that no entry was saved or changed."""
    before = list(Entry.objects.order_by("pk").values())
    with pytest.raises(ValidationError) as refused:
        call(*args, **kwargs)
    assert list(Entry.objects.order_by("pk").values()) == before
    return set(refused.value.message_dict)


def goal(weight_kg=70.0, rate_kg_per_week=-0.5, **split):
    return GoalInput(
        sex="female",
        birth_date=date(1990, 3, 15),
        height_cm=165.0,
        weight_kg=weight_kg,
        activity="sedentary",
        rate_kg_per_week=rate_kg_per_week,
        **split,
    )


def logged_in_order(*entries):
    """Give the entries creation times a minute apart, first to last."""
    start = timezone.now() - timedelta(hours=1)
    for minutes, entry in enumerate(entries):
        Entry.objects.filter(pk=entry.pk).update(created=start + timedelta(minutes=minutes))


# --- servings and visible foods ---------------------------------------------------------------


def test_it_offers_the_household_measures_then_grams_and_ounces(banana):
    choices = serving_choices(banana)
    measures = list(banana.servings.all())
    assert [(c.name, c.grams) for c in choices] == [
        *((s.name, s.grams) for s in measures),
        ("g", 1.0),
        ("oz", GRAMS_PER_OUNCE),
    ]
    medium = next(c for c in choices if c.name == MEDIUM)
    assert medium.label == f"{MEDIUM} (118 g)"


def test_a_food_without_measures_offers_grams_and_ounces(new_alice):
    food = create_custom_food(new_alice, "Overnight oats", nutrients={"energy_kcal": 150})
    assert [c.name for c in serving_choices(food)] == ["g", "oz"]


def test_every_serving_choice_of_a_food_has_its_own_name():
    bread = usda("18069")  # Bread, white, commercially prepared
    names = [choice.name for choice in serving_choices(bread)]
    assert len(names) == len(set(names))


def test_it_shows_public_foods_and_ones_own(new_alice, banana):
    own = create_custom_food(new_alice, "Alice's flapjack", nutrients={"energy_kcal": 450})
    assert visible_food(new_alice, banana.pk) == banana
    assert visible_food(new_alice, own.pk) == own
    assert visible_food(new_alice, str(own.pk)) == own  # as a page's form sends it


def test_it_refuses_another_users_food(new_alice, bob):
    bobs = create_custom_food(bob, "Bob's chili", nutrients={"energy_kcal": 120})
    with pytest.raises(ValidationError) as refused:
        visible_food(new_alice, bobs.pk)
    assert refused.value.message_dict == {"food_id": ["No such food."]}


@pytest.mark.parametrize("food_id", [None, "", "banana", "12abc", -1, 0, 10**20])
def test_it_refuses_a_food_id_that_names_no_food(new_alice, food_id):
    with pytest.raises(ValidationError) as refused:
        visible_food(new_alice, food_id)
    assert set(refused.value.message_dict) == {"food_id"}


# --- logging food ---------------------------------------------------------------------------


def test_it_logs_a_banana_by_household_measure(new_alice, banana):
    grams = measure(banana, MEDIUM)
    entry = log_food(new_alice, day=DAY, meal="breakfast", food=banana, serving=MEDIUM, quantity=1)
    entry.refresh_from_db()
    assert (entry.user, entry.date, entry.meal, entry.food) == (new_alice, DAY, "breakfast", banana)
    assert (entry.name, entry.serving, entry.serving_grams) == ("Bananas, raw", MEDIUM, grams)
    assert (entry.quantity, entry.grams) == (1, grams)
    assert entry.energy_kcal == pytest.approx(grams * banana.energy_kcal / 100, rel=ROUNDING)
    assert entry.protein_g == pytest.approx(grams * banana.protein_g / 100, rel=ROUNDING)
    assert entry.carbohydrate_g == pytest.approx(grams * banana.carbohydrate_g / 100, rel=ROUNDING)
    assert entry.fat_g == pytest.approx(grams * banana.fat_g / 100, rel=ROUNDING)
    assert not entry.is_quick_add


def test_it_scales_every_nutrient_of_the_food(new_alice, banana):
    entry = log_food(new_alice, day=DAY, meal="lunch", food=banana, serving=MEDIUM, quantity=1.5)
    entry.refresh_from_db()
    assert entry.grams == 1.5 * measure(banana, MEDIUM)
    assert entry.nutrients == scaled(banana.nutrients, entry.grams)


def test_it_logs_grams(new_alice, banana):
    entry = log_food(new_alice, day=DAY, meal="snacks", food=banana, serving="g", quantity=250)
    assert (entry.serving, entry.serving_grams, entry.grams) == ("g", 1.0, 250)
    assert entry.energy_kcal == pytest.approx(250 * banana.energy_kcal / 100, rel=ROUNDING)


def test_grams_are_the_default_serving(new_alice, banana):
    entry = log_food(new_alice, day=DAY, meal="snacks", food=banana, quantity=80)
    assert (entry.serving, entry.grams) == ("g", 80)


def test_it_logs_ounces(new_alice, banana):
    entry = log_food(new_alice, day=DAY, meal="snacks", food=banana, serving="oz", quantity=4)
    grams = 4 * GRAMS_PER_OUNCE
    assert (entry.serving, entry.serving_grams) == ("oz", GRAMS_PER_OUNCE)
    assert entry.grams == pytest.approx(grams)
    assert entry.energy_kcal == pytest.approx(grams * banana.energy_kcal / 100, rel=ROUNDING)


def test_it_logs_a_custom_foods_own_serving(new_alice):
    bar = create_custom_food(
        new_alice,
        "Protein bar",
        nutrients={"energy_kcal": 200, "protein_g": 20},
        per_grams=60,
        serving_name="1 bar",
    )
    entry = log_food(new_alice, day=DAY, meal="snacks", food=bar, serving="1 bar", quantity=2)
    assert entry.grams == 120
    assert entry.energy_kcal == pytest.approx(400, rel=ROUNDING)  # two bars of 200 kcal
    assert entry.protein_g == pytest.approx(40, rel=ROUNDING)


def test_it_takes_up_to_five_kilograms_in_one_entry(new_alice, banana):
    entry = log_food(new_alice, day=DAY, meal="dinner", food=banana, serving="g", quantity=5000)
    assert entry.grams == 5000


@pytest.mark.parametrize(
    "days",
    [
        pytest.param(-(date.today() - date(1900, 1, 1)).days, id="1 January 1900"),
        pytest.param(366, id="a year and a day ahead"),
    ],
)
def test_it_takes_the_first_and_last_days_allowed(new_alice, banana, days):
    day = date.today() + timedelta(days=days)
    assert log_food(new_alice, day=day, meal="lunch", food=banana, quantity=100).date == day


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"quantity": 0}, {"quantity"}),
        ({"quantity": -1}, {"quantity"}),
        ({"quantity": float("nan")}, {"quantity"}),
        ({"quantity": "2"}, {"quantity"}),
        ({"quantity": True}, {"quantity"}),
        ({"serving": "g", "quantity": 5001}, {"quantity"}),
        ({"serving": "1 cup, mashed", "quantity": 50}, {"quantity"}),  # 11 kg of banana
        ({"serving": "oz", "quantity": 177}, {"quantity"}),  # 5.02 kg
        ({"quantity": float("inf")}, {"quantity"}),
        ({"meal": "brunch"}, {"meal"}),
        ({"meal": ""}, {"meal"}),
        ({"day": date(1899, 12, 31)}, {"date"}),
        ({"day": TOO_FAR_AHEAD}, {"date"}),
        ({"day": "2024-05-01"}, {"date"}),
        ({"serving": "1 bunch"}, {"serving"}),
        (
            {"day": date(1066, 10, 14), "meal": "elevenses", "serving": "1 hand", "quantity": 0},
            {"date", "meal", "serving", "quantity"},
        ),
    ],
)
def test_it_refuses_a_bad_entry_naming_each_field_and_saves_nothing(
    new_alice, banana, changes, fields
):
    log_food(new_alice, day=DAY, meal="lunch", food=banana, quantity=100)
    logged = {"day": DAY, "meal": "lunch", "food": banana, "quantity": 1, "serving": MEDIUM}
    assert refused_fields(log_food, new_alice, **(logged | changes)) == fields
    assert Entry.objects.count() == 1


def test_it_refuses_a_single_serving_heavier_than_five_kilograms(new_alice):
    turkey = usda("05253")  # Turkey, young tom, ... raw: "1 turkey" weighs 8.4 kg
    assert measure(turkey, "1 turkey") > 5000
    fields = refused_fields(
        log_food, new_alice, day=DAY, meal="dinner", food=turkey, serving="1 turkey", quantity=1
    )
    assert fields == {"quantity"}


def test_the_refusal_says_how_heavy_the_entry_would_be(new_alice, banana):
    with pytest.raises(ValidationError) as refused:
        log_food(
            new_alice, day=DAY, meal="lunch", food=banana, serving="1 cup, mashed", quantity=50
        )
    assert refused.value.message_dict["quantity"] == [
        "That is 11.2 kg; one entry holds at most 5 kg."
    ]


# --- quick add ------------------------------------------------------------------------------


def test_it_quick_adds_calories_and_the_macros_given(new_alice):
    entry = quick_add(new_alice, day=DAY, meal="snacks", energy_kcal=250, protein_g=12, fat_g=0)
    entry.refresh_from_db()
    assert entry.is_quick_add
    assert (entry.food, entry.grams, entry.name) == (None, None, "Quick add")
    amounts = (entry.energy_kcal, entry.protein_g, entry.carbohydrate_g, entry.fat_g)
    assert amounts == (250, 12, None, 0)
    assert entry.nutrients == {"energy_kcal": 250, "protein_g": 12, "fat_g": 0}


def test_a_quick_add_keeps_a_tidied_name(new_alice):
    named = quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=600, name="  Office \n pizza ")
    blank = quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=100, name="   ")
    assert (named.name, blank.name) == ("Office pizza", "Quick add")


@pytest.mark.parametrize(
    ("amounts", "fields"),
    [
        ({"energy_kcal": 0}, {"energy_kcal"}),
        ({"energy_kcal": -100}, {"energy_kcal"}),
        ({"energy_kcal": 10001}, {"energy_kcal"}),
        ({"energy_kcal": float("nan")}, {"energy_kcal"}),
        ({"energy_kcal": "200"}, {"energy_kcal"}),
        ({"protein_g": -1}, {"protein_g"}),
        ({"carbohydrate_g": -0.5}, {"carbohydrate_g"}),
        ({"fat_g": float("nan")}, {"fat_g"}),
        ({"fat_g": 5001}, {"fat_g"}),
        ({"name": "x" * 256}, {"name"}),
        ({"meal": "supper"}, {"meal"}),
        ({"day": date(1899, 12, 31)}, {"date"}),
        (
            {"energy_kcal": 0, "protein_g": -1, "carbohydrate_g": -1, "fat_g": -1},
            {"energy_kcal", "protein_g", "carbohydrate_g", "fat_g"},
        ),
    ],
)
def test_it_refuses_a_bad_quick_add_naming_each_field_and_saves_nothing(new_alice, amounts, fields):
    quick = {"day": DAY, "meal": "snacks", "energy_kcal": 200} | amounts
    assert refused_fields(quick_add, new_alice, **quick) == fields
    assert not Entry.objects.exists()


def test_a_quick_add_may_have_zero_grams_of_a_macro_and_up_to_10000_kcal(new_alice):
    entry = quick_add(new_alice, day=DAY, meal="dinner", energy_kcal=10000, carbohydrate_g=0)
    assert (entry.energy_kcal, entry.carbohydrate_g) == (10000, 0)


# --- an entry keeps what it counted --------------------------------------------------------


@pytest.fixture
def flapjack(new_alice):
    return create_custom_food(
        new_alice,
        "Grandma's flapjack",
        nutrients={"energy_kcal": 225, "protein_g": 3, "carbohydrate_g": 30, "fat_g": 11},
        per_grams=50,
        serving_name="1 square",
    )


def test_changing_a_food_later_changes_no_entry_or_day(new_alice, flapjack):
    entry = log_food(
        new_alice, day=DAY, meal="snacks", food=flapjack, serving="1 square", quantity=2
    )
    logged = Entry.objects.values().get(pk=entry.pk)
    summary, nutrients = day_summary(new_alice, DAY), day_nutrients(new_alice, DAY)

    flapjack.name = "Flapjack, less sugar"
    flapjack.set_nutrients({"energy_kcal": 300, "protein_g": 8, "carbohydrate_g": 35})
    flapjack.save()
    flapjack.servings.update(grams=80)

    assert Entry.objects.values().get(pk=entry.pk) == logged
    assert day_summary(new_alice, DAY) == summary
    assert day_nutrients(new_alice, DAY) == nutrients


def test_editing_an_old_entry_scales_what_it_counted_not_the_changed_food(new_alice, flapjack):
    entry = log_food(
        new_alice, day=DAY, meal="snacks", food=flapjack, serving="1 square", quantity=1
    )
    logged = dict(entry.nutrients)
    flapjack.set_nutrients({"energy_kcal": 300})
    flapjack.save()
    flapjack.servings.update(grams=80)

    update_entry(entry, quantity=3)
    entry.refresh_from_db()
    assert (entry.serving_grams, entry.grams) == (50, 150)  # the 50 g square it was logged as
    assert entry.nutrients == {
        key: pytest.approx(3 * value, rel=ROUNDING) for key, value in logged.items()
    }


def test_deleting_a_custom_food_keeps_its_entries_and_their_numbers(new_alice, flapjack):
    entry = log_food(
        new_alice, day=DAY, meal="snacks", food=flapjack, serving="1 square", quantity=2
    )
    logged = Entry.objects.values().get(pk=entry.pk)
    summary = day_summary(new_alice, DAY)

    flapjack.delete()

    entry.refresh_from_db()
    assert entry.food is None
    assert Entry.objects.values().get(pk=entry.pk) == logged | {"food_id": None}
    assert not entry.is_quick_add
    assert day_summary(new_alice, DAY).food_kcal == summary.food_kcal
    assert [e.name for e in entries_on(new_alice, DAY)] == ["Grandma's flapjack"]


# --- editing entries --------------------------------------------------------------------------


def test_doubling_the_quantity_doubles_calories_and_nutrients(new_alice, banana):
    entry = log_food(new_alice, day=DAY, meal="breakfast", food=banana, serving=MEDIUM, quantity=1)
    once = Entry.objects.get(pk=entry.pk)

    update_entry(entry, quantity=2)

    entry.refresh_from_db()
    assert (entry.serving, entry.quantity, entry.grams) == (MEDIUM, 2, 2 * once.grams)
    for field in ("energy_kcal", "protein_g", "carbohydrate_g", "fat_g"):
        assert getattr(entry, field) == pytest.approx(2 * getattr(once, field), rel=ROUNDING)
    assert entry.nutrients == {
        key: pytest.approx(2 * value, rel=ROUNDING) for key, value in once.nutrients.items()
    }
    assert entry.nutrients == scaled(banana.nutrients, 2 * measure(banana, MEDIUM))


def test_it_changes_the_serving_to_another_measure(new_alice, banana):
    entry = log_food(new_alice, day=DAY, meal="breakfast", food=banana, serving=MEDIUM, quantity=1)
    large = '1 large (8" to 8-7/8" long)'
    update_entry(entry, serving=large)
    entry.refresh_from_db()
    grams = measure(banana, large)
    assert (entry.serving, entry.serving_grams) == (large, grams)
    assert (entry.quantity, entry.grams) == (1, grams)
    assert entry.energy_kcal == pytest.approx(grams * banana.energy_kcal / 100, rel=ROUNDING)


def test_it_changes_the_serving_and_quantity_to_grams(new_alice, banana):
    entry = log_food(new_alice, day=DAY, meal="breakfast", food=banana, serving=MEDIUM, quantity=1)
    update_entry(entry, serving="g", quantity=50)
    entry.refresh_from_db()
    assert (entry.serving, entry.serving_grams, entry.quantity, entry.grams) == ("g", 1, 50, 50)
    assert entry.nutrients == scaled(banana.nutrients, 50)


def test_it_moves_an_entry_to_another_meal_and_day(new_alice, banana):
    entry = log_food(new_alice, day=DAY, meal="breakfast", food=banana, serving=MEDIUM, quantity=1)
    logged = Entry.objects.values().get(pk=entry.pk)
    tomorrow = DAY + timedelta(days=1)

    update_entry(entry, day=tomorrow, meal="snacks")

    moved = Entry.objects.values().get(pk=entry.pk)
    assert (moved["date"], moved["meal"]) == (tomorrow, "snacks")
    unchanged = ("grams", "energy_kcal", "nutrients", "serving", "quantity", "name")
    assert {k: moved[k] for k in unchanged} == {k: logged[k] for k in unchanged}
    assert not entries_on(new_alice, DAY).exists()
    assert list(entries_on(new_alice, tomorrow)) == [entry]
    assert day_summary(new_alice, tomorrow).meals["snacks"] == logged["energy_kcal"]


def test_it_changes_a_quick_adds_amounts_and_name(new_alice):
    entry = quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=500, protein_g=20, fat_g=10)
    update_entry(entry, energy_kcal=650, carbohydrate_g=70, fat_g=None, name=" Burrito ")
    entry.refresh_from_db()
    amounts = (entry.energy_kcal, entry.protein_g, entry.carbohydrate_g, entry.fat_g)
    assert (entry.name, amounts) == ("Burrito", (650, 20, 70, None))
    assert entry.nutrients == {"energy_kcal": 650, "protein_g": 20, "carbohydrate_g": 70}
    assert entry.is_quick_add


def test_a_deleted_foods_entry_may_change_its_quantity(new_alice, flapjack):
    entry = log_food(
        new_alice, day=DAY, meal="snacks", food=flapjack, serving="1 square", quantity=1
    )
    kcal = entry.energy_kcal
    flapjack.delete()
    entry.refresh_from_db()

    update_entry(entry, quantity=1.5, meal="dinner")

    entry.refresh_from_db()
    assert (entry.meal, entry.serving) == ("dinner", "1 square")
    assert (entry.quantity, entry.grams) == (1.5, 75)
    assert entry.energy_kcal == pytest.approx(1.5 * kcal, rel=ROUNDING)


def test_a_deleted_foods_entry_may_not_change_its_serving(new_alice, flapjack):
    entry = log_food(
        new_alice, day=DAY, meal="snacks", food=flapjack, serving="1 square", quantity=1
    )
    flapjack.delete()
    entry.refresh_from_db()

    assert refused_fields(update_entry, entry, serving="g", quantity=100) == {"serving"}
    with pytest.raises(ValidationError) as refused:
        update_entry(entry, serving="g")
    assert refused.value.message_dict["serving"] == [
        "The food was deleted, so only the quantity can change."
    ]


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"quantity": 0}, {"quantity"}),
        ({"quantity": -2}, {"quantity"}),
        ({"quantity": 43}, {"quantity"}),  # 43 medium bananas: 5.07 kg
        ({"serving": "g", "quantity": 5001}, {"quantity"}),
        ({"serving": "1 bunch"}, {"serving"}),
        ({"meal": "brunch"}, {"meal"}),
        ({"day": date(1899, 12, 31)}, {"date"}),
        ({"day": TOO_FAR_AHEAD}, {"date"}),
        ({"day": None, "meal": None, "quantity": None}, {"date", "meal", "quantity"}),
    ],
)
def test_it_refuses_a_bad_edit_naming_each_field_and_changes_nothing(
    new_alice, banana, changes, fields
):
    entry = log_food(new_alice, day=DAY, meal="breakfast", food=banana, serving=MEDIUM, quantity=1)
    assert refused_fields(update_entry, entry, **changes) == fields
    assert (entry.date, entry.meal, entry.serving, entry.quantity) == (DAY, "breakfast", MEDIUM, 1)


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"energy_kcal": 0}, {"energy_kcal"}),
        ({"energy_kcal": -1}, {"energy_kcal"}),
        ({"energy_kcal": None}, {"energy_kcal"}),
        ({"protein_g": -3}, {"protein_g"}),
        ({"fat_g": -3, "meal": "tea"}, {"fat_g", "meal"}),
    ],
)
def test_it_refuses_bad_quick_add_amounts_and_changes_nothing(new_alice, changes, fields):
    entry = quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=500, protein_g=20)
    assert refused_fields(update_entry, entry, **changes) == fields


def test_it_refuses_a_quick_add_name_over_255_characters_on_edit(new_alice):
    entry = quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=500)
    assert refused_fields(update_entry, entry, name="x" * 256) == {"name"}
    assert update_entry(entry, name="x" * 255).name == "x" * 255


# --- copying --------------------------------------------------------------------------------


@pytest.fixture
def monday(new_alice, banana, egg):
    """Alice's Monday: two breakfast foods, a lunch and a quick-added snack."""
    return [
        log_food(new_alice, day=DAY, meal="breakfast", food=banana, serving=MEDIUM, quantity=1),
        log_food(new_alice, day=DAY, meal="breakfast", food=egg, serving="1 large", quantity=2),
        log_food(new_alice, day=DAY, meal="lunch", food=banana, serving="g", quantity=150),
        quick_add(new_alice, day=DAY, meal="snacks", energy_kcal=180, protein_g=4),
    ]


COUNTED = (
    "food_id", "name", "serving", "serving_grams", "quantity", "grams", "energy_kcal",
    "protein_g", "carbohydrate_g", "fat_g", "nutrients",
)  # fmt: skip


def counted(entries):
    rows = Entry.objects.filter(pk__in=[e.pk for e in entries]).order_by("pk").values()
    return [{key: row[key] for key in ("meal", *COUNTED)} for row in rows]


def test_it_copies_a_meal_to_another_day(new_alice, monday):
    to_day = DAY + timedelta(days=7)
    copies = copy_entries(new_alice, from_day=DAY, to_day=to_day, meal="breakfast")
    assert len(copies) == 2
    assert {c.pk for c in copies}.isdisjoint(e.pk for e in monday)
    assert counted(copies) == counted(monday[:2])
    placed = [(e.date, e.meal, e.user) for e in entries_on(new_alice, to_day)]
    assert placed == [(to_day, "breakfast", new_alice)] * 2
    assert counted(entries_on(new_alice, DAY)) == counted(monday)


def test_it_copies_a_meal_into_another_meal(new_alice, monday):
    copies = copy_entries(new_alice, from_day=DAY, to_day=DAY, meal="breakfast", to_meal="dinner")
    rows = counted(copies)
    assert [row["meal"] for row in rows] == ["dinner", "dinner"]
    assert [row | {"meal": "breakfast"} for row in rows] == counted(monday[:2])
    summary = day_summary(new_alice, DAY)
    assert summary.meals["dinner"] == pytest.approx(summary.meals["breakfast"])


def test_it_copies_a_whole_day_keeping_each_meal(new_alice, monday):
    to_day = DAY + timedelta(days=1)
    copies = copy_entries(new_alice, from_day=DAY, to_day=to_day)
    assert counted(copies) == counted(monday)
    assert copies[-1].is_quick_add
    assert day_summary(new_alice, to_day).meals == day_summary(new_alice, DAY).meals


def test_copies_are_rows_of_their_own(new_alice, monday):
    to_day = DAY + timedelta(days=1)
    copies = copy_entries(new_alice, from_day=DAY, to_day=to_day, meal="breakfast")
    before = counted(monday)

    update_entry(Entry.objects.get(pk=copies[0].pk), quantity=3)
    Entry.objects.filter(pk=copies[1].pk).delete()
    assert counted(monday) == before

    monday[0].delete()
    assert Entry.objects.get(pk=copies[0].pk).quantity == 3


def test_it_copies_only_the_users_own_entries(new_alice, bob, monday, banana):
    log_food(bob, day=DAY, meal="breakfast", food=banana, quantity=300)
    copies = copy_entries(new_alice, from_day=DAY, to_day=DAY + timedelta(days=1))
    assert {c.user for c in copies} == {new_alice}
    assert len(copies) == len(monday)
    assert not Entry.objects.filter(user=bob).exclude(date=DAY).exists()


def test_copying_an_empty_day_copies_nothing(new_alice, monday):
    assert copy_entries(new_alice, from_day=DAY - timedelta(days=1), to_day=DAY) == []
    assert entries_on(new_alice, DAY).count() == len(monday)


@pytest.mark.parametrize(
    ("kwargs", "fields"),
    [
        ({"to_meal": "dinner"}, {"to_meal"}),  # a whole day keeps each entry's meal
        ({"meal": "breakfast", "to_meal": "supper"}, {"to_meal"}),
        ({"meal": "brunch"}, {"meal"}),
        ({"to_day": date(1899, 12, 31)}, {"date"}),
        ({"to_day": TOO_FAR_AHEAD}, {"date"}),
        (
            {"to_day": date(1800, 1, 1), "meal": "tea", "to_meal": "supper"},
            {"date", "meal", "to_meal"},
        ),
    ],
)
def test_it_refuses_a_bad_copy_naming_each_field_and_copies_nothing(
    new_alice, monday, kwargs, fields
):
    copy = {"from_day": DAY, "to_day": DAY + timedelta(days=1)} | kwargs
    assert refused_fields(copy_entries, new_alice, **copy) == fields
    assert Entry.objects.count() == len(monday)


def test_copying_a_whole_day_into_one_meal_says_why_it_is_refused(new_alice, monday):
    with pytest.raises(ValidationError) as refused:
        copy_entries(new_alice, from_day=DAY, to_day=DAY + timedelta(days=1), to_meal="lunch")
    assert refused.value.message_dict == {
        "to_meal": ["Copying a whole day keeps each entry's meal."]
    }


# --- entries of a day ------------------------------------------------------------------------


def test_it_lists_a_days_entries_in_the_order_logged(new_alice, bob, banana, monday):
    log_food(bob, day=DAY, meal="lunch", food=banana, quantity=100)
    log_food(new_alice, day=DAY + timedelta(days=1), meal="lunch", food=banana, quantity=100)
    assert list(entries_on(new_alice, DAY)) == monday


# --- the day's summary ----------------------------------------------------------------------


def exercise(user, kcal):
    """Exercise worth `kcal` on DAY: the diary's "+ Exercise"."""
    log_custom(user, day=DAY, name="Workout", energy_kcal=kcal)


def test_the_budget_is_the_goal_in_force_that_day(new_alice, monday):
    set_goal(new_alice, goal(), on=DAY - timedelta(days=30))
    exercise(new_alice, 300)
    summary = day_summary(new_alice, DAY)
    in_force = new_alice.goals.get()
    entries = Entry.objects.filter(user=new_alice, date=DAY)

    assert summary.goal == in_force
    assert summary.budget_kcal == in_force.budget_kcal
    assert summary.food_kcal == pytest.approx(sum(e.energy_kcal for e in entries))
    assert summary.exercise_kcal == 300
    assert summary.remaining_kcal == pytest.approx(in_force.budget_kcal - summary.food_kcal + 300)


def test_remaining_is_budget_minus_food_plus_exercise(new_alice):
    set_goal(new_alice, goal(), on=DAY)
    quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=700)
    quick_add(new_alice, day=DAY, meal="dinner", energy_kcal=900)
    budget = new_alice.goals.get().budget_kcal
    assert day_summary(new_alice, DAY).remaining_kcal == pytest.approx(budget - 1600)
    exercise(new_alice, 250)
    assert day_summary(new_alice, DAY).remaining_kcal == pytest.approx(budget - 1600 + 250)


def test_a_later_goal_does_not_change_earlier_days(new_alice):
    first = set_goal(new_alice, goal(weight_kg=80), on=date(2024, 4, 1))
    before = day_summary(new_alice, DAY)
    second = set_goal(
        new_alice, goal(weight_kg=72, rate_kg_per_week=-0.25), on=DAY + timedelta(days=10)
    )
    assert first.budget_kcal != second.budget_kcal

    assert day_summary(new_alice, DAY) == before
    assert day_summary(new_alice, DAY).budget_kcal == first.budget_kcal
    assert day_summary(new_alice, DAY + timedelta(days=9)).budget_kcal == first.budget_kcal
    assert day_summary(new_alice, DAY + timedelta(days=10)).budget_kcal == second.budget_kcal
    assert day_summary(new_alice, DAY + timedelta(days=40)).budget_kcal == second.budget_kcal


def test_days_before_the_first_goal_take_the_first_goal(new_alice):
    first = set_goal(new_alice, goal(), on=DAY)
    assert day_summary(new_alice, DAY - timedelta(days=100)).budget_kcal == first.budget_kcal


def test_a_day_without_any_goal_has_no_budget(new_alice, bob, monday):
    set_goal(bob, goal(), on=DAY)
    exercise(new_alice, 200)
    summary = day_summary(new_alice, DAY)
    assert (summary.goal, summary.budget_kcal, summary.remaining_kcal) == (None, None, None)
    assert summary.food_kcal > 0
    assert all(m.target_g is None and m.target_percent is None for m in summary.macros)


def test_it_sums_calories_per_meal(new_alice, monday):
    summary = day_summary(new_alice, DAY)
    banana, eggs, lunch, snack = (e.energy_kcal for e in monday)
    assert summary.meals == {
        "breakfast": pytest.approx(banana + eggs),
        "lunch": pytest.approx(lunch),
        "dinner": 0,
        "snacks": pytest.approx(snack),
    }
    assert list(summary.meals) == ["breakfast", "lunch", "dinner", "snacks"]
    assert summary.food_kcal == pytest.approx(sum(summary.meals.values()))


def test_it_counts_only_the_users_own_day(new_alice, bob, banana, monday):
    before = day_summary(new_alice, DAY)
    log_food(bob, day=DAY, meal="dinner", food=banana, quantity=400)
    log_food(new_alice, day=DAY + timedelta(days=1), meal="dinner", food=banana, quantity=400)
    assert day_summary(new_alice, DAY) == before


def test_it_totals_macros_in_grams_and_shares_of_their_calories(new_alice, monday):
    set_goal(new_alice, goal(), on=DAY)
    summary = day_summary(new_alice, DAY)
    entries = Entry.objects.filter(user=new_alice, date=DAY)
    grams = {name: sum(getattr(e, f"{name}_g") or 0 for e in entries) for name in KCAL_PER_GRAM}
    kcal = {name: grams[name] * KCAL_PER_GRAM[name] for name in KCAL_PER_GRAM}

    assert [m.name for m in summary.macros] == ["protein", "carbohydrate", "fat"]
    for macro in summary.macros:
        assert macro.grams == pytest.approx(grams[macro.name])
        assert macro.percent_of_kcal == pytest.approx(100 * kcal[macro.name] / sum(kcal.values()))
    assert sum(m.percent_of_kcal for m in summary.macros) == pytest.approx(100)


def test_macro_targets_follow_the_goals_split(new_alice):
    split = {"protein_percent": 30, "carbohydrate_percent": 40, "fat_percent": 30}
    set_goal(new_alice, goal(**split), on=DAY)
    budget = new_alice.goals.get().budget_kcal
    summary = day_summary(new_alice, DAY)
    for macro in summary.macros:
        percent = split[f"{macro.name}_percent"]
        assert macro.target_percent == percent
        assert macro.target_g == pytest.approx(budget * percent / 100 / KCAL_PER_GRAM[macro.name])


def test_the_default_split_is_20_50_30(new_alice):
    set_goal(new_alice, goal(), on=DAY)
    summary = day_summary(new_alice, DAY)
    assert [m.target_percent for m in summary.macros] == [20, 50, 30]


def test_a_day_without_food_has_zero_food_and_no_macro_shares(new_alice):
    set_goal(new_alice, goal(), on=DAY)
    exercise(new_alice, 100)
    summary = day_summary(new_alice, DAY)
    assert summary.food_kcal == 0
    assert summary.remaining_kcal == pytest.approx(summary.budget_kcal + 100)
    assert summary.meals == dict.fromkeys(["breakfast", "lunch", "dinner", "snacks"], 0)
    assert [(m.grams, m.percent_of_kcal) for m in summary.macros] == [(0, 0)] * 3


def test_quick_adds_without_macros_count_calories_only(new_alice):
    quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=400)
    summary = day_summary(new_alice, DAY)
    assert summary.food_kcal == 400
    assert [(m.grams, m.percent_of_kcal) for m in summary.macros] == [(0, 0)] * 3


def test_entries_a_page_has_loaded_summarise_as_the_day_does(new_alice, monday):
    set_goal(new_alice, goal(), on=DAY)
    entries = list(entries_on(new_alice, DAY))
    exercise(new_alice, 120)
    assert summarize(DAY, entries, goal_on(new_alice, DAY), exercise_kcal=120) == day_summary(
        new_alice, DAY
    )


def test_it_checks_a_day_on_its_own():
    check_day(DAY)
    with pytest.raises(ValidationError) as refused:
        check_day(date(1899, 12, 31))
    assert set(refused.value.message_dict) == {"date"}


# --- the day's nutrients --------------------------------------------------------------------


def test_it_totals_every_nutrient_eaten_in_label_order_with_units(new_alice, monday):
    entries = Entry.objects.filter(user=new_alice, date=DAY)
    totals = {}
    for entry in entries:
        for key, value in entry.nutrients.items():
            totals[key] = totals.get(key, 0) + value

    rows = day_nutrients(new_alice, DAY)

    assert [nutrient.key for nutrient, _ in rows] == [n.key for n in NUTRIENTS if n.key in totals]
    assert {nutrient.key: amount for nutrient, amount in rows} == {
        key: pytest.approx(total, rel=ROUNDING) for key, total in totals.items()
    }
    units = {nutrient.key: nutrient.unit for nutrient, _ in rows}
    assert (units["energy_kcal"], units["protein_g"], units["potassium_mg"]) == ("kcal", "g", "mg")
    assert units["vitamin_a_iu"] == "IU"
    assert rows[0][0].label == "Energy"


def test_a_quick_add_adds_its_calories_and_macros_to_the_nutrients(new_alice):
    quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=400, fat_g=15)
    quick_add(new_alice, day=DAY, meal="dinner", energy_kcal=250)
    assert [(n.key, amount) for n, amount in day_nutrients(new_alice, DAY)] == [
        ("energy_kcal", 650),
        ("fat_g", 15),
    ]


def test_a_day_without_entries_has_no_nutrients(new_alice, bob, banana):
    log_food(bob, day=DAY, meal="lunch", food=banana, quantity=100)
    assert day_nutrients(new_alice, DAY) == []


# --- recent and favourite foods -------------------------------------------------------------


def test_recent_foods_are_most_recent_first_and_each_once(new_alice, banana, egg):
    carrot = usda("11124")
    logged = [
        log_food(new_alice, day=DAY, meal="breakfast", food=banana, quantity=100),
        log_food(new_alice, day=DAY, meal="breakfast", food=egg, quantity=50),
        log_food(new_alice, day=DAY - timedelta(days=3), meal="lunch", food=carrot, quantity=60),
        log_food(new_alice, day=DAY, meal="snacks", food=banana, quantity=100),
    ]
    logged_in_order(*logged)
    assert recent_foods(new_alice) == [banana, carrot, egg]
    assert recent_foods(new_alice, limit=2) == [banana, carrot]


def test_recent_foods_are_the_users_own_and_leave_out_quick_adds(new_alice, bob, banana, egg):
    log_food(new_alice, day=DAY, meal="lunch", food=banana, quantity=100)
    log_food(bob, day=DAY, meal="lunch", food=egg, quantity=100)
    quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=300)
    assert recent_foods(new_alice) == [banana]
    assert recent_foods(bob) == [egg]


def test_recent_foods_never_show_another_users_private_food(new_alice, bob, banana):
    bobs = create_custom_food(bob, "Bob's chili", nutrients={"energy_kcal": 120})
    # Only a caller that skipped visible_food could log it, but the list must not show it.
    logged = [
        log_food(new_alice, day=DAY, meal="lunch", food=banana, quantity=100),
        log_food(new_alice, day=DAY, meal="dinner", food=bobs, quantity=300),
    ]
    logged_in_order(*logged)
    assert recent_foods(new_alice) == [banana]


def test_recent_foods_leave_out_deleted_foods(new_alice, banana, flapjack):
    log_food(new_alice, day=DAY, meal="lunch", food=banana, quantity=100)
    log_food(new_alice, day=DAY, meal="snacks", food=flapjack, quantity=50)
    flapjack.delete()
    assert recent_foods(new_alice) == [banana]


def test_recent_foods_carry_their_servings(new_alice, banana):
    log_food(new_alice, day=DAY, meal="lunch", food=banana, quantity=100)
    (food,) = recent_foods(new_alice)
    assert MEDIUM in [serving.name for serving in food.servings.all()]


def test_a_favourite_is_added_and_removed_once_however_often_asked(new_alice, bob, banana, egg):
    set_favourite(new_alice, banana, True)
    set_favourite(new_alice, banana, True)
    set_favourite(new_alice, egg, True)
    set_favourite(bob, egg, True)
    assert Favourite.objects.filter(user=new_alice, food=banana).count() == 1
    assert set(favourite_foods(new_alice)) == {banana, egg}
    assert len(favourite_foods(new_alice)) == 2

    set_favourite(new_alice, egg, False)
    set_favourite(new_alice, egg, False)
    set_favourite(new_alice, banana, False)
    assert favourite_foods(new_alice) == []
    assert favourite_foods(bob) == [egg]


def test_favourites_are_newest_first(new_alice, banana, egg):
    set_favourite(new_alice, banana, True)
    set_favourite(new_alice, egg, True)
    Favourite.objects.filter(food=banana).update(created=timezone.now() - timedelta(days=1))
    assert favourite_foods(new_alice) == [egg, banana]


# --- properties -----------------------------------------------------------------------------

# Foods whose household measures all have names of their own: a banana, an egg, olive oil
# (884 kcal/100 g), tap water (0 kcal) and carrots (nine measures, one of 3 g).
PROPERTY_FOODS = ("09040", "01123", "04053", "14411", "11124")
QUANTITIES = st.one_of(
    st.floats(min_value=0.01, max_value=100),
    st.floats(min_value=0, exclude_min=True, allow_nan=False, allow_infinity=True),
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(source_id=st.sampled_from(PROPERTY_FOODS), quantity=QUANTITIES, data=st.data())
def test_logged_calories_are_in_proportion_to_weight_up_to_five_kilograms(
    new_alice, source_id, quantity, data
):
    food = usda(source_id)
    choice = data.draw(st.sampled_from(serving_choices(food)), label="serving")
    grams = quantity * choice.grams
    log = {"day": DAY, "meal": "lunch", "food": food, "serving": choice.name}
    if grams > 5000 or quantity < SMALLEST_AMOUNT:
        assert refused_fields(log_food, new_alice, **log, quantity=quantity) == {"quantity"}
        return
    entry = log_food(new_alice, **log, quantity=quantity)
    assert entry.grams == grams
    expected = food.energy_kcal * quantity * choice.grams / 100
    assert entry.energy_kcal == pytest.approx(expected, rel=ROUNDING, abs=1e-300)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    first=st.floats(min_value=0.01, max_value=40),
    then=st.floats(min_value=0.01, max_value=40),
)
def test_editing_the_quantity_gives_what_logging_it_would(new_alice, banana, first, then):
    entry = log_food(new_alice, day=DAY, meal="lunch", food=banana, serving=MEDIUM, quantity=first)
    direct = log_food(new_alice, day=DAY, meal="lunch", food=banana, serving=MEDIUM, quantity=then)
    update_entry(entry, quantity=then)
    assert entry.grams == direct.grams
    # Rounded when logged and again when edited, against once: three half-units at most.
    assert entry.nutrients == {
        key: pytest.approx(value, rel=3 * ROUNDING) for key, value in direct.nutrients.items()
    }
