"""Logging in plain words through the pages: read, check, fix and log all at once."""

import html
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from openplate.diary.meals import meal_now
from openplate.diary.models import Entry
from openplate.foods.models import Food

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 10)
EGG = "01123"  # Egg, whole, raw, fresh: 1 large = 50 g (SR24)


def words_url(day=DAY):
    return reverse("diary:words", args=[day])


def review(client, text, meal="breakfast"):
    response = client.get(words_url(), {"text": text, "meal": meal})
    assert response.status_code == 200
    return response


def form_of(response):
    """The review form's fields as the browser would send them, the Log all button pressed."""
    rows = response.context["rows"]
    data = {"text": response.context["text"], "rows": str(len(rows)), "meal": "breakfast"}
    for index, row in enumerate(rows):
        data |= {
            f"row-{index}-text": row.text,
            f"row-{index}-food": str(row.food.pk),
            f"row-{index}-parsed-food": str(row.food.pk),
            f"row-{index}-candidates": ",".join(str(food.pk) for food in row.candidates),
            f"row-{index}-quantity": str(row.quantity),
            f"row-{index}-serving": row.serving,
            f"row-{index}-include": "on",
        }
    return data | {"action": "log"}


def test_the_day_page_has_the_plain_words_box(new_alice_browser):
    page = new_alice_browser.get(reverse("diary:day", args=[DAY])).content.decode()
    assert f'action="{words_url()}"' in page
    assert 'name="text"' in page


def test_the_review_shows_every_item_with_its_food_amount_and_calories(new_alice_browser):
    response = review(new_alice_browser, "2 large eggs and a slice of whole wheat toast")
    rows = response.context["rows"]
    assert [row.food.source_id for row in rows][:1] == [EGG]
    assert (rows[0].quantity, rows[0].serving, rows[0].grams) == (2, "1 large", 100)
    page = html.unescape(response.content.decode())
    assert "Egg, whole, raw, fresh" in page
    assert f"{rows[0].kcal:,.0f} kcal" in page
    assert not Entry.objects.exists()  # nothing is logged before the person says so


def test_words_naming_no_food_are_shown_as_not_understood(new_alice_browser):
    response = review(new_alice_browser, "2 large eggs and xyzzy plugh")
    assert response.context["unparsed"] == ["xyzzy plugh"]
    assert "Not understood" in response.content.decode()


def test_log_all_logs_every_ticked_row_in_one_press(new_alice_browser, new_alice):
    response = review(new_alice_browser, "2 large eggs, a banana and a cup of whole milk")
    data = form_of(response)
    data.pop("row-1-include")  # the banana was not eaten after all
    answer = new_alice_browser.post(words_url(), data)
    assert answer.status_code == 302
    entries = Entry.objects.filter(user=new_alice, date=DAY, meal="breakfast")
    assert [entry.food.source_id for entry in entries][:1] == [EGG]
    assert len(entries) == 2
    assert entries[0].grams == 100


def test_a_changed_amount_is_logged_as_changed(new_alice_browser, new_alice):
    data = form_of(review(new_alice_browser, "2 large eggs"))
    data["row-0-quantity"] = "3"
    new_alice_browser.post(words_url(), data)
    assert Entry.objects.get(user=new_alice).grams == 150


def test_another_candidate_is_weighed_again_from_the_words(new_alice_browser):
    response = review(new_alice_browser, "2 large eggs")
    data = form_of(response) | {"action": "update"}
    other = next(f for f in response.context["rows"][0].candidates if f.source_id != EGG)
    data["row-0-food"] = str(other.pk)
    updated = new_alice_browser.post(words_url(), data)
    (row,) = updated.context["rows"]
    assert row.food == other
    assert row.serving in {choice.name for choice in row.choices}
    assert not Entry.objects.exists()


def test_a_refused_row_logs_nothing_and_says_why_in_place(new_alice_browser):
    data = form_of(review(new_alice_browser, "2 large eggs and a banana"))
    data["row-1-quantity"] = "5000"  # 5,000 medium bananas is more than one entry holds
    response = new_alice_browser.post(words_url(), data)
    assert response.status_code == 422
    assert not Entry.objects.exists()
    assert response.context["rows"][1].errors


def test_another_persons_food_cannot_be_logged(new_alice_browser, bob):
    secret = Food.objects.create(
        name="Bob's secret stew", source=Food.Source.CUSTOM, owner=bob, energy_kcal=100
    )
    data = form_of(review(new_alice_browser, "2 large eggs"))
    data["row-0-food"] = data["row-0-parsed-food"] = str(secret.pk)
    new_alice_browser.post(words_url(), data)
    assert not Entry.objects.filter(food=secret).exists()


def test_empty_words_go_back_to_the_day_with_a_message(new_alice_browser):
    response = new_alice_browser.get(words_url(), {"text": "  "}, follow=True)
    assert "Say what you ate" in response.content.decode()


@pytest.mark.parametrize(
    ("hour", "meal"), [(7, "breakfast"), (12, "lunch"), (19, "dinner"), (22, "snacks")]
)
def test_the_meal_follows_the_hour_when_not_chosen(hour, meal):
    with time_machine.travel(datetime(2026, 3, 10, hour, 30, tzinfo=UTC), tick=False):
        assert meal_now() == meal
