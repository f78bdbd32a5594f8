import pytest
from django.db import OperationalError
from django.test import Client

from openplate import views


def test_it_shows_the_home_page(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "<title>Welcome · OpenPlate</title>" in response.content.decode()
    assert "Budget − Food + Exercise = Remaining" in response.content.decode()
    assert 'href="/static/openplate/site.css"' in response.content.decode()


def test_it_takes_a_signed_in_person_to_their_diary(new_alice_browser: Client) -> None:
    response = new_alice_browser.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/diary/"


def test_it_serves_htmx_from_the_app(client: Client) -> None:
    response = client.get("/static/vendor/htmx/htmx.min.js")
    assert response.status_code == 200
    assert b"htmx" in b"".join(response.streaming_content)  # type: ignore[attr-defined]


def test_it_serves_the_stylesheet(client: Client) -> None:
    response = client.get("/static/openplate/site.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert b"font-family" in b"".join(response.streaming_content)  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_it_answers_the_health_check(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response.content == b"ok"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_the_health_check_says_when_the_database_does_not_answer(
    client: Client, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class Unreachable:
        def cursor(self) -> None:
            raise OperationalError("connection refused")

    monkeypatch.setattr(views, "connection", Unreachable())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"database unavailable"
    assert response["Cache-Control"] == "no-store"
    assert "connection refused" in caplog.text  # the reason, for the one who reads the log


def test_it_mounts_the_admin(client: Client) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
