"""Deleting a food or exercise entry on the pages offers Undo, which puts the entry back as it
was: same id, same moment it was made, same nutrients."""

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from openplate.diary import services
from openplate.diary.models import Entry
from openplate.exercise import services as exercise
from openplate.exercise.models import ExerciseEntry
from tests.people import signed_in

pytestmark = pytest.mark.django_db


def test_deleting_an_entry_offers_undo_and_undo_puts_it_back_as_it_was(
    alice: User, alice_browser: Client, today: date
) -> None:
    entry = services.quick_add(alice, day=today, meal="lunch", energy_kcal=420, protein_g=30)
    before = Entry.objects.values().get(pk=entry.pk)
    page = alice_browser.post(f"/diary/entries/{entry.pk}/delete/", follow=True).content.decode()
    assert not Entry.objects.filter(pk=entry.pk).exists()
    assert "Deleted" in page
    assert 'action="/diary/undo/"' in page
    assert ">Undo</button>" in page

    response = alice_browser.post("/diary/undo/")
    assert response.status_code == 302
    assert response["Location"] == f"/diary/{today}/#entry-{entry.pk}"
    after = Entry.objects.values().get(pk=entry.pk)
    assert {k: v for k, v in after.items() if k != "updated"} == {
        k: v for k, v in before.items() if k != "updated"
    }


def test_undo_works_once(alice: User, alice_browser: Client, today: date) -> None:
    entry = services.quick_add(alice, day=today, meal="lunch", energy_kcal=420)
    alice_browser.post(f"/diary/entries/{entry.pk}/delete/")
    alice_browser.post("/diary/undo/")
    page = alice_browser.post("/diary/undo/", follow=True).content.decode()
    assert "There is nothing to undo." in page
    assert Entry.objects.filter(user=alice).count() == 1


def test_undo_puts_back_only_the_last_deletion(
    alice: User, alice_browser: Client, today: date
) -> None:
    first = services.quick_add(alice, day=today, meal="lunch", energy_kcal=100)
    second = services.quick_add(alice, day=today, meal="lunch", energy_kcal=200)
    alice_browser.post(f"/diary/entries/{first.pk}/delete/")
    alice_browser.post(f"/diary/entries/{second.pk}/delete/")
    alice_browser.post("/diary/undo/")
    assert list(Entry.objects.filter(user=alice).values_list("pk", flat=True)) == [second.pk]


def test_deleting_exercise_offers_undo_too(alice: User, alice_browser: Client, today: date) -> None:
    workout = exercise.log_custom(alice, day=today, name="Rowing", energy_kcal=250, minutes=30)
    page = alice_browser.post(
        f"/exercise/entries/{workout.pk}/delete/", follow=True
    ).content.decode()
    assert ">Undo</button>" in page
    response = alice_browser.post("/diary/undo/")
    assert response["Location"] == f"/diary/{today}/#exercise"
    assert ExerciseEntry.objects.get(pk=workout.pk).energy_kcal == 250


def test_a_session_cannot_undo_into_another_persons_diary(
    alice: User, alice_browser: Client, bob: User, today: date
) -> None:
    entry = services.quick_add(alice, day=today, meal="lunch", energy_kcal=420)
    alice_browser.post(f"/diary/entries/{entry.pk}/delete/")
    # Bob's session is his own; Alice's kept row is not in it.
    signed_in(bob).post("/diary/undo/")
    assert not Entry.objects.filter(pk=entry.pk).exists()
    assert not Entry.objects.filter(user=bob).exists()


def test_undo_answers_strangers_with_the_sign_in_page(client: Client) -> None:
    response = client.post("/diary/undo/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_undo_refuses_get(alice_browser: Client) -> None:
    assert alice_browser.get("/diary/undo/").status_code == 405


def test_the_restored_entry_keeps_its_place_in_the_meal(
    alice: User, alice_browser: Client, today: date
) -> None:
    first = services.quick_add(alice, day=today, meal="lunch", energy_kcal=100)
    services.quick_add(alice, day=today, meal="lunch", energy_kcal=200)
    made = Entry.objects.get(pk=first.pk).created
    alice_browser.post(f"/diary/entries/{first.pk}/delete/")
    alice_browser.post("/diary/undo/")
    assert Entry.objects.get(pk=first.pk).created == made
    assert next(e.pk for e in services.entries_on(alice, today)) == first.pk
    assert made <= timezone.now()
