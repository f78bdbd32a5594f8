"""Exporting everything a person has: the JSON document and the zip of CSV files."""

import csv
import io
import json
import zipfile
from datetime import date

import pytest
from django.contrib.auth.models import User

from openplate.accounts.goals import GoalInput, set_goal
from openplate.accounts.models import ApiToken, Goal, Profile
from openplate.accounts.tokens import create_token
from openplate.body.models import WaterEntry, WeightEntry
from openplate.diary.marks import mark_day
from openplate.diary.models import Entry
from openplate.diary.saved_meals import save_meal
from openplate.diary.services import log_food, quick_add, set_favourite
from openplate.exercise.models import Activity, ExerciseEntry
from openplate.exercise.services import log_activity, log_custom, log_strength
from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food, Serving
from openplate.yourdata import export
from tests.coach.history import a_check_in

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
EGG = "01123"
TABLES = [
    "account",
    "profile",
    "goals",
    "check_ins",
    "diary_entries",
    "favourites",
    "day_marks",
    "saved_meals",
    "saved_meal_items",
    "exercise_entries",
    "weight_entries",
    "water_entries",
    "custom_foods",
    "custom_food_servings",
    "api_tokens",
]
# What `fill` logs for a person, table by table.
COUNTS = {
    "account": 1,
    "profile": 1,
    "goals": 2,
    "check_ins": 1,
    "diary_entries": 3,
    "favourites": 2,
    "day_marks": 1,
    "saved_meals": 1,
    "saved_meal_items": 1,
    "exercise_entries": 3,
    "weight_entries": 2,
    "water_entries": 3,
    "custom_foods": 1,
    "custom_food_servings": 1,
    "api_tokens": 1,
}


def fill(user: User, name: str) -> None:
    """A person who has used everything: goals, food, favourites, exercise, weight, water, one
    food of their own and a token. `name` marks their rows."""
    person = GoalInput(
        sex="female",
        birth_date=date(1990, 1, 1),
        height_cm=165,
        weight_kg=70,
        activity="light",
        rate_kg_per_week=-0.5,
        units="metric",
    )
    set_goal(user, person, on=date(2025, 1, 1))
    set_goal(user, person, on=date(2025, 2, 1))
    egg = Food.objects.get(source="usda", source_id=EGG)
    bar = create_custom_food(
        user,
        f"{name}'s granola bar",
        nutrients={"energy_kcal": 190, "protein_g": 4, "sodium_mg": 95},
        per_grams=40,
        serving_name="1 bar",
    )
    log_food(user, day=DAY, meal="breakfast", food=egg, serving="1 large", quantity=2)
    log_food(user, day=DAY, meal="snacks", food=bar, serving="1 bar", quantity=1)
    quick_add(user, day=DAY, meal="dinner", energy_kcal=600, name=f"{name}'s takeaway")
    set_favourite(user, egg, True)
    set_favourite(user, bar, True)
    save_meal(user, name=f"{name}'s usual breakfast", day=DAY, meal="breakfast")
    mark_day(user, day=DAY, status="fasted")
    WeightEntry.objects.create(user=user, date=date(2025, 3, 1), weight_kg=70.2)
    WeightEntry.objects.create(user=user, date=DAY, weight_kg=69.8, body_fat_percent=31)
    for _ in range(3):
        WaterEntry.objects.create(user=user, date=DAY, ml=250)
    log_activity(user, day=DAY, activity=Activity.objects.get(code="12050"), minutes=30)
    log_custom(user, day=DAY, name=f"{name}'s dance class", energy_kcal=300)
    log_strength(user, day=DAY, name="Squats", sets=3, reps=10, load_kg=40)
    create_token(user, f"{name}'s script")
    a_check_in(user, day=DAY, goal=Goal.objects.filter(user=user).last())


def test_it_exports_every_table_with_every_row(alice, bob):
    tables = export.export_tables(alice)
    assert list(tables) == TABLES
    assert export.row_counts(tables) == COUNTS


def test_it_never_exports_another_persons_data(alice, bob):
    text = export.export_json(alice).decode()
    assert "Bob" not in text
    assert "bob" not in text
    for table, rows in export.export_tables(alice).items():
        for row in rows:
            assert row.get("user_id", alice.pk) == alice.pk, table
            assert row.get("owner_id", alice.pk) == alice.pk, table


def test_it_exports_no_secret(alice):
    text = export.export_json(alice).decode()
    token = ApiToken.objects.get(user=alice)
    assert token.digest not in text
    assert token.prefix not in text
    assert alice.password not in text
    assert '"password"' not in text
    assert '"digest"' not in text
    account = json.loads(text)["account"]
    assert account["username"] == "alice"
    assert account["email"] == "alice@example.com"
    assert "is_superuser" not in account


def test_the_json_document_has_a_header_and_round_trips(alice):
    document = json.loads(export.export_json(alice))
    assert document["format"] == "openplate-export"
    assert document["format_version"] == export.FORMAT_VERSION
    assert document["exported_at"]
    assert json.loads(json.dumps(document)) == document
    assert document["profile"]["units"] == "metric"
    assert document["profile"]["water_goal_ml"] == Profile.objects.get(user=alice).water_goal_ml
    tokens = document["api_tokens"]
    assert [token["name"] for token in tokens] == ["Alice's script"]
    assert set(tokens[0]) == {"id", "name", "created", "last_used"}


