"""The diary endpoints: entries, copies, a day's summary and nutrients, favourite and recent
foods."""

from datetime import date, timedelta

import pytest

from openplate.accounts.exercise_share import set_exercise_share
from openplate.accounts.models import ExerciseShare
from openplate.core.dates import DAYS_AHEAD, latest_today
from openplate.diary.models import Entry, Favourite
from openplate.diary.services import quick_add
from openplate.exercise.services import log_custom
from openplate.foods.custom import create_custom_food
from openplate.foods.models import Food
from tests.api_client import locations

# A day past the last any time zone may log (core.dates: today at UTC+14, 366 days on).
TOO_FAR_AHEAD = latest_today() + timedelta(days=DAYS_AHEAD + 1)

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
BODY = ["body", "payload"]


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


def test_it_logs_a_food_by_its_household_measure(new_alice_api, egg):
    entry = log(new_alice_api, egg, serving="1 large", quantity=2)
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


def test_it_logs_grams_and_ounces(new_alice_api, egg):
    assert log(new_alice_api, egg, serving="g", quantity=50)["energy_kcal"] == 71.5
    ounce = log(new_alice_api, egg, serving="oz", quantity=1)
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
        ({"date": TOO_FAR_AHEAD.isoformat()}, "date"),
        ({"date": "2025-02-30"}, "date"),
        ({"meal": "brunch"}, "meal"),
        ({"quantity": "a lot"}, "quantity"),
        ({"food_id": 0}, "food_id"),
    ],
)
def test_it_refuses_an_entry_naming_the_field(new_alice_api, egg, change, field):
    body = {"date": DAY.isoformat(), "meal": "lunch", "food_id": egg.pk, "quantity": 1} | change
    response = new_alice_api.post("/entries", body)
    assert locations(response) == [[*BODY, field]]
    assert not Entry.objects.exists()


def test_it_refuses_five_kilos_of_one_food_in_household_measures(new_alice_api, egg):
    response = new_alice_api.post(
        "/entries",
        {"date": DAY.isoformat(), "meal": "lunch", "food_id": egg.pk, "serving": "1 large",
         "quantity": 101},
    )  # fmt: skip
    assert locations(response) == [[*BODY, "quantity"]]
    assert "5.0 kg" in response.json()["detail"][0]["msg"]


def test_it_refuses_another_persons_food_as_it_refuses_a_missing_one(new_alice_api, bob_api):
    bobs = create_custom_food(bob_api.user, "Bob's stew", nutrients={"energy_kcal": 120})
    body = {"date": DAY.isoformat(), "meal": "lunch", "quantity": 100}
    refused = new_alice_api.post("/entries", body | {"food_id": bobs.pk})
    missing = new_alice_api.post("/entries", body | {"food_id": 10**9})
    assert refused.status_code == missing.status_code == 422
    assert refused.json() == missing.json()
    assert not Entry.objects.filter(user=new_alice_api.user).exists()


def test_it_logs_ones_own_food(new_alice_api):
    stew = create_custom_food(new_alice_api.user, "Stew", nutrients={"energy_kcal": 120})
    assert log(new_alice_api, stew, quantity=250)["energy_kcal"] == 300


# --- quick add ---------------------------------------------------------------------------------


