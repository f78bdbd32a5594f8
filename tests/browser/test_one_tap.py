"""One tap in a real browser: a food logged yesterday is one click from today's meal, as are a
saved meal and a copy of yesterday's; the serving form's calories follow the amount before
saving."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.browser.people import sign_up_with_a_goal, unique_username

BANANA_KCAL_PER_100G = 89  # USDA SR24 09040, Bananas, raw: 1 medium = 118 g
EGG_KCAL_PER_100G = 143  # USDA SR24 01123, Egg, whole, raw, fresh: 1 large = 50 g
EGG_PROTEIN_G_PER_100G = 12.56  # the same egg's protein in SR24
MEDIUM_BANANA_KCAL = round(BANANA_KCAL_PER_100G * 118 / 100)


def say(page: Page, words: str, meal: str) -> None:
    """Log `words` to `meal` through the plain-words box of the page's day."""
    page.get_by_label("What did you eat?").fill(words)
    page.locator("#words-meal").select_option(meal)
    page.get_by_label("What did you eat?").press("Enter")
    page.get_by_role("button", name="Log all").click()
    expect(page.locator(".messages")).to_contain_text("Added")


def test_a_recent_food_is_one_click_from_its_meal(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("again"))
    yesterday = date.today() - timedelta(days=1)  # the server and the browser share the zone
    page.goto(f"{server_url}/diary/{yesterday}/")
    say(page, "a banana", "snacks")

    page.goto(f"{server_url}/diary/")
    snacks = page.locator("#meal-snacks")
    offer = snacks.get_by_role("button", name=re.compile(r"\+ Bananas, raw"))
    expect(offer).to_contain_text(f"{MEDIUM_BANANA_KCAL} kcal")
    screenshot(page, "one-tap-offers")

    offer.click()  # the one click

    expect(page.locator(".messages")).to_contain_text("Added Bananas, raw")
    expect(snacks.locator(".entry")).to_have_count(1)
    expect(snacks.locator(".entry")).to_contain_text("1 medium")
    expect(page.locator("#summary-food")).to_have_text(str(MEDIUM_BANANA_KCAL))


def test_a_saved_meal_and_yesterdays_meal_are_one_click_each(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("saved"))
    yesterday = date.today() - timedelta(days=1)
    page.goto(f"{server_url}/diary/{yesterday}/")
    say(page, "2 large eggs and a banana", "breakfast")
    breakfast = page.locator("#meal-breakfast")
    breakfast.get_by_text("Save breakfast as a meal").click()
    breakfast.get_by_label("Name").fill("My usual breakfast")
    breakfast.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Saved My usual breakfast")

    page.goto(f"{server_url}/diary/")
    breakfast = page.locator("#meal-breakfast")
    breakfast.get_by_role("button", name=re.compile(r"Copy yesterday’s breakfast")).click()
    expect(breakfast.locator(".entry")).to_have_count(2)
    expect(breakfast.get_by_role("button", name=re.compile("Copy yesterday"))).to_have_count(0)

    breakfast.get_by_role("button", name=re.compile(r"\+ My usual breakfast")).click()
    expect(page.locator(".messages")).to_contain_text("Added My usual breakfast")
    expect(breakfast.locator(".entry")).to_have_count(4)
    two_eggs_and_a_banana = EGG_KCAL_PER_100G + BANANA_KCAL_PER_100G * 118 / 100  # 100 g of egg
    expect(page.locator("#meal-kcal-breakfast")).to_have_text(
        f"{round(2 * two_eggs_and_a_banana)} kcal"
    )
    screenshot(page, "one-tap-saved-meal")


def test_the_serving_form_shows_calories_and_macros_as_the_amount_changes(
    page: Page, server_url: str
) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("serving"))
    page.goto(f"{server_url}/diary/{date.today()}/add/?meal=breakfast")
    page.get_by_label("Search foods").fill("egg")
    page.locator("#results").get_by_role("link", name=re.compile("Egg, whole, raw, fresh")).click()
    total = page.locator("#serving-total")
    page.get_by_label("Serving").select_option("1 large")
    page.get_by_label("Quantity").fill("3")
    three_eggs = int(1.5 * EGG_KCAL_PER_100G + 0.5)  # 150 g: 214.5, shown as 215
    expect(total).to_contain_text(f"{three_eggs} kcal")
    expect(page.locator("#serving-grams")).to_have_text("(150 g)")
    page.get_by_label("Serving").select_option("g")
    page.get_by_label("Quantity").fill("10")
    protein = round(EGG_PROTEIN_G_PER_100G / 10, 1)
    expect(total).to_contain_text(f"{round(EGG_KCAL_PER_100G / 10)} kcal · {protein} g protein")
    screenshot(page, "serving-live-total")
