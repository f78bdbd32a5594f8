"""Numbers-light mode in a real browser: turned on in settings, the day, progress and exercise
pages show portions, the plate and trends, and no calorie figure, on a phone and a desktop,
none wider than the screen and none with a serious axe-core finding."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations, overflow
from tests.browser.conftest import ARTIFACTS, screenshot
from tests.browser.people import sign_up_with_a_goal, unique_username

MEDIUM_BANANA = '1 medium (7" to 7-7/8" long)'
CALORIE_FIGURE = re.compile(r"\d[\d,.]*\s*(kcal|calories)|\bkcal\b", re.IGNORECASE)
WIDTHS = {"phone": 360, "desktop": 1366}


def log_a_banana(page: Page) -> None:
    page.get_by_role("link", name="Add food to Breakfast").click()
    page.get_by_label("Search foods").fill("banana")
    page.locator("#search-results").get_by_role("link", name=re.compile(r"^Bananas, raw")).click()
    page.get_by_label("Serving").select_option(value=MEDIUM_BANANA)
    page.get_by_label("Quantity").fill("1")
    page.get_by_role("button", name="Add to diary").click()
    expect(page.locator("#meal-breakfast")).to_contain_text("Bananas, raw")


def test_numbers_light_mode_leaves_calories_out_of_the_pages(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("nora"))
    page.goto(f"{server_url}/settings/")
    page.get_by_role("checkbox", name=re.compile("Numbers-light")).check()
    page.get_by_role("button", name="Save numbers-light").click()
    expect(page.get_by_role("status").first).to_contain_text("Numbers-light mode on")

    page.goto(f"{server_url}/diary/")
    log_a_banana(page)
    page.goto(f"{server_url}/diary/")
    expect(page.locator("#plate-shares")).to_contain_text("Carbohydrate")
    expect(page.locator("#meal-breakfast")).to_contain_text("1 medium")

    for name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        for slug, path in (
            ("day", "/diary/"),
            ("progress", "/progress/"),
            ("report", "/progress/report/"),
            ("goal", "/goal/"),
            ("add-food", ""),
            ("exercise", ""),
            ("settings", "/settings/"),
        ):
            if slug == "add-food":
                page.goto(f"{server_url}/diary/")
                page.get_by_role("link", name="Add food to Lunch").click()
                page.get_by_label("Search foods").fill("banana")
                expect(page.locator("#search-results")).to_contain_text("Bananas, raw")
            elif slug == "exercise":
                page.goto(f"{server_url}/diary/")
                page.get_by_role("link", name="Add exercise").click()
                page.get_by_label("Search activities").fill("walking")
                # The results come by htmx after a pause in typing: give a busy machine time.
                expect(page.locator("#activity-results")).to_contain_text("walking", timeout=15_000)
            else:
                page.goto(f"{server_url}{path}")
            text = page.locator("main").inner_text()
            assert not CALORIE_FIGURE.search(text), (slug, CALORIE_FIGURE.search(text))
            assert overflow(page) == [], slug
            assert axe_violations(page) == [], slug
            screenshot(page, f"numbers-light-{slug}-{name}")
        page.goto(f"{server_url}/settings/")
        page.locator("#numbers-light").screenshot(
            path=str(ARTIFACTS / f"numbers-light-setting-{name}.png")
        )
