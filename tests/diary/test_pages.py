"""The diary pages through the Django test client: the day, adding, editing, copying, deleting."""

import html
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from openplate.accounts.goals import set_goal
from openplate.body import services as progress
from openplate.diary import services
from openplate.diary.models import Entry
from openplate.exercise import services as exercise
from openplate.exercise.models import Activity
from openplate.foods.models import Food
from openplate.science import units
from tests.people import alice_goal

pytestmark = pytest.mark.django_db

BANANA = "09040"  # Bananas, raw
MEDIUM = '1 medium (7" to 7-7/8" long)'


@pytest.fixture
def alice(new_alice: User, today: date) -> User:
    """Alice at 5 ft 4 in and 160 lb, sedentary, with a goal set 30 days ago: a budget floored to
    1,200 kcal, which the pages here show."""
    goal = alice_goal(
        birth_date=date(1990, 1, 1),
        height_cm=units.cm_from_feet_inches(5, 4),
        weight_kg=units.kg_from_lb(160),
        activity="sedentary",
        target_weight_kg=None,
    )
    set_goal(new_alice, goal, on=today - timedelta(days=30))
    return new_alice


def banana() -> Food:
    return Food.objects.get(source=Food.Source.USDA, source_id=BANANA)


def day_url(day: date) -> str:
    return f"/diary/{day.isoformat()}/"


