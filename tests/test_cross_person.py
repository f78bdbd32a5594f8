"""Another person's objects are out of reach on every route, generated from the URL conf and the
API's operations: for each route that names one of a person's objects by its id, bob's object is
made and alice tries every HTTP method the route takes on it (signed in for the pages, with her
token for the API). She gets 404 (or 403), and bob's data is as it was.

A route this file cannot fill fails `test_every_route_is_known`: a new route is either listed in
PAGES or API_PATHS with the object each of its parameters names, or in NO_PERSONS_OBJECT. (The
API's endpoints that take no id, such as bob logging alice's food, are tests/test_api.py's.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from openplate.accounts.goals import GoalInput, set_goal
from openplate.accounts.tokens import create_token
from openplate.body.services import log_water, log_weight
from openplate.diary.marks import mark_day
from openplate.diary.saved_meals import save_meal
from openplate.diary.services import log_food, quick_add, set_favourite
from openplate.exercise.models import Activity
from openplate.exercise.services import log_activity
from openplate.foods.custom import create_custom_food
from tests.api_client import ApiClient
from tests.coach.history import a_check_in
from tests.people import signed_in
from tests.test_api import everything_of

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
PAGE_METHODS = ("GET", "POST")  # what a page answers; any other is refused before the view
REFUSED = (403, 404)
NOT_ALLOWED = 405

# Pages naming a person's object: route -> the object each parameter names ("day" is always the
# caller's own day, so it is filled with a date).
PAGES: dict[str, dict[str, str]] = {
    "settings/tokens/<int:token_id>/revoke/": {"token_id": "token"},
    "diary/<day:day>/add/<int:food_id>/": {"food_id": "food"},
    "diary/<day:day>/saved-meals/<int:saved_meal_id>/": {"saved_meal_id": "saved_meal"},
    "diary/saved-meals/<int:saved_meal_id>/rename/": {"saved_meal_id": "saved_meal"},
    "diary/saved-meals/<int:saved_meal_id>/delete/": {"saved_meal_id": "saved_meal"},
    "diary/entries/<int:entry_id>/": {"entry_id": "entry"},
    "diary/entries/<int:entry_id>/delete/": {"entry_id": "entry"},
    "diary/favourites/<int:food_id>/": {"food_id": "food"},
    "foods/<int:food_id>/": {"food_id": "food"},
    "exercise/entries/<int:entry_id>/": {"entry_id": "exercise"},
    "exercise/entries/<int:entry_id>/delete/": {"entry_id": "exercise"},
    "coach/check-in/<int:check_in_id>/accept/": {"check_in_id": "check_in"},
    "coach/check-in/<int:check_in_id>/keep/": {"check_in_id": "check_in"},
    "progress/weight/<int:entry_id>/delete/": {"entry_id": "weight"},
}
# The API's operations naming a person's object, by path as the OpenAPI document writes it.
API_PATHS: dict[str, dict[str, str]] = {
    "/api/tokens/{token_id}": {"token_id": "token"},
    "/api/foods/{food_id}": {"food_id": "food"},
    "/api/entries/{entry_id}": {"entry_id": "entry"},
    "/api/favourites/{food_id}": {"food_id": "food"},
    "/api/saved-meals/{saved_meal_id}": {"saved_meal_id": "saved_meal"},
    "/api/saved-meals/{saved_meal_id}/log": {"saved_meal_id": "saved_meal"},
    "/api/exercise/{entry_id}": {"entry_id": "exercise"},
    "/api/weights/{day}": {"day": "weight"},  # a day, or a weigh-in's id
    "/api/check-ins/{check_in_id}/accept": {"check_in_id": "check_in"},
    "/api/check-ins/{check_in_id}/keep": {"check_in_id": "check_in"},
}
# Routes that name no person's object: the caller's own data (by day or none), public data, the
# password reset (its link is a signed token, not an id), and the admin (staff only).
NO_PERSONS_OBJECT = {
    "",
    "healthz",
    "manifest.webmanifest",
    "sw.js",
    "offline/",
    "accounts/login/",
    "accounts/logout/",
    "accounts/password_change/",
    "accounts/password_change/done/",
    "accounts/password_reset/",
    "accounts/password_reset/done/",
    "accounts/reset/<uidb64>/<token>/",
    "accounts/reset/done/",
    "accounts/signup/",
    "goal/",
    "settings/",
    "settings/time-zone/",
    "settings/water/",
    "settings/exercise/",
    "settings/numbers-light/",
    "settings/tokens/",
    "settings/export.json",
    "settings/export.zip",
    "settings/delete/",
    "diary/",
    "diary/<day:day>/",
    "diary/<day:day>/add/",
    "diary/<day:day>/quick-add/",
    "diary/<day:day>/again/",
    "diary/<day:day>/save-meal/",
    "diary/saved-meals/",
    "diary/<day:day>/copy/",
    "diary/<day:day>/custom-food/",
    "diary/<day:day>/nutrients/",
    "diary/<day:day>/mark/",
    "diary/<day:day>/words/",
    "diary/search/",
    "diary/undo/",
    "exercise/<day:day>/",
    "exercise/<day:day>/activities/",
    "exercise/<day:day>/formula/",
    "exercise/<day:day>/activity/",
    "exercise/<day:day>/custom/",
    "exercise/<day:day>/strength/",
    "coach/expenditure/",
    "coach/expenditure/<day:day>/",
    "coach/check-in/",
    "coach/check-in/day/",
    "progress/",
    "progress/weight/",
    "progress/water/<day:day>/",
    "progress/water/<day:day>/undo/",
    "progress/report/",
    "guides/",
    "guides/<slug:slug>/",
    "api/",
    "api/openapi.json",
    "api/docs",
    # The API's own paths without an id (tests/test_api.py's AS_BOB covers each of them).
    "/api/profile",
    "/api/goals",
    "/api/tokens",
    "/api/foods",
    "/api/foods/mine",
    "/api/parse",
    "/api/entries",
    "/api/entries/batch",
    "/api/entries/again",
    "/api/entries/quick-add",
    "/api/entries/copy",
    "/api/days/{day}",
    "/api/days/{day}/nutrients",
    "/api/days/{day}/mark",
    "/api/favourites",
    "/api/recent-foods",
    "/api/saved-meals",
    "/api/activities",
    "/api/exercise",
    "/api/weights",
    "/api/water",
    "/api/water/last",
    "/api/expenditure",
    "/api/check-ins",
    "/api/check-ins/weekday",
    "/api/progress",
    "/api/reports/week",
    "/api/guides",
    "/api/guides/offered",
    "/api/guides/{slug}",
    "/api/export",
    "/api/account",
}
ADMIN = "admin/"
# What a write sends, so that it is refused for whose object it names and not for a bad body.
API_BODIES = {
    ("PATCH", "/api/entries/{entry_id}"): {"quantity": 2},
    ("PATCH", "/api/saved-meals/{saved_meal_id}"): {"name": "Mine now"},
    ("POST", "/api/saved-meals/{saved_meal_id}/log"): {"date": DAY.isoformat(), "meal": "lunch"},
    ("PATCH", "/api/exercise/{entry_id}"): {"minutes": 5},
}
PAGE_BODIES = {
    "diary/saved-meals/<int:saved_meal_id>/rename/": {"name": "Mine now"},
    "diary/entries/<int:entry_id>/": {"quantity": "2", "serving": "g", "meal": "lunch"},
    "diary/<day:day>/add/<int:food_id>/": {"quantity": "1", "serving": "g", "meal": "lunch"},
    "exercise/entries/<int:entry_id>/": {"minutes": "5"},
}


@dataclass(frozen=True)
class Attempt:
    method: str
    route: str
    parameters: dict[str, str]  # parameter -> the kind of bob's object it names

    def __str__(self) -> str:
        return f"{self.method} {self.route}"


def page_routes(patterns: Any = None, prefix: str = "") -> list[str]:
    """Every route of the URL conf, as its patterns write it, the API's included."""
    routes = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            routes += page_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            routes.append(prefix + str(pattern.pattern))
    return routes


