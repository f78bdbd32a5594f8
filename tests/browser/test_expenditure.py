"""Your expenditure in a real browser: three weeks logged through the API the pages use, one day
logged far too light; the page shows the estimate, draws it with its band, and a tap on "Mark it
complete" counts the day and takes it off the list. Screenshots at 1366 and 360 px."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.browser.people import sign_up_with_a_goal, unique_username

DAYS = 21
LIGHT_DAY_AGO = 5


def api(page: Page, server_url: str, method: str, path: str, body: dict[str, Any]) -> Any:
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.fetch(
        f"{server_url}/api/{path}",
        method=method,
        data=json.dumps(body),
        headers={"X-CSRFToken": token, "Content-Type": "application/json"},
    )
    assert response.ok, f"{method} {path}: {response.status} {response.text()}"
    return response.json()


def log_three_weeks(page: Page, server_url: str) -> date:
    """2,000 kcal and 72 kg a day for three weeks, but one day at 450 kcal; that day."""
    today = date.today()  # the server and the browser share the zone
    for back in range(DAYS):
        day = (today - timedelta(days=back)).isoformat()
        kcal = 450 if back == LIGHT_DAY_AGO else 2000
        api(page, server_url, "POST", "entries/quick-add",
            {"date": day, "meal": "lunch", "energy_kcal": kcal})  # fmt: skip
        api(page, server_url, "POST", "weights", {"date": day, "weight_kg": 72})
    return today - timedelta(days=LIGHT_DAY_AGO)


def test_an_incomplete_day_marked_complete_counts(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("ines"))
    light = log_three_weeks(page, server_url)

    page.goto(f"{server_url}/progress/")
    page.get_by_role("link", name="Your expenditure").click()
    expect(page.get_by_role("heading", name="Your expenditure", level=1)).to_be_visible()
    expect(page.locator("#expenditure-band")).to_contain_text("8 times in 10")
    expect(page.locator("#days-used")).to_contain_text(f"{DAYS - 1} of 21")
    page.wait_for_function("() => window.Chart && Chart.getChart('expenditure-chart')")
    labels = page.evaluate(
        "() => Chart.getChart('expenditure-chart').data.datasets.map(d => d.label)"
    )
    assert labels == ["Band, low", "Band, high", "Expenditure", "Intake counted", "Left out"]

    row = page.locator(f"#incomplete-{light.isoformat()}")
    expect(row).to_contain_text(f"{light:%A}")
    expect(row).to_contain_text("450 kcal logged")
    page.set_viewport_size({"width": 1366, "height": 900})
    screenshot(page, "expenditure-1366")
    page.set_viewport_size({"width": 360, "height": 780})
    screenshot(page, "expenditure-360")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360

    row.get_by_role("button", name="Mark it complete").click()
    expect(page.locator(".messages")).to_contain_text(
        f"{light:%A %b} {light.day} is marked complete"
    )
    expect(page.locator(f"#incomplete-{light.isoformat()}")).to_have_count(0)
    expect(page.locator("#no-incomplete")).to_be_visible()
    expect(page.locator("#days-used")).to_contain_text(f"{DAYS} of 21")
    expect(page.locator(f"#marked-{light.isoformat()}")).to_contain_text("complete")

    page.goto(f"{server_url}/diary/{light.isoformat()}/")
    expect(page.locator("#day-mark-status")).to_contain_text("Marked complete")
