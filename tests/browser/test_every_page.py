"""Every page a person can open, on a phone (360 × 740) and a desktop (1366 × 900), in light and
dark: nothing wider than the screen, no serious or critical WCAG 2.1 AA violation (axe-core), no
control named twice, nothing the Content-Security-Policy refuses (tests/browser/csp.py). One
person, with a goal, food, exercise, a weigh-in and a saved meal, visits them all in one browser
context, so each page shows real content; each page is a test of its own.

A page that is the answer to a form (a refused sign-up, a refused quick add) is reached by
posting that form from the page it lives on. The 403 and 500 pages cannot be reached on a
working server, nor the 429 without many refused forms: they are rendered here, as Django's
handlers and the limits on guessing render them, and served at an address of the server so
the page loads the app's own styles.

`test_every_named_page_is_visited` reads the URL conf: a new page fails it until it is listed
here, or named among the addresses that are not pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.views import defaults
from playwright.sync_api import Browser, Page, ViewportSize

from openplate.accounts import limits
from openplate.accounts.refusals import too_many_attempts
from tests.browser.axe import axe_violations, overflow, repeated_names
from tests.browser.conftest import screenshot
from tests.browser.csp import policy_violations, watch_policy_violations
from tests.browser.people import sign_up_with_a_goal, unique_username

PHONE = ViewportSize(width=360, height=740)
DESKTOP = ViewportSize(width=1366, height=900)
VIEWPORTS = (PHONE, DESKTOP)
# What dark mode can change: the rest of axe's rules read the markup, the same in either scheme.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# Submits a form made in the page, as the page's own form would: the browser then shows the
# answer, as it does for any form.
SUBMIT_JS = """([action, fields]) => {
  const form = document.createElement("form");
  form.method = "post";
  form.action = action;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}"""
CSRF = "{csrf}"  # a field value filled in with the page's CSRF token


@dataclass(frozen=True)
class Visit:
    """One page: its URL pattern's name, its address (with the person's ids in {braces}), and
    for the answer to a form, the form posted from that address."""

    id: str
    url_name: str | None
    path: str
    signed_in: bool = True
    post_to: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    rendered: str = ""  # "403", "429" or "500": a page rendered here, not reached on the server


PAGES = [
    # Signed out
    Visit("home-signed-out", "home", "/", signed_in=False),
    Visit("sign-in", "login", "/accounts/login/", signed_in=False),
    Visit(
        "sign-in-refused",
        "login",
        "/accounts/login/",
        signed_in=False,
        post_to="/accounts/login/",
        fields={"csrfmiddlewaretoken": CSRF, "username": "nobody", "password": "wrong"},
    ),
    Visit("sign-up", "accounts:signup", "/accounts/signup/", signed_in=False),
    Visit(
        "sign-up-refused",
        "accounts:signup",
        "/accounts/signup/",
        signed_in=False,
        post_to="/accounts/signup/",
        fields={"csrfmiddlewaretoken": CSRF, "username": "", "password1": "a", "password2": "b"},
    ),
    Visit("password-reset", "password_reset", "/accounts/password_reset/", signed_in=False),
    Visit(
        "password-reset-sent",
        "password_reset_done",
        "/accounts/password_reset/done/",
        signed_in=False,
    ),
    Visit(
        "password-reset-link-expired",
        "password_reset_confirm",
        "/accounts/reset/MQ/no-such-token/",
        signed_in=False,
    ),
    Visit(
        "password-reset-complete",
        "password_reset_complete",
        "/accounts/reset/done/",
        signed_in=False,
    ),
    Visit("not-found-signed-out", None, "/no-such-page/", signed_in=False),
    Visit("offline", "offline", "/offline/", signed_in=False),
    # The diary
    Visit("diary-today", "diary:today", "/"),  # where the home page takes a signed-in person
    Visit("diary-day", "diary:day", "/diary/{yesterday}/"),
    Visit(
        "quick-add-refused",
        "diary:quick_add",
        "/diary/{today}/",
        post_to="/diary/{today}/quick-add/",
        fields={"csrfmiddlewaretoken": CSRF, "meal": "snacks", "energy_kcal": "-5"},
    ),
    Visit("add-food", "diary:add", "/diary/{today}/add/?meal=lunch"),
    Visit("add-food-search", "diary:add", "/diary/{today}/add/?meal=lunch&q=banana"),
    Visit("log-food", "diary:log", "/diary/{today}/add/{banana}/?meal=lunch"),
    Visit(
        "log-food-refused",
        "diary:log",
        "/diary/{today}/add/{banana}/",
        post_to="/diary/{today}/add/{banana}/",
        fields={"csrfmiddlewaretoken": CSRF, "meal": "lunch", "serving": "g", "quantity": "-1"},
    ),
    Visit("custom-food", "diary:custom_food", "/diary/{today}/custom-food/?meal=snacks"),
    Visit(
        "custom-food-refused",
        "diary:custom_food",
        "/diary/{today}/custom-food/",
        post_to="/diary/{today}/custom-food/?meal=snacks",
        fields={"csrfmiddlewaretoken": CSRF, "name": "", "per_grams": "0"},
    ),
    Visit("nutrients", "diary:nutrients", "/diary/{today}/nutrients/"),
    Visit(
        "words",
        "diary:words",
        "/diary/{today}/words/?meal=lunch&text=2 eggs and a banana and a qwzx",
    ),
    Visit(
        "words-refused",
        "diary:words",
        "/diary/{today}/words/?meal=lunch&text=a banana",
        post_to="/diary/{today}/words/?meal=lunch",
        fields={
            "csrfmiddlewaretoken": CSRF,
            "text": "a banana",
            "rows": "1",
            "meal": "lunch",
            "row-0-text": "a banana",
            "row-0-parsed-food": "{banana}",
            "row-0-candidates": "{banana}",
            "row-0-food": "{banana}",
            "row-0-quantity": "1",
            "row-0-serving": "g",
            "action": "log",  # and no row ticked
        },
    ),
    Visit("saved-meals", "diary:saved_meals", "/diary/saved-meals/"),
    Visit("edit-food-entry", "diary:edit", "/diary/entries/{food_entry}/"),
    Visit("edit-quick-add", "diary:edit", "/diary/entries/{quick_entry}/"),
    # Exercise
    # The day with a search's activities (the activities fragment) and one chosen, whose formula
    # (the formula fragment) shows.
    Visit("exercise-day", "exercise:day", "/exercise/{today}/?q=running&activity={activity}"),
    Visit(
        "exercise-refused",
        "exercise:log_custom",
        "/exercise/{today}/",
        post_to="/exercise/{today}/custom/",
        fields={"csrfmiddlewaretoken": CSRF, "name": "", "energy_kcal": "-1"},
    ),
    Visit(
        "exercise-activity-refused",
        "exercise:log_activity",
        "/exercise/{today}/",
        post_to="/exercise/{today}/activity/",
        fields={"csrfmiddlewaretoken": CSRF, "activity": "{activity}", "minutes": "0"},
    ),
    Visit("exercise-edit", "exercise:edit", "/exercise/entries/{exercise_entry}/"),
    # Progress
    Visit("progress", "progress:overview", "/progress/"),
    Visit(
        "weigh-in-refused",
        "progress:weigh_in",
        "/progress/",
        post_to="/progress/weight/",
        fields={"csrfmiddlewaretoken": CSRF, "date": "{today}", "weight": "-1", "unit": "lb"},
    ),
    Visit("report", "progress:report", "/progress/report/"),
    Visit("expenditure", "coach:expenditure", "/coach/expenditure/"),
    # With a day logged, not enough for a check-in; tests/browser/test_check_in.py checks the
    # page with a check-in due and answered.
    Visit("check-in", "coach:check_in", "/coach/check-in/"),
    # The person
    Visit("goal", "accounts:goal", "/goal/"),
    Visit("settings", "accounts:settings", "/settings/"),
    Visit("password-change", "password_change", "/accounts/password_change/"),
    Visit("password-change-done", "password_change_done", "/accounts/password_change/done/"),
    Visit("delete-account", "yourdata:delete_account", "/settings/delete/"),
    Visit(
        "delete-account-refused",
        "yourdata:delete_account",
        "/settings/delete/",
        post_to="/settings/delete/",
        fields={"csrfmiddlewaretoken": CSRF, "password": "not the password"},
    ),
    # Reading
    Visit("guides", "guides:index", "/guides/"),
    Visit("guide", "guides:detail", "/guides/sore-legs/"),
    Visit("food-label", "foods:label", "/foods/{banana}/"),
    # Errors
    Visit("not-found", None, "/no-such-page/"),
    Visit(
        "form-expired",
        None,
        "/diary/",
        post_to="/diary/{today}/quick-add/",
        fields={"meal": "snacks", "energy_kcal": "100"},  # no CSRF token
    ),
    Visit("forbidden", None, "/forbidden-page/", rendered="403"),
    Visit("server-error", None, "/server-error-page/", rendered="500"),
    Visit("too-many-attempts", None, "/too-many-attempts-page/", rendered="429"),
]

# Named addresses that are not pages of their own: forms that redirect when they work (and show
# the page they came from, visited above, when refused), downloads, and htmx fragments, which
# are visited inside the page that holds them.
NOT_PAGES = {
    "healthz": "plain text for scripts",
    "manifest": "the web app manifest (JSON)",
    "service_worker": "the service worker (JavaScript)",
    "logout": "POST, then the home page",
    "accounts:time_zone": "POST from settings",
    "accounts:water_goal": "POST from settings",
    "accounts:exercise_share": "POST from settings",
    "accounts:numbers_light": "POST from settings",
    "accounts:token_create": "POST from settings",
    "accounts:token_revoke": "POST from settings",
    "yourdata:export_json": "a download",
    "yourdata:export_zip": "a download",
    "diary:again": "POST from the day",
    "diary:save_meal": "POST from the day",
    "diary:log_saved_meal": "POST from the day",
    "diary:copy": "POST from the day",
    "diary:search": "fragment of the add page (add-food-search)",
    "diary:rename_meal": "POST from saved meals",
    "diary:delete_meal": "POST from saved meals",
    "diary:delete": "POST from the day",
    "diary:undo_delete": "POST from the day",
    "diary:favourite": "POST from the log page",
    "exercise:activities": "fragment of the exercise day, visited inside it",
    "exercise:formula": "fragment of the exercise day, visited inside it",
    "exercise:log_strength": "POST; refused, the exercise day as exercise-refused shows it",
    "exercise:delete": "POST from the exercise day",
    "progress:delete_weight": "POST from progress",
    "diary:mark": "POST from the day or the expenditure page",
    "coach:decide_day": "POST from the expenditure page",
    "coach:check_in_day": "POST from the check-in page",
    "coach:accept_check_in": "POST from the check-in page",
    "coach:keep_check_in": "POST from the check-in page",
    "progress:water": "POST from the day's water card",
    "progress:undo_water": "POST from the day's water card",
}
NOT_PAGE_PREFIXES = ("api/", "admin/")


@dataclass
class Person:
    page: Page
    ids: dict[str, str]


@pytest.fixture(scope="module")
def person(browser: Browser, server_url: str) -> Iterator[Person]:
    """A person with a day of food, exercise, a weigh-in and a saved meal, signed in."""
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    watch_policy_violations(context)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        sign_up_with_a_goal(page, server_url, unique_username("every-page"))
        yield Person(page, log_a_day(page, server_url))
    finally:
        context.close()


@pytest.fixture(scope="module")
def stranger(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    watch_policy_violations(context)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
    finally:
        context.close()


def log_a_day(page: Page, server_url: str) -> dict[str, str]:
    """Today's breakfast and lunch, a quick add yesterday, a run, a weigh-in and a saved meal,
    through the API the pages' session may use; the ids the pages need."""
    today = date.today()  # the server and the browser share the zone
    yesterday = today - timedelta(days=1)

    def call(method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
        response = page.request.fetch(
            f"{server_url}/api/{path}",
            method=method,
            data=json.dumps(body) if body is not None else None,
            headers={"X-CSRFToken": token, "Content-Type": "application/json"},
        )
        assert response.ok, f"{method} {path}: {response.status} {response.text()}"
        return response.json()

    banana = call("GET", "foods?q=banana")[0]["id"]
    egg = call("GET", "foods?q=egg")[0]["id"]
    entry = call(
        "POST",
        "entries",
        {"date": str(today), "meal": "breakfast", "food_id": banana, "quantity": 118},
    )
    call(
        "POST",
        "entries",
        {"date": str(today), "meal": "breakfast", "food_id": egg, "quantity": 100},
    )
    call("POST", "entries", {"date": str(today), "meal": "lunch", "food_id": egg, "quantity": 50})
    quick = call(
        "POST",
        "entries/quick-add",
        {"date": str(yesterday), "meal": "dinner", "energy_kcal": 650, "name": "Pizza slice"},
    )
    call(
        "POST",
        "saved-meals",
        {"name": "My usual breakfast", "date": str(today), "meal": "breakfast"},
    )
    call("POST", "weights", {"date": str(today), "value": 158, "unit": "lb"})
    running = call("GET", "activities?q=running")[0]["code"]
    workout = call(
        "POST",
        "exercise",
        {"kind": "activity", "date": str(today), "activity_code": running, "minutes": 30},
    )
    return {
        "today": str(today),
        "yesterday": str(yesterday),
        "banana": str(banana),
        "food_entry": str(entry["id"]),
        "quick_entry": str(quick["id"]),
        "activity": running,
        "exercise_entry": str(workout["id"]),
    }


def open_page(page: Page, visit: Visit, ids: dict[str, str], server_url: str) -> None:
    page.set_viewport_size(VIEWPORTS[0])
    page.emulate_media(color_scheme="light")
    url = server_url + visit.path.format(**ids)
    if visit.rendered:
        response = _rendered(visit.rendered)
        page.route(
            url,
            lambda route: route.fulfill(
                status=response.status_code,
                content_type="text/html; charset=utf-8",
                body=response.content,
            ),
        )
    page.goto(url)
    if visit.post_to:
        token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
        fields = {
            name: token if value == CSRF else value.format(**ids)
            for name, value in visit.fields.items()
        }
        with page.expect_navigation():
            page.evaluate(SUBMIT_JS, [server_url + visit.post_to.format(**ids), fields])


def _rendered(code: str) -> Any:
    """The 403 or 500 page as Django's own handlers render it, or the 429 of a limit on guessing
    (the sign-in's, which offers a password reset too)."""
    request = RequestFactory().get("/")
    if code == "429":
        limit = limits.limit(limits.SIGN_IN_PER_ADDRESS)
        return too_many_attempts(request, limits.Refusal(limit, timezone.now() + limit.window))
    if code == "403":
        return defaults.permission_denied(request, PermissionDenied())
    return defaults.server_error(request)


def problems_on(page: Page) -> list[str]:
    """Everything wrong with the page as shown, at each viewport and in each colour scheme."""
    problems = [f"all sizes: {problem}" for problem in repeated_names(page)]
    for viewport in VIEWPORTS:
        page.set_viewport_size(viewport)
        size = f"{viewport['width']}×{viewport['height']}"
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            where = f"{size} {scheme}"
            if scheme == "light":  # the layout and the markup are the same in both schemes
                problems += [f"{size}: {problem}" for problem in overflow(page)]
                problems += [f"{where}: {problem}" for problem in axe_violations(page)]
            else:
                colours = axe_violations(page, rules=COLOUR_RULES)
                problems += [f"{where}: {problem}" for problem in colours]
    return problems


@pytest.mark.parametrize("visit", PAGES, ids=[visit.id for visit in PAGES])
def test_a_page_fits_the_screen_and_passes_axe(
    visit: Visit, person: Person, stranger: Page, server_url: str
) -> None:
    page = person.page if visit.signed_in else stranger
    open_page(page, visit, person.ids, server_url)

    problems = problems_on(page)
    problems += [f"Content-Security-Policy: {found}" for found in policy_violations(page)]

    if problems:
        page.set_viewport_size(PHONE)
        page.emulate_media(color_scheme="light")
        screenshot(page, f"every-page-{visit.id}-failed")
    assert not problems, f"{visit.id} ({page.url}):\n" + "\n".join(problems)


def named_patterns(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    """(route, name) of every named pattern, the name with its namespace."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern.url_patterns, route, inner)
        elif pattern.name:
            yield route, namespace + pattern.name


def test_every_named_page_is_visited() -> None:
    names = {
        name
        for route, name in named_patterns(get_resolver().url_patterns)
        if not route.startswith(NOT_PAGE_PREFIXES)
    }
    visited = {visit.url_name for visit in PAGES}

    assert names - visited - NOT_PAGES.keys() == set(), "pages no test visits"
    assert NOT_PAGES.keys() - names == set(), "addresses listed as not pages that are gone"
    assert NOT_PAGES.keys() & visited == set(), "addresses both visited and listed as not pages"
