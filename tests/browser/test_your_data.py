"""Reading a guide, downloading one's data and deleting the account, in a real browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot
from tests.browser.people import sign_up, unique_username

PASSWORD = "correct horse battery staple"


def test_a_person_reads_a_guide_downloads_their_data_and_leaves(
    page: Page, server_url: str
) -> None:
    username = unique_username("noor")
    sign_up(page, server_url, username, PASSWORD)

    page.get_by_role("link", name="Guides").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Guides")
    screenshot(page, "guides-1-list")
    page.get_by_role("link", name="Relieving sore leg muscles after exercise").click()
    expect(page.locator("ol.guide-steps > li")).to_have_count(6)
    expect(page.get_by_role("img")).to_have_attribute("alt", re.compile("ice pack"))
    screenshot(page, "guides-2-sore-legs")

    page.get_by_role("link", name="Settings").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download JSON").click()
    document = json.loads(Path(download.value.path()).read_text())
    assert document["account"]["username"] == username

    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Delete my account and all my data").click()
    expect(page.locator("#delete-account .errorlist")).to_contain_text("not your password")
    expect(page).to_have_url(re.compile(r"/settings/$"))  # the error came back in place
    screenshot(page, "your-data-1-wrong-password")

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account and all my data").click()
    expect(page.get_by_role("status")).to_contain_text("have been deleted")
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    screenshot(page, "your-data-2-deleted")
