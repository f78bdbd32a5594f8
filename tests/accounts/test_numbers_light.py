"""Numbers-light mode: the person's setting, the admin's, and pages without calorie figures."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from openplate.accounts import numbers_light
from openplate.accounts.models import Account
from openplate.body import services as body
from openplate.diary import saved_meals
from openplate.diary import services as diary
from openplate.exercise import services as exercise
from openplate.foods.models import Food
from tests.api_client import ApiClient
from tests.people import new_person, signed_in

pytestmark = pytest.mark.django_db


def settings_html(browser: Client) -> str:
    response = browser.get("/settings/")
    assert response.status_code == 200
    return response.content.decode()


def is_on(user: User) -> bool:
    return Account.objects.get(user=user).numbers_light


# --- The person's setting ---------------------------------------------------------------------


def test_it_is_off_until_the_person_turns_it_on(new_alice: User, new_alice_browser: Client) -> None:
    assert numbers_light.numbers_light_of(new_alice) is False
    html = settings_html(new_alice_browser)
    assert re.search(r'<input type="checkbox" name="numbers_light"[^>]*>', html)
    assert not re.search(r'name="numbers_light"[^>]*checked', html)


def test_the_person_turns_it_on_and_off(new_alice: User, new_alice_browser: Client) -> None:
    response = new_alice_browser.post("/settings/numbers-light/", {"numbers_light": "on"})
    assert response.status_code == 302
    assert is_on(new_alice)
    assert re.search(r'name="numbers_light"[^>]*checked', settings_html(new_alice_browser))
    new_alice_browser.post("/settings/numbers-light/", {})
    assert not is_on(new_alice)


def test_it_needs_sign_in_and_a_post(client: Client, new_alice_browser: Client) -> None:
    assert client.post("/settings/numbers-light/", {"numbers_light": "on"}).status_code == 302
    assert not Account.objects.filter(numbers_light=True).exists()
    assert new_alice_browser.get("/settings/numbers-light/").status_code == 405


def test_the_context_processor_tells_each_page(new_alice: User, new_alice_browser: Client) -> None:
    assert new_alice_browser.get("/settings/").context["numbers_light"] is False
    numbers_light.set_numbers_light(new_alice, True)
    assert new_alice_browser.get("/settings/").context["numbers_light"] is True


def test_someone_signed_out_sees_numbers(client: Client) -> None:
    assert client.get("/").context["numbers_light"] is False


# --- The admin's setting -----------------------------------------------------------------------


@pytest.fixture
def admin_browser(db: None) -> Client:
    root = User.objects.create_superuser("root", "root@example.com", "root-password")
    return signed_in(root)


def test_the_admin_lists_accounts_with_the_setting(admin_browser: Client, new_alice: User) -> None:
    numbers_light.set_numbers_light(new_alice, True)
    response = admin_browser.get("/admin/accounts/account/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "alice" in html
    assert "Numbers light" in html or "numbers light" in html.lower()
    assert 'name="form-0-numbers_light"' in html  # editable in the list


def test_the_admin_sets_it_for_an_account(admin_browser: Client, new_alice: User) -> None:
    account = numbers_light.Account.objects.get_or_create(user=new_alice)[0]
    page = admin_browser.get(f"/admin/accounts/account/{account.pk}/change/")
    assert page.status_code == 200
    response = admin_browser.post(
        f"/admin/accounts/account/{account.pk}/change/",
        {
            "numbers_light": "on",
            "time_zone": account.time_zone,
            "exercise_share": "1.0",
            "check_in_weekday": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert is_on(new_alice)
    # Set this way, the person may turn it off again.
    signed_in(new_alice).post("/settings/numbers-light/", {})
    assert not is_on(new_alice)


def test_the_admin_keeps_it_on_and_the_person_cannot_turn_it_off(
    admin_browser: Client, new_alice: User
) -> None:
    account = Account.objects.get_or_create(user=new_alice)[0]
    response = admin_browser.post(
        "/admin/accounts/account/",
        {"action": "keep_numbers_light_on", "_selected_action": [account.pk]},
    )
    assert response.status_code == 302
    assert is_on(new_alice)
    alice_browser = signed_in(new_alice)
    html = settings_html(alice_browser)
    assert "Your server's admin keeps it on for your account" in html
    assert 'name="numbers_light"' not in html  # no switch to offer

    refused = alice_browser.post("/settings/numbers-light/", {})
    assert refused.status_code == 422
    assert "keeps it on for your account" in refused.content.decode()
    assert is_on(new_alice)

    admin_browser.post(
        "/admin/accounts/account/",
        {"action": "let_them_choose", "_selected_action": [account.pk]},
    )
    assert not Group.objects.get(name=numbers_light.KEPT_ON_GROUP).user_set.exists()
    assert alice_browser.post("/settings/numbers-light/", {}).status_code == 302
    assert not is_on(new_alice)


def test_the_admin_list_says_who_has_it_kept_on(admin_browser: Client) -> None:
    kept, free = new_person("kept"), new_person("free")
    for person in (kept, free):
        Account.objects.get_or_create(user=person)
    numbers_light.keep_on(kept)
    html = admin_browser.get("/admin/accounts/account/?numbers_light__exact=1").content.decode()
    assert re.search(r">kept</a>", html)
    assert not re.search(r">free</a>", html)
    assert 'alt="True"' in html  # kept on, in its own column


# --- The pages without calorie figures ----------------------------------------------------------

BANANA = "09040"  # USDA SR24, Bananas, raw
MEDIUM = '1 medium (7" to 7-7/8" long)'
# A calorie figure as a page writes one: "105 kcal", "1,200 kcal", "2,000 calories", "Calories 105",
# "Calories burned 300.0" (a box's value).
CALORIE_FIGURE = re.compile(
    r"\d[\d,.]*\s*(kcal|cal\b|calories)|\bcalories?\b\D{0,16}\d|\bkcal\b", re.IGNORECASE
)


def visible_text(html: str) -> str:
    """What a person reads: the page without its scripts, styles, tags and attributes, but with
    what the boxes they can see hold ("Calories 300" in a form is a figure too)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    html = re.sub(
        r'<input(?![^>]*type="hidden")[^>]*\bvalue="([^"]*)"[^>]*>', r" \1 ", html, flags=re.I
    )
    html = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", unescape(html))


