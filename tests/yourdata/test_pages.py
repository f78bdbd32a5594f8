"""The settings page's "Your data": downloading everything, and deleting the account."""

import io
import json
import re
import zipfile

import pytest
from django.contrib.auth.models import User
from django.test import Client

from openplate.accounts.models import ApiToken, Goal, Profile
from openplate.body.models import WaterEntry, WeightEntry
from openplate.coach.models import CheckIn
from openplate.diary.models import DayMark, Entry, Favourite
from openplate.exercise.models import ExerciseEntry
from openplate.foods.models import Food, Serving
from tests.api_client import locations
from tests.people import ALICE_PASSWORD
from tests.yourdata.test_export import COUNTS

pytestmark = pytest.mark.django_db

PASSWORD = ALICE_PASSWORD
OWNED = [
    *(Profile, Goal, CheckIn, ApiToken, Entry, Favourite, DayMark),
    *(ExerciseEntry, WeightEntry, WaterEntry),
]


def counts(user: User) -> dict[str, int]:
    found = {model.__name__: model.objects.filter(user=user).count() for model in OWNED}
    found["Food"] = Food.objects.filter(owner=user).count()
    found["Serving"] = Serving.objects.filter(food__owner=user).count()
    return found


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/settings/export.json"),
        ("get", "/settings/export.zip"),
        ("get", "/settings/delete/"),
        ("post", "/settings/delete/"),
    ],
)
def test_it_needs_sign_in(client: Client, method: str, path: str) -> None:
    response = getattr(client, method)(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_the_settings_page_offers_the_downloads_and_the_deletion(alice_browser):
    page = alice_browser.get("/settings/").content.decode()
    assert 'href="/settings/export.json"' in page
    assert 'href="/settings/export.zip"' in page
    assert "Download CSV (zip)" in page
    assert 'action="/settings/delete/"' in page
    assert '<label for="delete-password">Your password</label>' in page
    assert 'autocomplete="current-password"' in page


def test_it_downloads_the_json_as_an_attachment(alice_browser, bob):
    response = alice_browser.get("/settings/export.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="openplate-alice-')
    document = json.loads(response.content)
    assert document["account"]["username"] == "alice"
    assert len(document["diary_entries"]) == COUNTS["diary_entries"]
    assert "Bob" not in response.content.decode()


def test_it_downloads_the_zip_as_an_attachment(alice_browser):
    response = alice_browser.get("/settings/export.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].endswith('.zip"')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "README.txt" in archive.namelist()
    assert "diary_entries.csv" in archive.namelist()


def test_it_deletes_the_account_and_everything_it_owns(alice_browser, alice, bob):
    bobs_before = counts(bob)
    alice_id = alice.pk
    response = alice_browser.post("/settings/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not User.objects.filter(pk=alice_id).exists()
    assert all(count == 0 for count in counts(alice).values())
    assert counts(bob) == bobs_before
    assert Food.objects.filter(source="usda", source_id="01123").exists()  # shared foods stay
    home = alice_browser.get("/")
    assert home.status_code == 200  # signed out: the welcome page
    assert "all its data have been deleted" in home.content.decode()


def test_a_wrong_password_deletes_nothing_and_says_so_in_place(alice_browser, alice):
    before = counts(alice)
    response = alice_browser.post("/settings/delete/", {"password": "not my password"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "That is not your password. Nothing was deleted." in page
    assert 'aria-invalid="true"' in page
    assert User.objects.filter(pk=alice.pk).exists()
    assert counts(alice) == before
    assert alice_browser.get("/settings/").status_code == 200  # still signed in


def test_an_empty_password_deletes_nothing(alice_browser, alice):
    response = alice_browser.post("/settings/delete/", {"password": ""})
    assert response.status_code == 422
    assert "Enter your password" in response.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()


def test_through_htmx_a_wrong_password_answers_the_section_alone(alice_browser):
    response = alice_browser.post(
        "/settings/delete/", {"password": "nope"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert '<section id="delete-account"' in page
    assert "<html" not in page
    assert "That is not your password" in page


def test_through_htmx_a_deletion_sends_the_browser_home(alice_browser):
    response = alice_browser.post(
        "/settings/delete/", {"password": PASSWORD}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 204
    assert response["HX-Redirect"] == "/"
    assert not User.objects.filter(username="alice").exists()


def test_deleting_a_food_another_person_logged_keeps_their_entry(alice_browser, alice, bob):
    """Only a food's owner sees it, but if another person's entry did point at it, the entry
    would keep its name and nutrients, losing only the link."""
    alices_bar = Food.objects.get(owner=alice)
    entry = Entry.objects.filter(user=bob).first()
    entry.food = alices_bar
    entry.save()
    alice_browser.post("/settings/delete/", {"password": PASSWORD})
    entry.refresh_from_db()
    assert entry.food is None
    assert entry.energy_kcal > 0


def test_the_delete_page_shows_the_form(alice_browser):
    response = alice_browser.get("/settings/delete/")
    assert response.status_code == 200
    assert '<section id="delete-account"' in response.content.decode()


# --- The API: DELETE /account ------------------------------------------------------------------


def test_the_api_deletes_the_account_with_the_password(alice_api, bob):
    bobs_before = counts(bob)
    response = alice_api._send("delete", "/account", {"password": PASSWORD})
    assert response.status_code == 204
    assert not User.objects.filter(username="alice").exists()
    assert counts(bob) == bobs_before
    assert alice_api.get("/export").status_code == 401  # the token went with the account


def test_the_api_refuses_a_wrong_password_and_deletes_nothing(alice, alice_api):
    before = counts(alice)
    response = alice_api._send("delete", "/account", {"password": "wrong"})
    assert locations(response) == [["body", "payload", "password"]]
    assert counts(alice) == before


def test_the_api_needs_the_password_field(alice_api):
    response = alice_api._send("delete", "/account", {})
    assert response.status_code == 422
    assert User.objects.filter(username="alice").exists()


def test_deleting_needs_the_csrf_token(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post("/settings/delete/", {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=alice.pk).exists()
    page = client.get("/settings/").content.decode()
    form = re.search(r'<form method="post" action="/settings/delete/".*?</form>', page, re.S)
    assert form is not None
    assert 'name="csrfmiddlewaretoken"' in form.group(0)
