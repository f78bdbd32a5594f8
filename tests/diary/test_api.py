"""The diary endpoints: entries, copies, a day's summary and nutrients, favourite and recent
foods."""

from datetime import date, timedelta

import pytest

from openplate.diary.models import Entry, Favourite
from openplate.diary.services import quick_add
from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food
from tests.api_client import ApiClient, locations, make_user

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
BODY = ["body", "payload"]


@pytest.fixture
def alice():
    return ApiClient(make_user("alice"))


@pytest.fixture
def bob():
    return ApiClient(make_user("bob"))


@pytest.fixture
def egg():
    return Food.objects.get(source="usda", source_id="01123")  # 143 kcal/100 g, 1 large = 50 g


@pytest.fixture
def banana():
    return Food.objects.get(source="usda", source_id="09040")


def log(client, food, *, day=DAY, meal="breakfast", serving="g", quantity=100.0):
    body = {
        "date": day.isoformat(),
        "meal": meal,
        "food_id": food.pk,
        "serving": serving,
        "quantity": quantity,
    }
    response = client.post("/entries", body)
    assert response.status_code == 201, response.content
    return response.json()


# --- logging food ------------------------------------------------------------------------------


def test_it_logs_a_food_by_its_household_measure(alice, egg):
    entry = log(alice, egg, serving="1 large", quantity=2)
    assert entry["grams"] == 100
    assert entry["serving_grams"] == 50
    assert entry["energy_kcal"] == 143
    assert entry["food_id"] == egg.pk
    assert entry["name"] == egg.name
    assert entry["quick_add"] is False
    by_key = {n["key"]: n for n in entry["nutrients"]}
    assert by_key["protein_g"] == {
        "key": "protein_g",
        "name": "Protein",
        "amount": 12.56,
        "unit": "g",
    }


def test_it_logs_grams_and_ounces(alice, egg):
    assert log(alice, egg, serving="g", quantity=50)["energy_kcal"] == 71.5
    ounce = log(alice, egg, serving="oz", quantity=1)
    assert ounce["grams"] == pytest.approx(28.3495, abs=1e-4)
    assert ounce["energy_kcal"] == pytest.approx(40.54, abs=0.01)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quantity": 0}, "quantity"),
        ({"quantity": -1}, "quantity"),
        ({"quantity": 5001}, "quantity"),
        ({"serving": "1 truckload"}, "serving"),
        ({"date": "1899-12-31"}, "date"),
        ({"date": (date.today() + timedelta(days=367)).isoformat()}, "date"),
        ({"date": "2025-02-30"}, "date"),
        ({"meal": "brunch"}, "meal"),
        ({"quantity": "a lot"}, "quantity"),
        ({"food_id": 0}, "food_id"),
    ],
)
def test_it_refuses_an_entry_naming_the_field(alice, egg, change, field):
    body = {"date": DAY.isoformat(), "meal": "lunch", "food_id": egg.pk, "quantity": 1} | change
    response = alice.post("/entries", body)
    assert locations(response) == [[*BODY, field]]
    assert not Entry.objects.exists()


def test_it_refuses_five_kilos_of_one_food_in_household_measures(alice, egg):
    response = alice.post(
        "/entries",
        {"date": DAY.isoformat(), "meal": "lunch", "food_id": egg.pk, "serving": "1 large",
         "quantity": 101},
    )  # fmt: skip
    assert locations(response) == [[*BODY, "quantity"]]
    assert "5.0 kg" in response.json()["detail"][0]["msg"]


def test_it_refuses_another_persons_food_as_it_refuses_a_missing_one(alice, bob):
    bobs = create_custom_food(bob.user, "Bob's stew", nutrients={"energy_kcal": 120})
    body = {"date": DAY.isoformat(), "meal": "lunch", "quantity": 100}
    refused = alice.post("/entries", body | {"food_id": bobs.pk})
    missing = alice.post("/entries", body | {"food_id": 10**9})
    assert refused.status_code == missing.status_code == 422
    assert refused.json() == missing.json()
    assert not Entry.objects.filter(user=alice.user).exists()


def test_it_logs_ones_own_food(alice):
    stew = create_custom_food(alice.user, "Stew", nutrients={"energy_kcal": 120})
    assert log(alice, stew, quantity=250)["energy_kcal"] == 300


