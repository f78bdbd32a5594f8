"""What the settings make of OPENPLATE_HTTPS and OPENPLATE_TRUSTED_PROXY_COUNT, and the
Content-Security-Policy every response carries: pages, the API, errors and static files."""

from __future__ import annotations

import runpy
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings

from openplate import settings as real_settings

HTTPS_SETTINGS = (
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_SSL_REDIRECT",
)
YEAR_SECONDS = 365 * 24 * 60 * 60


def settings_with(monkeypatch: pytest.MonkeyPatch, **environment: str) -> dict[str, Any]:
    """The real settings module run afresh under `environment`, as a server would read it."""
    for name in (
        "OPENPLATE_HTTPS",
        "OPENPLATE_HSTS_SECONDS",
        "OPENPLATE_HSTS_SUBDOMAINS",
        "OPENPLATE_SSL_REDIRECT",
        "OPENPLATE_TRUSTED_PROXY_COUNT",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(real_settings.__file__)


def https_part(settings: dict[str, Any]) -> dict[str, Any]:
    return {name: settings[name] for name in HTTPS_SETTINGS}


def test_without_https_cookies_travel_over_http_and_no_header_is_trusted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert https_part(settings_with(monkeypatch)) == {
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "SECURE_PROXY_SSL_HEADER": None,
        "SECURE_HSTS_SECONDS": 0,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_SSL_REDIRECT": False,
    }


def test_https_makes_cookies_secure_turns_on_hsts_and_trusts_the_proxys_scheme(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert https_part(settings_with(monkeypatch, OPENPLATE_HTTPS="1")) == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
        "SECURE_HSTS_SECONDS": YEAR_SECONDS,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_SSL_REDIRECT": False,  # the proxy redirects; OpenPlate may, when asked
    }


def test_the_https_details_follow_their_own_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_with(
        monkeypatch,
        OPENPLATE_HTTPS="yes",
        OPENPLATE_HSTS_SECONDS="300",
        OPENPLATE_HSTS_SUBDOMAINS="on",
        OPENPLATE_SSL_REDIRECT="true",
    )
    assert settings["SECURE_HSTS_SECONDS"] == 300
    assert settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert settings["SECURE_SSL_REDIRECT"] is True
    assert settings["SECURE_REDIRECT_EXEMPT"] == [r"^healthz$"]


def test_the_https_details_do_nothing_without_https(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_with(monkeypatch, OPENPLATE_SSL_REDIRECT="1", OPENPLATE_HSTS_SECONDS="9")
    assert settings["SECURE_SSL_REDIRECT"] is False
    assert settings["SECURE_HSTS_SECONDS"] == 0


@pytest.mark.parametrize(
    ("name", "value"),
    [("OPENPLATE_HTTPS", "sometimes"), ("OPENPLATE_TRUSTED_PROXY_COUNT", "-1")],
)
def test_bad_values_are_refused_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    with pytest.raises(ImproperlyConfigured, match=name):
        settings_with(monkeypatch, **{name: value})


def test_the_trusted_proxy_count_is_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert settings_with(monkeypatch)["TRUSTED_PROXY_COUNT"] == 0
    assert settings_with(monkeypatch, OPENPLATE_TRUSTED_PROXY_COUNT="2")["TRUSTED_PROXY_COUNT"] == 2


def over_https() -> Any:
    """The settings OPENPLATE_HTTPS=1 gives, on the test settings."""
    return override_settings(
        SESSION_COOKIE_SECURE=True,
        CSRF_COOKIE_SECURE=True,
        SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
        SECURE_HSTS_SECONDS=YEAR_SECONDS,
    )


@pytest.mark.django_db
def test_behind_the_proxy_a_page_is_secure_with_hsts_and_a_secure_cookie() -> None:
    with over_https():
        response = Client().get("/accounts/login/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == f"max-age={YEAR_SECONDS}"
    assert response.cookies["csrftoken"]["secure"] is True


@pytest.mark.django_db
def test_a_request_the_proxy_says_was_plain_http_gets_no_hsts() -> None:
    with over_https():
        response = Client().get("/accounts/login/", headers={"X-Forwarded-Proto": "http"})
    assert "Strict-Transport-Security" not in response


def policy_of(response: Any) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


EXPECTED_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/",  # a page
        "/accounts/login/",  # a page with a form
        "/api/foods?q=banana",  # the API, refused without a token
        "/no-such-page/",  # an error page
        "/static/openplate/site.css",  # a static file, answered by WhiteNoise
        "/healthz",
    ],
)
def test_every_response_carries_the_policy(client: Client, path: str) -> None:
    response = client.get(path)
    assert policy_of(response) == EXPECTED_POLICY


def test_the_policy_allows_nothing_inline() -> None:
    directives = real_settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    allowed = [value for values in directives.values() for value in values]
    assert not [value for value in allowed if "unsafe" in value or value == "*"]