def api_operations() -> list[tuple[str, str]]:
    """(method, path) of every operation of the API, the path as its OpenAPI document writes it."""
    from openplate.api import api

    paths = api.get_openapi_schema()["paths"]
    return [(method.upper(), path) for path, methods in paths.items() for method in methods]


def attempts() -> list[Attempt]:
    pages = [
        Attempt(method, route, PAGES[route])
        for route in page_routes()
        if route in PAGES
        for method in PAGE_METHODS
    ]
    api = [
        Attempt(method, path, API_PATHS[path])
        for method, path in api_operations()
        if path in API_PATHS
    ]
    return pages + api


def unknown_routes() -> list[str]:
    """Routes neither filled by this file nor listed as naming no person's object."""
    known = PAGES.keys() | API_PATHS.keys() | NO_PERSONS_OBJECT
    pages = [
        route
        for route in page_routes()
        if not route.startswith(ADMIN) and not route.startswith("api/") and route not in known
    ]
    api = [path for _, path in api_operations() if path not in known]
    return sorted(set(pages + api))


def test_every_route_is_known():
    assert unknown_routes() == []


def test_the_api_in_the_url_conf_is_the_api_of_the_openapi_document():
    """The two walks agree: every api/ route of the URL conf is an operation's path (or the
    document, its page and the root), so walking the operations misses no API route."""
    in_url_conf = {route for route in page_routes() if route.startswith("api/")}
    documented = {
        "api/" + path.removeprefix("/api/").replace("{", "<").replace("}", ">")
        for _, path in api_operations()
    }
    untyped = {route.replace("<int:", "<") for route in in_url_conf}
    assert untyped - documented == {"api/", "api/openapi.json", "api/docs"}


