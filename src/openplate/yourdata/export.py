"""Everything a person has in OpenPlate, to take away: one JSON document, or a zip of CSV files.

The tables are the person's account, profile, goals (with how each budget was computed), weekly
check-ins, diary entries (with the nutrients they counted), favourite foods, marks on days, saved
meals, exercise, weight and water entries, the foods they made (with their servings) and their
API tokens' names and dates.
Another person's data is never read: every query filters on the person.

Each table takes its model's fields as they are (`_meta.concrete_fields`), so a field added to a
model is exported without a change here. Left out are secrets (`SECRET_FIELDS`), the link to
the person themselves (`user`, `owner`) and what only the app uses (`INTERNAL_FIELDS`). A link
to another row is exported as that row's id (`food_id`), which the export's other tables or the
API know, with the linked food's source and source id, or the activity's Compendium code, so the
export still makes sense on another server.

It is one person's data, so it is built in memory.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

from openplate import __version__
from openplate.accounts.models import ApiToken, Goal, Profile
from openplate.accounts.profile import time_zone_name_of, today_for
from openplate.body.models import WaterEntry, WeightEntry
from openplate.coach.models import CheckIn
from openplate.diary.models import DayMark, Entry, Favourite, SavedMeal, SavedMealItem
from openplate.exercise.models import ExerciseEntry
from openplate.foods.models import Food, Serving
from openplate.foods.nutrients import NUTRIENTS

if TYPE_CHECKING:
    from django.contrib.auth.models import User

FORMAT = "openplate-export"
FORMAT_VERSION = 1
JSON_CONTENT_TYPE = "application/json"
ZIP_CONTENT_TYPE = "application/zip"

# Never exported, whatever the model: a password's hash, a token's digest or its first letters.
SECRET_FIELDS = frozenset({"password", "digest", "prefix"})
# The person themselves, the same on every row.
PERSON_FIELDS = frozenset({"user", "owner"})
# What only the app uses: permissions, and how search ranks the shipped foods.
INTERNAL_FIELDS = frozenset(
    {"is_superuser", "is_staff", "groups", "user_permissions", "measure_count", "variant_count"}
)
LEFT_OUT = SECRET_FIELDS | PERSON_FIELDS | INTERNAL_FIELDS

Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    """One table of the export: its name (the CSV file's, the JSON key), what it holds, and how
    its rows are read for a person."""

    name: str
    description: str
    model: type[models.Model]
    rows: Callable[[User], list[Row]]
    extra_columns: tuple[str, ...] = ()  # beyond the model's fields
    single: bool = False  # one row at most: an object (or null) in the JSON document

    def columns(self) -> list[str]:
        """The model's exported fields, then the extra columns."""
        own = [
            field.attname if field.is_relation else field.name
            for field in self.model._meta.concrete_fields
            if field.name not in LEFT_OUT
        ]
        return own + list(self.extra_columns)


def export_tables(user: User) -> dict[str, list[Row]]:
    """Every table's rows for `user`, by table name, in `TABLES` order."""
    return {table.name: table.rows(user) for table in TABLES}


def export_document(user: User, tables: dict[str, list[Row]] | None = None) -> dict[str, Any]:
    """The JSON export: a header, then each table; a custom food carries its servings."""
    tables = export_tables(user) if tables is None else tables
    servings: dict[int, list[Row]] = {}
    for serving in tables["custom_food_servings"]:
        servings.setdefault(serving["food_id"], []).append(
            {key: value for key, value in serving.items() if key != "food_id"}
        )
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "app_version": __version__,
    }
    for table in TABLES:
        rows = tables[table.name]
        if table.name == "custom_food_servings":
            continue
        if table.name == "custom_foods":
            rows = [{**food, "servings": servings.get(food["id"], [])} for food in rows]
        document[table.name] = (rows[0] if rows else None) if table.single else rows
    return document


def export_json(user: User) -> bytes:
    """The JSON export as UTF-8 bytes."""
    return json_bytes(export_document(user))


def json_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, indent=2, ensure_ascii=False).encode()


def export_zip(user: User, tables: dict[str, list[Row]] | None = None) -> bytes:
    """The CSV export: a zip with one CSV file per table and a README.txt that explains them."""
    tables = export_tables(user) if tables is None else tables
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme(user, tables))
        for table in TABLES:
            archive.writestr(f"{table.name}.csv", _csv(table, tables[table.name]))
    return buffer.getvalue()


def row_counts(tables: dict[str, list[Row]]) -> dict[str, int]:
    return {name: len(rows) for name, rows in tables.items()}


