"""Deleting an account ends the person's browser sessions, however it is deleted; another
person's stay."""

import pytest
from django.contrib.sessions.models import Session

from tests.people import signed_in

pytestmark = pytest.mark.django_db


def signed_in_sessions(user):
    return [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)
    ]


def test_deleting_through_the_api_ends_the_persons_sessions(new_alice, bob, new_alice_api):
    laptop, phone, bobs = signed_in(new_alice), signed_in(new_alice), signed_in(bob)
    assert len(signed_in_sessions(new_alice)) == 2
    answer = new_alice_api._send("delete", "/account", {"password": "alice-password"})
    assert answer.status_code == 204
    assert Session.objects.count() == 1
    assert laptop.get("/diary/").status_code == 302  # sent to sign in
    assert phone.get("/api/profile").status_code == 401
    assert bobs.get("/api/profile").json()["username"] == "bob"


def test_deleting_through_the_page_ends_the_persons_other_sessions(new_alice, bob):
    page, other = signed_in(new_alice), signed_in(new_alice)
    signed_in(bob)
    page.post("/settings/delete/", {"password": "alice-password"})
    assert other.get("/diary/").status_code == 302
    assert signed_in_sessions(new_alice) == []
    assert len(signed_in_sessions(bob)) == 1


def test_deleting_the_user_anywhere_else_ends_their_sessions(new_alice, bob):
    signed_in(new_alice)
    signed_in(bob)
    new_alice.delete()  # the admin's way, or a script's
    assert Session.objects.count() == 1
    assert len(signed_in_sessions(bob)) == 1
