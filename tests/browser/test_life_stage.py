"""The goal form in a real browser: the pregnancy question shows for sex female only, and a loss
goal in pregnancy is refused at the weekly goal with a button to maintain instead."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations
from tests.browser.conftest import screenshot
from tests.browser.people import sign_up, unique_username


def test_a_loss_goal_in_pregnancy_is_refused_and_maintain_is_offered(
    page: Page, server_url: str
) -> None:
    sign_up(page, server_url, unique_username("ines"))
    question = page.get_by_role("group", name="Pregnant or breastfeeding?")
    page.get_by_label("US (lb, ft and in)").check()
    page.get_by_label("Male", exact=True).check()
    expect(question).to_be_hidden()
    page.get_by_label("Female").check()
    expect(question).to_be_visible()

    question.get_by_label("Pregnant", exact=True).check()
    page.get_by_label("Feet", exact=True).fill("5")
    page.get_by_label("Inches", exact=True).fill("4")
    page.get_by_label("Weight (lb)", exact=True).fill("160")
    page.get_by_label("Birth date").fill("1992-06-01")
    page.get_by_label("Sedentary").check()
    page.locator("#id_rate_lb").select_option(label="Lose 1 pound per week")
    page.get_by_role("button", name="Save my goal").click()

    refusal = page.locator("#id_rate_lb_error")
    expect(refusal).to_contain_text("not offered in pregnancy")
    expect(refusal).to_contain_text("choose maintain instead")
    expect(page.locator("#id_rate_lb")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("group", name="Pregnant or breastfeeding?")).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, "life-stage-refused")

    page.get_by_role("button", name="Maintain my weight instead").click()
    expect(page.locator("#goal-budget")).to_be_visible()
    expect(page.locator("main")).to_contain_text("before pregnancy")
    expect(page.locator("#id_rate_lb")).to_have_value("0")
    expect(page.get_by_label("Pregnant", exact=True)).to_be_checked()
    expect(page.get_by_role("status").first).to_contain_text(re.compile("Goal saved"))