def export_filename(user: User, extension: str) -> str:
    """`openplate-alice-2025-03-03.json`, dated the person's today."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in user.get_username())
    return f"openplate-{safe}-{today_for(user):%Y-%m-%d}.{extension}"


# --- Reading the tables ------------------------------------------------------------------------


def _rows(objects: Iterable[models.Model], extra: Callable[[Any], Row] | None = None) -> list[Row]:
    return [{**_fields(obj), **(extra(obj) if extra else {})} for obj in objects]


def _fields(obj: models.Model) -> Row:
    """The object's own fields, as JSON values, a link as the linked row's id."""
    row: Row = {}
    for field in obj._meta.concrete_fields:
        if field.name in LEFT_OUT:
            continue
        if field.is_relation:
            row[field.attname] = getattr(obj, field.attname)
        else:
            row[field.name] = _plain(field.value_from_object(obj))
    return row


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def _food_reference(food: Food | None) -> Row:
    """Which food, on any server: "usda" and its NDB number, or "custom" and ""."""
    return {
        "food_source": food.source if food else None,
        "food_source_id": food.source_id if food else None,
    }


def _account(user: User) -> list[Row]:
    return [{**_fields(user), "time_zone": time_zone_name_of(user)}]


def _profile(user: User) -> list[Row]:
    return _rows(Profile.objects.filter(user=user))


def _goals(user: User) -> list[Row]:
    return _rows(Goal.objects.filter(user=user).order_by("starts_on"))


def _check_ins(user: User) -> list[Row]:
    return _rows(CheckIn.objects.filter(user=user).order_by("date"))


def _diary_entries(user: User) -> list[Row]:
    entries = Entry.objects.filter(user=user).select_related("food").order_by("date", "created")
    return _rows(entries, lambda entry: _food_reference(entry.food))


def _favourites(user: User) -> list[Row]:
    favourites = Favourite.objects.filter(user=user).select_related("food").order_by("created")
    return _rows(favourites, lambda fav: {"food_name": fav.food.name} | _food_reference(fav.food))


def _day_marks(user: User) -> list[Row]:
    return _rows(DayMark.objects.filter(user=user).order_by("day"))


def _saved_meals(user: User) -> list[Row]:
    return _rows(SavedMeal.objects.filter(user=user).order_by("created", "id"))


def _saved_meal_items(user: User) -> list[Row]:
    items = SavedMealItem.objects.filter(saved_meal__user=user).select_related("food")
    return _rows(
        items.order_by("saved_meal_id", "position", "id"), lambda item: _food_reference(item.food)
    )


def _exercise_entries(user: User) -> list[Row]:
    entries = ExerciseEntry.objects.filter(user=user).select_related("activity")
    return _rows(
        entries.order_by("date", "created"),
        lambda entry: {"activity_code": entry.activity.code if entry.activity else None},
    )


def _weight_entries(user: User) -> list[Row]:
    return _rows(WeightEntry.objects.filter(user=user).order_by("date"))


def _water_entries(user: User) -> list[Row]:
    return _rows(WaterEntry.objects.filter(user=user).order_by("date", "created"))


def _custom_foods(user: User) -> list[Row]:
    return _rows(Food.objects.filter(owner=user).order_by("created", "id"))


def _custom_food_servings(user: User) -> list[Row]:
    return _rows(Serving.objects.filter(food__owner=user).order_by("food_id", "position", "id"))


def _api_tokens(user: User) -> list[Row]:
    return _rows(ApiToken.objects.filter(user=user).order_by("created"))


FOOD_REFERENCE = ("food_source", "food_source_id")

TABLES: tuple[Table, ...] = (
    Table(
        "account",
        "Your user name, e-mail address, when you joined and the time zone your days follow.",
        get_user_model(),
        _account,
        ("time_zone",),
        single=True,
    ),
    Table(
        "profile",
        "Your units, water goal and what the goal form asks.",
        Profile,
        _profile,
        single=True,
    ),
    Table(
        "goals",
        "Every goal, from the day it starts, with the inputs and each step of its budget.",
        Goal,
        _goals,
    ),
    Table(
        "check_ins",
        "Every weekly check-in: the trend weight, the expenditure estimated with its band, the "
        "days logged, the budget proposed and why it was held back, the forecast, and whether "
        "you accepted it (goal_id is the goal it was made for).",
        CheckIn,
        _check_ins,
    ),
    Table(
        "diary_entries",
        "Every food logged, with the nutrients it counted for the amount eaten. food_id, "
        "food_source and food_source_id name the food (a custom_foods id for your own foods).",
        Entry,
        _diary_entries,
        FOOD_REFERENCE,
    ),
    Table(
        "favourites",
        "Your favourite foods.",
        Favourite,
        _favourites,
        ("food_name", *FOOD_REFERENCE),
    ),
    Table(
        "day_marks",
        "The days you marked for the expenditure estimate: complete (counted as logged), "
        "excluded (its food left out) or fasted (counted as 0 kcal).",
        DayMark,
        _day_marks,
    ),
    Table(
        "saved_meals",
        "The meals you saved to log again, each with the meal it logs to.",
        SavedMeal,
        _saved_meals,
    ),
    Table(
        "saved_meal_items",
        "The foods of your saved meals (saved_meal_id is a saved_meals id), with the nutrients "
        "each counts, named as in diary_entries.",
        SavedMealItem,
        _saved_meal_items,
        FOOD_REFERENCE,
    ),
    Table(
        "exercise_entries",
        "Exercise logged; activity_code is the 2011 Compendium of Physical Activities code.",
        ExerciseEntry,
        _exercise_entries,
        ("activity_code",),
    ),
    Table("weight_entries", "Weigh-ins, in kilograms.", WeightEntry, _weight_entries),
    Table("water_entries", "Water drunk, in millilitres.", WaterEntry, _water_entries),
    Table(
        "custom_foods",
        "The foods you made, with their nutrients per 100 g.",
        Food,
        _custom_foods,
    ),
    Table(
        "custom_food_servings",
        "The servings of your foods, in grams; food_id is a custom_foods id.",
        Serving,
        _custom_food_servings,
    ),
    Table(
        "api_tokens",
        "Your API tokens' names and dates. The tokens themselves are never stored or exported.",
        ApiToken,
        _api_tokens,
    ),
)


# --- CSV ---------------------------------------------------------------------------------------

NUTRIENT_ORDER = {nutrient.key: position for position, nutrient in enumerate(NUTRIENTS)}


def _csv(table: Table, rows: list[Row]) -> str:
    """`rows` as CSV with a header row. A dict of amounts (nutrients) becomes one column per
    key, `nutrients.protein_g`; a list (a goal's warnings) is written as JSON."""
    columns = _columns(table, rows)
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        flat = _flatten(row)
        writer.writerow([_cell(flat.get(column)) for column in columns])
    return output.getvalue()


def _columns(table: Table, rows: list[Row]) -> list[str]:
    """The table's columns, each dict field (nutrients) spread into its keys, in the nutrient
    table's order."""
    spread: dict[str, set[str]] = {}
    for row in rows:
        for key, value in row.items():
            if isinstance(value, dict):
                spread.setdefault(key, set()).update(value)
    result: list[str] = []
    for column in table.columns():
        if column in spread:
            result.extend(f"{column}.{key}" for key in sorted(spread[column], key=_nutrient_order))
        elif not _is_dict_field(table.model, column):
            result.append(column)
    return result


def _nutrient_order(key: str) -> tuple[int, str]:
    return NUTRIENT_ORDER.get(key, len(NUTRIENT_ORDER)), key


def _is_dict_field(model: type[models.Model], column: str) -> bool:
    """A JSON field of amounts that no row has any of: no column at all."""
    try:
        field = model._meta.get_field(column)
    except FieldDoesNotExist:
        return False
    return isinstance(field, models.JSONField) and field.default is dict


def _flatten(row: Row) -> Row:
    flat: Row = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update({f"{key}.{inner}": amount for inner, amount in value.items()})
        else:
            flat[key] = value
    return flat


# What makes a spreadsheet read a text cell as a formula (OWASP, "CSV Injection"): a food named
# "=HYPERLINK(...)" would otherwise run as one when the export is opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _text_cell(value)
    return value  # a number, negative ones too, stays a number


def _text_cell(text: str) -> str:
    """Text that a spreadsheet would take for a formula, with a `'` before it, which makes the
    cell plain text (and which a spreadsheet does not show)."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _readme(user: User, tables: dict[str, list[Row]]) -> str:
    lines = [
        f"OpenPlate export of {user.get_username()}, made {timezone.now():%Y-%m-%d %H:%M} UTC",
        f"by OpenPlate {__version__} (export format {FORMAT_VERSION}).",
        "",
        "One CSV file per table, UTF-8, with a header row. Dates are YYYY-MM-DD and times ISO 8601",
        "in UTC. Masses are in grams or kilograms and energy in kcal, as the column names say.",
        "An empty cell is a value that is not known. The nutrients of a diary entry are for",
        "the amount eaten, those of a custom food per 100 g, one column each",
        "(nutrients.protein_g). A text that begins with = + - @, a tab or a carriage return",
        "has a ' before it, so that a spreadsheet shows it as text and never runs it as a formula.",
        "Each row's id is the one the OpenPlate API uses.",
        "",
    ]
    for table in TABLES:
        count = len(tables[table.name])
        lines.append(f"{table.name}.csv ({count} {'row' if count == 1 else 'rows'})")
        lines.append(f"    {table.description}")
    lines += ["", "The same data as one JSON document: Settings > Your data > Download JSON.", ""]
    return "\r\n".join(lines)
