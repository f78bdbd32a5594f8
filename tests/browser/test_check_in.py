"""The weekly check-in in a real browser: a person with three weeks of food and weigh-ins sees
the card on their check-in day, opens the check-in, and accepts it (tomorrow's budget is the one
proposed) or keeps their budget (nothing changes). The check-in page, due and answered, fits a
phone and a desktop and passes axe, as every page must."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.browser.people import sign_up_with_a_goal, unique_username
from tests.browser.test_every_page import DESKTOP, PHONE, problems_on

DAYS = 21
INTAKE_KCAL = 1700
START_LB = 170.0
LB_A_WEEK = 0.8
SWINGS_LB = (0.6, -0.4, 0.2, -0.6, 0.4, 0.0, -0.2)  # water from day to day


def api(page: Page, server_url: str, method: str, path: str, body: Any = None) -> Any:
    """The API as the page's own session calls it."""
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.fetch(
        f"{server_url}/api/{path}",
        method=method,
        data=json.dumps(body) if body is not None else None,
        headers={"X-CSRFToken": token, "Content-Type": "application/json"},
    )
    assert response.ok, f"{method} {path}: {response.status} {response.text()}"
    return response.json()


def three_weeks_logged(page: Page, server_url: str, name: str) -> None:
    """Sign up with a goal, and log food and a weigh-in on each of the three weeks before today."""
    sign_up_with_a_goal(
        page, server_url, unique_username(name), weight_lb="172", goal_weight_lb="150"
    )
    today = date.today()  # the server and the browser share the zone
    for days_ago in range(DAYS, 0, -1):
        day = today - timedelta(days=days_ago)
        offset = DAYS - days_ago
        pounds = START_LB - LB_A_WEEK * offset / 7 + SWINGS_LB[offset % 7]
        food = {"date": str(day), "meal": "lunch", "energy_kcal": INTAKE_KCAL, "name": "Meals"}
        api(page, server_url, "POST", "entries/quick-add", food)
        api(
            page,
            server_url,
            "POST",
            "weights",
            {"date": str(day), "value": round(pounds, 1), "unit": "lb"},
        )


def choose_today_as_the_check_in_day(page: Page, server_url: str) -> None:
    """On the check-in page's own form; the page then shows today's check-in."""
    page.goto(f"{server_url}/coach/check-in/")
    page.get_by_label("Check in on").select_option(label=date.today().strftime("%A"))
    page.get_by_role("button", name="Save the day").click()
    expect(page.locator(".messages")).to_contain_text(
        f"Your weekly check-in is now on {date.today():%A}s."
    )


def kcal(text: str) -> int:
    return int(re.sub(r"[^\d]", "", text))


def test_she_accepts_and_tomorrows_budget_is_the_proposed_one(page: Page, server_url: str) -> None:
    page.emulate_media(reduced_motion="reduce")  # axe reads colours, not colours mid-transition
    three_weeks_logged(page, server_url, "carla")
    api(page, server_url, "PUT", "check-ins/weekday", {"weekday": date.today().weekday()})

    page.goto(f"{server_url}/")
    card = page.locator("#check-in-card")
    expect(card).to_contain_text("Today is your check-in day")
    for viewport, name in ((PHONE, "phone"), (DESKTOP, "desktop")):
        page.set_viewport_size(viewport)
        screenshot(page, f"check-in-card-{name}")
    card.get_by_role("link", name="See your check-in").click()

    expect(page.get_by_role("heading", name="Today’s check-in")).to_be_visible()
    expect(page.locator("#check-in-logged")).to_have_text("7 of 7")
    expect(page.locator("#goal-dates")).to_contain_text("150 lb")
    proposed = kcal(page.locator("#proposed-budget").inner_text())
    assert 1200 <= proposed < 2600
    for viewport, name in ((PHONE, "phone"), (DESKTOP, "desktop")):
        page.set_viewport_size(viewport)
        screenshot(page, f"check-in-due-{name}")
    problems = problems_on(page)
    assert problems == [], "\n".join(problems)

    page.get_by_role("button", name=f"Accept {proposed:,} kcal").click()
    expect(page.locator(".messages")).to_contain_text(
        f"Accepted: your new budget of {proposed:,} kcal a day starts today."
    )
    expect(page.locator("#check-in-done")).to_contain_text("You accepted its budget")
    expect(page.locator("#past-check-ins tbody tr")).to_have_count(1)
    for viewport, name in ((PHONE, "phone"), (DESKTOP, "desktop")):
        page.set_viewport_size(viewport)
        screenshot(page, f"check-in-answered-{name}")
    problems = problems_on(page)
    assert problems == [], "\n".join(problems)

    tomorrow = date.today() + timedelta(days=1)
    page.goto(f"{server_url}/diary/{tomorrow}/")
    expect(page.locator("#summary-budget")).to_have_text(f"{proposed:,}")
    page.goto(f"{server_url}/")
    expect(page.locator("#check-in-card")).to_have_count(0)


def test_he_keeps_his_budget_and_nothing_changes(page: Page, server_url: str) -> None:
    three_weeks_logged(page, server_url, "dmitri")
    tomorrow = date.today() + timedelta(days=1)
    page.goto(f"{server_url}/diary/{tomorrow}/")
    budget = page.locator("#summary-budget").inner_text()
    choose_today_as_the_check_in_day(page, server_url)

    current = kcal(page.locator("#current-budget").inner_text())
    assert f"{current:,}" == budget
    page.get_by_role("button", name=f"Keep {current:,} kcal").click()
    expect(page.locator(".messages")).to_contain_text("Kept: your budget stays as it is.")
    expect(page.locator("#check-in-done")).to_contain_text("You kept your budget")
    expect(page.locator("#past-check-ins tbody tr")).to_contain_text("Kept the current budget")

    page.goto(f"{server_url}/diary/{tomorrow}/")
    expect(page.locator("#summary-budget")).to_have_text(budget)
    goals = api(page, server_url, "GET", "goals")
    assert len(goals) == 1