# --- quick add ---------------------------------------------------------------------------------


def test_it_quick_adds_calories_and_macros(alice):
    response = alice.post(
        "/entries/quick-add",
        {"date": DAY.isoformat(), "meal": "snacks", "energy_kcal": 250, "protein_g": 10,
         "name": "  Party   cake "},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    entry = response.json()
    assert entry["quick_add"] is True
    assert (entry["name"], entry["energy_kcal"], entry["protein_g"]) == ("Party cake", 250, 10)
    assert entry["fat_g"] is None
    assert entry["food_id"] is None
    assert entry["grams"] is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"energy_kcal": 0}, "energy_kcal"),
        ({"energy_kcal": 10001}, "energy_kcal"),
        ({"protein_g": -1}, "protein_g"),
        ({"name": "x" * 256}, "name"),
        ({"meal": "elevenses"}, "meal"),
    ],
)
def test_it_refuses_a_quick_add_naming_the_field(alice, change, field):
    body = {"date": DAY.isoformat(), "meal": "snacks", "energy_kcal": 100} | change
    assert locations(alice.post("/entries/quick-add", body)) == [[*BODY, field]]
    assert not Entry.objects.exists()


# --- reading, changing and deleting entries -----------------------------------------------------


def test_it_lists_a_days_entries_in_logging_order(alice, egg, banana):
    first = log(alice, egg, meal="breakfast")
    second = log(alice, banana, meal="snacks")
    log(alice, egg, day=DAY + timedelta(days=1))
    response = alice.get("/entries", date=DAY.isoformat())
    assert response.status_code == 200
    assert [entry["id"] for entry in response.json()] == [first["id"], second["id"]]
    assert "nutrients" not in response.json()[0]


def test_it_lists_a_full_day_in_a_few_queries(alice, egg, django_assert_max_num_queries):
    for _ in range(20):
        log(alice, egg)
    with django_assert_max_num_queries(3):  # the token, its last use, the entries
        assert len(alice.get("/entries", date=DAY.isoformat()).json()) == 20


@pytest.mark.parametrize("query", [{}, {"date": "yesterday"}, {"date": "1800-01-01"}])
def test_it_needs_a_sane_date_to_list_entries(alice, query):
    assert locations(alice.get("/entries", **query)) == [["query", "date"]]


def test_it_shows_one_entry_with_its_nutrients(alice, egg):
    entry = log(alice, egg, serving="1 large", quantity=1)
    response = alice.get(f"/entries/{entry['id']}")
    assert response.status_code == 200
    assert response.json() == entry


def test_it_rescales_an_entry_to_a_new_quantity(alice, egg):
    entry = log(alice, egg, serving="1 large", quantity=1)
    response = alice.patch(f"/entries/{entry['id']}", {"quantity": 3, "meal": "dinner"})
    assert response.status_code == 200, response.content
    changed = response.json()
    assert (changed["grams"], changed["energy_kcal"], changed["meal"]) == (150, 214.5, "dinner")
    assert changed["serving"] == "1 large"


def test_it_moves_an_entry_to_another_day_and_serving(alice, egg):
    entry = log(alice, egg, serving="1 large", quantity=2)
    later = DAY + timedelta(days=1)
    response = alice.patch(
        f"/entries/{entry['id']}", {"date": later.isoformat(), "serving": "g", "quantity": 50}
    )
    assert response.status_code == 200, response.content
    assert (response.json()["date"], response.json()["energy_kcal"]) == (later.isoformat(), 71.5)


def test_it_keeps_the_amounts_an_entry_was_logged_with(alice):
    stew = create_custom_food(alice.user, "Stew", nutrients={"energy_kcal": 100})
    entry = log(alice, stew, quantity=100)
    stew.set_nutrients({"energy_kcal": 300})
    stew.save()
    changed = alice.patch(f"/entries/{entry['id']}", {"quantity": 200}).json()
    assert changed["energy_kcal"] == 200


