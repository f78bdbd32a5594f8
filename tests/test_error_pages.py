"""Error pages are the app's own, with its navigation and a way back, never Django's bare ones."""

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.views import defaults

from openplate.diary import services
from tests.people import signed_in

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_a_404_with_the_navigation(alice_browser: Client) -> None:
    response = alice_browser.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "This page isn’t here" in page
    assert 'aria-label="Main"' in page
    assert 'href="/diary/"' in page
    assert "Go to today’s diary" in page


def test_another_persons_entry_is_the_same_404(alice: User, bob: User, today: date) -> None:
    entry = services.quick_add(alice, day=today, meal="lunch", energy_kcal=300)
    response = signed_in(bob).get(f"/diary/entries/{entry.pk}/")
    assert response.status_code == 404
    assert "This page isn’t here" in response.content.decode()


def test_a_stranger_gets_a_404_that_leads_home(client: Client) -> None:
    page = client.get("/no-such-page/").content.decode()
    assert "Go to the home page" in page
    assert "Sign in" in page


def test_a_form_without_its_csrf_token_is_refused_with_a_page_that_explains(
    alice: User,
) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = browser.post("/settings/water/", {"goal_ml": "2000"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "That form had expired" in page
    assert "reload the page" in page


def test_a_403_has_the_apps_page(rf: RequestFactory) -> None:
    response = defaults.permission_denied(rf.get("/admin/"), PermissionError())
    assert response.status_code == 403
    assert "You can’t open this page" in response.content.decode()


def test_a_server_error_has_the_apps_page_and_renders_without_a_request_context(
    rf: RequestFactory,
) -> None:
    response = defaults.server_error(rf.get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on the server" in page
    assert "what you had already saved is safe" in page