def test_it_exports_every_field_of_a_model_even_new_ones(alice):
    """The export reads the models' fields, so a field added later is exported too."""
    document = export.export_document(alice)
    goal_fields = {field.attname for field in Goal._meta.concrete_fields if field.name != "user"}
    assert set(document["goals"][0]) == goal_fields
    assert (
        document["goals"][0]["budget_kcal"] == Goal.objects.filter(user=alice).first().budget_kcal
    )
    entry_fields = {f.attname for f in Entry._meta.concrete_fields if f.name != "user"}
    assert entry_fields <= set(document["diary_entries"][0])
    exercise_fields = {f.attname for f in ExerciseEntry._meta.concrete_fields if f.name != "user"}
    assert exercise_fields <= set(document["exercise_entries"][0])


def test_it_keeps_each_entrys_nutrients_and_names_its_food(alice):
    document = export.export_document(alice)
    eggs, bar, takeaway = document["diary_entries"]
    assert eggs["nutrients"]["protein_g"] == pytest.approx(12.56)
    assert (eggs["food_source"], eggs["food_source_id"]) == ("usda", EGG)
    assert eggs["date"] == "2025-03-03"
    assert bar["food_id"] == document["custom_foods"][0]["id"]
    assert takeaway["food_id"] is None
    assert takeaway["food_source"] is None
    run = document["exercise_entries"][0]
    assert run["activity_code"] == "12050"


def test_it_exports_saved_meals_with_their_foods(alice):
    document = export.export_document(alice)
    [usual] = document["saved_meals"]
    assert (usual["name"], usual["meal"]) == ("Alice's usual breakfast", "breakfast")
    items = document["saved_meal_items"]
    assert items[0]["saved_meal_id"] == usual["id"]
    assert [(i["food_source"], i["food_source_id"], i["quantity"]) for i in items] == [
        ("usda", EGG, 2)
    ]
    assert items[0]["nutrients"]["protein_g"] == pytest.approx(12.56)


def test_it_exports_custom_foods_with_nutrients_and_servings(alice):
    food = export.export_document(alice)["custom_foods"][0]
    assert food["name"] == "Alice's granola bar"
    assert food["source"] == "custom"
    assert food["nutrients"]["energy_kcal"] == pytest.approx(475)  # 190 kcal per 40 g
    assert food["servings"] == [
        {
            "id": Serving.objects.get(food__owner=alice).pk,
            "name": "1 bar",
            "grams": 40.0,
            "position": 0,
        }
    ]
    assert "measure_count" not in food


def test_a_person_with_nothing_exports_empty_tables(new_alice):
    document = export.export_document(new_alice)
    assert document["profile"] is None
    assert document["goals"] == []
    archive = zipfile.ZipFile(io.BytesIO(export.export_zip(new_alice)))
    header = next(csv.reader(io.StringIO(archive.read("weight_entries.csv").decode())))
    assert header == ["id", "date", "weight_kg", "body_fat_percent", "created", "updated"]


def read_csv(archive: zipfile.ZipFile, table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(f"{table}.csv").decode("utf-8"))))


def test_the_zip_has_a_csv_per_table_with_its_rows_and_a_readme(alice, bob):
    archive = zipfile.ZipFile(io.BytesIO(export.export_zip(alice)))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == sorted(["README.txt", *(f"{t}.csv" for t in TABLES)])
    for table, count in COUNTS.items():
        assert len(read_csv(archive, table)) == count, table
    readme = archive.read("README.txt").decode()
    for table in TABLES:
        assert f"{table}.csv" in readme
    assert "Bob" not in archive.read("diary_entries.csv").decode()


def test_the_csv_spreads_nutrients_into_columns(alice):
    archive = zipfile.ZipFile(io.BytesIO(export.export_zip(alice)))
    entries = read_csv(archive, "diary_entries")
    columns = list(entries[0])
    assert "nutrients" not in columns
    assert columns.index("nutrients.energy_kcal") < columns.index("nutrients.sodium_mg")
    assert float(entries[0]["nutrients.protein_g"]) == pytest.approx(12.56)
    assert entries[2]["nutrients.protein_g"] == ""  # the quick add has no nutrients
    goals = read_csv(archive, "goals")
    assert json.loads(goals[0]["warnings"]) == []
    assert goals[0]["floor_applied"] == "false"
    assert set(read_csv(archive, "api_tokens")[0]) == {"id", "name", "created", "last_used"}


def test_it_names_the_file_for_the_person_and_day(alice):
    name = export.export_filename(alice, "zip")
    assert name.startswith("openplate-alice-")
    assert name.endswith(".zip")


# --- The API: GET /export ----------------------------------------------------------------------


def test_the_api_exports_the_same_document(alice, alice_api, bob):
    response = alice_api.get("/export", format="json")
    assert response.status_code == 200
    document = response.json()
    expected = json.loads(export.export_json(alice))
    for key in ("exported_at", "api_tokens"):  # the client's own token is one more
        document.pop(key)
        expected.pop(key)
    assert document == expected
    assert alice_api.get("/export").json()["format"] == "openplate-export"


def test_the_api_exports_the_zip(alice_api):
    response = alice_api.get("/export", format="zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert len(read_csv(archive, "diary_entries")) == COUNTS["diary_entries"]


def test_the_api_refuses_an_unknown_format(alice_api):
    response = alice_api.get("/export", format="xml")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "format"]