def test_it_changes_a_quick_adds_calories_and_clears_a_macro(alice):
    entry = quick_add(alice.user, day=DAY, meal="snacks", energy_kcal=100, protein_g=5)
    response = alice.patch(f"/entries/{entry.pk}", {"energy_kcal": 150, "protein_g": None})
    assert response.status_code == 200, response.content
    assert (response.json()["energy_kcal"], response.json()["protein_g"]) == (150, None)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quantity": 0}, "quantity"),
        ({"quantity": None}, "quantity"),
        ({"serving": "1 bucket"}, "serving"),
        ({"meal": "brunch"}, "meal"),
        ({"date": "1066-10-14"}, "date"),
        ({"energy_kcal": 500}, "energy_kcal"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_it_refuses_a_change_and_changes_nothing(alice, egg, change, field):
    entry = log(alice, egg, serving="1 large", quantity=1)
    assert locations(alice.patch(f"/entries/{entry['id']}", change)) == [[*BODY, field]]
    assert alice.get(f"/entries/{entry['id']}").json() == entry


def test_it_refuses_a_quick_add_name_too_long_to_keep(alice):
    entry = quick_add(alice.user, day=DAY, meal="snacks", energy_kcal=100)
    assert locations(alice.patch(f"/entries/{entry.pk}", {"name": "x" * 256})) == [[*BODY, "name"]]
    assert Entry.objects.get(pk=entry.pk).name == "Quick add"


def test_it_refuses_a_serving_for_a_quick_add(alice):
    entry = quick_add(alice.user, day=DAY, meal="snacks", energy_kcal=100)
    response = alice.patch(f"/entries/{entry.pk}", {"quantity": 2})
    assert locations(response) == [[*BODY, "quantity"]]


def test_it_deletes_an_entry(alice, egg):
    entry = log(alice, egg)
    assert alice.delete(f"/entries/{entry['id']}").status_code == 204
    assert alice.get(f"/entries/{entry['id']}").status_code == 404


def test_it_answers_404_for_a_missing_entry(alice):
    assert alice.get("/entries/999999").status_code == 404
    assert alice.patch("/entries/999999", {"quantity": 1}).status_code == 404
    assert alice.delete("/entries/999999").status_code == 404


# --- copying -----------------------------------------------------------------------------------


def test_it_copies_a_whole_day(alice, egg, banana):
    log(alice, egg, meal="breakfast")
    log(alice, banana, meal="snacks")
    to_day = DAY + timedelta(days=7)
    response = alice.post(
        "/entries/copy", {"from_date": DAY.isoformat(), "to_date": to_day.isoformat()}
    )
    assert response.status_code == 201, response.content
    copies = response.json()
    assert [(c["meal"], c["name"], c["date"]) for c in copies] == [
        ("breakfast", egg.name, to_day.isoformat()),
        ("snacks", banana.name, to_day.isoformat()),
    ]
    assert len(alice.get("/entries", date=to_day.isoformat()).json()) == 2


def test_it_copies_one_meal_into_another(alice, egg, banana):
    log(alice, egg, meal="breakfast")
    log(alice, banana, meal="snacks")
    response = alice.post(
        "/entries/copy",
        {"from_date": DAY.isoformat(), "to_date": DAY.isoformat(), "meal": "breakfast",
         "to_meal": "lunch"},
    )  # fmt: skip
    assert [(c["meal"], c["name"]) for c in response.json()] == [("lunch", egg.name)]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"to_meal": "lunch"}, "to_meal"),  # a whole day keeps each entry's meal
        ({"to_date": "2999-01-01"}, "to_date"),
        ({"from_date": "1800-01-01"}, "from_date"),
        ({"meal": "brunch"}, "meal"),
    ],
)
def test_it_refuses_a_copy_naming_the_field(alice, egg, change, field):
    log(alice, egg)
    body = {"from_date": DAY.isoformat(), "to_date": (DAY + timedelta(days=1)).isoformat()}
    assert locations(alice.post("/entries/copy", body | change)) == [[*BODY, field]]
    assert Entry.objects.count() == 1


# --- a day -------------------------------------------------------------------------------------