@pytest.fixture
def logged(alice: User, today: date) -> dict[str, object]:
    """A day with food, exercise, a weigh-in and water, and a saved meal: every figure there."""
    food = Food.objects.get(source=Food.Source.USDA, source_id=BANANA)
    entry = diary.log_food(
        alice, day=today, meal="breakfast", food=food, serving=MEDIUM, quantity=1
    )
    walk = exercise.find_activity("12020")  # jogging, general (Compendium 2011)
    assert walk is not None
    exercise.log_activity(alice, day=today, activity=walk, minutes=30)
    custom = exercise.log_custom(alice, day=today, name="Spin class", energy_kcal=300)
    body.log_weight(alice, day=today, weight=180, unit="lb")
    body.log_water(alice, day=today, amount=2)
    saved_meals.save_meal(alice, day=today, meal="breakfast", name="Banana breakfast")
    quick = diary.quick_add(alice, day=today, meal="snacks", energy_kcal=250)
    return {"food": food.pk, "entry": entry.pk, "exercise": custom.pk, "quick_add": quick.pk}


def person_pages(today: date, logged: dict[str, object]) -> list[str]:
    return [
        "/diary/",
        f"/diary/{today}/",
        f"/diary/{today}/add/?meal=lunch",
        f"/diary/{today}/add/?meal=lunch&q=banana",
        f"/diary/{today}/add/{logged['food']}/?meal=lunch",
        f"/diary/entries/{logged['entry']}/",
        f"/diary/entries/{logged['quick_add']}/",
        "/diary/saved-meals/",
        f"/diary/{today}/nutrients/",
        f"/diary/{today}/words/?text=a+banana&meal=breakfast",
        f"/exercise/{today}/",
        f"/exercise/{today}/?q=walking",
        f"/exercise/entries/{logged['exercise']}/",
        "/progress/",
        "/progress/report/",
        "/goal/",
        f"/foods/{logged['food']}/",
    ]


def test_every_person_page_shows_calorie_figures_until_numbers_light_is_on(
    alice: User, alice_browser: Client, today: date, logged: dict[str, object]
) -> None:
    """Each page has figures with the mode off (so the check below can fail), none with it on."""
    pages = person_pages(today, logged)
    for url in pages:
        response = alice_browser.get(url)
        assert response.status_code == 200, url
        assert CALORIE_FIGURE.search(visible_text(response.content.decode())), url

    numbers_light.set_numbers_light(alice, True)
    for url in pages:
        response = alice_browser.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        figure = CALORIE_FIGURE.search(text)
        assert figure is None, f"{url}: …{text[max(figure.start() - 80, 0) : figure.end() + 40]}…"


def test_the_pages_keep_portions_plate_balance_and_trends(
    alice: User, alice_browser: Client, today: date, logged: dict[str, object]
) -> None:
    numbers_light.set_numbers_light(alice, True)
    day = visible_text(alice_browser.get(f"/diary/{today}/").content.decode())
    assert "Bananas, raw" in day
    assert "1 medium" in day  # the portion as logged
    assert "jogging" in day.lower()
    progress_page = alice_browser.get("/progress/").content.decode()
    assert 'id="weight-chart"' in progress_page
    assert 'id="calories-chart"' not in progress_page
    assert "Plate balance" in progress_page
    assert re.search(r'id="goal-plate"', alice_browser.get("/goal/").content.decode())


def test_the_api_is_unchanged(alice: User, today: date, logged: dict[str, object]) -> None:
    client = ApiClient(alice)
    before = client.get(f"/days/{today}").json(), client.get("/profile").json()
    numbers_light.set_numbers_light(alice, True)
    after = client.get(f"/days/{today}").json(), client.get("/profile").json()
    assert after == before
    assert after[1]["goal"]["budget_kcal"] > 0


def test_numbers_light_costs_the_day_page_no_query(
    alice: User, alice_browser: Client, today: date, logged: dict[str, object]
) -> None:
    """The account comes with the signed-in user, so the switch is read without a query."""
    counts = []
    for on in (False, True):
        numbers_light.set_numbers_light(alice, on)
        alice_browser.get(f"/diary/{today}/")  # warm: the session and its user
        with CaptureQueriesContext(connection) as queries:
            assert alice_browser.get(f"/diary/{today}/").status_code == 200
        counts.append(len(queries))
    assert counts[1] == counts[0]
