"""Signing up, in and out."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.people import ALICE_PASSWORD

pytestmark = pytest.mark.django_db

PASSWORD = "plate-Tomato-42"


class _Fields(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: list[str | None] = []
        self.labelled: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "label" and attributes.get("for"):
            self.labelled.add(str(attributes["for"]))
        if tag in ("input", "select", "textarea") and attributes.get("type") not in (
            "hidden",
            "submit",
        ):
            self.fields.append(attributes.get("id"))


def unlabelled_fields(html: str) -> list[str | None]:
    """The inputs of a page that have no <label for=...>; also used by the other page tests."""
    parsed = _Fields()
    parsed.feed(html)
    assert parsed.fields, "the page has no inputs"
    return [field for field in parsed.fields if field is None or field not in parsed.labelled]


def sign_up(client: Client, **changes: str) -> object:
    form = {
        "username": "alice",
        "email": "alice@example.com",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **changes,
    }
    return client.post("/accounts/signup/", form)


def test_it_shows_the_form_with_every_input_labelled(client: Client) -> None:
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Sign up · OpenPlate</title>" in html
    for name in ("username", "email", "password1", "password2"):
        assert f'id="id_{name}"' in html
    assert unlabelled_fields(html) == []
    assert 'href="/static/openplate/accounts.css"' in html


def test_it_signs_the_new_person_in_and_asks_for_their_goal(client: Client) -> None:
    response = sign_up(client)
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response["Location"] == "/goal/"  # type: ignore[index]
    alice = User.objects.get(username="alice")
    assert alice.email == "alice@example.com"
    assert alice.check_password(PASSWORD)
    page = client.get("/goal/")
    assert page.status_code == 200
    assert "Welcome, alice" in page.content.decode()


def test_the_email_address_is_optional(client: Client) -> None:
    response = sign_up(client, email="")
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert User.objects.get(username="alice").email == ""


def test_it_shows_mismatched_passwords_beside_the_field(client: Client) -> None:
    response = sign_up(client, password2="something-else-42")
    assert response.status_code == 422  # type: ignore[attr-defined]
    html = response.content.decode()  # type: ignore[attr-defined]
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_password2_helptext id_password2_error"' in html
    assert 'id="id_password2_error"' in html
    assert "didn’t match" in html
    assert not User.objects.exists()


def test_it_refuses_a_weak_password(client: Client) -> None:
    response = sign_up(client, password1="password", password2="password")
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert "too common" in response.content.decode()  # type: ignore[attr-defined]
    assert not User.objects.exists()


@pytest.mark.usefixtures("new_alice")
def test_it_refuses_a_taken_username(client: Client) -> None:
    response = sign_up(client)
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert 'id="id_username_error"' in response.content.decode()  # type: ignore[attr-defined]


def test_it_refuses_an_email_address_in_use(client: Client, django_user_model: type[User]) -> None:
    django_user_model.objects.create_user("bob", email="Alice@Example.com")
    response = sign_up(client)
    assert response.status_code == 422  # type: ignore[attr-defined]
    html = response.content.decode()  # type: ignore[attr-defined]
    assert 'id="id_email_error"' in html
    assert "already uses this e-mail" in html
    assert not User.objects.filter(username="alice").exists()


def test_it_sends_someone_signed_in_to_the_diary(new_alice_browser: Client) -> None:
    response = new_alice_browser.get("/accounts/signup/")
    assert response.status_code == 302
    assert response["Location"] == "/diary/"


def test_signing_up_needs_the_csrf_token(django_user_model: type[User]) -> None:
    client = Client(enforce_csrf_checks=True)
    response = sign_up(client)
    assert response.status_code == 403  # type: ignore[attr-defined]
    assert not django_user_model.objects.exists()


def test_it_shows_the_sign_in_page(client: Client) -> None:
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert unlabelled_fields(html) == []
    assert 'href="/accounts/password_reset/"' in html
    assert 'href="/accounts/signup/"' in html


@pytest.mark.usefixtures("new_alice")
def test_signing_in_leads_to_the_diary(client: Client) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": ALICE_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/diary/"


@pytest.mark.usefixtures("new_alice")
def test_signing_in_returns_to_the_page_asked_for(client: Client) -> None:
    asked = client.get("/goal/")
    assert asked["Location"] == "/accounts/login/?next=/goal/"
    page = client.get(asked["Location"])
    assert 'name="next" value="/goal/"' in page.content.decode()
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": ALICE_PASSWORD, "next": "/goal/"}
    )
    assert response["Location"] == "/goal/"


@pytest.mark.usefixtures("new_alice")
def test_a_wrong_password_is_refused(client: Client) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signing_out_is_a_post_and_leads_to_sign_in(new_alice_browser: Client) -> None:
    assert new_alice_browser.get("/accounts/logout/").status_code == 405
    response = new_alice_browser.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert new_alice_browser.get("/goal/").status_code == 302
