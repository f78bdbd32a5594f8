"""A new person's first day, in a real browser: sign up, set the goal, log a banana, change it,
delete it, and watch the summary follow."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.browser.people import unique_username

MEDIUM_BANANA = '1 medium (7" to 7-7/8" long)'
BANANA_KCAL_PER_100G = 89  # USDA SR24 09040, Bananas, raw
MEDIUM_BANANA_G = 118


def number(page: Page, element_id: str) -> int:
    return int(page.locator(f"#{element_id}").inner_text().replace(",", ""))


def test_a_new_person_signs_up_sets_a_goal_and_logs_a_banana(page: Page, server_url: str) -> None:
    page.goto(server_url)
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Username").fill(unique_username("maria"))
    page.get_by_label("Password", exact=True).fill("correct horse battery staple")
    page.get_by_label("Password confirmation").fill("correct horse battery staple")
    screenshot(page, "1-sign-up")
    page.get_by_role("button", name="Sign up").click()

    expect(page).to_have_url(re.compile(r"/goal/$"))
    page.get_by_label("US (lb, ft and in)").check()
    page.get_by_label("Female").check()
    page.get_by_label("Feet", exact=True).fill("5")
    page.get_by_label("Inches", exact=True).fill("4")
    page.get_by_label("Weight (lb)").fill("160")
    page.get_by_label("Birth date").fill("1990-04-12")
    page.get_by_label("Sedentary").check()
    page.locator("#id_rate_lb").select_option(label="Lose 1 pound per week")
    screenshot(page, "2-goal-form")
    page.get_by_role("button", name=re.compile("Save|Set|Calculate")).click()
    expect(page.locator("#goal-budget")).to_have_text(re.compile(r"1,2\d\d"))
    screenshot(page, "3-goal-set")
    page.get_by_role("link", name=re.compile("diary", re.IGNORECASE)).last.click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    budget = number(page, "summary-budget")
    assert number(page, "summary-food") == 0
    assert number(page, "summary-remaining") == budget
    screenshot(page, "4-empty-diary")

    page.get_by_role("link", name="Add food to Breakfast").click()
    page.get_by_label("Search foods").fill("banana")
    results = page.locator("#search-results")
    expect(results).to_contain_text("Bananas, raw")  # arrived by htmx, as typed
    screenshot(page, "5-search")
    results.get_by_role("link", name=re.compile(r"^Bananas, raw")).click()
    page.get_by_label("Serving").select_option(value=MEDIUM_BANANA)
    page.get_by_label("Quantity").fill("1")
    expect(page.get_by_label("Meal")).to_have_value("breakfast")
    page.get_by_role("button", name="Add to diary").click()

    banana_kcal = round(BANANA_KCAL_PER_100G * MEDIUM_BANANA_G / 100)
    breakfast = page.locator("#meal-breakfast")
    expect(breakfast).to_contain_text("Bananas, raw")
    assert number(page, "summary-food") == banana_kcal
    assert number(page, "summary-remaining") == budget - banana_kcal
    screenshot(page, "6-banana-logged")

    breakfast.get_by_role("link", name="Edit Bananas, raw").click()
    page.get_by_label("Quantity").fill("2")
    page.get_by_role("button", name="Save").click()
    two_bananas = round(2 * BANANA_KCAL_PER_100G * MEDIUM_BANANA_G / 100)
    assert number(page, "summary-food") == two_bananas
    assert number(page, "summary-remaining") == budget - two_bananas
    screenshot(page, "7-two-bananas")

    page.locator("#meal-breakfast").get_by_role("button", name="Delete Bananas, raw").click()
    expect(page.locator("#meal-breakfast")).to_contain_text("Nothing logged")
    assert number(page, "summary-food") == 0
    assert number(page, "summary-remaining") == budget
    screenshot(page, "8-deleted")
