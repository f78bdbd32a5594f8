"""Logging in plain words in a real browser: a three-item phrase is one text entry and one
click, and the calories follow a changed amount before anything is saved."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.browser.people import sign_up_with_a_goal, unique_username

EGG_KCAL_PER_100G = 143  # USDA SR24 01123, Egg, whole, raw, fresh: 1 large = 50 g


def kcal(text: str) -> int:
    return int(re.sub(r"[^\d]", "", text))


def test_a_three_item_phrase_is_one_text_entry_and_one_click(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("words"))
    page.goto(f"{server_url}/diary/")
    box = page.get_by_label("What did you eat?")
    box.fill("2 large eggs, a slice of whole wheat toast and a banana")  # the one text entry
    box.press("Enter")

    expect(page.get_by_role("heading", name="Check and log")).to_be_visible()
    rows = page.locator(".word-row")
    expect(rows).to_have_count(3)
    expect(rows.nth(0).get_by_label("Food")).to_contain_text("Egg, whole")
    expect(rows.nth(0).locator(".row-kcal")).to_have_text(f"{EGG_KCAL_PER_100G} kcal")
    screenshot(page, "plain-words-check")

    page.get_by_role("button", name="Log all").click()  # the one click

    expect(page.locator(".messages")).to_contain_text("Added 3 foods")
    entries = page.locator(".entry")
    expect(entries).to_have_count(3)
    expect(entries.first).to_contain_text("Egg, whole, raw, fresh")
    screenshot(page, "plain-words-logged")


def test_calories_follow_the_amount_before_saving(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("words"))
    page.goto(f"{server_url}/diary/")
    page.get_by_label("What did you eat?").fill("2 large eggs and xyzzy")
    page.get_by_label("What did you eat?").press("Enter")

    expect(page.locator("#unparsed")).to_contain_text("xyzzy")
    row = page.locator(".word-row").first
    row.get_by_label("Quantity").fill("3")
    three_eggs = f"{int(1.5 * EGG_KCAL_PER_100G + 0.5)} kcal"  # 150 g: 214.5, shown as 215
    expect(row.locator(".row-kcal")).to_have_text(three_eggs)
    expect(page.locator("#words-total")).to_have_text(three_eggs)
    row.get_by_label("Log this").uncheck()
    expect(page.locator("#words-total")).to_have_text("0 kcal")