def test_every_listed_route_exists():
    """A route listed here but gone from the URL conf is a stale entry, not a safe route."""
    existing = set(page_routes()) | {path for _, path in api_operations()}
    assert (PAGES.keys() | API_PATHS.keys() | NO_PERSONS_OBJECT) - existing == set()


@pytest.fixture
def bobs(bob: User) -> dict[str, Any]:
    """Bob's objects of every kind that a route names by id."""
    goal = set_goal(
        bob,
        GoalInput("male", date(1980, 5, 5), 180, 90, "moderate", -0.5),
        on=timezone.localdate(),
    )
    food = create_custom_food(bob, "Bob's secret chili", nutrients={"energy_kcal": 150})
    set_favourite(bob, food, True)
    token, _ = create_token(bob, "Bob's phone")
    log_water(bob, day=DAY, amount=1)
    quick_add(bob, day=DAY, meal="snacks", energy_kcal=100)
    entry = log_food(bob, day=DAY, meal="lunch", food=food, quantity=250)
    mark_day(bob, day=DAY, status="complete")
    run = Activity.objects.get(code="12050")
    return {
        "token": token,
        "food": food,
        "entry": entry,
        "saved_meal": save_meal(bob, name="Bob's lunch", day=DAY, meal="lunch"),
        "exercise": log_activity(bob, day=DAY, activity=run, minutes=30),
        "weight": log_weight(bob, day=DAY, weight=90.5, unit="kg"),
        "check_in": a_check_in(bob, day=timezone.localdate(), goal=goal),
    }


def filled(route: str, parameters: dict[str, str], objects: dict[str, Any]) -> str:
    """The route with bob's objects' ids in it, and DAY for a day."""
    values = {name: str(objects[kind].pk) for name, kind in parameters.items()}
    path = route.replace("<day:day>", DAY.isoformat())
    for name, value in values.items():
        path = path.replace(f"<int:{name}>", value).replace(f"{{{name}}}", value)
    assert "<" not in path, f"{route} left unfilled: {path}"
    assert "{" not in path, f"{route} left unfilled: {path}"
    return path if path.startswith("/") else "/" + path


def send(attempt: Attempt, path: str, alice: User, alice_browser: Client) -> Any:
    if attempt.route.startswith("/api/"):
        client = ApiClient(alice).client
        body = API_BODIES.get((attempt.method, attempt.route))
        data = "" if body is None else json.dumps(body)
        return client.generic(attempt.method, path, data, content_type="application/json")
    if attempt.method == "GET":
        return alice_browser.get(path)
    return alice_browser.post(path, PAGE_BODIES.get(attempt.route, {}))


@pytest.mark.parametrize("attempt", attempts(), ids=str)
def test_alice_cannot_reach_bobs_object(attempt, alice, alice_browser, bob, bobs):
    path = filled(attempt.route, attempt.parameters, bobs)
    before = everything_of(bob)
    response = send(attempt, path, alice, alice_browser)
    after = everything_of(bob)
    if response.status_code == NOT_ALLOWED:
        # A method the route takes from no one (a page's GET or POST): bob is refused it too.
        assert send(attempt, path, bob, signed_in(bob)).status_code == NOT_ALLOWED
    else:
        assert response.status_code in REFUSED, (path, response.status_code, response.content)
    assert after == before


@pytest.mark.parametrize("attempt", attempts(), ids=str)
def test_bob_reaches_his_own_object_by_the_same_route(attempt, bob, bobs):
    """The same request from bob is not refused for want of the object: the matrix above
    tests ownership, not a route that refuses everyone."""
    path = filled(attempt.route, attempt.parameters, bobs)
    response = send(attempt, path, bob, signed_in(bob))
    assert response.status_code not in REFUSED, (path, response.status_code, response.content)
