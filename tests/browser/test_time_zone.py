"""The person's own day, in a real browser whose clock and zone are far from UTC, against a
server whose clock is at the same moment (`server_at`, tests/browser/conftest.py).

- 2026-03-10 05:00 UTC is 19:00 on Monday, March 9 in Honolulu (UTC−10): dinner time, and UTC
  already says Tuesday.
- 2026-03-10 20:00 UTC is 09:00 on Wednesday, March 11 in Auckland (UTC+13 in summer): breakfast,
  and UTC still says Tuesday.

Each person signs up through the sign-up page, so their zone is the one the browser reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import screenshot
from tests.browser.people import sign_up, unique_username

pytestmark = pytest.mark.database  # the servers' own databases

HONOLULU_DINNER = datetime(2026, 3, 10, 5, 0, tzinfo=UTC)
AUCKLAND_BREAKFAST = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)


@pytest.fixture
def open_in(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[..., Page]]:
    """`open_in(zone, moment, width)`: a page in a context of its own whose browser lives in
    `zone` and whose clock starts at `moment`; the last one is kept as a screenshot on failure."""
    contexts = []
    pages: list[Page] = []

    def page_in(zone: str, moment: datetime, width: int = 414) -> Page:
        context = browser.new_context(viewport={"width": width, "height": 896}, timezone_id=zone)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.clock.install(time=moment)
        pages.append(tab)
        return tab

    try:
        yield page_in
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed and pages:
            screenshot(pages[-1], f"{request.node.name}-failed")
    finally:
        for context in contexts:
            context.close()


def log_a_banana(page: Page, meal: str) -> None:
    page.get_by_role("link", name=f"Add food to {meal}").click()
    page.get_by_label("Search foods").fill("banana")
    results = page.locator("#search-results")
    results.get_by_role("link", name=re.compile(r"^Bananas, raw")).click()
    page.get_by_label("Quantity").fill("1")
    page.get_by_role("button", name="Add to diary").click()
    expect(page.locator(f"#meal-{meal.lower()}")).to_contain_text("Bananas, raw")


@pytest.mark.parametrize(
    ("zone", "moment", "meal", "their_day", "today", "utc_day"),
    [
        pytest.param(
            "Pacific/Honolulu",
            HONOLULU_DINNER,
            "Dinner",
            "2026-03-09",
            "Today, Monday, March 9",
            "2026-03-10",
            id="Honolulu",
        ),
        pytest.param(
            "Pacific/Auckland",
            AUCKLAND_BREAKFAST,
            "Breakfast",
            "2026-03-11",
            "Today, Wednesday, March 11",
            "2026-03-10",
            id="Auckland",
        ),
    ],
)
def test_the_diary_follows_the_day_where_the_browser_is(
    open_in: Callable[..., Page],
    server_at: Callable[[datetime], str],
    zone: str,
    moment: datetime,
    meal: str,
    their_day: str,
    today: str,
    utc_day: str,
) -> None:
    server_url = server_at(moment)
    page = open_in(zone, moment)
    assert page.evaluate("new Date().toISOString()").startswith(moment.strftime("%Y-%m-%dT%H"))

    sign_up(page, server_url, unique_username("kai"))
    page.goto(f"{server_url}/diary/")
    expect(page.get_by_role("heading", level=1)).to_have_text(today)

    log_a_banana(page, meal)
    expect(page).to_have_url(re.compile(rf"/diary/{their_day}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(today)
    screenshot(page, f"time-zone-{zone.replace('/', '-')}-diary")

    page.goto(f"{server_url}/diary/{utc_day}/")  # UTC's date: nothing logged there
    expect(page.locator(f"#meal-{meal.lower()}")).to_contain_text("Nothing logged")

    page.goto(f"{server_url}/settings/")
    expect(page.locator("#time-zone-now")).to_contain_text(f"Your days follow {zone}")
    expect(page.get_by_role("combobox", name="Time zone")).to_have_value(zone)


def test_the_settings_page_changes_the_zone_and_today_moves(
    open_in: Callable[..., Page], server_at: Callable[[datetime], str]
) -> None:
    """A person who signed up in Honolulu moves to Auckland: at 19:00 on March 9 in Honolulu,
    it is 18:00 on March 10 there."""
    server_url = server_at(HONOLULU_DINNER)
    page = open_in("Pacific/Honolulu", HONOLULU_DINNER, width=1366)
    sign_up(page, server_url, unique_username("kai"))
    page.goto(f"{server_url}/settings/")
    expect(page.locator("#time-zone-now")).to_contain_text(
        "Your days follow Pacific/Honolulu, where it is now Monday, March 9, 7:"
    )
    page.get_by_role("combobox", name="Time zone").select_option("Pacific/Auckland")
    page.get_by_role("button", name="Save time zone").click()
    expect(page.get_by_role("status")).to_contain_text("Time zone saved: Pacific/Auckland.")
    expect(page.locator("#time-zone-now")).to_contain_text(
        "Your days follow Pacific/Auckland, where it is now Tuesday, March 10, 6:"
    )
    screenshot(page, "time-zone-settings-1366")
    page.goto(f"{server_url}/diary/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Today, Tuesday, March 10")