def test_it_sums_up_a_day_against_the_budget(alice, egg):
    goal = {
        "sex": "female", "birth_date": "1990-01-01", "height_cm": 165, "weight_kg": 70,
        "activity": "light", "rate_lb_per_week": -1,
    }  # fmt: skip
    budget = alice.post("/goals", goal).json()["budget_kcal"]
    log(alice, egg, meal="breakfast", quantity=200)  # 286 kcal
    quick_add(alice.user, day=DAY, meal="dinner", energy_kcal=500)
    day = alice.get(f"/days/{DAY}").json()
    assert day["date"] == DAY.isoformat()
    assert day["budget_kcal"] == budget
    assert day["food_kcal"] == 786
    assert day["exercise_kcal"] == 0
    assert day["remaining_kcal"] == pytest.approx(budget - 786)
    assert day["meals"] == {"breakfast": 286, "lunch": 0, "dinner": 500, "snacks": 0}
    protein = next(m for m in day["macros"] if m["name"] == "protein")
    assert protein["grams"] == pytest.approx(25.12)
    assert protein["target_percent"] == 20
    assert protein["target_g"] == pytest.approx(budget * 0.20 / 4)
    assert sum(m["percent_of_kcal"] for m in day["macros"]) == pytest.approx(100)
    assert day["goal"]["budget_kcal"] == budget


def test_it_shows_a_day_without_a_goal(alice):
    day = alice.get(f"/days/{DAY}").json()
    assert (day["budget_kcal"], day["remaining_kcal"], day["goal"], day["food_kcal"]) == (
        None, None, None, 0
    )  # fmt: skip
    assert all(m["target_g"] is None for m in day["macros"])


@pytest.mark.parametrize("path", ["/days/2025-13-01", "/days/1800-01-01/nutrients"])
def test_it_needs_a_sane_day(alice, path):
    assert locations(alice.get(path)) == [["path", "day"]]


def test_it_totals_a_days_nutrients_in_label_order(alice, egg, banana):
    log(alice, egg, quantity=100)
    log(alice, banana, quantity=100)
    response = alice.get(f"/days/{DAY}/nutrients")
    assert response.status_code == 200
    nutrients = response.json()["nutrients"]
    assert nutrients[0] == {"key": "energy_kcal", "name": "Energy", "amount": 232, "unit": "kcal"}
    by_key = {n["key"]: n for n in nutrients}
    assert by_key["potassium_mg"]["amount"] == pytest.approx(
        egg.nutrients["potassium_mg"] + banana.nutrients["potassium_mg"]
    )


# --- favourite and recent foods ----------------------------------------------------------------


def test_it_lists_foods_in_a_few_queries(alice, egg, banana, django_assert_max_num_queries):
    log(alice, egg)
    log(alice, banana)
    alice.put(f"/favourites/{egg.pk}")
    alice.put(f"/favourites/{banana.pk}")
    for path in ("/favourites", "/recent-foods"):
        with django_assert_max_num_queries(5):
            assert len(alice.get(path).json()) == 2


def test_it_keeps_favourite_foods(alice, egg, banana):
    assert alice.put(f"/favourites/{egg.pk}").status_code == 204
    assert alice.put(f"/favourites/{banana.pk}").status_code == 204
    assert alice.put(f"/favourites/{banana.pk}").status_code == 204  # again is fine
    assert [f["name"] for f in alice.get("/favourites").json()] == [banana.name, egg.name]
    assert alice.delete(f"/favourites/{banana.pk}").status_code == 204
    assert alice.delete(f"/favourites/{banana.pk}").status_code == 204
    assert [f["id"] for f in alice.get("/favourites").json()] == [egg.pk]


def test_it_answers_404_for_a_missing_favourite_food(alice):
    assert alice.put("/favourites/999999").status_code == 404
    assert alice.delete("/favourites/999999").status_code == 404


def test_it_lists_recent_foods_most_recent_first(alice, egg, banana):
    log(alice, egg)
    log(alice, banana)
    log(alice, egg)
    recent = alice.get("/recent-foods").json()
    assert [food["id"] for food in recent] == [egg.pk, banana.pk]
    assert [food["id"] for food in alice.get("/recent-foods", limit=1).json()] == [egg.pk]
    assert locations(alice.get("/recent-foods", limit=51)) == [["query", "limit"]]


def test_it_keeps_favourites_and_entries_apart_per_person(alice, bob, egg):
    log(alice, egg)
    alice.put(f"/favourites/{egg.pk}")
    assert bob.get("/favourites").json() == []
    assert bob.get("/recent-foods").json() == []
    assert bob.get("/entries", date=DAY.isoformat()).json() == []
    assert Favourite.objects.filter(user=bob.user).count() == 0