def test_it_asks_strangers_to_sign_in(client: Client) -> None:
    response = client.get("/diary/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_shows_today_with_the_budget_and_every_meal(alice_browser: Client) -> None:
    response = alice_browser.get("/diary/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'Today<span class="visually-hidden">, </span>' in page
    assert '<dd id="summary-budget">1,200</dd>' in page  # floored: 1,177 is below the minimum
    for meal in ("Breakfast", "Lunch", "Dinner", "Snacks"):
        assert f">{meal}</h2>" in page


def test_it_logs_a_banana_and_the_summary_follows(alice_browser: Client, alice: User) -> None:
    today = timezone.localdate()
    form = alice_browser.get(f"/diary/{today}/add/{banana().pk}/?meal=breakfast")
    assert html.escape(MEDIUM) in form.content.decode()
    response = alice_browser.post(
        f"/diary/{today}/add/{banana().pk}/",
        {"meal": "breakfast", "serving": MEDIUM, "quantity": "1"},
    )
    assert response.status_code == 302
    expected_kcal = round(banana().energy_kcal * 118 / 100)
    page = alice_browser.get(response["Location"]).content.decode()
    assert f'<dd id="summary-food">{expected_kcal}</dd>' in page
    assert f'<dd id="summary-remaining">{1200 - expected_kcal:,}</dd>' in page
    assert "Added Bananas, raw to Breakfast." in page


def test_a_bad_quantity_is_shown_in_place_and_saves_nothing(alice_browser: Client) -> None:
    today = timezone.localdate()
    response = alice_browser.post(
        f"/diary/{today}/add/{banana().pk}/",
        {"meal": "breakfast", "serving": "g", "quantity": "6000"},
    )
    assert response.status_code == 422
    assert "one entry holds at most 5 kg" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Entry.objects.exists()


def test_it_edits_and_deletes_an_entry(alice_browser: Client, alice: User) -> None:
    entry = services.log_food(
        alice, day=timezone.localdate(), meal="lunch", food=banana(), serving=MEDIUM, quantity=1
    )
    response = alice_browser.post(
        f"/diary/entries/{entry.pk}/", {"meal": "lunch", "serving": MEDIUM, "quantity": "2"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.grams == 236
    alice_browser.post(f"/diary/entries/{entry.pk}/delete/")
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_nobody_edits_or_deletes_anothers_entry(alice_browser: Client, bob: User) -> None:
    entry = services.quick_add(bob, day=timezone.localdate(), meal="lunch", energy_kcal=300)
    assert alice_browser.get(f"/diary/entries/{entry.pk}/").status_code == 404
    assert alice_browser.post(f"/diary/entries/{entry.pk}/delete/").status_code == 404
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_nobody_sees_anothers_custom_food(alice_browser: Client, bob: User) -> None:
    secret = Food.objects.create(
        name="Bob's stew", source=Food.Source.CUSTOM, owner=bob, energy_kcal=120
    )
    today = timezone.localdate()
    assert alice_browser.get(f"/diary/{today}/add/{secret.pk}/").status_code == 404
    assert alice_browser.get(f"/foods/{secret.pk}/").status_code == 404
    assert "Bob" not in alice_browser.get("/diary/search/?q=stew").content.decode()


def test_quick_add_counts_and_refuses_nonsense(alice_browser: Client) -> None:
    today = timezone.localdate()
    bad = alice_browser.post(f"/diary/{today}/quick-add/", {"meal": "snacks", "energy_kcal": "-5"})
    assert bad.status_code == 422
    assert not Entry.objects.exists()
    good = alice_browser.post(
        f"/diary/{today}/quick-add/", {"meal": "snacks", "energy_kcal": "250"}
    )
    assert good.status_code == 302
    assert '<dd id="summary-food">250</dd>' in alice_browser.get(good["Location"]).content.decode()


def test_it_copies_yesterdays_breakfast(alice_browser: Client, alice: User) -> None:
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    services.log_food(
        alice, day=yesterday, meal="breakfast", food=banana(), serving=MEDIUM, quantity=1
    )
    services.quick_add(alice, day=yesterday, meal="dinner", energy_kcal=700)
    response = alice_browser.post(
        f"/diary/{today}/copy/", {"from_date": yesterday.isoformat(), "meal": "breakfast"}
    )
    assert response.status_code == 302
    copied = Entry.objects.filter(user=alice, date=today)
    assert [entry.name for entry in copied] == ["Bananas, raw"]


def test_search_as_you_type_answers_with_results_only(alice_browser: Client) -> None:
    response = alice_browser.get(f"/diary/search/?q=banana&meal=lunch&day={timezone.localdate()}")
    page = response.content.decode()
    assert "<html" not in page
    assert "Bananas, raw" in page
    assert "?meal=lunch" in page


def test_a_custom_food_is_made_in_place_and_then_picked(alice_browser: Client, alice: User) -> None:
    today = timezone.localdate()
    response = alice_browser.post(
        f"/diary/{today}/custom-food/",
        {
            "meal": "snacks",
            "name": "Granola bar",
            "serving_name": "1 bar",
            "per_grams": "40",
            "energy_kcal": "180",
            "protein_g": "4",
        },
    )
    assert response.status_code == 302
    food = Food.objects.get(name="Granola bar")
    assert food.owner == alice
    assert food.energy_kcal == 450
    assert response["Location"] == f"/diary/{today}/add/{food.pk}/?meal=snacks"


def test_the_day_nutrients_page_lists_every_nutrient(alice_browser: Client, alice: User) -> None:
    today = timezone.localdate()
    services.log_food(alice, day=today, meal="lunch", food=banana(), serving="g", quantity=100)
    page = alice_browser.get(f"/diary/{today}/nutrients/").content.decode()
    assert "Potassium" in page
    assert "358 mg" in page  # SR24: 358 mg potassium per 100 g of raw banana


def test_the_date_picker_goes_to_the_day(alice_browser: Client) -> None:
    response = alice_browser.get("/diary/?day=2026-01-31")
    assert response["Location"] == "/diary/2026-01-31/"


def test_the_day_page_costs_the_same_queries_for_1_or_40_entries(
    alice_browser: Client, alice: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    day = timezone.localdate()
    services.quick_add(alice, day=day, meal="lunch", energy_kcal=100)
    with django_assert_num_queries(QUERIES_PER_DAY_PAGE):
        alice_browser.get(day_url(day))
    for _ in range(39):
        services.log_food(alice, day=day, meal="dinner", food=banana(), serving="g", quantity=50)
    for minutes in range(10, 20):
        exercise.log_custom(alice, day=day, name="Rowing", energy_kcal=minutes * 7, minutes=minutes)
        progress.log_water(alice, day=day)
    with django_assert_num_queries(QUERIES_PER_DAY_PAGE):
        alice_browser.get(day_url(day))


# Session, user, the goal in force, the day's food, the exercise of the day and the day before
# (listed, and asked which guides to offer), the day's water with its goal; and for one tap, the
# meals of the day before, the foods logged lately and the saved meals; and for the next thing
# to do, the date of the last weigh-in; the day's mark (complete, left out, fasted); this week's
# check-in, for its card.
QUERIES_PER_DAY_PAGE = 12


def test_it_lists_the_days_exercise_and_counts_it_in_remaining(
    alice_browser: Client, alice: User
) -> None:
    day = timezone.localdate()
    before = alice_browser.get(day_url(day)).content.decode()
    assert "No exercise logged." in before
    exercise.log_custom(alice, day=day, name="Rowing machine", energy_kcal=250, minutes=30)
    page = html.unescape(alice_browser.get(day_url(day)).content.decode())
    assert "Rowing machine" in page
    assert '<dd id="summary-exercise">250</dd>' in page
    budget = services.day_summary(alice, day).budget_kcal
    assert budget is not None
    assert f'<dd id="summary-remaining">{budget + 250:,.0f}</dd>' in page


def test_it_shows_the_days_water_with_a_one_tap_cup(alice_browser: Client, alice: User) -> None:
    day = timezone.localdate()
    progress.log_water(alice, day=day, amount=3)
    page = alice_browser.get(day_url(day)).content.decode()
    assert '<strong id="water-cups">3</strong> of 8 cups' in page
    assert f'action="/progress/water/{day}/"' in page


def test_it_offers_the_sore_legs_guide_the_day_of_a_run_and_the_day_after(
    alice_browser: Client, alice: User
) -> None:
    day = timezone.localdate() - timedelta(days=3)
    quiet = alice_browser.get(day_url(day)).content.decode()
    assert "After your workout" not in quiet
    running = Activity.objects.get(code="12050")  # running, 6 mph (10 min/mile)
    exercise.log_activity(alice, day=day, activity=running, minutes=30)
    for offered in (day, day + timedelta(days=1)):
        page = alice_browser.get(day_url(offered)).content.decode()
        assert "After your workout" in page
        assert 'href="/guides/sore-legs/"' in page
    assert (
        "After your workout"
        not in alice_browser.get(day_url(day + timedelta(days=2))).content.decode()
    )
