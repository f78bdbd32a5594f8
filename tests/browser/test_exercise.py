"""Logging exercise in a real browser: search the Compendium, log 30 minutes of running, and see
the diary's Exercise and Remaining grow by exactly that entry's calories."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.browser.people import sign_up_with_a_goal, unique_username


def number(page: Page, element_id: str) -> int:
    return int(page.locator(f"#{element_id}").inner_text().replace(",", "").split()[0])


def test_a_person_logs_a_run_and_the_diary_follows(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("runner"))
    page.goto(f"{server_url}/diary/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    day = page.locator("#pick-day").input_value()
    budget = number(page, "summary-budget")
    remaining = number(page, "summary-remaining")
    assert number(page, "summary-exercise") == 0

    page.goto(f"{server_url}/exercise/{day}/")
    page.get_by_label("Search activities").fill("running")
    results = page.locator("#activity-list")
    expect(results).to_contain_text("running, 5 mph (12 min/mile)")  # arrived by htmx, as typed
    expect(results.locator("label").first).to_contain_text("jogging, general")
    screenshot(page, "exercise-1-search")
    page.get_by_role("radio", name=re.compile(r"^running, 5 mph")).check()
    minutes = page.locator("#activity-form").get_by_label("Minutes")
    minutes.fill("30")
    minutes.blur()  # the page settles before the button is aimed at
    formula = page.locator("#formula-kcal")
    expect(formula).to_have_text(re.compile(r"\d+ kcal"))  # MET × kg × hours, as typed
    expect(page.locator("#formula-values")).to_contain_text("8.3 × 72.6 kg × 0.5 h")
    expect(page.locator("#formula")).to_contain_text("No weigh-in yet")
    kcal = int(formula.inner_text().split()[0].replace(",", ""))
    assert kcal == round(8.3 * 160 * 0.45359237 * 0.5)
    screenshot(page, "exercise-2-formula")
    page.get_by_role("button", name="Add activity").click()

    expect(page).to_have_url(re.compile(rf"/diary/{day}/#exercise$"))
    assert number(page, "summary-exercise") == kcal
    assert number(page, "summary-remaining") == remaining + kcal
    assert number(page, "summary-budget") == budget
    screenshot(page, "exercise-3-diary")
