"""New people for the browser tests, made through the pages as a person would.

The tests share one server for the whole run, so each signs up people of its own, named with
`unique_username`: no test finds another's person, or is refused a username another took.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from playwright.sync_api import Page, expect

PASSWORD = "correct horse battery staple"


def unique_username(name: str) -> str:
    """`name` and a suffix no other call returns, such as "maria-3f9c2a1b"."""
    return f"{name}-{uuid.uuid4().hex[:8]}"


def sign_up(page: Page, server_url: str, username: str, password: str = PASSWORD) -> None:
    """Sign up; the app then asks for the goal."""
    page.goto(f"{server_url}/accounts/signup/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Password confirmation").fill(password)
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/goal/$"))


def set_goal(
    page: Page,
    *,
    feet: int = 5,
    inches: int = 4,
    weight_lb: str = "160",
    goal_weight_lb: str = "",
    birth_date: str = "1990-04-12",
    activity: str = "Sedentary",
    weekly_goal: str = "Lose 1 pound per week",
) -> None:
    """Fill in and save the goal form in US units, on the goal page."""
    page.get_by_label("US (lb, ft and in)").check()
    page.get_by_label("Female").check()
    page.get_by_label("Feet", exact=True).fill(str(feet))
    page.get_by_label("Inches", exact=True).fill(str(inches))
    page.get_by_label("Weight (lb)", exact=True).fill(weight_lb)
    if goal_weight_lb:
        page.get_by_label("Goal weight (lb, optional)").fill(goal_weight_lb)
    page.get_by_label("Birth date").fill(birth_date)
    page.get_by_label(activity).check()
    page.locator("#id_rate_lb").select_option(label=weekly_goal)
    page.get_by_role("button", name="Save my goal").click()
    expect(page.locator("#goal-budget")).to_be_visible()


def sign_up_with_a_goal(page: Page, server_url: str, username: str, **goal: Any) -> None:
    sign_up(page, server_url, username)
    set_goal(page, **goal)
