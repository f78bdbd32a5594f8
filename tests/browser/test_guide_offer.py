"""The diary offers the sore-legs guide after a run, in a real browser: on the day of the run and
the day after, and the guide opens with its numbered steps."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.browser.people import sign_up_with_a_goal, unique_username


def test_the_diary_offers_the_sore_legs_guide_after_a_run(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("hiker"))
    page.goto(f"{server_url}/diary/")
    day = date.fromisoformat(page.locator("#pick-day").input_value())
    expect(page.locator(".guide-offer")).to_have_count(0)

    page.goto(f"{server_url}/exercise/{day}/")
    page.get_by_label("Search activities").fill("running")
    page.get_by_role("radio", name=re.compile(r"^running, 6 mph")).check()
    page.locator("#activity-form").get_by_label("Minutes").fill("40")
    page.get_by_role("button", name="Add activity").click()

    offer = page.locator(".guide-offer")
    expect(offer).to_contain_text("Relieving sore leg muscles after exercise")
    screenshot(page, "guide-1-offered-after-a-run")

    page.goto(f"{server_url}/diary/{day + timedelta(days=1)}/")
    expect(offer).to_contain_text("Relieving sore leg muscles after exercise")
    page.goto(f"{server_url}/diary/{day + timedelta(days=2)}/")
    expect(offer).to_have_count(0)

    page.goto(f"{server_url}/diary/{day}/")
    offer.get_by_role("link", name="Relieving sore leg muscles after exercise").click()
    expect(page).to_have_url(re.compile(r"/guides/sore-legs/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Relieving sore leg muscles after exercise"
    )
    steps = page.locator("ol > li")
    assert steps.count() >= 4
    expect(page.locator("main")).to_contain_text("Epsom salt")
    screenshot(page, "guide-2-sore-legs")