def test_it_quick_adds_calories_and_macros(new_alice_api):
    response = new_alice_api.post(
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
def test_it_refuses_a_quick_add_naming_the_field(new_alice_api, change, field):
    body = {"date": DAY.isoformat(), "meal": "snacks", "energy_kcal": 100} | change
    assert locations(new_alice_api.post("/entries/quick-add", body)) == [[*BODY, field]]
    assert not Entry.objects.exists()


# --- reading, changing and deleting entries -----------------------------------------------------


def test_it_lists_a_days_entries_in_logging_order(new_alice_api, egg, banana):
    first = log(new_alice_api, egg, meal="breakfast")
    second = log(new_alice_api, banana, meal="snacks")
    log(new_alice_api, egg, day=DAY + timedelta(days=1))
    response = new_alice_api.get("/entries", date=DAY.isoformat())
    assert response.status_code == 200
    assert [entry["id"] for entry in response.json()] == [first["id"], second["id"]]
    assert "nutrients" not in response.json()[0]


def test_it_lists_a_full_day_in_a_few_queries(new_alice_api, egg, django_assert_max_num_queries):
    for _ in range(20):
        log(new_alice_api, egg)
    with django_assert_max_num_queries(3):  # the token, its last use, the entries
        assert len(new_alice_api.get("/entries", date=DAY.isoformat()).json()) == 20


@pytest.mark.parametrize("query", [{}, {"date": "yesterday"}, {"date": "1800-01-01"}])
def test_it_needs_a_sane_date_to_list_entries(new_alice_api, query):
    assert locations(new_alice_api.get("/entries", **query)) == [["query", "date"]]


def test_it_shows_one_entry_with_its_nutrients(new_alice_api, egg):
    entry = log(new_alice_api, egg, serving="1 large", quantity=1)
    response = new_alice_api.get(f"/entries/{entry['id']}")
    assert response.status_code == 200
    assert response.json() == entry


def test_it_rescales_an_entry_to_a_new_quantity(new_alice_api, egg):
    entry = log(new_alice_api, egg, serving="1 large", quantity=1)
    response = new_alice_api.patch(f"/entries/{entry['id']}", {"quantity": 3, "meal": "dinner"})
    assert response.status_code == 200, response.content
    changed = response.json()
    assert (changed["grams"], changed["energy_kcal"], changed["meal"]) == (150, 214.5, "dinner")
    assert changed["serving"] == "1 large"


def test_it_moves_an_entry_to_another_day_and_serving(new_alice_api, egg):
    entry = log(new_alice_api, egg, serving="1 large", quantity=2)
    later = DAY + timedelta(days=1)
    response = new_alice_api.patch(
        f"/entries/{entry['id']}", {"date": later.isoformat(), "serving": "g", "quantity": 50}
    )
    assert response.status_code == 200, response.content
    assert (response.json()["date"], response.json()["energy_kcal"]) == (later.isoformat(), 71.5)


def test_it_keeps_the_amounts_an_entry_was_logged_with(new_alice_api):
    stew = create_custom_food(new_alice_api.user, "Stew", nutrients={"energy_kcal": 100})
    entry = log(new_alice_api, stew, quantity=100)
    stew.set_nutrients({"energy_kcal": 300})
    stew.save()
    changed = new_alice_api.patch(f"/entries/{entry['id']}", {"quantity": 200}).json()
    assert changed["energy_kcal"] == 200


def test_it_changes_a_quick_adds_calories_and_clears_a_macro(new_alice_api):
    entry = quick_add(new_alice_api.user, day=DAY, meal="snacks", energy_kcal=100, protein_g=5)
    response = new_alice_api.patch(f"/entries/{entry.pk}", {"energy_kcal": 150, "protein_g": None})
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
def test_it_refuses_a_change_and_changes_nothing(new_alice_api, egg, change, field):
    entry = log(new_alice_api, egg, serving="1 large", quantity=1)
    assert locations(new_alice_api.patch(f"/entries/{entry['id']}", change)) == [[*BODY, field]]
    assert new_alice_api.get(f"/entries/{entry['id']}").json() == entry


def test_it_refuses_a_quick_add_name_too_long_to_keep(new_alice_api):
    entry = quick_add(new_alice_api.user, day=DAY, meal="snacks", energy_kcal=100)
    assert locations(new_alice_api.patch(f"/entries/{entry.pk}", {"name": "x" * 256})) == [
        [*BODY, "name"]
    ]
    assert Entry.objects.get(pk=entry.pk).name == "Quick add"


def test_it_refuses_a_serving_for_a_quick_add(new_alice_api):
    entry = quick_add(new_alice_api.user, day=DAY, meal="snacks", energy_kcal=100)
    response = new_alice_api.patch(f"/entries/{entry.pk}", {"quantity": 2})
    assert locations(response) == [[*BODY, "quantity"]]


def test_it_deletes_an_entry(new_alice_api, egg):
    entry = log(new_alice_api, egg)
    assert new_alice_api.delete(f"/entries/{entry['id']}").status_code == 204
    assert new_alice_api.get(f"/entries/{entry['id']}").status_code == 404


def test_it_answers_404_for_a_missing_entry(new_alice_api):
    assert new_alice_api.get("/entries/999999").status_code == 404
    assert new_alice_api.patch("/entries/999999", {"quantity": 1}).status_code == 404
    assert new_alice_api.delete("/entries/999999").status_code == 404


# --- copying -----------------------------------------------------------------------------------


def test_it_copies_a_whole_day(new_alice_api, egg, banana):
    log(new_alice_api, egg, meal="breakfast")
    log(new_alice_api, banana, meal="snacks")
    to_day = DAY + timedelta(days=7)
    response = new_alice_api.post(
        "/entries/copy", {"from_date": DAY.isoformat(), "to_date": to_day.isoformat()}
    )
    assert response.status_code == 201, response.content
    copies = response.json()
    assert [(c["meal"], c["name"], c["date"]) for c in copies] == [
        ("breakfast", egg.name, to_day.isoformat()),
        ("snacks", banana.name, to_day.isoformat()),
    ]
    assert len(new_alice_api.get("/entries", date=to_day.isoformat()).json()) == 2


def test_it_copies_one_meal_into_another(new_alice_api, egg, banana):
    log(new_alice_api, egg, meal="breakfast")
    log(new_alice_api, banana, meal="snacks")
    response = new_alice_api.post(
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
def test_it_refuses_a_copy_naming_the_field(new_alice_api, egg, change, field):
    log(new_alice_api, egg)
    body = {"from_date": DAY.isoformat(), "to_date": (DAY + timedelta(days=1)).isoformat()}
    assert locations(new_alice_api.post("/entries/copy", body | change)) == [[*BODY, field]]
    assert Entry.objects.count() == 1


# --- a day -------------------------------------------------------------------------------------


def test_it_sums_up_a_day_against_the_budget(new_alice_api, egg):
    goal = {
        "sex": "female", "birth_date": "1990-01-01", "height_cm": 165, "weight_kg": 70,
        "activity": "light", "rate_lb_per_week": -1,
    }  # fmt: skip
    budget = new_alice_api.post("/goals", goal).json()["budget_kcal"]
    log(new_alice_api, egg, meal="breakfast", quantity=200)  # 286 kcal
    quick_add(new_alice_api.user, day=DAY, meal="dinner", energy_kcal=500)
    day = new_alice_api.get(f"/days/{DAY}").json()
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


def test_a_days_remaining_counts_the_share_of_exercise_the_person_chose(new_alice_api, egg):
    goal = {
        "sex": "female", "birth_date": "1990-01-01", "height_cm": 165, "weight_kg": 70,
        "activity": "light", "rate_lb_per_week": -1,
    }  # fmt: skip
    budget = new_alice_api.post("/goals", goal).json()["budget_kcal"]
    set_exercise_share(new_alice_api.user, ExerciseShare.HALF)
    log_custom(new_alice_api.user, day=DAY, name="Spin class", energy_kcal=400)
    quick_add(new_alice_api.user, day=DAY, meal="dinner", energy_kcal=500)
    day = new_alice_api.get(f"/days/{DAY}").json()
    assert (day["exercise_kcal"], day["exercise_share"]) == (400, 0.5)
    assert day["exercise_counted_kcal"] == 200
    assert day["remaining_kcal"] == pytest.approx(budget - 500 + 200)


def test_it_shows_a_day_without_a_goal(new_alice_api):
    day = new_alice_api.get(f"/days/{DAY}").json()
    assert (day["budget_kcal"], day["remaining_kcal"], day["goal"], day["food_kcal"]) == (
        None, None, None, 0
    )  # fmt: skip
    assert all(m["target_g"] is None for m in day["macros"])


@pytest.mark.parametrize("path", ["/days/2025-13-01", "/days/1800-01-01/nutrients"])
def test_it_needs_a_sane_day(new_alice_api, path):
    assert locations(new_alice_api.get(path)) == [["path", "day"]]


def test_it_totals_a_days_nutrients_in_label_order(new_alice_api, egg, banana):
    log(new_alice_api, egg, quantity=100)
    log(new_alice_api, banana, quantity=100)
    response = new_alice_api.get(f"/days/{DAY}/nutrients")
    assert response.status_code == 200
    nutrients = response.json()["nutrients"]
    assert nutrients[0] == {"key": "energy_kcal", "name": "Energy", "amount": 232, "unit": "kcal"}
    by_key = {n["key"]: n for n in nutrients}
    assert by_key["potassium_mg"]["amount"] == pytest.approx(
        egg.nutrients["potassium_mg"] + banana.nutrients["potassium_mg"]
    )


# --- favourite and recent foods ----------------------------------------------------------------


def test_it_lists_foods_in_a_few_queries(new_alice_api, egg, banana, django_assert_max_num_queries):
    log(new_alice_api, egg)
    log(new_alice_api, banana)
    new_alice_api.put(f"/favourites/{egg.pk}")
    new_alice_api.put(f"/favourites/{banana.pk}")
    for path in ("/favourites", "/recent-foods"):
        with django_assert_max_num_queries(5):
            assert len(new_alice_api.get(path).json()) == 2


def test_it_keeps_favourite_foods(new_alice_api, egg, banana):
    assert new_alice_api.put(f"/favourites/{egg.pk}").status_code == 204
    assert new_alice_api.put(f"/favourites/{banana.pk}").status_code == 204
    assert new_alice_api.put(f"/favourites/{banana.pk}").status_code == 204  # again is fine
    assert [f["name"] for f in new_alice_api.get("/favourites").json()] == [banana.name, egg.name]
    assert new_alice_api.delete(f"/favourites/{banana.pk}").status_code == 204
    assert new_alice_api.delete(f"/favourites/{banana.pk}").status_code == 204
    assert [f["id"] for f in new_alice_api.get("/favourites").json()] == [egg.pk]


def test_it_answers_404_for_a_missing_favourite_food(new_alice_api):
    assert new_alice_api.put("/favourites/999999").status_code == 404
    assert new_alice_api.delete("/favourites/999999").status_code == 404


def test_it_lists_recent_foods_most_recent_first(new_alice_api, egg, banana):
    log(new_alice_api, egg)
    log(new_alice_api, banana)
    log(new_alice_api, egg)
    recent = new_alice_api.get("/recent-foods").json()
    assert [food["id"] for food in recent] == [egg.pk, banana.pk]
    assert [food["id"] for food in new_alice_api.get("/recent-foods", limit=1).json()] == [egg.pk]
    assert locations(new_alice_api.get("/recent-foods", limit=51)) == [["query", "limit"]]


def test_it_keeps_favourites_and_entries_apart_per_person(new_alice_api, bob_api, egg):
    log(new_alice_api, egg)
    new_alice_api.put(f"/favourites/{egg.pk}")
    assert bob_api.get("/favourites").json() == []
    assert bob_api.get("/recent-foods").json() == []
    assert bob_api.get("/entries", date=DAY.isoformat()).json() == []
    assert Favourite.objects.filter(user=bob_api.user).count() == 0


# --- one tap: batches, logging again, saved meals ----------------------------------------------


def batch(client, items, *, meal="breakfast"):
    return client.post("/entries/batch", {"date": DAY.isoformat(), "meal": meal, "items": items})


def test_a_batch_logs_every_item(new_alice_api, egg, banana):
    response = batch(
        new_alice_api,
        [
            {"food_id": egg.pk, "serving": "1 large", "quantity": 2},
            {"food_id": banana.pk, "quantity": 120, "meal": "snacks"},
        ],
    )
    assert response.status_code == 201
    logged = response.json()
    assert [(e["food_id"], e["meal"], e["grams"]) for e in logged] == [
        (egg.pk, "breakfast", 100),
        (banana.pk, "snacks", 120),
    ]
    assert logged[0]["energy_kcal"] == pytest.approx(egg.energy_kcal)


def test_a_batch_with_refused_items_logs_none_and_names_each(new_alice_api, egg, bob):
    secret = create_custom_food(bob, "Bob's stew", nutrients={"energy_kcal": 100})
    refused = batch(
        new_alice_api,
        [
            {"food_id": egg.pk, "serving": "1 large", "quantity": 2},
            {"food_id": egg.pk, "serving": "1 bucket", "quantity": 1},
            {"food_id": egg.pk, "quantity": 0},
        ],
    )
    assert locations(refused) == [[*BODY, "items", 1, "serving"], [*BODY, "items", 2, "quantity"]]
    unseen = batch(new_alice_api, [{"food_id": egg.pk, "quantity": 1}, {"food_id": secret.pk}])
    assert [*BODY, "items", 1, "quantity"] in locations(unseen)  # quantity is required
    unseen = batch(new_alice_api, [{"food_id": secret.pk, "quantity": 1}])
    assert locations(unseen) == [[*BODY, "items", 0, "food_id"]]
    assert locations(batch(new_alice_api, [])) == [[*BODY, "items"]]
    assert not Entry.objects.exists()


def test_a_food_logs_again_at_its_last_amount(new_alice_api, egg, banana):
    log(new_alice_api, banana, serving="g", quantity=80)
    recent = new_alice_api.get("/recent-foods").json()
    assert (recent[0]["again_serving"], recent[0]["again_quantity"]) == ("g", 80)
    assert recent[0]["again_kcal"] == pytest.approx(banana.energy_kcal * 0.8)
    body = {"date": (DAY + timedelta(days=1)).isoformat(), "meal": "snacks"}
    again = new_alice_api.post("/entries/again", body | {"food_id": banana.pk})
    assert again.status_code == 201
    assert (again.json()["serving"], again.json()["grams"]) == ("g", 80)
    new_alice_api.put(f"/favourites/{egg.pk}")
    [favourite] = new_alice_api.get("/favourites").json()
    fresh = new_alice_api.post("/entries/again", body | {"food_id": egg.pk}).json()
    assert favourite["again_serving"] == fresh["serving"]
    assert locations(new_alice_api.post("/entries/again", body | {"food_id": 10**9})) == [
        [*BODY, "food_id"]
    ]


def test_a_saved_meal_is_saved_listed_renamed_logged_and_deleted(new_alice_api, egg, banana):
    log(new_alice_api, egg, serving="1 large", quantity=2)
    log(new_alice_api, banana, serving="g", quantity=100)
    body = {"name": "My usual breakfast", "date": DAY.isoformat(), "meal": "breakfast"}
    created = new_alice_api.post("/saved-meals", body)
    assert created.status_code == 201
    saved = created.json()
    assert [item["food_id"] for item in saved["items"]] == [egg.pk, banana.pk]
    assert saved["energy_kcal"] == pytest.approx(egg.energy_kcal + banana.energy_kcal)
    assert locations(new_alice_api.post("/saved-meals", body)) == [[*BODY, "name"]]
    assert locations(new_alice_api.post("/saved-meals", body | {"meal": "lunch", "name": "L"})) == [
        [*BODY, "meal"]
    ]
    path = f"/saved-meals/{saved['id']}"
    assert new_alice_api.patch(path, {"name": "Workdays"}).json()["name"] == "Workdays"
    assert locations(new_alice_api.patch(path, {"name": " "})) == [[*BODY, "name"]]
    assert [m["name"] for m in new_alice_api.get("/saved-meals").json()] == ["Workdays"]
    next_day = (DAY + timedelta(days=1)).isoformat()
    logged = new_alice_api.post(f"{path}/log", {"date": next_day, "meal": "lunch"})
    assert [(e["meal"], e["food_id"]) for e in logged.json()] == [
        ("lunch", egg.pk),
        ("lunch", banana.pk),
    ]
    assert locations(new_alice_api.post(f"{path}/log", {"date": TOO_FAR_AHEAD.isoformat()})) == [
        [*BODY, "date"]
    ]
    assert new_alice_api.delete(path).status_code == 204
    assert new_alice_api.get(path).status_code == 404
    assert Entry.objects.filter(date=DAY + timedelta(days=1)).count() == 2
