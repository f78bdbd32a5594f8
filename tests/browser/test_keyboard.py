"""Logging food with the keyboard alone: from the diary, Tab to Add food, search, pick a result,
set the amount and save with Enter; then edit and delete the entry the same way. Every control
the journey lands on shows where the focus is. No clicks: only page.keyboard."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.browser.people import sign_up_with_a_goal, unique_username

MOST_TABS = 250  # more than any page here has controls: a control never reached fails

# The focused element: what a screen reader would call it, and whether the focus is drawn.
FOCUSED_JS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const labels = [...(element.labels || [])].map((label) => label.textContent);
  const name = element.getAttribute("aria-label") || labels.join(" ") || element.textContent;
  return {
    name: name.replace(/\\s+/g, " ").trim(),
    id: element.id,
    inside: element.closest("[id]") ? element.closest("[id]").id : "",
    focusVisible: element.matches(":focus-visible"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    ring: style.boxShadow !== "none",
  };
}"""


def focused(page: Page) -> dict[str, Any] | None:
    found: dict[str, Any] | None = page.evaluate(FOCUSED_JS)
    return found


def tab_to(page: Page, name: str | re.Pattern[str], *, within: str = "") -> dict[str, Any]:
    """Press Tab until the focus is on the control named `name` (inside the element with id
    `within`, if given); the control must show its focus."""
    wanted = name if isinstance(name, re.Pattern) else re.compile(rf"^{re.escape(name)}$")
    seen: list[str] = []
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        now = focused(page)
        if now is None:
            continue
        seen.append(now["name"])
        in_place = not within or page.evaluate(
            "(id) => !!document.getElementById(id)?.contains(document.activeElement)", within
        )
        if wanted.search(now["name"]) and in_place:
            shown = now["focusVisible"] and (now["outline"] or now["ring"])
            assert shown, f"{now['name']!r} has the focus but does not show it: {now}"
            return now
    raise AssertionError(f"Tab never reached {wanted.pattern!r}; it went through {seen}")


def press_enter_and_load(page: Page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def pick_a_serving_on_the_label(page: Page) -> None:
    """From the log page, open the food's label and choose the serving two down the list with
    the arrow keys, then come back: arrowing through the choices must not reload the page."""
    tab_to(page, "Nutrition facts")
    press_enter_and_load(page)
    servings = page.locator("#label-serving option").evaluate_all("all => all.map(o => o.value)")
    wanted = servings[servings.index(page.locator("#label-serving").input_value()) + 2]
    tab_to(page, "Serving")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, "Show")
    press_enter_and_load(page)
    expect(page.locator(".serving-size")).to_contain_text(wanted)
    page.go_back()  # the browser's Back, to the log page: the label was loaded twice
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bananas, raw")


def test_a_person_logs_edits_and_deletes_food_with_the_keyboard_alone(
    page: Page, server_url: str
) -> None:
    sign_up_with_a_goal(page, server_url, unique_username("keyboard"))
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{server_url}/diary/")

    tab_to(page, re.compile(r"^(\+ ?)?Add food$"))
    press_enter_and_load(page)
    expect(page).to_have_url(re.compile(r"/add/"))

    tab_to(page, "Search foods")
    page.keyboard.type("banana raw")
    press_enter_and_load(page)
    expect(page.locator("#search-results")).to_contain_text("Bananas, raw")
    tab_to(page, re.compile(r"^Bananas, raw\b"), within="search-results")
    press_enter_and_load(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bananas, raw")

    pick_a_serving_on_the_label(page)

    tab_to(page, "Quantity")
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("2")
    press_enter_and_load(page)

    expect(page).to_have_url(re.compile(r"/diary/\d{4}-\d{2}-\d{2}/$"))
    entry = page.locator(".entry", has_text="Bananas, raw")
    expect(entry).to_have_count(1)
    expect(entry.locator(".entry-amount")).to_contain_text(re.compile(r"^2 \S"))  # two servings
    screenshot(page, "keyboard-1-logged")

    tab_to(page, "Edit Bananas, raw")
    press_enter_and_load(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit Bananas, raw")
    tab_to(page, "Quantity")
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("3")
    press_enter_and_load(page)
    changed = page.locator(".entry", has_text="Bananas, raw").locator(".entry-amount")
    expect(changed).to_contain_text(re.compile(r"^3 \S"))  # three servings

    tab_to(page, "Delete Bananas, raw")
    press_enter_and_load(page)
    expect(page.locator(".entry", has_text="Bananas, raw")).to_have_count(0)
    expect(page.locator(".messages")).to_contain_text("Bananas, raw")
    screenshot(page, "keyboard-2-deleted")
