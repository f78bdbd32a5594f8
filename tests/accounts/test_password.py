"""Changing a password, and resetting a forgotten one by e-mail."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from tests.accounts.test_signup import unlabelled_fields
from tests.people import ALICE_PASSWORD

pytestmark = pytest.mark.django_db

OLD = ALICE_PASSWORD
NEW = "bowl-Cucumber-77"


def signs_in(username: str, password: str) -> bool:
    """Whether the sign-in page lets `username` in with `password`, in a browser of its own."""
    response = Client().post("/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302


def test_changing_the_password_needs_sign_in(client: Client) -> None:
    response = client.get("/accounts/password_change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_shows_the_change_form_with_every_input_labelled(new_alice_browser: Client) -> None:
    response = new_alice_browser.get("/accounts/password_change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Change your password · OpenPlate</title>" in html
    assert unlabelled_fields(html) == []


def test_it_changes_the_password(new_alice_browser: Client) -> None:
    response = new_alice_browser.post(
        "/accounts/password_change/",
        {"old_password": OLD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_change/done/"
    done = new_alice_browser.get(response["Location"])
    assert "Password changed" in done.content.decode()
    assert new_alice_browser.get("/goal/").status_code == 200  # still signed in

    new_alice_browser.post("/accounts/logout/")
    assert not signs_in("alice", OLD)
    assert signs_in("alice", NEW)


def test_a_wrong_current_password_is_shown_beside_the_field(
    new_alice_browser: Client, new_alice: User
) -> None:
    response = new_alice_browser.post(
        "/accounts/password_change/",
        {"old_password": "not it", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_old_password_error"' in html
    assert 'aria-invalid="true"' in html
    new_alice.refresh_from_db()
    assert new_alice.check_password(OLD)


@pytest.mark.usefixtures("new_alice")
def test_it_resets_a_forgotten_password_by_email(client: Client) -> None:
    page = client.get("/accounts/password_reset/")
    assert unlabelled_fields(page.content.decode()) == []

    response = client.post("/accounts/password_reset/", {"email": "alice@example.com"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_reset/done/"
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert message.subject == "Reset your OpenPlate password"
    assert "alice" in message.body
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body)
    assert link is not None

    confirm = client.get(link.group(1), follow=True)
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "Choose a new password" in html
    assert unlabelled_fields(html) == []
    set_password_url = confirm.redirect_chain[-1][0]
    response = client.post(set_password_url, {"new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/reset/done/"
    assert "Password set" in client.get(response["Location"]).content.decode()

    signed_in = client.post("/accounts/login/", {"username": "alice", "password": NEW})
    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/diary/"
    assert not signs_in("alice", OLD)


@pytest.mark.usefixtures("new_alice")
def test_a_reset_link_works_once(client: Client) -> None:
    client.post("/accounts/password_reset/", {"email": "alice@example.com"})
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    confirm = client.get(link.group(1), follow=True)
    client.post(confirm.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})

    again = Client().get(link.group(1), follow=True)
    assert "This link no longer works" in again.content.decode()


def test_it_sends_nothing_for_an_unknown_address_and_says_the_same(client: Client) -> None:
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password_reset/done/"
    assert mail.outbox == []
