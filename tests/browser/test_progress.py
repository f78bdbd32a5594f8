"""Progress in a real browser: sign up, set a goal with a goal weight, log weigh-ins through the
page, and see Chart.js draw them with the trend, the forecast and the goal line."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, screenshot
from tests.browser.people import sign_up_with_a_goal, unique_username

WEIGH_INS_LB = [(6, "182.4"), (4, "181.1"), (2, "181.6"), (0, "180.2")]  # days ago, weight


def test_weigh_ins_logged_on_the_page_are_charted(page: Page, server_url: str) -> None:
    sign_up_with_a_goal(
        page,
        server_url,
        unique_username("paula"),
        inches=6,
        weight_lb="183",
        goal_weight_lb="160",
        birth_date="1985-06-01",
        activity="Lightly active",
    )
    expect(page.locator("#goal-weight")).to_contain_text("160 lb")

    page.goto(f"{server_url}/progress/?range=4w")
    today = date.today()
    for days_ago, pounds in WEIGH_INS_LB:
        page.get_by_label("Date").fill((today - timedelta(days=days_ago)).isoformat())
        page.get_by_label("Weight (lb)").fill(pounds)
        page.get_by_role("button", name="Save weigh-in").click()
        expect(page.locator(".messages")).to_contain_text(f"Weigh-in saved: {pounds} lb")

    page.goto(f"{server_url}/progress/?range=4w")
    expect(page.locator("#latest-weight")).to_have_text("180.2 lb")
    expect(page.locator("#weigh-ins tbody tr")).to_have_count(4)
    canvas = page.locator("#weight-chart")
    expect(canvas).to_be_visible()
    page.wait_for_function("() => window.Chart && Chart.getChart('weight-chart')")
    datasets = page.evaluate(
        """() => Chart.getChart('weight-chart').data.datasets.map(d => ({
            label: d.label,
            points: d.data.filter(v => v !== null).length,
            length: d.data.length,
        }))"""
    )
    by_label = {d["label"]: d for d in datasets}
    assert by_label["Weigh-ins"]["points"] == 4
    assert by_label["Weigh-ins"]["length"] == 28 + 7  # four weeks and a week of forecast
    assert by_label["Trend"]["points"] >= 7
    assert by_label["Forecast"]["points"] > 7
    assert by_label["Goal weight"]["points"] == 35
    drawn = page.evaluate(
        "() => Chart.getChart('weight-chart').getDatasetMeta(0).data.filter(p => !p.skip).length"
    )
    assert drawn == 4
    box = canvas.bounding_box()
    assert box is not None
    assert box["width"] > 300
    assert box["height"] > 200
    assert page.evaluate("() => Chart.getChart('calories-chart').data.datasets.length") == 2

    page.locator("#water-card").get_by_role("button", name="Add 1 cup of water").click()
    expect(page.locator("#water-cups")).to_have_text("1")  # swapped in by htmx
    page.locator("#weight-heading").scroll_into_view_if_needed()
    screenshot(page, "progress-1-page")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    canvas.screenshot(path=str(ARTIFACTS / "progress-2-weight-chart.png"))

    page.get_by_role("link", name="Weekly report").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Week of")
    screenshot(page, "progress-3-weekly-report")
