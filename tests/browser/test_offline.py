"""Offline in a real browser: the service worker installs and keeps the pages opened, and food
logged with the connection down waits on the device, then reaches the diary once, however many
times the page sends it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from tests.browser.conftest import screenshot
from tests.browser.people import sign_up_with_a_goal, unique_username

SAVED = "Saved on this device; it will be sent when you're back online."
BANANA = "Bananas, raw"


def food_id(page: Page, server_url: str, name: str) -> int:
    """The id of the food called `name`, from the API as the signed-in person."""
    foods = page.request.get(f"{server_url}/api/foods", params={"q": name}).json()
    return next(food["id"] for food in foods if food["name"] == name)


def entries_named(page: Page, server_url: str, day: date, name: str, meal: str) -> int:
    entries = page.request.get(f"{server_url}/api/entries", params={"date": str(day)}).json()
    return sum(1 for entry in entries if entry["name"] == name and entry["meal"] == meal)


def wait_for_worker(page: Page) -> str:
    """The scope of the service worker once it is active and controls the page."""
    scope: str = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    page.wait_for_function("!!navigator.serviceWorker.controller")  # it claims open pages
    return scope


def test_the_worker_installs_and_keeps_the_pages_opened(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("installed"))
    page.goto(f"{server_url}/diary/")
    manifest = page.locator('link[rel="manifest"]').get_attribute("href")
    assert manifest == "/manifest.webmanifest"
    assert page.request.get(f"{server_url}{manifest}").json()["start_url"] == "/diary/"
    assert wait_for_worker(page) == f"{server_url}/"
    day_page = page.url
    page.reload()  # the worker now keeps this page's copy
    expect(page.locator("#summary-budget")).to_be_visible()

    page.context.set_offline(True)
    page.goto(day_page)
    expect(page.locator("#summary-budget")).to_be_visible()  # the copy kept
    page.goto(f"{server_url}/guides/")  # never opened on this device
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    expect(page.get_by_role("link", name="Diary, today")).to_be_visible()
    screenshot(page, "offline-page")
    page.context.set_offline(False)


def test_food_logged_offline_reaches_the_diary_once(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("offline"))
    today = date.today()  # the server and the browser share the zone
    banana = food_id(page, server_url, BANANA)
    page.goto(f"{server_url}/diary/{today}/add/{banana}/?meal=breakfast")

    page.context.set_offline(True)
    page.get_by_role("button", name="Add to diary").click()
    status = page.get_by_role("status").filter(has_text=SAVED)
    expect(status).to_be_visible()
    waiting = page.locator(".offline-queue")
    expect(waiting).to_contain_text(BANANA)
    expect(waiting).to_contain_text("Breakfast")
    screenshot(page, "offline-waiting")

    page.context.set_offline(False)
    expect(page.locator("[data-offline-status]")).to_contain_text(f"Sent {BANANA}")
    expect(waiting).to_have_count(0)

    # Sending again, on purpose and by reloading, sends nothing more.
    page.evaluate("() => ['online', 'online'].forEach((type) => dispatchEvent(new Event(type)))")
    page.reload()
    page.reload()
    page.goto(f"{server_url}/diary/{today}/")
    breakfast = page.locator("#meal-breakfast")
    expect(breakfast.locator(".entry")).to_have_count(1)
    expect(breakfast.locator(".entry")).to_contain_text(BANANA)
    assert entries_named(page, server_url, today, BANANA, "breakfast") == 1


def test_an_answer_lost_on_the_way_back_does_not_log_twice(
    browser: Browser, server_url: str
) -> None:
    """The server logs the entry but the answer never arrives: the page sends it again with the
    same key, and the server answers with the entry it already has."""
    context: BrowserContext = browser.new_context(
        viewport={"width": 414, "height": 896}, service_workers="block"
    )
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        sign_up_with_a_goal(page, server_url, unique_username("lost"))
        today = date.today()
        banana = food_id(page, server_url, BANANA)
        page.goto(f"{server_url}/diary/{today}/add/{banana}/?meal=breakfast")
        page.get_by_role("button", name="Add to diary").click()  # online: now a recent food
        expect(page.locator(".messages")).to_contain_text(f"Added {BANANA}")

        page.goto(f"{server_url}/diary/{today}/add/?meal=snacks")
        context.set_offline(True)
        page.get_by_role("button", name=re.compile(r"^\+ ")).first.click()  # the one tap
        expect(page.locator(".offline-queue")).to_contain_text(BANANA)

        delivered = []

        def lose_the_answer(route: Route) -> None:
            delivered.append(route.fetch().status)  # the server logs it...
            route.abort("internetdisconnected")  # ...and the page never hears so

        context.route("**/api/entries/again", lose_the_answer)
        context.set_offline(False)
        _wait_until(page, lambda: delivered == [201])
        expect(page.locator(".offline-queue")).to_contain_text(BANANA)  # still waiting

        context.unroute("**/api/entries/again")
        page.reload()  # a page load sends what waits
        expect(page.get_by_role("status")).to_contain_text(f"Sent {BANANA}")  # one: no serving form
        expect(page.locator(".offline-queue")).to_have_count(0)
        assert entries_named(page, server_url, today, BANANA, "snacks") == 1
        assert entries_named(page, server_url, today, BANANA, "breakfast") == 1
    finally:
        context.close()


def _wait_until(page: Page, condition: Callable[[], bool], timeout_ms: int = 15_000) -> None:
    """Let the page run (and Playwright call the routes) until `condition` holds."""
    for _ in range(timeout_ms // 100):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the condition did not hold in time")


def test_the_day_page_logs_offline_too(page: Page, server_url: str) -> None:
    """The day page's one-tap foods and its quick add wait on the device like the food form,
    and each reaches the diary once."""
    sign_up_with_a_goal(page, server_url, unique_username("dayoffline"))
    today = date.today()
    banana = food_id(page, server_url, BANANA)
    page.goto(f"{server_url}/diary/{today}/add/{banana}/?meal=breakfast")
    page.get_by_role("button", name="Add to diary").click()  # online: now a recent breakfast
    expect(page.locator(".messages")).to_contain_text(f"Added {BANANA}")
    page.goto(f"{server_url}/diary/{today}/")
    wait_for_worker(page)
    page.reload()  # the worker keeps this page's copy

    page.context.set_offline(True)
    page.locator("#meal-breakfast .again-foods").get_by_role("button", name=BANANA).click()
    queue = page.locator(".offline-queue")
    expect(queue).to_contain_text(BANANA)
    page.get_by_text("Quick add calories").click()
    quick_add = page.locator("form[data-offline-log$='/quick-add']")
    quick_add.get_by_label("Meal").select_option("snacks")
    quick_add.get_by_label("Calories").fill("250")
    quick_add.get_by_role("button", name="Add").click()
    expect(queue).to_contain_text("Quick add")
    expect(queue).to_contain_text("Snacks")

    page.context.set_offline(False)
    expect(queue).to_have_count(0)
    page.reload()
    assert entries_named(page, server_url, today, BANANA, "breakfast") == 2
    assert entries_named(page, server_url, today, "Quick add", "snacks") == 1
    expect(page.locator("#meal-snacks .entry")).to_contain_text("Quick add")
