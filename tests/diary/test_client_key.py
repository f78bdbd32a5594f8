"""Logging once per client key: a device that is not sure its call arrived sends it again, and
the diary keeps one entry."""

import io
import json
import uuid
import zipfile
from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from openplate.diary import once
from openplate.diary.models import Entry
from openplate.diary.services import quick_add
from openplate.foods.models import Food
from openplate.yourdata import export
from tests.api_client import locations

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 3)
BODY = ["body", "payload"]


@pytest.fixture
def egg():
    return Food.objects.get(source="usda", source_id="01123")


def food_entry(egg, key, **changes):
    return {
        "date": DAY.isoformat(),
        "meal": "breakfast",
        "food_id": egg.pk,
        "serving": "1 large",
        "quantity": 2,
        "client_key": str(key),
        **changes,
    }


def calls(egg):
    """Each call that logs one entry, with a body for it."""
    return {
        "/entries": lambda key: food_entry(egg, key),
        "/entries/again": lambda key: {
            "date": DAY.isoformat(),
            "meal": "lunch",
            "food_id": egg.pk,
            "client_key": str(key),
        },
        "/entries/quick-add": lambda key: {
            "date": DAY.isoformat(),
            "meal": "snacks",
            "energy_kcal": 250,
            "client_key": str(key),
        },
    }


@pytest.mark.parametrize("path", ["/entries", "/entries/again", "/entries/quick-add"])
def test_sent_again_with_its_key_a_call_answers_the_entry_it_logged(new_alice_api, egg, path):
    body = calls(egg)[path](uuid.uuid4())
    first = new_alice_api.post(path, body)
    again = new_alice_api.post(path, body)
    assert first.status_code == 201, first.content
    assert again.status_code == 200, again.content
    assert again.json() == first.json()
    assert first.json()["client_key"] == body["client_key"]
    assert Entry.objects.filter(user=new_alice_api.user).count() == 1


def test_the_key_names_the_entry_whatever_the_second_call_says(new_alice_api, egg):
    key = uuid.uuid4()
    first = new_alice_api.post("/entries", food_entry(egg, key))
    again = new_alice_api.post("/entries", food_entry(egg, key, quantity=5, meal="dinner"))
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["quantity"] == 2
    assert Entry.objects.get().meal == "breakfast"


def test_without_a_key_each_call_logs_an_entry(new_alice_api, egg):
    body = food_entry(egg, "")
    del body["client_key"]
    assert new_alice_api.post("/entries", body).status_code == 201
    second = new_alice_api.post("/entries", body)
    assert second.status_code == 201
    assert second.json()["client_key"] is None
    assert Entry.objects.filter(user=new_alice_api.user).count() == 2


def test_a_new_key_logs_a_new_entry(new_alice_api, egg):
    new_alice_api.post("/entries", food_entry(egg, uuid.uuid4()))
    assert new_alice_api.post("/entries", food_entry(egg, uuid.uuid4())).status_code == 201
    assert Entry.objects.count() == 2


def test_a_key_is_each_persons_own(new_alice_api, bob_api, egg):
    key = uuid.uuid4()
    alices = new_alice_api.post("/entries", food_entry(egg, key))
    bobs = bob_api.post("/entries", food_entry(egg, key))
    assert bobs.status_code == 201
    assert bobs.json()["id"] != alices.json()["id"]
    assert Entry.objects.get(user=bob_api.user).client_key == key


def test_a_key_that_is_not_a_uuid_is_refused(new_alice_api, egg):
    response = new_alice_api.post("/entries", food_entry(egg, "my-key"))
    assert locations(response) == [[*BODY, "client_key"]]
    assert not Entry.objects.exists()


def test_a_refused_entry_keeps_no_key_so_the_corrected_call_logs(new_alice_api, egg):
    key = uuid.uuid4()
    refused = new_alice_api.post("/entries", food_entry(egg, key, quantity=0))
    assert locations(refused) == [[*BODY, "quantity"]]
    logged = new_alice_api.post("/entries", food_entry(egg, key))
    assert logged.status_code == 201
    assert Entry.objects.get().client_key == key


def test_an_unknown_food_with_a_key_is_refused_and_logs_nothing(new_alice_api, egg):
    response = new_alice_api.post("/entries", food_entry(egg, uuid.uuid4(), food_id=10**9))
    assert locations(response) == [[*BODY, "food_id"]]
    assert not Entry.objects.exists()


def test_two_calls_at_the_same_moment_log_one_entry(new_alice_api, egg, monkeypatch):
    """The other call stores the key between this one's look and its insert: the database
    refuses the second row, and this call answers the first."""
    key = uuid.uuid4()
    other = quick_add(new_alice_api.user, day=DAY, meal="breakfast", energy_kcal=100)
    Entry.objects.filter(pk=other.pk).update(client_key=key)
    looked = []
    found_by = once.logged_with

    def missed_the_first_time(user, client_key):
        looked.append(client_key)
        return None if len(looked) == 1 else found_by(user, client_key)

    monkeypatch.setattr(once, "logged_with", missed_the_first_time)
    response = new_alice_api.post("/entries", food_entry(egg, key))
    assert response.status_code == 200
    assert response.json()["id"] == other.pk
    assert Entry.objects.count() == 1


def test_the_database_keeps_one_entry_per_person_and_key(new_alice, bob):
    key = uuid.uuid4()
    for person in (new_alice, bob):
        entry = quick_add(person, day=DAY, meal="breakfast", energy_kcal=100)
        Entry.objects.filter(pk=entry.pk).update(client_key=key)
    quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=100)
    quick_add(new_alice, day=DAY, meal="lunch", energy_kcal=100)  # two without a key are fine
    twin = quick_add(new_alice, day=DAY, meal="dinner", energy_kcal=100)
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.filter(pk=twin.pk).update(client_key=key)


def test_the_page_session_may_send_a_keyed_entry_with_its_csrf_token(new_alice, egg):
    """What the pages' offline queue does: the session cookie and the X-CSRFToken header."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(new_alice)
    browser.get("/diary/", follow=True)
    token = browser.cookies["csrftoken"].value
    body = food_entry(egg, uuid.uuid4())
    for expected in (201, 200):
        response = browser.post(
            "/api/entries", body, content_type="application/json", HTTP_X_CSRFTOKEN=token
        )
        assert response.status_code == expected, response.content
    assert Entry.objects.filter(user=new_alice).count() == 1


def test_the_export_keeps_the_key_as_text(new_alice):
    entry = quick_add(new_alice, day=DAY, meal="breakfast", energy_kcal=100)
    key = uuid.uuid4()
    Entry.objects.filter(pk=entry.pk).update(client_key=key)
    document = json.loads(export.export_json(new_alice))
    assert document["diary_entries"][0]["client_key"] == str(key)
    archive = zipfile.ZipFile(io.BytesIO(export.export_zip(new_alice)))
    assert str(key) in archive.read("diary_entries.csv").decode()
