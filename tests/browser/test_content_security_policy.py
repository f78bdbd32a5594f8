"""The Content-Security-Policy in the browser: the violations tests/browser/csp.py collects are
real ones (every page is checked with it in test_every_page.py), and the API's documentation
page, Swagger UI served by the app, works under the policy."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.browser.csp import policy_violations, watch_policy_violations


def test_an_inline_style_on_a_page_of_the_server_is_reported(
    browser: Browser, server_url: str
) -> None:
    context = browser.new_context()
    watch_policy_violations(context)
    try:
        page = context.new_page()
        # The server's own policy, on a page that breaks it (no page of the app does).
        headers = {"Content-Security-Policy": "style-src 'self'"}
        page.route(
            f"{server_url}/a-page-with-an-inline-style/",
            lambda route: route.fulfill(
                status=200,
                headers=headers,
                content_type="text/html",
                body='<!doctype html><p style="color: red">refused</p>',
            ),
        )
        page.goto(f"{server_url}/a-page-with-an-inline-style/")
        assert [found.split()[0] for found in policy_violations(page)] == ["style-src-attr"]
    finally:
        context.close()


def test_the_api_documentation_works_under_the_policy(browser: Browser, server_url: str) -> None:
    context = browser.new_context()
    watch_policy_violations(context)
    try:
        page = context.new_page()
        response = page.goto(f"{server_url}/api/docs")
        assert response is not None
        assert "default-src 'self'" in response.headers["content-security-policy"]
        # Swagger UI has read the OpenAPI document and lists the operations.
        expect(page.locator(".opblock").first).to_be_visible(timeout=15_000)
        assert policy_violations(page) == []
    finally:
        context.close()
